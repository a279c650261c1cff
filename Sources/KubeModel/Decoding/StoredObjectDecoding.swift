/// Reading back an object the cluster wrote — status included. Manifests never set status (the API server ignores
/// it on create), so the ordinary decoders skip it; a recording of the cluster needs every field back.
extension KubeObject {
    /// Decodes `json` (as `json()` produced it) into the object it came from, status included.
    public static func decodeStored(_ json: JSONValue) throws -> KubeObject {
        let object = try decode(json, context: DecodeContext())
        guard let status = json["status"], status.objectValue != nil else { return object }
        let r = try FieldReader(status, path: FieldPath.root.child("status"))
        switch object {
        case .pod(var o): o.status = try PodStatus(stored: r); return .pod(o)
        case .deployment(var o): o.status = try DeploymentStatus(stored: r); return .deployment(o)
        case .replicaSet(var o): o.status = try ReplicaSetStatus(stored: r); return .replicaSet(o)
        case .replicationController(var o): o.status = try ReplicaSetStatus(stored: r); return .replicationController(o)
        case .statefulSet(var o): o.status = try StatefulSetStatus(stored: r); return .statefulSet(o)
        case .daemonSet(var o): o.status = try DaemonSetStatus(stored: r); return .daemonSet(o)
        case .ingress(var o): o.status = IngressStatus(loadBalancer: try r.reader("loadBalancer")?.list("ingress") ?? [])
            return .ingress(o)
        case .namespace(var o):
            o.status = NamespaceStatus(phase: try r.enumValue("phase", NamespaceStatus.Phase.self) ?? .active)
            return .namespace(o)
        default: return object
        }
    }
}

extension IngressLoadBalancerIngress: FieldDecodable {
    public init(from r: FieldReader) throws {
        self.init(ip: try r.string("ip"), hostname: try r.string("hostname"), ports: r.value("ports")?.arrayValue ?? [])
    }
}

extension WorkloadCondition: FieldDecodable {
    public init(from r: FieldReader) throws {
        self.init(type: try r.requiredString("type"), status: false,
                  lastUpdateTime: try r.timestampField("lastUpdateTime"),
                  lastTransitionTime: try r.timestampField("lastTransitionTime"),
                  reason: try r.string("reason"), message: try r.string("message"))
        status = try r.string("status") ?? "Unknown"
    }
}

extension ContainerStatus.State {
    init(stored r: FieldReader) throws {
        if let w = try r.reader("waiting") {
            self = .waiting(reason: try w.string("reason") ?? "", message: try w.string("message"))
        } else if let run = try r.reader("running") {
            self = .running(startedAt: try run.timestampField("startedAt") ?? Timestamp(milliseconds: 0))
        } else if let t = try r.reader("terminated") {
            self = .terminated(reason: try t.string("reason") ?? "", exitCode: try t.int("exitCode") ?? 0,
                               startedAt: try t.timestampField("startedAt"),
                               finishedAt: try t.timestampField("finishedAt") ?? Timestamp(milliseconds: 0))
        } else {
            throw FieldError(r.path, "expected waiting, running or terminated")
        }
    }
}

extension ContainerStatus: FieldDecodable {
    public init(from r: FieldReader) throws {
        guard let state = try r.reader("state") else { throw FieldError(r.path.child("state"), "Required value") }
        let last = try r.reader("lastState").flatMap { $0.fields.isEmpty ? nil : try ContainerStatus.State(stored: $0) }
        self.init(name: try r.requiredString("name"), image: try r.string("image") ?? "", ready: try r.bool("ready") ?? false,
                  started: try r.bool("started") ?? false, restartCount: try r.int("restartCount") ?? 0,
                  state: try State(stored: state), lastState: last)
    }
}

extension PodStatus {
    init(stored r: FieldReader) throws {
        self.init()
        phase = try r.string("phase").flatMap(Phase.init(rawValue:)) ?? .pending
        conditions = try r.list("conditions")
        hostIP = try r.string("hostIP")
        podIP = try r.string("podIP")
        startTime = try r.timestampField("startTime")
        containerStatuses = try r.list("containerStatuses")
        reason = try r.string("reason")
        message = try r.string("message")
    }
}

extension DeploymentStatus {
    init(stored r: FieldReader) throws {
        self.init()
        observedGeneration = try r.int("observedGeneration") ?? 0
        replicas = try r.int("replicas") ?? 0
        updatedReplicas = try r.int("updatedReplicas") ?? 0
        readyReplicas = try r.int("readyReplicas") ?? 0
        availableReplicas = try r.int("availableReplicas") ?? 0
        unavailableReplicas = try r.int("unavailableReplicas") ?? 0
        conditions = try r.list("conditions")
        collisionCount = try r.int("collisionCount")
    }
}

extension ReplicaSetStatus {
    init(stored r: FieldReader) throws {
        self.init()
        replicas = try r.int("replicas") ?? 0
        fullyLabeledReplicas = try r.int("fullyLabeledReplicas") ?? 0
        readyReplicas = try r.int("readyReplicas") ?? 0
        availableReplicas = try r.int("availableReplicas") ?? 0
        observedGeneration = try r.int("observedGeneration") ?? 0
        conditions = try r.list("conditions")
    }
}

extension StatefulSetStatus {
    init(stored r: FieldReader) throws {
        self.init()
        observedGeneration = try r.int("observedGeneration") ?? 0
        replicas = try r.int("replicas") ?? 0
        readyReplicas = try r.int("readyReplicas") ?? 0
        currentReplicas = try r.int("currentReplicas") ?? 0
        updatedReplicas = try r.int("updatedReplicas") ?? 0
        availableReplicas = try r.int("availableReplicas") ?? 0
        currentRevision = try r.string("currentRevision")
        updateRevision = try r.string("updateRevision")
        collisionCount = try r.int("collisionCount")
        conditions = try r.list("conditions")
    }
}

extension DaemonSetStatus {
    init(stored r: FieldReader) throws {
        self.init()
        currentNumberScheduled = try r.int("currentNumberScheduled") ?? 0
        numberMisscheduled = try r.int("numberMisscheduled") ?? 0
        desiredNumberScheduled = try r.int("desiredNumberScheduled") ?? 0
        numberReady = try r.int("numberReady") ?? 0
        updatedNumberScheduled = try r.int("updatedNumberScheduled") ?? 0
        numberAvailable = try r.int("numberAvailable") ?? 0
        numberUnavailable = try r.int("numberUnavailable") ?? 0
        observedGeneration = try r.int("observedGeneration") ?? 0
        collisionCount = try r.int("collisionCount")
        conditions = try r.list("conditions")
    }
}
