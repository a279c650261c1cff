/// How a scalar was written. Kubernetes' decoder types only plain scalars: `8080` is a number, `"8080"` a string.
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One node of a parsed YAML document, with the 1-based line and column where it starts.
///
/// Aliases are already expanded: an alias becomes a copy of its anchored node (cheap, the arrays are shared), placed
/// at the alias's own position while its children keep the positions of the anchored text.
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(String, YAMLScalarStyle)
        case sequence([YAMLNode])
        /// Pairs in source order; duplicates and merge keys (`<<`) are kept as written and resolved by `json()`.
        case mapping([YAMLPair])
    }

    public var content: Content
    /// The explicit tag in its resolved form (`tag:yaml.org,2002:str` for `!!str`), nil when the node has none.
    public var tag: String?
    // UInt32 keeps a node at 48 bytes; a 4-billion-line manifest is not a concern.
    private var line32: UInt32
    private var column32: UInt32

    public init(_ content: Content, tag: String? = nil, line: Int, column: Int) {
        self.content = content
        self.tag = tag
        self.line32 = UInt32(truncatingIfNeeded: line)
        self.column32 = UInt32(truncatingIfNeeded: column)
    }

    public var line: Int {
        get { Int(line32) }
        set { line32 = UInt32(truncatingIfNeeded: newValue) }
    }
    public var column: Int {
        get { Int(column32) }
        set { column32 = UInt32(truncatingIfNeeded: newValue) }
    }

    /// The scalar's text, whatever its style; nil for collections.
    public var scalarValue: String? {
        if case .scalar(let s, _) = content { return s }
        return nil
    }
    public var sequenceItems: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }
    public var mappingPairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of the first pair whose key is the plain or quoted scalar `key` (no merge keys, no typing): a
    /// convenience for schema-free readers such as skin files.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalarValue == key && $0.key.tag == nil }?.value
    }

    /// "a mapping", "a sequence" or "a scalar", for messages.
    public var kindDescription: String {
        switch content {
        case .scalar: return "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// A merge key (`<<`) as YAML 1.1 and go-yaml define it: plain and untagged, or tagged `!!merge`.
    var isMergeKey: Bool {
        guard case .scalar("<<", let style) = content else { return false }
        return (style == .plain && tag == nil) || tag == YAMLTag.merge
    }
}

public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// One document of a stream. Empty documents (nothing but comments, or a bare `---`) are never produced.
public struct YAMLDocument: Sendable, Hashable {
    public var root: YAMLNode
    /// Where the document starts: its `---` marker, or its first token when the marker is implicit.
    public var startLine: Int
    public var startColumn: Int
}

/// A syntax or structure error at a 1-based line and column (0 when the position is unknown).
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    init(_ message: String, at node: YAMLNode) {
        self.init(message, line: node.line, column: node.column)
    }

    public var description: String { line > 0 ? "\(line):\(column): \(message)" : message }
}

/// The standard tags this code interprets, in the resolved form libyaml reports.
enum YAMLTag {
    static let prefix = "tag:yaml.org,2002:"
    static let str = prefix + "str"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let bool = prefix + "bool"
    static let null = prefix + "null"
    static let timestamp = prefix + "timestamp"
    static let binary = prefix + "binary"
    static let merge = prefix + "merge"

    /// `!!int` rather than the long form, as go-yaml prints tags in its messages.
    static func short(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
