/// A namespaced name: the key of every table in the store.
///
/// It carries a hash of both strings, computed once when the key is made, and tables hash and compare that first:
/// a set that deletes an element rehashes the elements after it, and reading their strings to do so was a cache
/// miss each (most of the cost of replaying a recording's event churn).
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var namespace: String {
        didSet { fingerprint = Self.fingerprint(namespace, name) }
    }
    public var name: String {
        didSet { fingerprint = Self.fingerprint(namespace, name) }
    }
    private var fingerprint: UInt64

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
        fingerprint = Self.fingerprint(namespace, name)
    }

    public static func == (a: ObjectKey, b: ObjectKey) -> Bool {
        a.fingerprint == b.fingerprint && a.name == b.name && a.namespace == b.namespace
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    /// What dictionaries and sets call (Hashable's customization point): the fingerprint mixed with the table's
    /// seed, without a SipHash pass over it. The fingerprint is already well mixed; the seed, each table's own,
    /// still keeps one table's layout from predicting another's.
    public func _rawHashValue(seed: Int) -> Int {
        var h = fingerprint ^ UInt64(UInt(bitPattern: seed))
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return Int(bitPattern: UInt(h ^ (h >> 32)))
    }

    public static func < (a: ObjectKey, b: ObjectKey) -> Bool {
        a.namespace == b.namespace ? a.name < b.name : a.namespace < b.namespace
    }

    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    /// Mixes both strings' UTF-8 bytes eight at a time, each string's length closing it so that ("ab", "c") and
    /// ("a", "bc") differ. Equal keys always get equal fingerprints; each table mixes it with its own seed.
    private static func fingerprint(_ namespace: String, _ name: String) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        mix(namespace, into: &h)
        mix(name, into: &h)
        return h
    }

    private static func mix(_ string: String, into h: inout UInt64) {
        var string = string
        string.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset + 8 <= raw.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01B3
                h ^= h >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < raw.count {
                tail = tail << 8 | UInt64(raw[offset])
                offset += 1
            }
            h = (h ^ tail) &* 0x100_0000_01B3
            h = (h ^ UInt64(raw.count)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
    }
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
    /// Name and namespace, kept as the key the tables use, so reading it hashes nothing.
    public private(set) var key: ObjectKey
    public var name: String {
        get { key.name }
        set { key.name = newValue }
    }
    public var generateName: String?
    public var namespace: String {
        get { key.namespace }
        set { key.namespace = newValue }
    }
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
        key = ObjectKey(namespace: namespace, name: name)
        self.labels = labels
        self.annotations = annotations
    }

    public var isTerminating: Bool { deletionTimestamp != nil }

    /// The owner that manages this object (`controller: true`), as the garbage collector and controllers see it.
    public var controllerRef: OwnerReference? { ownerReferences.first { $0.controller == true } }
    public var indexedFields: IndexedFields {
        IndexedFields(key: key, labels: labels, ownerReferences: ownerReferences)
    }

    static let typed: Set<String> = [
        "name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
    ]
    static let alsoValid: Set<String> = ["managedFields", "selfLink"]

    public init(from r: FieldReader) throws {
        let name = try r.string("name") ?? ""
        generateName = try r.string("generateName")
        key = ObjectKey(namespace: try r.string("namespace") ?? "", name: name)
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
