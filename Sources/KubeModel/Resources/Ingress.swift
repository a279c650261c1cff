/// Where an Ingress sends a request: a Service port, or a resource (such as a storage bucket) kept as given.
public enum IngressBackend: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public enum Port: Sendable, Hashable {
        case number(Int)
        case name(String)
    }

    case service(name: String, port: Port)
    case resource(JSONValue)

    public init(from r: FieldReader) throws {
        let service = try r.reader("service")
        let resource = try r.rawObject("resource")
        _ = r.unmodeled(typed: ["service", "resource"], alsoValid: [])
        switch (service, resource) {
        case (.some, .some):
            throw FieldError(r.path, "Invalid value: \"\": cannot set both resource and service backends")
        case (nil, let resource?):
            self = .resource(resource)
        case (let s?, nil):
            let name = try s.string("name") ?? ""
            let p = try s.readerOrEmpty("port")
            let portName = try p.string("name") ?? ""
            let number = try p.int("number") ?? 0
            _ = p.unmodeled(typed: ["name", "number"], alsoValid: [])
            _ = s.unmodeled(typed: ["name", "port"], alsoValid: [])
            switch (portName.isEmpty, number == 0) {
            case (false, false): throw FieldError(r.path, "Invalid value: \"\": cannot set both port name & port number")
            case (false, true): self = .service(name: name, port: .name(portName))
            case (true, false): self = .service(name: name, port: .number(number))
            case (true, true): throw FieldError(r.path, "Required value: port name or number is required")
            }
        case (nil, nil):
            throw FieldError(r.path, "Invalid value: \"\": resource or service backend is required")
        }
    }

    public var serviceName: String? {
        if case .service(let name, _) = self { return name }
        return nil
    }

    public func json() -> JSONValue {
        switch self {
        case .service(let name, .number(let n)): return ["service": ["name": .string(name), "port": ["number": .int(Int64(n))]]]
        case .service(let name, .name(let p)): return ["service": ["name": .string(name), "port": ["name": .string(p)]]]
        case .resource(let resource): return ["resource": resource]
        }
    }
}

public struct HTTPIngressPath: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public enum PathType: String, Sendable, Hashable, CaseIterable {
        case exact = "Exact", prefix = "Prefix", implementationSpecific = "ImplementationSpecific"
    }

    /// Absent means "/" for matching purposes; served as given.
    public var path: String?
    public var pathType: PathType
    public var backend: IngressBackend

    public init(path: String? = nil, pathType: PathType, backend: IngressBackend) {
        self.path = path
        self.pathType = pathType
        self.backend = backend
    }

    public init(from r: FieldReader) throws {
        path = try r.string("path")
        guard let type = try r.enumValue("pathType", PathType.self) else {
            throw FieldError(r.path.child("pathType"), "Required value: pathType must be specified")
        }
        pathType = type
        guard let backend: IngressBackend = try r.object("backend") else {
            throw FieldError(r.path.child("backend"), "Required value")
        }
        self.backend = backend
        _ = r.unmodeled(typed: ["path", "pathType", "backend"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("path", path)
        b.set("pathType", pathType.rawValue)
        b.set("backend", backend)
        return b.value
    }
}

public struct IngressRule: Sendable, Hashable, FieldDecodable, JSONEncodable {
    /// nil or "" matches any host; `*.foo.com` is a single-label wildcard.
    public var host: String?
    /// nil when the rule has no `http` (it then routes nothing).
    public var paths: [HTTPIngressPath]?

    public init(host: String? = nil, paths: [HTTPIngressPath]?) {
        self.host = host
        self.paths = paths
    }

    public init(from r: FieldReader) throws {
        host = try r.string("host")
        if let http = try r.reader("http") {
            paths = try http.list("paths")
            _ = http.unmodeled(typed: ["paths"], alsoValid: [])
        }
        _ = r.unmodeled(typed: ["host", "http"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("host", host)
        if let paths { b.set("http", ["paths": .array(paths.map { $0.json() })]) }
        return b.value
    }
}

public struct IngressTLS: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var hosts: [String] = []
    public var secretName: String?

    public init(hosts: [String] = [], secretName: String? = nil) {
        self.hosts = hosts
        self.secretName = secretName
    }

    public init(from r: FieldReader) throws {
        hosts = try r.stringList("hosts")
        secretName = try r.string("secretName")
        _ = r.unmodeled(typed: ["hosts", "secretName"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.setStrings("hosts", hosts)
        b.set("secretName", secretName)
        return b.value
    }
}

public struct IngressSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var ingressClassName: String?
    public var defaultBackend: IngressBackend?
    public var tls: [IngressTLS] = []
    public var rules: [IngressRule] = []

    public init(ingressClassName: String? = nil, defaultBackend: IngressBackend? = nil, tls: [IngressTLS] = [],
                rules: [IngressRule] = []) {
        self.ingressClassName = ingressClassName
        self.defaultBackend = defaultBackend
        self.tls = tls
        self.rules = rules
    }

    public init(from r: FieldReader) throws {
        ingressClassName = try r.string("ingressClassName")
        defaultBackend = try r.object("defaultBackend")
        tls = try r.list("tls")
        rules = try r.list("rules")
        _ = r.unmodeled(typed: ["ingressClassName", "defaultBackend", "tls", "rules"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("ingressClassName", ingressClassName)
        b.set("defaultBackend", defaultBackend)
        b.set("tls", tls)
        b.set("rules", rules)
        return b.value
    }
}

/// networking/v1 IngressLoadBalancerIngress: a Service's LoadBalancerIngress plus per-port status kept as given.
public struct IngressLoadBalancerIngress: Sendable, Hashable, JSONEncodable {
    public var ip: String?
    public var hostname: String?
    public var ports: [JSONValue] = []

    public init(ip: String? = nil, hostname: String? = nil, ports: [JSONValue] = []) {
        self.ip = ip
        self.hostname = hostname
        self.ports = ports
    }

    /// Copies an ingress controller Service's address, which is what controllers publish on their Ingresses.
    public init(_ lb: LoadBalancerIngress) { self.init(ip: lb.ip, hostname: lb.hostname) }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("ip", ip)
        b.set("hostname", hostname)
        b.setRaw("ports", ports)
        return b.value
    }
}

public struct IngressStatus: Sendable, Hashable, JSONEncodable {
    public var loadBalancer: [IngressLoadBalancerIngress] = []

    public init(loadBalancer: [IngressLoadBalancerIngress] = []) { self.loadBalancer = loadBalancer }

    public func json() -> JSONValue {
        var lb = JSONObjectBuilder()
        lb.set("ingress", loadBalancer)
        return ["loadBalancer": lb.value]
    }
}

public struct Ingress: APIObject {
    public static let resourceType = ResourceType.ingress
    /// Deprecated since 1.18 but still honoured by controllers when spec.ingressClassName is unset.
    public static let classAnnotation = "kubernetes.io/ingress.class"

    public var metadata: ObjectMeta
    public var spec: IngressSpec
    public var status = IngressStatus()

    public init(metadata: ObjectMeta, spec: IngressSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        spec = try IngressSpec(from: r.readerOrEmpty("spec"))
        _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
    }

    /// The class this Ingress asks for; nil means "the default IngressClass, if there is one".
    public var effectiveClassName: String? {
        spec.ingressClassName ?? metadata.annotations[Self.classAnnotation].flatMap { $0.isEmpty ? nil : $0 }
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("spec", spec.json())
            b.set("status", status.json())
        }
    }
}
