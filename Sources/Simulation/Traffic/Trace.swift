import KubeModel

/// One step a request takes through the cluster.
public enum TraceHop: Sendable, Hashable {
    /// A LoadBalancer Service's external address.
    case loadBalancer(address: String, port: Int)
    /// A node's InternalIP and a nodePort on it.
    case node(name: String, address: String, nodePort: Int)
    case ingress(ObjectKey, host: String?, path: String?, pathType: HTTPIngressPath.PathType?)
    case service(ObjectKey, port: Int)
    /// An ExternalName Service answers DNS with a CNAME; no proxying.
    case externalName(ObjectKey, target: String)
    case endpointSlice(ObjectKey)
    case pod(ObjectKey, ip: String, port: Int?, node: String?)

    public var kind: String {
        switch self {
        case .loadBalancer: return "LoadBalancer"
        case .node: return "Node"
        case .ingress: return "Ingress"
        case .service, .externalName: return "Service"
        case .endpointSlice: return "EndpointSlice"
        case .pod: return "Pod"
        }
    }

    /// The hop as the text trace draws it, e.g. `Service shop/api:80` or `Pod api-7d4b9c8f6d-x2kqz 10.244.1.5:8080 (node-2)`.
    public var text: String {
        switch self {
        case .loadBalancer(let address, let port): return "LoadBalancer \(address):\(port)"
        case .node(let name, let address, let port): return "Node \(name) \(address):\(port)"
        case .ingress(let key, let host, let path, let type):
            guard let path, let type else { return "Ingress \(key) (defaultBackend)" }
            let shownType = type == .implementationSpecific ? "ImplementationSpecific as Prefix" : type.rawValue
            return "Ingress \(key) (\(host ?? "*") \(path) \(shownType))"
        case .service(let key, let port): return "Service \(key):\(port)"
        case .externalName(let key, let target): return "Service \(key) (ExternalName \(target))"
        case .endpointSlice(let key): return "EndpointSlice \(key.name)"
        case .pod(let key, let ip, let port, let node):
            return "Pod \(key.name) \(ip)\(port.map { ":\($0)" } ?? "")\(node.map { " (\($0))" } ?? "")"
        }
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("kind", kind)
        func named(_ key: ObjectKey) {
            b.set("namespace", key.namespace)
            b.set("name", key.name)
        }
        switch self {
        case .loadBalancer(let address, let port):
            b.set("address", address)
            b.set("port", port)
        case .node(let name, let address, let port):
            b.set("name", name)
            b.set("address", address)
            b.set("nodePort", port)
        case .ingress(let key, let host, let path, let type):
            named(key)
            if let path, let type {
                var rule = JSONObjectBuilder()
                rule.set("host", host.map { JSONValue.string($0) } ?? .null)
                rule.set("path", path)
                rule.set("pathType", type.rawValue)
                b.set("rule", rule.value)
            } else {
                b.set("rule", JSONValue.null)
                b.set("defaultBackend", true)
            }
        case .service(let key, let port):
            named(key)
            b.set("port", port)
        case .externalName(let key, let target):
            named(key)
            b.set("externalName", target)
        case .endpointSlice(let key):
            named(key)
        case .pod(let key, let ip, let port, let node):
            named(key)
            b.set("ip", ip)
            b.set("port", port.map { JSONValue.int(Int64($0)) } ?? .null)
            b.set("node", node.map { JSONValue.string($0) } ?? .null)
        }
        return b.value
    }
}

/// How a request ended. The raw values are what `-o json` prints and what the load counters count errors by.
public enum TraceOutcome: String, Sendable, Hashable, CaseIterable {
    /// A pod answered.
    case delivered
    /// No Ingress rule and no default backend: 404.
    case noRoute = "no-route"
    /// The backend Service, or its port, does not exist (503 through an Ingress).
    case noBackend = "no-backend"
    /// The Service has no endpoint to send to: refused at once (503 through an Ingress).
    case noEndpoints = "no-endpoints"
    /// A traffic policy of Local and no endpoint on the node: the packet is dropped, the client times out.
    case dropped
    /// kube-proxy sent the request to an endpoint that is no longer there (its rules lag): 502 through an Ingress.
    case connectionFailed = "connection-failed"
    /// Nothing in the cluster listens at that address or port.
    case refused
    /// No such address or name.
    case unreachable
    /// An ExternalName Service sent the request out of the cluster.
    case leftCluster = "left-cluster"
    /// ExternalName Services point at each other in a circle.
    case loop

    public var isSuccess: Bool { self == .delivered || self == .leftCluster }
}

/// The route of one request and what the client would see.
public struct Trace: Sendable {
    public var request: HTTPRequest
    /// The HTTP status the client sees; nil when no HTTP answer comes back (refused, timed out, left the cluster).
    public var status: Int?
    public var outcome: TraceOutcome
    /// Why, in words: "Service shop/cart has 0 ready endpoints (2 terminating): 503".
    public var reason: String
    public var hops: [TraceHop]
    /// Things worth knowing that did not change the route (TLS certificate, ImplementationSpecific, assumptions).
    public var notes: [String] = []
    /// The last Service the request went through and the pod that got it, for the load counters.
    public var service: ObjectKey?
    public var pod: ObjectKey?

    public init(request: HTTPRequest, status: Int? = nil, outcome: TraceOutcome = .unreachable, reason: String = "",
                hops: [TraceHop] = []) {
        self.request = request
        self.status = status
        self.outcome = outcome
        self.reason = reason
        self.hops = hops
    }

    /// DESIGN §2's shape: request, status, outcome, reason, hops (and notes when there are any).
    public func json() -> JSONValue {
        var r = JSONObjectBuilder()
        r.set("method", request.method)
        r.set("url", request.url)
        r.set("host", request.host)
        r.set("path", request.path)
        var b = JSONObjectBuilder()
        b.set("request", r.value)
        b.set("status", status.map { JSONValue.int(Int64($0)) } ?? .null)
        b.set("outcome", outcome.rawValue)
        b.set("reason", reason)
        b.set("hops", .array(hops.map { $0.json() }))
        if !notes.isEmpty { b.set("notes", .array(notes.map { .string($0) })) }
        return b.value
    }

    /// `client → Ingress shop/shop (shop.example.com /api Prefix) → Service shop/api:80 → … → Pod … (node-2)`, then
    /// the status and the reason, then any notes.
    public var text: String {
        var lines = [(["client"] + hops.map(\.text)).joined(separator: " → ")]
        lines.append("\(statusText): \(reason)")
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }

    public var statusText: String { status.map(String.init) ?? outcome.rawValue }
}
