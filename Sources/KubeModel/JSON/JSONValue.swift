/// A JSON document as the Kubernetes API serves it. Objects are unordered: like kubectl's `-o json`, output sorts keys.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9.0e15: return Int64(d)
        default: return nil
        }
    }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// The JSON type name used in decoding errors, as the API server words them.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

/// Builds JSON objects while skipping absent optionals, so encoders read like the API types they mirror.
public struct JSONObjectBuilder {
    public private(set) var fields: [String: JSONValue]

    public init(_ base: [String: JSONValue] = [:]) { fields = base }

    public mutating func set(_ key: String, _ value: JSONValue?) {
        if let value { fields[key] = value }
    }
    public mutating func set(_ key: String, _ value: String?) { if let value { fields[key] = .string(value) } }
    public mutating func set(_ key: String, _ value: Int?) { if let value { fields[key] = .int(Int64(value)) } }
    public mutating func set(_ key: String, _ value: Bool?) { if let value { fields[key] = .bool(value) } }
    public mutating func set(_ key: String, _ value: [String: String]?) {
        if let value, !value.isEmpty { fields[key] = .object(value.mapValues { .string($0) }) }
    }
    public mutating func set<T: JSONEncodable>(_ key: String, _ value: T?) {
        if let value { fields[key] = value.json() }
    }
    /// Lists are omitted when empty, as Go's `omitempty` does for the API types.
    public mutating func set<T: JSONEncodable>(_ key: String, _ values: [T]) {
        if !values.isEmpty { fields[key] = .array(values.map { $0.json() }) }
    }
    public var value: JSONValue { .object(fields) }
}

public protocol JSONEncodable {
    func json() -> JSONValue
}
