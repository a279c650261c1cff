public struct PodSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var containers: [Container] = []
    public var nodeSelector: [String: String] = [:]
    public var nodeName: String?
    public var hostname: String?
    public var subdomain: String?
    public var terminationGracePeriodSeconds: Int?
    public var restartPolicy: String = "Always"
    public var unmodeled: [String: JSONValue] = [:]

    public init(containers: [Container] = []) { self.containers = containers }

    static let typed: Set<String> = [
        "containers", "nodeSelector", "nodeName", "hostname", "subdomain", "terminationGracePeriodSeconds",
        "restartPolicy",
    ]
    static let alsoValid: Set<String> = [
        "volumes", "initContainers", "ephemeralContainers", "activeDeadlineSeconds", "dnsPolicy", "serviceAccountName",
        "serviceAccount", "automountServiceAccountToken", "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace",
        "securityContext", "imagePullSecrets", "affinity", "schedulerName", "tolerations", "hostAliases",
        "priorityClassName", "priority", "dnsConfig", "readinessGates", "runtimeClassName", "enableServiceLinks",
        "preemptionPolicy", "overhead", "topologySpreadConstraints", "setHostnameAsFQDN", "os", "hostUsers",
        "schedulingGates", "resourceClaims", "resources",
    ]

    public init(from r: FieldReader) throws {
        containers = try r.list("containers")
        if containers.isEmpty { throw FieldError(r.path.child("containers"), "Required value") }
        nodeSelector = try r.stringMap("nodeSelector")
        nodeName = try r.string("nodeName")
        hostname = try r.string("hostname")
        subdomain = try r.string("subdomain")
        terminationGracePeriodSeconds = try r.int("terminationGracePeriodSeconds")
        restartPolicy = try r.string("restartPolicy") ?? "Always"
        unmodeled = r.unmodeled(typed: Self.typed, alsoValid: Self.alsoValid)
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.set("containers", containers)
        b.set("nodeSelector", nodeSelector)
        b.set("nodeName", nodeName)
        b.set("hostname", hostname)
        b.set("subdomain", subdomain)
        b.set("terminationGracePeriodSeconds", terminationGracePeriodSeconds ?? 30)
        b.set("restartPolicy", restartPolicy)
        return b.value
    }

    /// Resolves a Service's targetPort for this pod: a number as is, a name through the containers' named ports of
    /// the same protocol (nil when no container has it).
    public func resolve(targetPort: IntOrString, protocol proto: String) -> Int? {
        switch targetPort {
        case .int(let n): return n
        case .string(let name):
            for c in containers {
                for p in c.ports where p.name == name && p.protocol == proto { return p.containerPort }
            }
            return nil
        }
    }
}

public struct PodTemplateSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var metadata: ObjectMeta
    public var spec: PodSpec

    public init(metadata: ObjectMeta = ObjectMeta(name: ""), spec: PodSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from r: FieldReader) throws {
        metadata = try r.object("metadata") ?? ObjectMeta(name: "")
        guard let spec: PodSpec = try r.object("spec") else { throw FieldError(r.path.child("spec"), "Required value") }
        self.spec = spec
    }

    public func json() -> JSONValue {
        ["metadata": metadata.json(), "spec": spec.json()]
    }
}
