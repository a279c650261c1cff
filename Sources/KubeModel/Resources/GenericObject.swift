/// Any kind the simulation does not model (custom resources, HPA, NetworkPolicy, PVC …), stored and served whole.
/// Its body has no schema here, so its fields are never warned about.
public struct GenericObject: Sendable, Equatable, JSONEncodable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    /// Everything except apiVersion, kind and metadata: spec, status, data, rules …
    public var body: [String: JSONValue]

    public init(apiVersion: String, kind: String, metadata: ObjectMeta, body: [String: JSONValue] = [:]) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.body = body
    }

    public init(from r: FieldReader) throws {
        apiVersion = try r.requiredString("apiVersion")
        kind = try r.requiredString("kind")
        metadata = try r.objectMeta()
        body = r.fields.filter { !envelopeFields.contains($0.key) }
    }

    public var resourceType: ResourceType { ResourceType.unmodeled(apiVersion: apiVersion, kind: kind) }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(body)
        b.set("apiVersion", apiVersion)
        b.set("kind", kind)
        b.set("metadata", metadata.json())
        return b.value
    }
}
