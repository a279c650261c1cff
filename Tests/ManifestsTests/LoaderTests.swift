import DemoCluster
import Foundation
import KubeModel
import Testing
@testable import Manifests

@Suite("Manifest loader: files, streams, lists")
struct LoaderTests {
    let dir = TemporaryDirectory()

    static func configMap(_ name: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  key: value\n"
    }

    @Test("a directory loads its .yaml, .yml and .json files in byte order, not recursively")
    func directory() throws {
        dir.write("m/b.yml", Self.configMap("b"))
        dir.write("m/a.yaml", Self.configMap("a"))
        dir.write("m/C.json", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}"#)
        dir.write("m/notes.txt", "not a manifest")
        dir.write("m/.yaml", "not a manifest either: no name before the extension")
        dir.write("m/sub/d.yaml", Self.configMap("d"))
        let result = ManifestLoader().load(paths: [dir.path + "/m"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.objects.map(\.object.metadata.name) == ["c", "a", "b"])
        #expect(result.objects.map(\.source.path) == ["C.json", "a.yaml", "b.yml"].map { dir.path + "/m/" + $0 })
    }

    @Test("a file is taken whatever its extension; paths load in the order given")
    func explicitFiles() {
        let one = dir.write("one.txt", Self.configMap("one"))
        let two = dir.write("two.yaml", Self.configMap("two"))
        let result = ManifestLoader().load(paths: [two, one])
        #expect(result.objects.map(\.object.metadata.name) == ["two", "one"])
    }

    @Test("- reads standard input, named <stdin> in messages")
    func standardInput() {
        let loader = ManifestLoader(standardInput: { Array((LoaderTests.configMap("in") + "---\nkind: Service\n").utf8) })
        let result = loader.load(paths: ["-"])
        #expect(result.objects.map(\.object.metadata.name) == ["in"])
        #expect(result.objects.first?.source.description == "<stdin>:1:1")
        #expect(result.diagnostics.map(\.description) == ["<stdin>:8:1: error: apiVersion: Required value"])
    }

    @Test("each object records the file and line where it starts")
    func sources() {
        let text = "# leading comment\n" + Self.configMap("a") + "---\n\n" + Self.configMap("b")
        let result = ManifestLoader().load(name: "mem.yaml", contents: text)
        #expect(result.objects.map(\.source.description) == ["mem.yaml:2:1", "mem.yaml:10:1"])
    }

    @Test("kind: List and typed lists expand to their items, positions per item")
    func lists() {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: first}
            - 42
            ---
            apiVersion: v1
            kind: ServiceList
            items:
            - metadata: {name: typed}
              spec:
                ports: [{port: 80}]
            - metadata: {}
            ---
            apiVersion: v1
            kind: PodList
            items: []
            """
        let result = ManifestLoader().load(name: "lists.yaml", contents: text)
        #expect(result.objects.map { "\($0.object.resourceType.kind)/\($0.object.metadata.name)@\($0.source.line)" }
            == ["ConfigMap/first@4", "Service/typed@12"])
        #expect(result.diagnostics.map(\.description) == [
            "lists.yaml:7:3: error: expected a Kubernetes object (a mapping with apiVersion and kind), got a scalar",
            "lists.yaml:15:3: error: metadata.name: Required value: name or generateName is required",
        ])
    }

    @Test("items that are not a list")
    func badItems() {
        let result = ManifestLoader().load(name: "l.yaml", contents: "apiVersion: v1\nkind: List\nitems: {a: 1}\n")
        #expect(result.diagnostics.map(\.description) == ["l.yaml:3:8: error: items: expected a list, got object"])
    }

    @Test("unknown fields are warnings at their key, in text order, and the object still loads")
    func warnings() {
        let text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              foo: 1
              ports:
              - port: 80
                bar: 2
            extra: 3
            """
        let result = ManifestLoader().load(name: "w.yaml", contents: text)
        #expect(result.objects.count == 1)
        #expect(!result.hasErrors)
        #expect(result.diagnostics.map(\.description) == [
            "w.yaml:6:3: warning: unknown field \"spec.foo\"",
            "w.yaml:9:5: warning: unknown field \"spec.ports[0].bar\"",
            "w.yaml:10:1: warning: unknown field \"extra\"",
        ])
    }

    @Test("null documents are skipped, as kubectl skips them")
    func nullDocuments() {
        let result = ManifestLoader().load(name: "n.yaml", contents: "--- ~\n---\n" + Self.configMap("a") + "--- null\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.objects.count == 1)
    }

    @Test("an API version that no server serves points at apiVersion")
    func removedVersion() {
        let result = ManifestLoader().load(name: "old.yaml",
                                           contents: "kind: Ingress\napiVersion: extensions/v1beta1\nmetadata: {name: x}\n")
        #expect(result.diagnostics.map(\.description).first?.hasPrefix("old.yaml:2:13: error: ") == true)
    }

    @Test("JSON indented with tabs, as editors write it, loads (tabs are fine inside flow collections)")
    func jsonWithTabs() {
        let json = "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"ConfigMap\",\n\t\"metadata\": {\n\t\t\"name\": \"tabs\"\n\t},\n\t\"data\": {\"k\": \"v\\tw\"}\n}\n"
        let result = ManifestLoader().load(name: "tabs.json", contents: json)
        #expect(result.diagnostics.isEmpty)
        #expect(result.objects.first?.source.description == "tabs.json:1:1")
    }

    @Test("one bad file does not stop the others")
    func independentFiles() {
        let bad = dir.write("bad.yaml", "a: [\n")
        let good = dir.write("good.yaml", Self.configMap("ok"))
        let result = ManifestLoader().load(paths: [bad, dir.path + "/missing.yaml", good])
        #expect(result.objects.map(\.object.metadata.name) == ["ok"])
        #expect(result.errors.count == 2)
    }
}

@Suite("Manifest loader: encodings and the bundled demo cluster")
struct EncodingAndDemoTests {
    @Test("a UTF-8 byte order mark, and UTF-16 with one, load as libyaml reads them")
    func byteOrderMarks() {
        let text = LoaderTests.configMap("bom")
        let utf8 = ManifestLoader().load(name: "bom8.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(utf8.diagnostics.isEmpty && utf8.objects.count == 1)
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = ManifestLoader().load(name: "bom16.yaml", bytes: utf16)
        #expect(result.diagnostics.isEmpty)
        #expect(result.objects.first?.object.metadata.name == "bom")
    }

    @Test("every file of the bundled demo cluster loads cleanly", arguments: DemoCluster.files)
    func demoCluster(_ file: DemoFile) {
        let result = ManifestLoader().load(name: file.name, contents: file.contents)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(!result.objects.isEmpty)
    }
}
