public struct DeploymentStrategy: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public enum StrategyType: String, Sendable, Hashable, CaseIterable {
        case rollingUpdate = "RollingUpdate", recreate = "Recreate"
    }

    public static let defaultLimits = RollingUpdateLimits(maxSurge: .string("25%"), maxUnavailable: .string("25%"))

    public var type: StrategyType
    /// Present exactly when `type` is RollingUpdate, defaulted to 25%/25% as the API server does.
    public var rollingUpdate: RollingUpdateLimits?

    public init(type: StrategyType = .rollingUpdate, rollingUpdate: RollingUpdateLimits? = nil) {
        self.type = type
        self.rollingUpdate = type == .rollingUpdate ? (rollingUpdate ?? Self.defaultLimits) : nil
    }

    public init(from r: FieldReader) throws {
        type = try r.enumValue("type", StrategyType.self) ?? .rollingUpdate
        let limits = try r.reader("rollingUpdate")
        if type == .recreate, limits != nil {
            throw FieldError(r.path.child("rollingUpdate"),
                             "Forbidden: may not be specified when strategy `type` is 'Recreate'")
        }
        rollingUpdate = type == .rollingUpdate ? try RollingUpdateLimits.decode(limits, defaults: Self.defaultLimits) : nil
        _ = r.unmodeled(typed: ["type", "rollingUpdate"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("type", type.rawValue)
        b.set("rollingUpdate", rollingUpdate)
        return b.value
    }
}

public struct DeploymentSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    /// nil when the manifest leaves it out (so a re-apply does not undo a scale); the API serves 1.
    public var replicas: Int?
    public var selector: LabelSelector
    public var template: PodTemplateSpec
    public var strategy = DeploymentStrategy()
    public var minReadySeconds = 0
    public var revisionHistoryLimit = 10
    public var progressDeadlineSeconds = 600
    public var paused = false

    public var desiredReplicas: Int { replicas ?? 1 }

    public init(replicas: Int? = nil, selector: LabelSelector, template: PodTemplateSpec,
                strategy: DeploymentStrategy = DeploymentStrategy()) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.strategy = strategy
    }

    public init(from r: FieldReader) throws {
        replicas = try r.int("replicas")
        selector = try r.workloadSelector()
        template = try r.workloadTemplate()
        strategy = try r.object("strategy") ?? DeploymentStrategy()
        minReadySeconds = try r.int("minReadySeconds") ?? 0
        revisionHistoryLimit = try r.nonNegativeInt("revisionHistoryLimit") ?? 10
        progressDeadlineSeconds = try r.int("progressDeadlineSeconds") ?? 600
        if progressDeadlineSeconds <= minReadySeconds {
            throw FieldError(r.path.child("progressDeadlineSeconds"),
                             "Invalid value: \(progressDeadlineSeconds): must be greater than minReadySeconds")
        }
        paused = try r.bool("paused") ?? false
        _ = r.unmodeled(typed: ["replicas", "selector", "template", "strategy", "minReadySeconds",
                                "revisionHistoryLimit", "progressDeadlineSeconds", "paused"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("replicas", desiredReplicas)
        b.set("selector", selector)
        b.set("template", template)
        b.set("strategy", strategy)
        b.setNonZero("minReadySeconds", minReadySeconds)
        b.set("revisionHistoryLimit", revisionHistoryLimit)
        b.set("progressDeadlineSeconds", progressDeadlineSeconds)
        if paused { b.set("paused", true) }
        return b.value
    }
}

public struct DeploymentStatus: Sendable, Hashable, JSONEncodable {
    public var observedGeneration = 0
    public var replicas = 0
    public var updatedReplicas = 0
    public var readyReplicas = 0
    public var availableReplicas = 0
    public var unavailableReplicas = 0
    public var conditions: [WorkloadCondition] = []
    public var collisionCount: Int?

    public init() {}

    public func condition(_ type: String) -> WorkloadCondition? { conditions.first { $0.type == type } }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.setNonZero("observedGeneration", observedGeneration)
        b.setNonZero("replicas", replicas)
        b.setNonZero("updatedReplicas", updatedReplicas)
        b.setNonZero("readyReplicas", readyReplicas)
        b.setNonZero("availableReplicas", availableReplicas)
        b.setNonZero("unavailableReplicas", unavailableReplicas)
        b.set("conditions", conditions)
        b.set("collisionCount", collisionCount)
        return b.value
    }
}

public struct Deployment: APIObject {
    public static let resourceType = ResourceType.deployment

    struct Fields: MetadataFields, Equatable {
        var metadata: ObjectMeta
        var spec: DeploymentSpec
        var status = DeploymentStatus()
    }

    /// The fields live in one copy-on-write box, as a Pod's do: a replay puts every recorded version into the store
    /// and takes the previous one out, and each costs one reference count instead of one per field (and a move
    /// of one pointer instead of a few hundred bytes).
    private var storage: CopyOnWrite<Fields>

    public var metadata: ObjectMeta {
        _read { yield storage.value.metadata }
        _modify { yield &storage.value.metadata }
    }
    public var spec: DeploymentSpec {
        _read { yield storage.value.spec }
        _modify { yield &storage.value.spec }
    }
    public var status: DeploymentStatus {
        _read { yield storage.value.status }
        _modify { yield &storage.value.status }
    }

    public var indexedFields: IndexedFields { storage.indexedFields }
    public var key: ObjectKey { storage.key }

    public init(metadata: ObjectMeta, spec: DeploymentSpec) {
        storage = CopyOnWrite(Fields(metadata: metadata, spec: spec))
    }

    public init(from r: FieldReader) throws {
        let metadata = try r.objectMeta()
        let spec = try DeploymentSpec(from: r.readerOrEmpty("spec"))
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
