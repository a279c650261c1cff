public struct StatefulSetUpdateStrategy: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public enum StrategyType: String, Sendable, Hashable, CaseIterable {
        case rollingUpdate = "RollingUpdate", onDelete = "OnDelete"
    }

    public var type: StrategyType = .rollingUpdate
    /// Pods with an ordinal at or above the partition are updated; only meaningful for RollingUpdate.
    public var partition = 0
    public var maxUnavailable: IntOrString?

    public init(type: StrategyType = .rollingUpdate, partition: Int = 0) {
        self.type = type
        self.partition = partition
    }

    public init(from r: FieldReader) throws {
        type = try r.enumValue("type", StrategyType.self) ?? .rollingUpdate
        if let ru = try r.reader("rollingUpdate") {
            if type == .onDelete {
                throw FieldError(r.path.child("rollingUpdate"),
                                 "Forbidden: only allowed for updateStrategy 'RollingUpdate'")
            }
            partition = try ru.nonNegativeInt("partition") ?? 0
            maxUnavailable = try ru.intOrString("maxUnavailable")
            _ = ru.unmodeled(typed: ["partition", "maxUnavailable"], alsoValid: [])
        }
        _ = r.unmodeled(typed: ["type", "rollingUpdate"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("type", type.rawValue)
        if type == .rollingUpdate {
            var ru = JSONObjectBuilder()
            ru.set("partition", partition)
            ru.set("maxUnavailable", maxUnavailable)
            b.set("rollingUpdate", ru.value)
        }
        return b.value
    }
}

public struct StatefulSetSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public enum PodManagementPolicy: String, Sendable, Hashable, CaseIterable {
        case orderedReady = "OrderedReady", parallel = "Parallel"
    }

    public var serviceName: String?
    public var replicas: Int?
    public var selector: LabelSelector
    public var template: PodTemplateSpec
    public var podManagementPolicy: PodManagementPolicy = .orderedReady
    public var updateStrategy = StatefulSetUpdateStrategy()
    public var minReadySeconds = 0
    public var revisionHistoryLimit = 10
    public var volumeClaimTemplates: [JSONValue] = []
    public var persistentVolumeClaimRetentionPolicy: JSONValue?
    /// `{start: N}`: the first ordinal, 0 when absent.
    public var ordinals: JSONValue?

    public var desiredReplicas: Int { replicas ?? 1 }
    public var startOrdinal: Int { ordinals?["start"]?.intValue.flatMap { Int(exactly: $0) } ?? 0 }

    public init(serviceName: String? = nil, replicas: Int? = nil, selector: LabelSelector, template: PodTemplateSpec) {
        self.serviceName = serviceName
        self.replicas = replicas
        self.selector = selector
        self.template = template
    }

    public init(from r: FieldReader) throws {
        serviceName = try r.string("serviceName")
        replicas = try r.int("replicas")
        selector = try r.workloadSelector()
        template = try r.workloadTemplate()
        podManagementPolicy = try r.enumValue("podManagementPolicy", PodManagementPolicy.self) ?? .orderedReady
        updateStrategy = try r.object("updateStrategy") ?? StatefulSetUpdateStrategy()
        minReadySeconds = try r.int("minReadySeconds") ?? 0
        revisionHistoryLimit = try r.nonNegativeInt("revisionHistoryLimit") ?? 10
        volumeClaimTemplates = try r.rawList("volumeClaimTemplates")
        persistentVolumeClaimRetentionPolicy = try r.rawObject("persistentVolumeClaimRetentionPolicy")
        ordinals = try r.rawObject("ordinals")
        _ = r.unmodeled(typed: ["serviceName", "replicas", "selector", "template", "podManagementPolicy",
                                "updateStrategy", "minReadySeconds", "revisionHistoryLimit", "volumeClaimTemplates",
                                "persistentVolumeClaimRetentionPolicy", "ordinals"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("serviceName", serviceName)
        b.set("replicas", desiredReplicas)
        b.set("selector", selector)
        b.set("template", template)
        b.set("podManagementPolicy", podManagementPolicy.rawValue)
        b.set("updateStrategy", updateStrategy)
        b.setNonZero("minReadySeconds", minReadySeconds)
        b.set("revisionHistoryLimit", revisionHistoryLimit)
        b.setRaw("volumeClaimTemplates", volumeClaimTemplates)
        b.set("persistentVolumeClaimRetentionPolicy",
              persistentVolumeClaimRetentionPolicy ?? ["whenDeleted": "Retain", "whenScaled": "Retain"])
        b.set("ordinals", ordinals)
        return b.value
    }
}

public struct StatefulSetStatus: Sendable, Hashable, JSONEncodable {
    public var observedGeneration = 0
    public var replicas = 0
    public var readyReplicas = 0
    public var currentReplicas = 0
    public var updatedReplicas = 0
    public var availableReplicas = 0
    public var currentRevision: String?
    public var updateRevision: String?
    public var collisionCount: Int?
    public var conditions: [WorkloadCondition] = []

    public init() {}

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.setNonZero("observedGeneration", observedGeneration)
        b.set("replicas", replicas)
        b.setNonZero("readyReplicas", readyReplicas)
        b.setNonZero("currentReplicas", currentReplicas)
        b.setNonZero("updatedReplicas", updatedReplicas)
        b.set("availableReplicas", availableReplicas)
        b.set("currentRevision", currentRevision)
        b.set("updateRevision", updateRevision)
        b.set("collisionCount", collisionCount)
        b.set("conditions", conditions)
        return b.value
    }
}

public struct StatefulSet: APIObject {
    public static let resourceType = ResourceType.statefulSet
    public var metadata: ObjectMeta
    public var spec: StatefulSetSpec
    public var status = StatefulSetStatus()

    public init(metadata: ObjectMeta, spec: StatefulSetSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        spec = try StatefulSetSpec(from: r.readerOrEmpty("spec"))
        _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("spec", spec.json())
            b.set("status", status.json())
        }
    }
}
