import KubeModel
import Testing
@testable import Manifests

/// Scalar typing as kubectl's sigs.k8s.io/yaml (go-yaml v2) does it.
@Suite("YAML to JSON: scalar typing, keys, merges")
struct ScalarTypingTests {
    static let plainCases: [(String, JSONValue)] = [
        ("123", .int(123)), ("-7", .int(-7)), ("+7", .int(7)), ("0", .int(0)), ("1_000", .int(1000)),
        ("0x1F", .int(31)), ("0X1f", .int(31)), ("-0x10", .int(-16)), ("0o17", .int(15)), ("017", .int(15)),
        ("0b101", .int(5)), ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("1.5", .double(1.5)), ("-1.5", .double(-1.5)), (".5", .double(0.5)), ("1.", .double(1)),
        ("1e3", .double(1000)), ("6.02E+23", .double(6.02e23)), ("08", .double(8)), ("09.5", .double(9.5)),
        ("18446744073709551615", .double(Double(UInt64.max))),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("yes", .bool(true)),
        ("Yes", .bool(true)), ("on", .bool(true)), ("ON", .bool(true)), ("y", .bool(true)), ("Y", .bool(true)),
        ("false", .bool(false)), ("no", .bool(false)), ("NO", .bool(false)), ("off", .bool(false)),
        ("n", .bool(false)), ("N", .bool(false)),
        ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
        // Strings: near misses of the above.
        ("tRUE", "tRUE"), ("yES", "yES"), ("nil", "nil"), ("0x", "0x"), ("0b2", "0b2"), ("1e", "1e"),
        ("1e400", "1e400"), ("1.2.3", "1.2.3"), ("-x", "-x"), ("+", "+"), (".", "."), ("0x1G", "0x1G"),
        ("12:30:00", "12:30:00"), ("2001-12-14", "2001-12-14"), ("2001-12-14T21:59:43Z", "2001-12-14T21:59:43Z"),
        ("8080/TCP", "8080/TCP"), ("1Gi", "1Gi"), ("100m", "100m"), ("-.5e", "-.5e"), ("inf", "inf"),
        ("<<", "<<"), ("nginx:1.25", "nginx:1.25"),
    ]

    @Test("plain scalars are typed like go-yaml v2", arguments: plainCases)
    func plain(_ text: String, _ expected: JSONValue) throws {
        #expect(try yamlJSON("v: \(text)\n") == ["v": expected])
    }

    @Test("quoted and block scalars are always strings")
    func quoted() throws {
        let json = try yamlJSON("a: '123'\nb: \"true\"\nc: |\n  null\nd: >-\n  1.5\ne: ''\nf: \"\"\n")
        #expect(json == ["a": "123", "b": "true", "c": "null\n", "d": "1.5", "e": "", "f": ""])
    }

