/// A Kubernetes object the simulation models with typed fields.
///
/// Each type keeps the fields it does not model (`unmodeled`), so `-o json` prints back everything a manifest said.
public protocol APIObject: Sendable, Equatable, JSONEncodable {
    static var resourceType: ResourceType { get }
    var metadata: ObjectMeta { get set }
    /// Decodes the whole object (apiVersion, kind, metadata, spec, status …) from a reader at the document root.
    init(from r: FieldReader) throws
}

extension APIObject {
    public var key: ObjectKey { metadata.key }
    public var name: String { metadata.name }
    public var namespace: String { metadata.namespace }

    /// The common envelope: apiVersion, kind and metadata, onto which each type adds spec, status and the rest.
    public func envelope(_ build: (inout JSONObjectBuilder) -> Void) -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("apiVersion", Self.resourceType.apiVersion)
        b.set("kind", Self.resourceType.kind)
        b.set("metadata", metadata.json())
        build(&b)
        return b.value
    }
}

extension FieldReader {
    /// Reads `metadata` of a top-level object; `metadata.name` is required unless generateName is given.
    public func objectMeta() throws -> ObjectMeta {
        guard let r = try reader("metadata") else { throw FieldError(path.child("metadata"), "Required value") }
        let meta = try ObjectMeta(from: r)
        if meta.name.isEmpty, (meta.generateName ?? "").isEmpty {
            throw FieldError(path.child("metadata").child("name"), "Required value: name or generateName is required")
        }
        return meta
    }
}
