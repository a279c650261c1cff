public struct ServicePort: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var name: String?
    public var `protocol`: String = "TCP"
    public var port: Int
    /// Defaults to `port`, as the API server defaults it.
    public var targetPort: IntOrString
    public var nodePort: Int?
    public var appProtocol: String?

    public init(name: String? = nil, protocol: String = "TCP", port: Int, targetPort: IntOrString? = nil,
                nodePort: Int? = nil) {
        self.name = name
        self.protocol = `protocol`
        self.port = port
        self.targetPort = targetPort ?? .int(port)
        self.nodePort = nodePort
    }

    public init(from r: FieldReader) throws {
        name = try r.string("name")
        self.protocol = try r.string("protocol") ?? "TCP"
        guard let port = try r.int("port") else { throw FieldError(r.path.child("port"), "Required value") }
        self.port = port
        do {
            targetPort = try r.intOrString("targetPort") ?? .int(port)
        } catch {
            throw FieldError(r.path.child("targetPort"), "expected an integer or a port name")
        }
        nodePort = try r.int("nodePort")
        appProtocol = try r.string("appProtocol")
        _ = r.unmodeled(typed: ["name", "protocol", "port", "targetPort", "nodePort", "appProtocol"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("name", name)
        b.set("protocol", self.protocol)
        b.set("port", port)
        b.set("targetPort", targetPort)
        b.set("nodePort", nodePort)
        b.set("appProtocol", appProtocol)
        return b.value
    }
}

public struct ServiceSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public enum ServiceType: String, Sendable, Hashable, CaseIterable {
        case clusterIP = "ClusterIP", nodePort = "NodePort", loadBalancer = "LoadBalancer", externalName = "ExternalName"
    }

    public var type: ServiceType = .clusterIP
    /// nil means "select nothing and manage no endpoints" (a Service without a selector).
    public var selector: [String: String]?
    public var ports: [ServicePort] = []
    public var clusterIP: String?
    public var clusterIPs: [String] = []
    public var externalName: String?
    public var externalIPs: [String] = []
    public var loadBalancerIP: String?
    public var sessionAffinity: String = "None"
    public var sessionAffinityTimeoutSeconds: Int?
    public var publishNotReadyAddresses: Bool = false
    public var internalTrafficPolicy: String?
    public var externalTrafficPolicy: String?
    public var unmodeled: [String: JSONValue] = [:]

    public var isHeadless: Bool { clusterIP == "None" }

    public init(type: ServiceType = .clusterIP, selector: [String: String]? = nil, ports: [ServicePort] = []) {
        self.type = type
        self.selector = selector
        self.ports = ports
    }

    static let typed: Set<String> = [
        "type", "selector", "ports", "clusterIP", "clusterIPs", "externalName", "externalIPs", "loadBalancerIP",
        "sessionAffinity", "sessionAffinityConfig", "publishNotReadyAddresses", "internalTrafficPolicy",
        "externalTrafficPolicy",
    ]
    static let alsoValid: Set<String> = [
        "loadBalancerSourceRanges", "healthCheckNodePort", "ipFamilies", "ipFamilyPolicy",
        "allocateLoadBalancerNodePorts", "loadBalancerClass", "trafficDistribution",
    ]

    public init(from r: FieldReader) throws {
        if let t = try r.string("type") {
            guard let type = ServiceType(rawValue: t) else {
                throw FieldError(r.path.child("type"),
                                 "Unsupported value: \"\(t)\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"")
            }
            self.type = type
        }
        selector = r.has("selector") ? try r.stringMap("selector") : nil
        ports = try r.list("ports")
        clusterIP = try r.string("clusterIP")
        clusterIPs = try r.stringList("clusterIPs")
        externalName = try r.string("externalName")
        externalIPs = try r.stringList("externalIPs")
        loadBalancerIP = try r.string("loadBalancerIP")
        sessionAffinity = try r.string("sessionAffinity") ?? "None"
        sessionAffinityTimeoutSeconds = try r.reader("sessionAffinityConfig")?.reader("clientIP")?.int("timeoutSeconds")
        publishNotReadyAddresses = try r.bool("publishNotReadyAddresses") ?? false
        internalTrafficPolicy = try r.string("internalTrafficPolicy")
        externalTrafficPolicy = try r.string("externalTrafficPolicy")
        unmodeled = r.unmodeled(typed: Self.typed, alsoValid: Self.alsoValid)
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.set("type", type.rawValue)
        if let selector { b.set("selector", .object(selector.mapValues { .string($0) })) }
        b.set("ports", ports)
        b.set("clusterIP", clusterIP)
        if !clusterIPs.isEmpty { b.set("clusterIPs", .array(clusterIPs.map { .string($0) })) }
        b.set("externalName", externalName)
        if !externalIPs.isEmpty { b.set("externalIPs", .array(externalIPs.map { .string($0) })) }
        b.set("loadBalancerIP", loadBalancerIP)
        b.set("sessionAffinity", sessionAffinity)
        if sessionAffinity == "ClientIP" {
            b.set("sessionAffinityConfig", ["clientIP": ["timeoutSeconds": .int(Int64(sessionAffinityTimeoutSeconds ?? 10800))]])
        }
        if publishNotReadyAddresses { b.set("publishNotReadyAddresses", true) }
        b.set("internalTrafficPolicy", internalTrafficPolicy)
        b.set("externalTrafficPolicy", externalTrafficPolicy)
        return b.value
    }
}

public struct LoadBalancerIngress: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var ip: String?
    public var hostname: String?

    public init(ip: String? = nil, hostname: String? = nil) {
        self.ip = ip
        self.hostname = hostname
    }

    public init(from r: FieldReader) throws {
        ip = try r.string("ip")
        hostname = try r.string("hostname")
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("ip", ip)
        b.set("hostname", hostname)
        return b.value
    }
}

public struct Service: APIObject {
    public static let resourceType = ResourceType.service
    public var metadata: ObjectMeta
    public var spec: ServiceSpec
    public var loadBalancerIngress: [LoadBalancerIngress] = []

    public init(metadata: ObjectMeta, spec: ServiceSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        spec = try r.object("spec") ?? ServiceSpec()
        loadBalancerIngress = try r.reader("status")?.reader("loadBalancer")?.list("ingress") ?? []
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("spec", spec.json())
            var lb = JSONObjectBuilder()
            lb.set("ingress", loadBalancerIngress)
            b.set("status", ["loadBalancer": lb.value])
        }
    }
}