    @Test("explicit tags decide the type, or are refused without quoting the value")
    func tags() throws {
        let json = try yamlJSON("""
            a: !!str 123
            b: !!int "42"
            c: !!float 3
            d: !!bool "yes"
            e: !!null ""
            f: !custom 7
            g: !!binary aGVsbG8=
            h: !!timestamp 2001-12-14
            """)
        #expect(json == ["a": "123", "b": 42, "c": .double(3), "d": true, "e": nil, "f": "7", "g": "hello",
                         "h": "2001-12-14"])
        #expect(yamlError("a: !!int secret\n") == "1:4: cannot decode !!str as !!int")
        #expect(yamlError("a: !!bool 1\n") == "1:4: cannot decode !!int as !!bool")
        #expect(yamlError("a: !!binary '%%%'\n") == "1:4: !!binary value contains invalid base64 data")
    }

    @Test(".inf and .nan are YAML floats that JSON cannot carry")
    func nonFinite() {
        #expect(yamlError("a: .inf\n") == "1:4: unsupported value: +Inf (JSON has no infinity or NaN; quote it for a string)")
        #expect(yamlError("a: [-.INF]\n") == "1:5: unsupported value: -Inf (JSON has no infinity or NaN; quote it for a string)")
        #expect(yamlError("a: .NaN\n") == "1:4: unsupported value: NaN (JSON has no infinity or NaN; quote it for a string)")
        #expect(throws: Never.self) { try yamlJSON("a: '.inf'\n") }
    }

    @Test("mapping keys become strings as sigs.k8s.io/yaml makes them")
    func keys() throws {
        let json = try yamlJSON("80: a\n0x10: b\nyes: c\nn: d\n1.5: e\n1000000: f\n0.00001: g\n1e6: h\n.inf: i\n\"~\": j\n")
        #expect(json == ["80": "a", "16": "b", "true": "c", "false": "d", "1.5": "e", "1000000": "f", "1e-05": "g",
                         "1e+06": "h", ".inf": "i", "~": "j"])
        #expect(yamlError("~: a\n") == "1:1: unsupported mapping key: null (quote it for a string)")
        #expect(yamlError("? [a]\n: b\n") == "1:3: unsupported mapping key: a sequence (keys must be scalars)")
    }

    @Test("duplicate keys are rejected, naming the first definition")
    func duplicateKeys() {
        #expect(yamlError("a: 1\nb: 2\na: 3\n") == "3:1: mapping key \"a\" already defined at line 1")
        #expect(yamlError("spec:\n  x: 1\n  y: 2\n  x: 3\n") == "4:3: mapping key \"x\" already defined at line 2")
        // Keys that differ in YAML but not in JSON collide too: the JSON object could keep only one.
        #expect(yamlError("80: a\n\"80\": b\n") == "2:1: mapping key \"80\" already defined at line 1")
        #expect(yamlError("{a: 1, a: 2}") == "1:8: mapping key \"a\" already defined at line 1")
    }

    @Test("merge keys: explicit keys win, earlier sources win over later ones")
    func mergeKeys() throws {
        let json = try yamlJSON("""
            base: &base {a: 1, b: 1}
            more: &more {b: 2, c: 2}
            one:
              <<: *base
              a: 0
            list:
              d: 4
              <<: [*more, *base]
            inline:
              <<: {x: 1}
            quoted:
              "<<": not a merge
            """)
        #expect(json["one"] == ["a": 0, "b": 1])
        #expect(json["list"] == ["a": 1, "b": 2, "c": 2, "d": 4])
        #expect(json["inline"] == ["x": 1])
        #expect(json["quoted"] == ["<<": "not a merge"])
        #expect(yamlError("a:\n  <<: 1\n") == "2:7: map merge requires a mapping or a sequence of mappings as the value, got a scalar")
        #expect(yamlError("a:\n  <<: [{x: 1}, 2]\n") == "2:16: map merge requires a mapping or a sequence of mappings as the value, got a scalar")
    }

    @Test("JSON parses through the same path")
    func json() throws {
        let text = """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","labels":{"a.b/c":"d"}},
             "spec":{"ports":[{"port":80,"targetPort":"http","x":1.5e2,"y":-0,"z":null,"t":true}],
             "s":"tab\\tand \\u00e9 and \\/"}}
            """
        let json = try yamlJSON(text)
        #expect(json["spec"]?["ports"] == [["port": 80, "targetPort": "http", "x": .double(150), "y": 0, "z": nil,
                                            "t": true]])
        #expect(json["spec"]?["s"] == "tab\tand é and /")
        #expect(json["metadata"]?["labels"] == ["a.b/c": "d"])
    }

    @Test("float keys are formatted as Go's FormatFloat(f, 'g', -1, 32)")
    func goFloatFormatting() {
        #expect(GoFloat.formatShortest32(1.5) == "1.5")
        #expect(GoFloat.formatShortest32(0.1) == "0.1")
        #expect(GoFloat.formatShortest32(123456) == "123456")
        #expect(GoFloat.formatShortest32(1234567) == "1.234567e+06")
        #expect(GoFloat.formatShortest32(0.0001) == "0.0001")
        #expect(GoFloat.formatShortest32(0.00001234) == "1.234e-05")
        #expect(GoFloat.formatShortest32(-2.5e10) == "-2.5e+10")
        #expect(GoFloat.formatShortest32(0) == "0")
    }
}
