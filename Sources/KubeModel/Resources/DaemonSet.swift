public struct DaemonSetUpdateStrategy: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public enum StrategyType: String, Sendable, Hashable, CaseIterable {
        case rollingUpdate = "RollingUpdate", onDelete = "OnDelete"
    }

    public static let defaultLimits = RollingUpdateLimits(maxSurge: .int(0), maxUnavailable: .int(1))

    public var type: StrategyType
    /// Present exactly when `type` is RollingUpdate, defaulted to maxUnavailable 1, maxSurge 0.
    public var rollingUpdate: RollingUpdateLimits?

    public init(type: StrategyType = .rollingUpdate, rollingUpdate: RollingUpdateLimits? = nil) {
        self.type = type
        self.rollingUpdate = type == .rollingUpdate ? (rollingUpdate ?? Self.defaultLimits) : nil
    }

    public init(from r: FieldReader) throws {
        type = try r.enumValue("type", StrategyType.self) ?? .rollingUpdate
        let limits = try r.reader("rollingUpdate")
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

public struct DaemonSetSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var selector: LabelSelector
    public var template: PodTemplateSpec
    public var updateStrategy = DaemonSetUpdateStrategy()
    public var minReadySeconds = 0
    public var revisionHistoryLimit = 10

    public init(selector: LabelSelector, template: PodTemplateSpec) {
        self.selector = selector
        self.template = template
    }

    public init(from r: FieldReader) throws {
        selector = try r.workloadSelector()
        template = try r.workloadTemplate()
        updateStrategy = try r.object("updateStrategy") ?? DaemonSetUpdateStrategy()
        minReadySeconds = try r.int("minReadySeconds") ?? 0
        revisionHistoryLimit = try r.nonNegativeInt("revisionHistoryLimit") ?? 10
        _ = r.unmodeled(typed: ["selector", "template", "updateStrategy", "minReadySeconds", "revisionHistoryLimit"],
                        alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("selector", selector)
        b.set("template", template)
        b.set("updateStrategy", updateStrategy)
        b.setNonZero("minReadySeconds", minReadySeconds)
        b.set("revisionHistoryLimit", revisionHistoryLimit)
        return b.value
    }
}

public struct DaemonSetStatus: Sendable, Hashable, JSONEncodable {
    public var currentNumberScheduled = 0
    public var numberMisscheduled = 0
    public var desiredNumberScheduled = 0
    public var numberReady = 0
    public var updatedNumberScheduled = 0
    public var numberAvailable = 0
    public var numberUnavailable = 0
    public var observedGeneration = 0
    public var collisionCount: Int?
    public var conditions: [WorkloadCondition] = []

    public init() {}

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        // These four are not omitempty in the API, so zeros are served.
        b.set("currentNumberScheduled", currentNumberScheduled)
        b.set("numberMisscheduled", numberMisscheduled)
        b.set("desiredNumberScheduled", desiredNumberScheduled)
        b.set("numberReady", numberReady)
        b.setNonZero("updatedNumberScheduled", updatedNumberScheduled)
        b.setNonZero("numberAvailable", numberAvailable)
        b.setNonZero("numberUnavailable", numberUnavailable)
        b.setNonZero("observedGeneration", observedGeneration)
        b.set("collisionCount", collisionCount)
        b.set("conditions", conditions)
        return b.value
    }
}

public struct DaemonSet: APIObject {
    public static let resourceType = ResourceType.daemonSet
    public var metadata: ObjectMeta
    public var spec: DaemonSetSpec
    public var status = DaemonSetStatus()

    public init(metadata: ObjectMeta, spec: DaemonSetSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        spec = try DaemonSetSpec(from: r.readerOrEmpty("spec"))
        _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("spec", spec.json())
            b.set("status", status.json())
        }
    }
}
