public struct PodCondition: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var type: String
    public var status: String
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: Bool, lastTransitionTime: Timestamp?, reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status ? "True" : "False"
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    public var isTrue: Bool { status == "True" }

    public init(from r: FieldReader) throws {
        type = try r.requiredString("type")
        status = try r.string("status") ?? "Unknown"
        lastTransitionTime = try r.string("lastTransitionTime").flatMap(Timestamp.init(rfc3339:))
        reason = try r.string("reason")
        message = try r.string("message")
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("type", type)
        b.set("status", status)
        b.set("lastProbeTime", JSONValue.null)
        b.set("lastTransitionTime", lastTransitionTime)
        b.set("reason", reason)
        b.set("message", message)
        return b.value
    }
}

public struct ContainerStatus: Sendable, Hashable, JSONEncodable {
    public enum State: Sendable, Hashable {
        case waiting(reason: String, message: String?)
        case running(startedAt: Timestamp)
        case terminated(reason: String, exitCode: Int, startedAt: Timestamp?, finishedAt: Timestamp)

        func json() -> JSONValue {
            switch self {
            case .waiting(let reason, let message):
                var b = JSONObjectBuilder()
                b.set("reason", reason)
                b.set("message", message)
                return ["waiting": b.value]
            case .running(let startedAt):
                return ["running": ["startedAt": startedAt.json()]]
            case .terminated(let reason, let exitCode, let startedAt, let finishedAt):
                var b = JSONObjectBuilder()
                b.set("reason", reason)
                b.set("exitCode", exitCode)
                b.set("startedAt", startedAt)
                b.set("finishedAt", finishedAt)
                return ["terminated": b.value]
            }
        }
    }

    public var name: String
    public var image: String
    public var ready: Bool
    public var started: Bool
    public var restartCount: Int
    public var state: State
    public var lastState: State?

    public init(name: String, image: String, ready: Bool, started: Bool, restartCount: Int, state: State,
                lastState: State? = nil) {
        self.name = name
        self.image = image
        self.ready = ready
        self.started = started
        self.restartCount = restartCount
        self.state = state
        self.lastState = lastState
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("name", name)
        b.set("image", image)
        b.set("imageID", "")
        b.set("ready", ready)
        b.set("started", started)
        b.set("restartCount", restartCount)
        b.set("state", state.json())
        b.set("lastState", lastState?.json() ?? .object([:]))
        return b.value
    }
}

public struct PodStatus: Sendable, Hashable, JSONEncodable {
    public enum Phase: String, Sendable, Hashable {
        case pending = "Pending", running = "Running", succeeded = "Succeeded", failed = "Failed", unknown = "Unknown"
    }

    public var phase: Phase = .pending
    public var conditions: [PodCondition] = []
    public var hostIP: String?
    public var podIP: String?
    public var startTime: Timestamp?
    public var containerStatuses: [ContainerStatus] = []
    public var reason: String?
    public var message: String?

    public init() {}

    public func condition(_ type: String) -> PodCondition? { conditions.first { $0.type == type } }
    /// Read in place (no copy of the condition): every controller asks this of every pod it looks at.
    public var isReady: Bool { Self.isReady(conditions) }

    static func isReady(_ conditions: [PodCondition]) -> Bool {
        for c in conditions where c.type == "Ready" { return c.status == "True" }
        return false
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("phase", phase.rawValue)
        b.set("conditions", conditions)
        b.set("hostIP", hostIP)
        if let hostIP { b.set("hostIPs", [["ip": .string(hostIP)]]) }
        b.set("podIP", podIP)
        if let podIP { b.set("podIPs", [["ip": .string(podIP)]]) }
        b.set("startTime", startTime)
        b.set("containerStatuses", containerStatuses)
        b.set("reason", reason)
        b.set("message", message)
        b.set("qosClass", "BestEffort")
        return b.value
    }
}

/// A pod's fields live in one copy-on-write box: pods are the objects the simulation copies most (out of the store,
/// into change records and controller lists), and a copy then costs one reference count instead of dozens.
public struct Pod: APIObject {
    public static let resourceType = ResourceType.pod

    struct Fields: MetadataFields, Equatable {
        var metadata: ObjectMeta
        var spec: PodSpec
        var status = PodStatus()
    }

    private var storage: CopyOnWrite<Fields>

    public init(metadata: ObjectMeta, spec: PodSpec) {
        storage = CopyOnWrite(Fields(metadata: metadata, spec: spec))
    }

    /// Status from a manifest is ignored, as the API server ignores it on create.
    public init(from r: FieldReader) throws {
        let metadata = try r.objectMeta()
        guard let spec: PodSpec = try r.object("spec") else { throw FieldError(r.path.child("spec"), "Required value") }
        storage = CopyOnWrite(Fields(metadata: metadata, spec: spec))
    }

    public var indexedFields: IndexedFields { storage.indexedFields }
    public var key: ObjectKey { storage.key }

    public var metadata: ObjectMeta {
        _read { yield storage.value.metadata }
        _modify { yield &storage.value.metadata }
    }

    public var spec: PodSpec {
        _read { yield storage.value.spec }
        _modify { yield &storage.value.spec }
    }

    public var status: PodStatus {
        _read { yield storage.value.status }
        _modify { yield &storage.value.status }
    }

    public var isReady: Bool { status.isReady }
    /// Ready and not being deleted: the pods the dashboard's header counts. Reads the conditions in place: asking
    /// `status.isReady` copied the whole status out of the box for every write to the pods table.
    public var isReadyAndNotTerminating: Bool {
        storage.value.metadata.deletionTimestamp == nil && PodStatus.isReady(storage.value.status.conditions)
    }
    /// Active as the ReplicaSet controller counts pods: not finished and not being deleted.
    public var isActive: Bool {
        status.phase != .succeeded && status.phase != .failed && metadata.deletionTimestamp == nil
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("spec", spec.json())
            b.set("status", status.json())
        }
    }
}
