import Foundation

public struct ConfigMap: APIObject {
    public static let resourceType = ResourceType.configMap

    public var metadata: ObjectMeta
    public var data: [String: String] = [:]
    /// Base64-encoded values.
    public var binaryData: [String: String] = [:]
    public var immutable: Bool?

    public init(metadata: ObjectMeta, data: [String: String] = [:]) {
        self.metadata = metadata
        self.data = data
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        data = try r.stringMap("data")
        binaryData = try r.stringMap("binaryData")
        for (key, value) in binaryData where Data(base64Encoded: value) == nil {
            throw FieldError(r.path.child("binaryData").child(key), "illegal base64 data")
        }
        immutable = try r.bool("immutable")
        _ = r.unmodeled(typed: envelopeFields.union(["data", "binaryData", "immutable"]), alsoValid: [])
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("data", data)
            b.set("binaryData", binaryData)
            b.set("immutable", immutable)
        }
    }
}
