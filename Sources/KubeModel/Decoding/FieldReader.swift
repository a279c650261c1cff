/// Collects unknown-field warnings while a document is decoded. Used by one decoding at a time.
public final class DecodeContext {
    public private(set) var warnings: [FieldWarning] = []
    public init() {}
    func warn(_ warning: FieldWarning) { warnings.append(warning) }
}

/// Types decoded from one JSON object, with errors that name the field.
public protocol FieldDecodable {
    init(from reader: FieldReader) throws
}

/// Reads typed fields out of one JSON object, naming the exact field in every error.
///
/// `null` counts as absent, as it does for the API server.
public struct FieldReader {
    public let path: FieldPath
    public let fields: [String: JSONValue]
    public let context: DecodeContext

    public init(_ value: JSONValue, path: FieldPath = .root, context: DecodeContext = DecodeContext()) throws {
        guard case .object(let fields) = value else {
            throw FieldError(path, "expected an object, got \(value.typeName)")
        }
        self.path = path
        self.fields = fields
        self.context = context
    }

    public func value(_ key: String) -> JSONValue? {
        guard let v = fields[key], !v.isNull else { return nil }
        return v
    }

    public func has(_ key: String) -> Bool { value(key) != nil }

    public func string(_ key: String) throws -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw FieldError(path.child(key), "expected a string, got \(v.typeName)") }
        return s
    }

    public func requiredString(_ key: String) throws -> String {
        guard let s = try string(key), !s.isEmpty else { throw FieldError(path.child(key), "Required value") }
        return s
    }

    public func int(_ key: String) throws -> Int? {
        guard let v = value(key) else { return nil }
        guard let i = v.intValue, let n = Int(exactly: i) else {
            throw FieldError(path.child(key), "expected an integer, got \(describe(v))")
        }
        return n
    }

    public func bool(_ key: String) throws -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { throw FieldError(path.child(key), "expected a boolean, got \(describe(v))") }
        return b
    }

    public func intOrString(_ key: String) throws -> IntOrString? {
        guard let v = value(key) else { return nil }
        switch v {
        case .string(let s): return .string(s)
        default:
            if let i = v.intValue, let n = Int(exactly: i) { return .int(n) }
            throw FieldError(path.child(key), "expected an integer or a string, got \(describe(v))")
        }
    }

    /// A map of strings such as labels, annotations or a nodeSelector.
    public func stringMap(_ key: String) throws -> [String: String] {
        guard let v = value(key) else { return [:] }
        guard case .object(let o) = v else {
            throw FieldError(path.child(key), "expected a map of strings, got \(v.typeName)")
        }
        var result: [String: String] = [:]
        result.reserveCapacity(o.count)
        for (k, item) in o {
            switch item {
            case .string(let s): result[k] = s
            case .null: result[k] = ""
            default:
                throw FieldError(path.child(key).child(k), "expected a string, got \(describe(item)) (quote it)")
            }
        }
        return result
    }

    public func stringList(_ key: String) throws -> [String] {
        guard let v = value(key) else { return [] }
        guard case .array(let items) = v else { throw FieldError(path.child(key), "expected a list, got \(v.typeName)") }
        return try items.enumerated().map { i, item in
            guard case .string(let s) = item else {
                throw FieldError(path.child(key).index(i), "expected a string, got \(describe(item))")
            }
            return s
        }
    }

    public func reader(_ key: String) throws -> FieldReader? {
        guard let v = value(key) else { return nil }
        return try FieldReader(v, path: path.child(key), context: context)
    }

    public func object<T: FieldDecodable>(_ key: String, as type: T.Type = T.self) throws -> T? {
        guard let r = try reader(key) else { return nil }
        return try T(from: r)
    }

    public func list<T: FieldDecodable>(_ key: String, of type: T.Type = T.self) throws -> [T] {
        guard let v = value(key) else { return [] }
        guard case .array(let items) = v else { throw FieldError(path.child(key), "expected a list, got \(v.typeName)") }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            result.append(try T(from: FieldReader(item, path: path.child(key).index(i), context: context)))
        }
        return result
    }

    /// Keeps the fields this model does not type, so printing the object loses nothing, and warns about fields that
    /// the Kubernetes API does not know at all (kubectl's `--validate=warn`).
    public func unmodeled(typed: Set<String>, alsoValid: Set<String>) -> [String: JSONValue] {
        var rest: [String: JSONValue] = [:]
        for (key, v) in fields where !typed.contains(key) {
            if alsoValid.contains(key) {
                rest[key] = v
            } else {
                context.warn(FieldWarning(path.child(key), "unknown field \"\(path.child(key))\""))
                rest[key] = v
            }
        }
        return rest
    }

    private func describe(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return "string \"\(s)\""
        case .int(let i): return "number \(i)"
        case .double(let d): return "number \(d)"
        case .bool(let b): return "boolean \(b)"
        default: return v.typeName
        }
    }
}

/// A value that may be an integer or a string, such as a targetPort (`8080` or `http`) or maxSurge (`1` or `25%`).
public enum IntOrString: Sendable, Hashable, CustomStringConvertible, JSONEncodable {
    case int(Int)
    case string(String)

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return s
        }
    }

    public func json() -> JSONValue {
        switch self {
        case .int(let i): return .int(Int64(i))
        case .string(let s): return .string(s)
        }
    }
}
