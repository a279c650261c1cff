public struct ReplicaSetSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    /// nil when the manifest leaves it out; the API serves 1.
    public var replicas: Int?
    public var selector: LabelSelector
    public var template: PodTemplateSpec
    public var minReadySeconds = 0

    public var desiredReplicas: Int { replicas ?? 1 }

    public init(replicas: Int? = nil, selector: LabelSelector, template: PodTemplateSpec) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
    }

    public init(from r: FieldReader) throws {
        replicas = try r.int("replicas")
        selector = try r.workloadSelector()
        template = try r.workloadTemplate()
        minReadySeconds = try r.int("minReadySeconds") ?? 0
        _ = r.unmodeled(typed: ["replicas", "selector", "template", "minReadySeconds"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("replicas", desiredReplicas)
        b.set("selector", selector)
        b.set("template", template)
        b.setNonZero("minReadySeconds", minReadySeconds)
        return b.value
    }
}

/// Status of a ReplicaSet or a ReplicationController, which report the same counts.
public struct ReplicaSetStatus: Sendable, Hashable, JSONEncodable {
    public var replicas = 0
    public var fullyLabeledReplicas = 0
    public var readyReplicas = 0
    public var availableReplicas = 0
    public var observedGeneration = 0
    public var conditions: [WorkloadCondition] = []

    public init() {}

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("replicas", replicas)  // not omitempty in the API: "replicas": 0 is served
        b.setNonZero("fullyLabeledReplicas", fullyLabeledReplicas)
        b.setNonZero("readyReplicas", readyReplicas)
        b.setNonZero("availableReplicas", availableReplicas)
        b.setNonZero("observedGeneration", observedGeneration)
        b.set("conditions", conditions)
        return b.value
    }
}

public struct ReplicaSet: APIObject {
    public static let resourceType = ResourceType.replicaSet

    struct Fields: MetadataFields, Equatable {
        var metadata: ObjectMeta
        var spec: ReplicaSetSpec
        var status = ReplicaSetStatus()
    }

    /// The fields live in one copy-on-write box, as a Pod's do: a replay puts every recorded version into the store
    /// and takes the previous one out, and each costs one reference count instead of one per field (and a move
    /// of one pointer instead of a few hundred bytes).
    private var storage: CopyOnWrite<Fields>

    public var metadata: ObjectMeta {
        _read { yield storage.value.metadata }
        _modify { yield &storage.value.metadata }
    }
    public var spec: ReplicaSetSpec {
        _read { yield storage.value.spec }
        _modify { yield &storage.value.spec }
    }
    public var status: ReplicaSetStatus {
        _read { yield storage.value.status }
        _modify { yield &storage.value.status }
    }

    public var indexedFields: IndexedFields { storage.indexedFields }
    public var key: ObjectKey { storage.key }

    public init(metadata: ObjectMeta, spec: ReplicaSetSpec) {
        storage = CopyOnWrite(Fields(metadata: metadata, spec: spec))
    }

    public init(from r: FieldReader) throws {
        let metadata = try r.objectMeta()
        let spec = try ReplicaSetSpec(from: r.readerOrEmpty("spec"))
        _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
        storage = CopyOnWrite(Fields(metadata: metadata, spec: spec))
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("spec", spec.json())
            b.set("status", status.json())
        }
    }
}

/// v1 ReplicationController: a plain equality selector, defaulted from the template's labels.
public struct ReplicationControllerSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var replicas: Int?
    public var selector: [String: String]
    public var template: PodTemplateSpec
    public var minReadySeconds = 0

    public var desiredReplicas: Int { replicas ?? 1 }

    public init(replicas: Int? = nil, selector: [String: String], template: PodTemplateSpec) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
    }

    public init(from r: FieldReader) throws {
        replicas = try r.int("replicas")
        template = try r.workloadTemplate()
        selector = try r.stringMap("selector")
        if selector.isEmpty { selector = template.metadata.labels }
        minReadySeconds = try r.int("minReadySeconds") ?? 0
        _ = r.unmodeled(typed: ["replicas", "selector", "template", "minReadySeconds"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("replicas", desiredReplicas)
        b.set("selector", selector)
        b.set("template", template)
        b.setNonZero("minReadySeconds", minReadySeconds)
        return b.value
    }
}

public struct ReplicationController: APIObject {
    public static let resourceType = ResourceType.replicationController
    public var metadata: ObjectMeta
    public var spec: ReplicationControllerSpec
    public var status = ReplicaSetStatus()

    public init(metadata: ObjectMeta, spec: ReplicationControllerSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        spec = try ReplicationControllerSpec(from: r.readerOrEmpty("spec"))
        // The API server defaults an RC's own labels from its template too.
        if metadata.labels.isEmpty { metadata.labels = spec.template.metadata.labels }
        _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("spec", spec.json())
            b.set("status", status.json())
        }
    }
}
