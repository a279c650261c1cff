import KubeModel
import Testing
@testable import Manifests

@Suite("YAML parser: events to tree")
struct YAMLParserTests {
    @Test("nodes carry 1-based lines and columns")
    func positions() throws {
        let text = """
            apiVersion: v1
            kind: Service
            spec:
              ports:
              - port: 80
                targetPort: http
            """
        let root = try #require(try YAMLParser.parseAll(text).first).root
        #expect((root.line, root.column) == (1, 1))
        let spec = try #require(root["spec"])
        #expect((spec.line, spec.column) == (4, 3))
        let ports = try #require(spec["ports"])
        #expect((ports.line, ports.column) == (5, 3))
        let item = try #require(ports.sequenceItems?.first)
        #expect((item.line, item.column) == (5, 5))
        let target = try #require(item["targetPort"])
        #expect((target.line, target.column) == (6, 17))
        #expect(target.scalarValue == "http")
    }

    @Test("a stream yields each document with its start; empty documents are skipped")
    func multiDocument() throws {
        let text = "a: 1\n---\nb: 2\n---\n---\n# only a comment\n---\n- c\n...\n---\n"
        let documents = try YAMLParser.parseAll(text)
        #expect(documents.map(\.startLine) == [1, 2, 7])
        #expect(documents.map(\.root.line) == [1, 3, 8])
        #expect(try documents.map { try $0.root.json() } == [["a": 1], ["b": 2], ["c"]])
    }

    @Test("a stream of nothing but comments has no documents")
    func commentsOnly() throws {
        #expect(try YAMLParser.parseAll("# nothing\n\n# here\n").isEmpty)
        #expect(try YAMLParser.parseAll("").isEmpty)
    }

    @Test("scalar styles and tags are kept")
    func styles() throws {
        let text = """
            plain: a
            single: 'b'
            double: "c"
            literal: |
              d
            folded: >
              e
              f
            tagged: !!str 1
            custom: !thing x
            """
        let root = try #require(try YAMLParser.parseAll(text).first).root
        func style(_ key: String) -> YAMLScalarStyle? {
            if case .scalar(_, let style) = root[key]?.content { return style }
            return nil
        }
        #expect(style("plain") == .plain)
        #expect(style("single") == .singleQuoted)
        #expect(style("double") == .doubleQuoted)
        #expect(style("literal") == .literal)
        #expect(root["literal"]?.scalarValue == "d\n")
        #expect(style("folded") == .folded)
        #expect(root["folded"]?.scalarValue == "e f\n")
        #expect(root["tagged"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["custom"]?.tag == "!thing")
    }

    @Test("flow and block collections build the same tree")
    func flowAndBlock() throws {
        let block = try yamlJSON("a:\n  - 1\n  - x: z\n")
        let flow = try yamlJSON("{a: [1, {x: z}]}")
        #expect(block == flow)
        #expect(block == ["a": [1, ["x": "z"]]])
    }

    @Test("an alias is a copy of its anchor, placed where the alias is")
    func aliases() throws {
        let text = "base: &b\n  x: 1\ncopy: *b\n"
        let root = try #require(try YAMLParser.parseAll(text).first).root
        let copy = try #require(root["copy"])
        #expect((copy.line, copy.column) == (3, 7))
        #expect(copy.content == root["base"]?.content)
        #expect(try root.json() == ["base": ["x": 1], "copy": ["x": 1]])
    }

    @Test("anchors are scoped to their document; the stream continues after the bad one")
    func anchorsPerDocument() throws {
        let parser = YAMLParser("a: &x 1\n---\nb: *x\n---\nc: 3\n")
        #expect(try parser.nextDocument()?.root.json() == ["a": 1])
        #expect(throws: YAMLError("found undefined alias \"x\"", line: 3, column: 4)) { try parser.nextDocument() }
        #expect(try parser.nextDocument()?.root.json() == ["c": 3])
        #expect(try parser.nextDocument() == nil)
    }

    @Test("billion laughs is stopped by the alias budget")
    func aliasBomb() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        // Subtree sizes: a 10, b 91, c 820, d 7381, e 66430, f 597871. Through f, aliases have added 672570
        // nodes; g's first alias adds 597871 more and crosses 1,000,000, long before g's 5.4 million.
        #expect(yamlError(text) == "7:8: document expands to more than 1000000 nodes (alias bomb?)")
    }

    @Test("the alias budget is configurable and counts only expansion")
    func aliasBudget() throws {
        let limits = YAMLParser.Limits(maxAliasNodes: 5)
        #expect(throws: YAMLError("document expands to more than 5 nodes (alias bomb?)", line: 3, column: 4)) {
            try YAMLParser.parseAll("a: &a [1, 2, 3]\nb: *a\nc: *a\n", limits: limits)
        }
        // Without aliases, size is never limited.
        let big = "[" + Array(repeating: "1", count: 100).joined(separator: ",") + "]"
        #expect(try YAMLParser.parseAll(big, limits: limits).count == 1)
    }

    @Test("10,000 levels of [ are refused at depth 1000, without exhausting the stack")
    func deepNesting() {
        let text = String(repeating: "[", count: 10_000)
        #expect(yamlError(text) == "1:1001: nesting is deeper than 1000 levels")
        let blocks = String(repeating: "{a: ", count: 5_000)
        #expect(yamlError(blocks) == "1:4001: nesting is deeper than 1000 levels")
    }

    @Test("1,000 levels parse and convert")
    func maximumDepth() throws {
        let text = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        var value = try yamlJSON(text)
        var depth = 1
        while case .array(let items) = value, let first = items.first {
            value = first
            depth += 1
        }
        #expect(depth == 1000)
    }
}
