import Foundation

/// A Secret. Decoding checks shape only (keys are checked by Validation). Its values must never reach an error message, a log line or a debugger's description: decoding errors
/// name keys only, and `description`, `debugDescription` and `customMirror` list keys, not data.
public struct Secret: APIObject, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public static let resourceType = ResourceType.secret

    public var metadata: ObjectMeta
    public var type = "Opaque"
    /// Base64-encoded values, as the API serves them; `stringData` from the manifest is already merged in.
    public var data: [String: String] = [:]
    /// Write-only, as in the API: merged into `data` on decode and never served.
    public var stringData: [String: String] = [:]
    public var immutable: Bool?

    public init(metadata: ObjectMeta, type: String = "Opaque", data: [String: String] = [:]) {
        self.metadata = metadata
        self.type = type
        self.data = data
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        type = try r.string("type").flatMap { $0.isEmpty ? nil : $0 } ?? "Opaque"
        data = try r.secretMap("data")
        for (key, value) in data where Data(base64Encoded: value) == nil {
            throw FieldError(r.path.child("data").child(key), "illegal base64 data")
        }
        stringData = try r.secretMap("stringData")
        for (key, value) in stringData { data[key] = Data(value.utf8).base64EncodedString() }
        immutable = try r.bool("immutable")
        _ = r.unmodeled(typed: envelopeFields.union(["type", "data", "stringData", "immutable"]), alsoValid: [])
    }

    /// The decoded bytes of one key.
    public func value(_ key: String) -> Data? { data[key].flatMap { Data(base64Encoded: $0) } }

    public var description: String {
        "Secret \(metadata.key) (type \(type), keys: \(data.keys.sorted().joined(separator: ", ")))"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        // Not the whole metadata: kubectl's last-applied-configuration annotation holds a copy of the data.
        Mirror(self, children: ["namespace": metadata.namespace, "name": metadata.name, "type": type,
                                "keys": data.keys.sorted()], displayStyle: .struct)
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("type", type)
            b.set("data", data)
            b.set("immutable", immutable)
        }
    }
}

extension FieldReader {
    /// A map of strings whose values are never quoted in errors.
    func secretMap(_ key: String) throws -> [String: String] {
        guard let v = value(key) else { return [:] }
        guard case .object(let o) = v else {
            throw FieldError(path.child(key), "expected a map of strings, got \(v.typeName)")
        }
        var result: [String: String] = [:]
        for (k, item) in o {
            switch item {
            case .string(let s): result[k] = s
            case .null: result[k] = ""
            default: throw FieldError(path.child(key).child(k), "expected a string, got \(item.typeName)")
            }
        }
        return result
    }
}
