import CYAML

/// Parses a YAML stream (or JSON, which libyaml reads as flow YAML) into one `YAMLDocument` at a time, so a large
/// multi-document file never needs more than one document's tree in memory.
///
/// Hostile input is bounded: nesting is capped (`maxDepth`), and aliases, which can expand exponentially ("billion
/// laughs"), may add at most `maxAliasNodes` nodes to a document. Anchors are scoped to their document.
public final class YAMLParser {
    public struct Limits: Sendable {
        /// Deepest nesting of sequences and mappings. Kubernetes objects nest a few dozen levels at most.
        public var maxDepth: Int
        /// Nodes that alias expansion may add to one document. Aliases in real files add a handful.
        public var maxAliasNodes: Int

        public init(maxDepth: Int = 1000, maxAliasNodes: Int = 1_000_000) {
            self.maxDepth = maxDepth
            self.maxAliasNodes = maxAliasNodes
        }
    }

    private let events: LibYAMLParser
    private let limits: Limits
    /// Set once libyaml has reported an error or the stream ended: libyaml cannot resume after an error.
    private var finished = false

    public convenience init(_ text: String, limits: Limits = Limits()) {
        self.init(source: SourceBuffer(copying: text.utf8), limits: limits)
    }

    public convenience init(bytes: [UInt8], limits: Limits = Limits()) {
        self.init(source: SourceBuffer(copying: bytes), limits: limits)
    }

    init(source: SourceBuffer, limits: Limits = Limits()) {
        self.events = LibYAMLParser(source: source)
        self.limits = limits
    }

    /// Every document of `text`, or the first error.
    public static func parseAll(_ text: String, limits: Limits = Limits()) throws(YAMLError) -> [YAMLDocument] {
        let parser = YAMLParser(text, limits: limits)
        var documents: [YAMLDocument] = []
        while let document = try parser.nextDocument() { documents.append(document) }
        return documents
    }

    /// The next non-empty document, or nil at the end of the stream.
    ///
    /// After a syntax error (from libyaml) the stream is over and later calls return nil. After a structure error of
    /// this parser's own (too deep, alias bomb, unknown alias) the rest of that document is skipped and the next call
    /// continues with the following document.
    public func nextDocument() throws(YAMLError) -> YAMLDocument? {
        while !finished {
            let document: YAMLDocument?
            do throws(ReadError) {
                document = try readDocument()
            } catch {
                switch error {
                case .syntax(let e):
                    finished = true
                    throw e
                case .structure(let e):
                    skipToDocumentEnd()
                    throw e
                }
            }
            if let document, !Self.isEmpty(document.root) { return document }
        }
        return nil
    }

    /// A bare `---`, or a document of comments only, parses as an untagged empty plain scalar.
    private static func isEmpty(_ node: YAMLNode) -> Bool {
        if case .scalar("", .plain) = node.content, node.tag == nil { return true }
        return false
    }

    // MARK: - Event loop

    /// Syntax errors come from libyaml, which cannot resume; structure errors come from the tree builder, after
    /// which the stream can continue with the next document.
    private enum ReadError: Error {
        case syntax(YAMLError)
        case structure(YAMLError)
    }

    /// Reads events up to the end of the next document; nil at the end of the stream.
    private func readDocument() throws(ReadError) -> YAMLDocument? {
        var builder = YAMLTreeBuilder(limits: limits)
        while true {
            let step: YAMLTreeBuilder.Step
            do {
                step = try events.next { (event) throws(YAMLError) in try builder.add(event) }
            } catch {
                // libyaml's own errors leave it failed; the builder's leave it healthy.
                throw events.failed ? .syntax(error) : .structure(error)
            }
            switch step {
            case .continue: continue
            case .streamEnd:
                finished = true
                return nil
            case .documentEnd:
                return builder.document()
            }
        }
    }

    /// Drops the rest of a document after a structure error, so the next document parses from a clean state. A
    /// syntax error further on ends the stream; the structure error is the one reported.
    private func skipToDocumentEnd() {
        while true {
            guard let type = try? events.next({ (event) throws(YAMLError) in event.type }),
                  type != YAML_STREAM_END_EVENT
            else {
                finished = true
                return
            }
            if type == YAML_DOCUMENT_END_EVENT { return }
        }
    }
}
