import KubeModel
import Testing
@testable import Kubectl

/// `kubectl -o yaml` output (sigs.k8s.io/yaml → go-yaml v2): quoting, layout, block scalars, key order, folding.
@Suite struct YAMLWriterTests {
    struct Quoting: Sendable, CustomTestStringConvertible {
        var value: String
        var yaml: String
        var testDescription: String { "\(value.debugDescription) → \(yaml)" }
        init(_ value: String, _ yaml: String) {
            self.value = value
            self.yaml = yaml
        }
    }

    static let quoting: [Quoting] = [
        // Plain when unambiguous.
        Quoting("nginx", "nginx"), Quoting("nginx:1.27", "nginx:1.27"), Quoting("10.244.1.5", "10.244.1.5"),
        Quoting("1.2.3", "1.2.3"), Quoting("-a", "-a"), Quoting("a:b", "a:b"), Quoting("a#b", "a#b"),
        Quoting("it's", "it's"), Quoting("say \"hi\"", "say \"hi\""), Quoting("é", "é"), Quoting("v1", "v1"),
        Quoting("+", "+"), Quoting(".", "."), Quoting("80/TCP", "80/TCP"), Quoting("yess", "yess"),
        // Double quotes: the plain text would read as another type.
        Quoting("", "\"\""), Quoting("true", "\"true\""), Quoting("False", "\"False\""), Quoting("yes", "\"yes\""),
        Quoting("on", "\"on\""), Quoting("Y", "\"Y\""), Quoting("n", "\"n\""), Quoting("null", "\"null\""),
        Quoting("~", "\"~\""), Quoting("80", "\"80\""), Quoting("1.5", "\"1.5\""), Quoting("-1", "\"-1\""),
        Quoting("+1", "\"+1\""), Quoting(".5", "\".5\""), Quoting("1e3", "\"1e3\""), Quoting("0x1F", "\"0x1F\""),
        Quoting("0755", "\"0755\""), Quoting("08", "\"08\""), Quoting("1_000", "\"1_000\""),
        Quoting(".inf", "\".inf\""), Quoting("-.Inf", "\"-.Inf\""), Quoting(".NaN", "\".NaN\""),
        Quoting("1:20", "\"1:20\""), Quoting("2024-01-02", "\"2024-01-02\""),
        Quoting("2024-01-02T15:04:05Z", "\"2024-01-02T15:04:05Z\""),
        Quoting("2024-1-2t1:2:3.5+01:00", "\"2024-1-2t1:2:3.5+01:00\""),
        // Single quotes: the text starts with an indicator or contains ": " / " #".
        Quoting("*", "'*'"), Quoting("*.example.com", "'*.example.com'"), Quoting("&anchor", "'&anchor'"),
        Quoting("!tag", "'!tag'"), Quoting("%x", "'%x'"), Quoting("@x", "'@x'"), Quoting("`x", "'`x'"),
        Quoting("- a", "'- a'"), Quoting("-", "'-'"), Quoting("a: b", "'a: b'"), Quoting("ends:", "'ends:'"),
        Quoting("# c", "'# c'"), Quoting("a #b", "'a #b'"), Quoting(" lead", "' lead'"),
        Quoting("trail ", "'trail '"), Quoting("[x]", "'[x]'"), Quoting("{x}", "'{x}'"), Quoting("|", "'|'"),
        Quoting(">", "'>'"), Quoting("? x", "'? x'"), Quoting("---", "'---'"), Quoting("'q'", "'''q'''"),
        Quoting("\"q\"", "'\"q\"'"),
        Quoting("containers with unready status: [web]", "'containers with unready status: [web]'"),
        // Double quotes with escapes: characters go-yaml v2 will not write raw.
        Quoting("tab\there", "\"tab\\there\""), Quoting("bell\u{07}", "\"bell\\a\""),
        Quoting("emoji 😀", "\"emoji \\U0001F600\""), Quoting("cr\r", "\"cr\\r\""),
    ]

    @Test(arguments: quoting)
    func quotesScalars(_ c: Quoting) {
        #expect(YAMLWriter.write(["k": .string(c.value)]) == "k: \(c.yaml)\n")
    }

