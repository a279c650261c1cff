/// A Kubernetes object the simulation models with typed fields.
///
/// Each type keeps the fields it does not model (`unmodeled`), so `-o json` prints back everything a manifest said.
public protocol APIObject: Sendable, Equatable, JSONEncodable {
    static var resourceType: ResourceType { get }
    var metadata: ObjectMeta { get set }
    /// What the store's indexes read, and the key. Code that knows only this protocol reads `metadata` through its
    /// getter, and for a kind that keeps its fields in a box (Pods, Events, workloads, endpoints) the getter copies
    /// all of the metadata out (a reference count per field): a value lent from a class's storage is copied to
    /// cross a call the compiler cannot see into. These copy only what they return.
    var indexedFields: IndexedFields { get }
    var key: ObjectKey { get }
    /// Decodes the whole object (apiVersion, kind, metadata, spec, status …) from a reader at the document root.
    init(from r: FieldReader) throws
}

extension APIObject {
    public var indexedFields: IndexedFields { metadata.indexedFields }
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

/// The parts of an object's metadata that the store indexes: its key, its labels and its controller's uid.
public struct IndexedFields: Sendable, Equatable {
    public var key: ObjectKey
    public var labels: [String: String]
    public var controllerUID: String?

    public init(key: ObjectKey, labels: [String: String], ownerReferences: [OwnerReference]) {
        self.key = key
        self.labels = labels
        controllerUID = ownerReferences.controllerUID
    }
}

extension [OwnerReference] {
    /// The controller's uid, read in place (finding the reference first copies all of it).
    public var controllerUID: String? {
        for i in indices where self[i].controller == true { return self[i].uid }
        return nil
    }
}
