import Testing
@testable import Manifests

/// Broken, truncated and hostile YAML: libyaml's message with its problem and context positions, never a crash.
@Suite("YAML parser: errors")
struct YAMLErrorTests {
    @Test("a key indented wrongly")
    func badIndentation() {
        #expect(yamlError("kind: Service\nmetadata:\n  name: x\n labels: {}\n")
            == "4:2: did not find expected key (while parsing a block mapping at 1:1)")
    }

    @Test("an unclosed flow sequence")
    func unclosedFlow() {
        #expect(yamlError("a: 1\nb: [1, 2\nc: 3\n")
            == "3:2: did not find expected ',' or ']' (while parsing a flow sequence at 2:4)")
    }

    @Test("a tab in indentation")
    func tab() {
        #expect(yamlError("spec:\n\tports: []\n")
            == "2:1: found character that cannot start any token (while scanning for the next token at 2:1); YAML does not allow tabs for indentation")
    }

    @Test("an unterminated quote")
    func unterminatedQuote() {
        #expect(yamlError("a: \"abc\nb: 1\n")
            == "3:1: found unexpected end of stream (while scanning a quoted scalar at 1:4)")
    }

    @Test("a mapping value where none may be")
    func mappingValueInScalar() {
        #expect(yamlError("a: b: c\n") == "1:5: mapping values are not allowed in this context")
    }

    @Test("a sequence entry inside a mapping")
    func sequenceInMapping() {
        #expect(yamlError("a: 1\n- b\n") == "2:1: did not find expected key (while parsing a block mapping at 1:1)")
    }

    @Test("an unknown escape in a double-quoted string")
    func badEscape() {
        #expect(yamlError("key: \"a\\qb\"\n") == "1:8: found unknown escape character (while parsing a quoted scalar at 1:6)")
    }

    @Test("a truncated file: flow mapping cut mid-way")
    func truncated() {
        #expect(yamlError("metadata: {name: web, labels: {app: web")
            == "2:1: did not find expected ',' or '}' (while parsing a flow mapping at 1:31)")
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8() {
        let bytes = Array("a: b\nc: d".utf8) + [0xFF] + Array("\n".utf8)
        #expect(yamlError(bytes: bytes) == "2:5: invalid leading UTF-8 octet 0xFF: the input is not valid UTF-8 text")
        let truncatedSequence = Array("a: \u{e9}".utf8) + [0xC3]
        #expect(yamlError(bytes: truncatedSequence) == "1:5: incomplete UTF-8 octet sequence: the input is not valid UTF-8 text")
    }

    @Test("a NUL byte is a control character")
    func nulByte() {
        #expect(yamlError(bytes: Array("a: b\nc: ".utf8) + [0, 0x0A]) == "2:4: control characters are not allowed (U+0000)")
    }

    @Test("documents before a syntax error are kept; the stream ends at the error")
    func errorEndsStream() throws {
        let parser = YAMLParser("a: 1\n---\nb: [\n---\nc: 3\n")
        #expect(try parser.nextDocument()?.root.json() == ["a": 1])
        #expect(throws: YAMLError.self) { try parser.nextDocument() }
        #expect(try parser.nextDocument() == nil)
    }

    @Test("random bytes never crash the parser")
    func fuzz() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("{}[]:,-?!&*|>'\"#%@` \n\t\r\\abc01.~<<".utf8) + [0, 0xC3, 0xFF, 0xE2, 0x80]
        for _ in 0..<2000 {
            let count = Int(generator.next() % 64)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = yamlError(bytes: bytes)
        }
    }
}

/// A tiny deterministic generator, so a fuzz failure reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