    @Test func quotesKeysTheSameWay() {
        #expect(YAMLWriter.write(["80": "a", "true": "b", "*": "c", "app": "d"])
            == "'*': c\n\"80\": a\napp: d\n\"true\": b\n")
    }

    /// Numbers as Go's %g prints them; note the key `n`, which YAML 1.1 would read as `false`, is quoted.
    @Test func writesOtherScalars() {
        let value: JSONValue = ["b": true, "i": -42, "n": nil, "d": .double(1.5), "big": .double(1234567.5),
                                "small": .double(0.00001), "tenth": .double(0.0001), "round": .double(100000),
                                "million": .double(1e6)]
        #expect(YAMLWriter.write(value) == """
            b: true
            big: 1.2345675e+06
            d: 1.5
            i: -42
            million: 1e+06
            "n": null
            round: 100000
            small: 1e-05
            tenth: 0.0001

            """)
    }

    @Test func literalBlocks() {
        let value: JSONValue = ["strip": "line1\nline2", "clip": "line1\n", "keep": "a\n\n",
                                "indented": "  x\ny", "blank": "a\n\nb", "spaceBreak": "trailing \nx",
                                "nested": ["deeper": "one\ntwo\n"], "list": ["x\ny"]]
        #expect(YAMLWriter.write(value) == """
            blank: |-
              a

              b
            clip: |
              line1
            indented: |2-
                x
              y
            keep: |+
              a

            list:
            - |-
              x
              y
            nested:
              deeper: |
                one
                two
            spaceBreak: "trailing \\nx"
            strip: |-
              line1
              line2

            """)
    }

    @Test func layoutOfCollections() {
        let pod: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": "web", "labels": ["app": "web"]],
            "spec": [
                "containers": [["name": "web", "image": "nginx", "ports": [["containerPort": 80]]]],
                "empty": [:], "list": [], "nested": [[1, 2], [], [:]], "lastState": [:],
            ],
        ]
        #expect(YAMLWriter.write(pod) == """
            apiVersion: v1
            kind: Pod
            metadata:
              labels:
                app: web
              name: web
            spec:
              containers:
              - image: nginx
                name: web
                ports:
                - containerPort: 80
              empty: {}
              lastState: {}
              list: []
              nested:
              - - 1
                - 2
              - []
              - {}

            """)
    }

    @Test func emptyDocuments() {
        #expect(YAMLWriter.write([:]) == "{}\n")
        #expect(YAMLWriter.write([]) == "[]\n")
    }

    /// go-yaml v2's sorter: non-letters before letters, digit runs compared as numbers.
    @Test func keyOrder() {
        let keys = ["a10", "a2", "b", "B", "a-b", "ab", "a", "a_", "aZ"]
        #expect(YAMLKeyOrder.sorted(keys) == ["B", "a", "a-b", "a_", "a2", "a10", "aZ", "ab", "b"])
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.int(1)) }))
        #expect(YAMLWriter.write(value).split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
            == ["B", "a", "a-b", "a_", "a2", "a10", "aZ", "ab", "b"])
    }

    /// Long plain scalars fold at the first space past column 80, continuing two columns in from the key.
    @Test func foldsLongLines() {
        let words = (1...20).map { String(format: "word%02d", $0) }
        let text = YAMLWriter.write(["message": .string(words.joined(separator: " "))])
        #expect(text == "message: " + words[0..<11].joined(separator: " ") + "\n  "
            + words[11...].joined(separator: " ") + "\n")
        // Single-quoted scalars fold the same way.
        let quoted = YAMLWriter.write(["m": .string("x: " + words.joined(separator: " "))])
        #expect(quoted == "m: 'x: " + words[0..<11].joined(separator: " ") + "\n  "
            + words[11...].joined(separator: " ") + "'\n")
        // Keys never fold; long keys use the explicit `? key` form.
        let longKey = String(repeating: "k", count: 130)
        #expect(YAMLWriter.write([.init(stringLiteral: longKey): "v"] as JSONValue) == "? \(longKey)\n: v\n")
    }

    @Test func listWrapper() {
        let item: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "x"]]
        #expect(YAMLWriter.list([item]) == """
            apiVersion: v1
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: x
            kind: List
            metadata:
              resourceVersion: ""

            """)
        #expect(YAMLWriter.list([]) == "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n")
    }
}
