import Foundation
import KubeModel
import Testing
@testable import Manifests

/// Bad input is part of the design: every case prints exactly one line in the `PATH:LINE:COLUMN: error: MESSAGE`
/// format (or `PATH: error: MESSAGE` for whole-file problems), and nothing crashes.
@Suite("Manifest loader: hostile input")
struct HostileInputTests {
    let dir = TemporaryDirectory()

    /// The one-line messages of loading one file with these contents, paths relative to the scratch directory.
    func messages(_ name: String, _ text: String) -> [String] { messages(name, bytes: Array(text.utf8)) }

    func messages(_ name: String, bytes: [UInt8]) -> [String] {
        let path = dir.write(name, bytes: bytes)
        return ManifestLoader().load(paths: [path]).diagnostics.map {
            $0.description.replacingOccurrences(of: dir.path + "/", with: "")
        }
    }

    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - port: 80
            targetPort: http
        """

    @Test("broken YAML: a key indented wrongly")
    func brokenYAML() {
        #expect(messages("bad.yaml", "kind: Service\nmetadata:\n  name: x\n labels: {}\n")
            == ["bad.yaml:4:2: error: did not find expected key (while parsing a block mapping at 1:1)"])
    }

    @Test("a tab in indentation")
    func tab() {
        #expect(messages("tab.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n")
            == ["tab.yaml:4:1: error: found character that cannot start any token (while scanning for the next token at 4:1); YAML does not allow tabs for indentation"])
    }

    @Test("an unterminated quote")
    func unterminatedQuote() {
        #expect(messages("quote.yaml", "apiVersion: v1\nkind: \"Service\nmetadata: {}\n")
            == ["quote.yaml:4:1: error: found unexpected end of stream (while scanning a quoted scalar at 2:7)"])
    }

    @Test("a document that is a list, or a scalar")
    func notAnObject() {
        #expect(messages("list.yaml", "- apiVersion: v1\n- kind: Service\n")
            == ["list.yaml:1:1: error: expected a Kubernetes object (a mapping with apiVersion and kind), got a sequence"])
        #expect(messages("scalar.yaml", "\(Self.service)\n---\njust some text\n")
            == ["scalar.yaml:10:1: error: expected a Kubernetes object (a mapping with apiVersion and kind), got a scalar"])
    }

    @Test("missing kind, missing metadata.name")
    func missingFields() {
        #expect(messages("nokind.yaml", "apiVersion: v1\nmetadata:\n  name: x\n")
            == ["nokind.yaml:1:1: error: kind: Required value"])
        #expect(messages("noname.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  labels: {app: web}\n")
            == ["noname.yaml:3:1: error: metadata.name: Required value: name or generateName is required"])
    }

    @Test("wrong types point at the offending value")
    func wrongTypes() {
        let text = Self.service.replacingOccurrences(of: "targetPort: http", with: "targetPort: [8080]")
        #expect(messages("types.yaml", text)
            == ["types.yaml:8:17: error: spec.ports[0].targetPort: expected an integer or a port name"])
        let json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\",\n  \"metadata\": {\"name\": \"j\"},\n  \"spec\": {\"ports\": [{\"port\": \"eighty\"}]}\n}\n"
        #expect(messages("types.json", json)
            == ["types.json:5:31: error: spec.ports[0].port: expected an integer, got string \"eighty\""])
    }

    @Test("an alias bomb")
    func aliasBomb() {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        #expect(messages("lol.yaml", text)
            == ["lol.yaml:11:10: error: document expands to more than 1000000 nodes (alias bomb?)"])
    }

    @Test("10,000 levels of [ are refused, the next document still loads")
    func deepNesting() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + String(repeating: "[", count: 10_000)
            + String(repeating: "]", count: 10_000) + "\n---\n" + Self.service + "\n"
        let path = dir.write("deep.yaml", text)
        let result = ManifestLoader().load(paths: [path])
        // The root mapping is the first of the 1000 levels, so the 1000th bracket is one too many.
        #expect(result.diagnostics.map(\.description) == ["\(path):4:1006: error: nesting is deeper than 1000 levels"])
        #expect(result.objects.map(\.object.metadata.name) == ["web"])
    }

    @Test("a binary file")
    func binary() {
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]
        bytes += (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(messages("a.out", bytes: bytes) == ["a.out: error: not a YAML or JSON file (it contains binary data)"])
    }

    @Test("invalid UTF-8")
    func invalidUTF8() {
        let bytes = Array("apiVersion: v1\nkind: Service\nmetadata:\n  name: caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(messages("latin1.yaml", bytes: bytes)
            == ["latin1.yaml:4:12: error: incomplete UTF-8 octet sequence: the input is not valid UTF-8 text"])
        let stray = Array("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n# \u{fffd}".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        #expect(messages("stray.yaml", bytes: stray)
            == ["stray.yaml:5:4: error: invalid leading UTF-8 octet 0xFF: the input is not valid UTF-8 text"])
    }

    @Test("NUL bytes: binary near the start, a control character further on")
    func nulBytes() {
        #expect(messages("nul.yaml", bytes: Array("apiVersion: v1\n".utf8) + [0] + Array("kind: Service\n".utf8))
            == ["nul.yaml: error: not a YAML or JSON file (it contains binary data)"])
        let padding = "# " + String(repeating: "x", count: 9000) + "\n"
        let late = Array((padding + "apiVersion: v1\nkind: Service\nmetadata:\n  name: ab").utf8) + [0] + Array("\n".utf8)
        #expect(messages("late.yaml", bytes: late) == ["late.yaml:5:11: error: control characters are not allowed (U+0000)"])
    }

    @Test("duplicate keys")
    func duplicateKeys() {
        #expect(messages("dup.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n")
            == ["dup.yaml:5:3: error: mapping key \"name\" already defined at line 4"])
    }

    @Test("a truncated file keeps the documents before the cut")
    func truncated() throws {
        let text = Self.service + "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: cut, labels: {app: \"we"
        let path = dir.write("cut.yaml", text)
        let result = ManifestLoader().load(paths: [path])
        #expect(result.diagnostics.map(\.description)
            == ["\(path):12:40: error: found unexpected end of stream (while scanning a quoted scalar at 12:37)"])
        #expect(result.objects.map(\.object.metadata.name) == ["web"])
    }

    @Test("every prefix of a real manifest loads or fails cleanly")
    func everyPrefix() throws {
        let text = Array((Self.service + "\n---\n" + Self.service.replacingOccurrences(of: "web", with: "api")).utf8)
        for cut in 0...text.count {
            let result = ManifestLoader().load(name: "cut.yaml", bytes: Array(text[..<cut]))
            #expect(result.diagnostics.allSatisfy { $0.description.hasPrefix("cut.yaml:") })
            #expect(!result.diagnostics.isEmpty || !result.objects.isEmpty)
        }
    }

    @Test("an empty file, and one of comments only")
    func empty() {
        #expect(messages("empty.yaml", "") == ["empty.yaml: error: no objects in file"])
        #expect(messages("comments.yaml", "# nothing yet\n---\n# still nothing\n---\n~\n") == ["comments.yaml: error: no objects in file"])
    }

    @Test("a directory without manifests, and a path that does not exist")
    func missing() {
        let empty = dir.mkdir("empty")
        dir.write("empty/README.md", "# not a manifest\n")
        #expect(ManifestLoader().load(paths: [empty]).diagnostics.map(\.description)
            == ["\(empty): error: no manifests (.yaml, .yml, .json) in directory"])
        let nowhere = dir.path + "/nowhere.yaml"
        #expect(ManifestLoader().load(paths: [nowhere]).diagnostics.map(\.description)
            == ["\(nowhere): error: no such file or directory"])
    }

    @Test("a file over the size limit is refused with its size")
    func tooLarge() {
        let path = dir.write("big.yaml", String(repeating: "# padding\n", count: 210_000))
        let result = ManifestLoader(maxFileSize: 1 << 20).load(paths: [path])
        #expect(result.diagnostics.map(\.description) == ["\(path): error: file is too large (2.0 MB; the limit is 1.0 MB)"])
    }

    @Test("Secret values never appear in messages")
    func secretValues() {
        let header = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"
        let all = messages("secret.yaml", header + "data:\n  password: 8675309\n")
            + messages("secret2.yaml", header + "data:\nstringData:\n  token: !!int hunter2\n")
        #expect(all == ["secret.yaml:5:13: error: data.password: expected a string, got number",
                        "secret2.yaml:6:10: error: cannot decode !!str as !!int"])
        #expect(!all.joined().contains("8675309") && !all.joined().contains("hunter2"))
    }
}
