/// The identity of an object in the store: its kind, namespace ("" for cluster-scoped) and name.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var namespace: String
    public var name: String

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    public static func < (a: ObjectKey, b: ObjectKey) -> Bool {
        a.namespace == b.namespace ? a.name < b.name : a.namespace < b.namespace
    }

    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }
}

public struct OwnerReference: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool? = true,
                blockOwnerDeletion: Bool? = true) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }

    public init(from r: FieldReader) throws {
        apiVersion = try r.requiredString("apiVersion")
        kind = try r.requiredString("kind")
        name = try r.requiredString("name")
        uid = try r.string("uid") ?? ""
        controller = try r.bool("controller")
        blockOwnerDeletion = try r.bool("blockOwnerDeletion")
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("apiVersion", apiVersion)
        b.set("kind", kind)
        b.set("name", name)
        b.set("uid", uid)
        b.set("controller", controller)
        b.set("blockOwnerDeletion", blockOwnerDeletion)
        return b.value
    }
}

/// metav1.ObjectMeta: the fields the API server owns (uid, resourceVersion, creationTimestamp, generation) are set by
/// the store, never trusted from a manifest.
public struct ObjectMeta: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var name: String
    public var generateName: String?
    public var namespace: String
    public var uid: String = ""
    public var resourceVersion: String = ""
    public var generation: Int?
    public var creationTimestamp: Timestamp?
    public var deletionTimestamp: Timestamp?
    public var deletionGracePeriodSeconds: Int?
    public var labels: [String: String] = [:]
    public var annotations: [String: String] = [:]
    public var ownerReferences: [OwnerReference] = []
    public var finalizers: [String] = []
    /// Fields such as managedFields, kept as given.
    public var unmodeled: [String: JSONValue] = [:]

    public init(name: String, namespace: String = "", labels: [String: String] = [:],
                annotations: [String: String] = [:]) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }
    public var isTerminating: Bool { deletionTimestamp != nil }

    /// The owner that manages this object (`controller: true`), as the garbage collector and controllers see it.
    public var controllerRef: OwnerReference? { ownerReferences.first { $0.controller == true } }

    static let typed: Set<String> = [
        "name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
    ]
    static let alsoValid: Set<String> = ["managedFields", "selfLink"]

    public init(from r: FieldReader) throws {
        name = try r.string("name") ?? ""
        generateName = try r.string("generateName")
        namespace = try r.string("namespace") ?? ""
        uid = try r.string("uid") ?? ""
        resourceVersion = try r.string("resourceVersion") ?? ""
        generation = try r.int("generation")
        creationTimestamp = try r.string("creationTimestamp").flatMap(Timestamp.init(rfc3339:))
        deletionTimestamp = try r.string("deletionTimestamp").flatMap(Timestamp.init(rfc3339:))
        deletionGracePeriodSeconds = try r.int("deletionGracePeriodSeconds")
        labels = try r.stringMap("labels")
        annotations = try r.stringMap("annotations")
        ownerReferences = try r.list("ownerReferences")
        finalizers = try r.stringList("finalizers")
        unmodeled = r.unmodeled(typed: Self.typed, alsoValid: Self.alsoValid)
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.set("name", name)
        b.set("generateName", generateName)
        if !namespace.isEmpty { b.set("namespace", namespace) }
        if !uid.isEmpty { b.set("uid", uid) }
        if !resourceVersion.isEmpty { b.set("resourceVersion", resourceVersion) }
        b.set("generation", generation)
        b.set("creationTimestamp", creationTimestamp)
        b.set("deletionTimestamp", deletionTimestamp)
        b.set("deletionGracePeriodSeconds", deletionGracePeriodSeconds)
        b.set("labels", labels)
        b.set("annotations", annotations)
        b.set("ownerReferences", ownerReferences)
        if !finalizers.isEmpty { b.set("finalizers", .array(finalizers.map { .string($0) })) }
        return b.value
    }
}
