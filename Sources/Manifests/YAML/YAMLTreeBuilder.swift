import CYAML

/// Builds one document's tree from libyaml events, enforcing the parser's limits as it goes.
///
/// A plain struct with mutating methods (rather than closures over local variables) keeps the per-event path free of
/// heap boxes and dynamic exclusivity checks: this runs once per scalar of every manifest.
struct YAMLTreeBuilder {
    enum Step { case `continue`, documentEnd, streamEnd }

    /// A collection being built; the stack holds them innermost last.
    private struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var anchor: String?
        var tag: String?
        var line: Int
        var column: Int
        /// Expanded node count of the subtree so far: what an alias to this node adds to its document.
        var size = 1
    }

    private struct Anchored {
        var node: YAMLNode
        var size: Int
    }

    private let limits: YAMLParser.Limits
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var aliasNodes = 0
    private var root: YAMLNode?
    private var start = (line: 0, column: 0)

    init(limits: YAMLParser.Limits) {
        self.limits = limits
    }

    /// The finished document. libyaml always produces a root node; an empty scalar stands in should it ever not.
    func document() -> YAMLDocument {
        let node = root ?? YAMLNode(.scalar("", .plain), line: start.line, column: start.column)
        return YAMLDocument(root: node, startLine: start.line, startColumn: start.column)
    }

    mutating func add(_ event: borrowing yaml_event_t) throws(YAMLError) -> Step {
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            // Straight from libyaml's buffer (always valid UTF-8) into a Swift string: no Foundation, no copy
            // beyond the string's own storage, none at all for short scalars.
            let value = s.length == 0 ? "" : String(decoding: UnsafeBufferPointer(start: s.value, count: s.length),
                                                    as: UTF8.self)
            let node = YAMLNode(.scalar(value, Self.style(s.style)), tag: Self.string(s.tag), line: line,
                                column: column)
            attach(node, size: 1, anchor: Self.string(s.anchor))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maxDepth else {
                throw YAMLError("nesting is deeper than \(limits.maxDepth) levels", line: line, column: column)
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            stack.append(Frame(isMapping: isMapping, anchor: Self.string(anchor), tag: Self.string(tag), line: line,
                               column: column))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            attach(YAMLNode(content, tag: frame.tag, line: frame.line, column: frame.column), size: frame.size,
                   anchor: frame.anchor)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw YAMLError("found undefined alias \"\(name)\"", line: line, column: column)
            }
            // Only expansion counts against the budget, so a large document without aliases is never refused.
            aliasNodes += anchored.size
            guard aliasNodes <= limits.maxAliasNodes else {
                throw YAMLError("document expands to more than \(limits.maxAliasNodes) nodes (alias bomb?)",
                                line: line, column: column)
            }
            var node = anchored.node
            node.line = line
            node.column = column
            attach(node, size: anchored.size, anchor: nil)
        case YAML_DOCUMENT_START_EVENT:
            start = (line, column)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_STREAM_END_EVENT:
            return .streamEnd
        default:  // STREAM_START; NO_EVENT does not occur
            break
        }
        return .continue
    }

    /// Attaches a finished node to its parent (or makes it the root) and records its anchor.
    private mutating func attach(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: node, size: size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let i = stack.count - 1
        stack[i].size += size
        if stack[i].isMapping {
            if let key = stack[i].pendingKey {
                stack[i].pairs.append(YAMLPair(key: key, value: node))
                stack[i].pendingKey = nil
            } else {
                stack[i].pendingKey = node
            }
        } else {
            stack[i].items.append(node)
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
