import ClusterStore
import KubeModel

/// Who sends a request: an outside client by default, or a pod (which gives it a namespace for short Service names,
/// a node for internalTrafficPolicy and an IP for session affinity).
public struct TraceClient: Sendable, Hashable {
    public var namespace: String?
    public var node: String?
    public var ip: String

    /// A client outside the cluster (an address from TEST-NET-3, reserved for documentation).
    public static let external = TraceClient(namespace: nil, node: nil, ip: "203.0.113.10")

    public init(namespace: String?, node: String?, ip: String) {
        self.namespace = namespace
        self.node = node
        self.ip = ip
    }
}

/// Where a request enters the cluster, worked out from its URL's host and port.
enum TrafficEntry: Sendable, Hashable {
    /// `ingressClass`: the Service exposes that class's ingress controller, whose pod then routes by Ingress rules.
    case service(ObjectKey, port: Int, scope: ProxyScope, first: TraceHop?, ingressClass: String?)
    case ingress(className: String)
    case pod(ObjectKey)
    case failed(TraceOutcome, String)
}

extension Simulator {
    mutating func resolveEntry(_ request: HTTPRequest, client: TraceClient) -> TrafficEntry {
        let state = store.snapshot
        let host = request.urlHost
        if Self.isIPv4(host) {
            if let svc = state.services.all.first(where: { $0.spec.clusterIP == host || $0.spec.clusterIPs.contains(host) }) {
                return .service(svc.metadata.key, port: request.port, scope: .cluster(clientNode: client.node), first: nil,
                                ingressClass: ingressClass(servedBy: svc.metadata.key))
            }
            if let svc = state.services.all.sorted(by: { $0.metadata.key < $1.metadata.key }).first(where: { s in
                s.spec.type == .loadBalancer && s.loadBalancerIngress.contains { $0.ip == host }
                    && s.spec.ports.contains { $0.port == request.port }
            }) {
                return .service(svc.metadata.key, port: request.port, scope: .external(node: nil),
                                first: .loadBalancer(address: host, port: request.port),
                                ingressClass: ingressClass(servedBy: svc.metadata.key))
            }
            if let node = state.nodes.all.first(where: { $0.internalIP == host }) {
                let name = node.metadata.name
                guard node.isReady else {
                    return .failed(.dropped, "node \(name) (\(host)) is not Ready: nothing answers, the client times out")
                }
                guard let svc = state.services.all.first(where: { s in
                    (s.spec.type == .nodePort || s.spec.type == .loadBalancer)
                        && s.spec.ports.contains { $0.nodePort == request.port }
                }) else {
                    return .failed(.refused, "no Service has nodePort \(request.port) on node \(name) (\(host)): connection refused")
                }
                return .service(svc.metadata.key, port: request.port, scope: .external(node: name),
                                first: .node(name: name, address: host, nodePort: request.port),
                                ingressClass: ingressClass(servedBy: svc.metadata.key))
            }
            // A finished pod may still show an address that a newer pod has taken: prefer one that runs.
            if let pod = state.pods.all.filter({ $0.status.podIP == host }).min(by: {
                ($0.status.phase == .running ? 0 : 1, $0.metadata.key) < ($1.status.phase == .running ? 0 : 1, $1.metadata.key)
            }) {
                return .pod(pod.metadata.key)
            }
            if state.services.all.contains(where: { s in s.loadBalancerIngress.contains { $0.ip == host } }) {
                return .failed(.refused, "the LoadBalancer at \(host) has no port \(request.port): connection refused")
            }
            return .failed(.unreachable, "no Service, node, LoadBalancer or pod has the address \(host): no route to host")
        }
        if let dns = serviceDNSName(host, clientNamespace: client.namespace, state: state) {
            switch dns {
            case .found(let key):
                return .service(key, port: request.port, scope: .cluster(clientNode: client.node), first: nil,
                                ingressClass: ingressClass(servedBy: key))
            case .missing(let message): return .failed(.unreachable, message)
            }
        }
        let index = currentIngressIndex()
        guard let cls = index.controllerClass(forHost: request.host, in: state) else {
            return .failed(.unreachable, "\(host) is not a Service name and the cluster has no ingress controller (no IngressClass): the name resolves nowhere")
        }
        return .ingress(className: cls)
    }

    enum ServiceDNS { case found(ObjectKey), missing(String) }

    /// Cluster DNS: `svc.ns.svc.cluster.local`, `svc.ns.svc`, `svc.ns` (when `ns` is a namespace) and `svc` from a
    /// pod's own namespace.
    func serviceDNSName(_ host: String, clientNamespace: String?, state: ClusterState) -> ServiceDNS? {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var key: ObjectKey?
        if labels.count == 5, labels[2] == "svc", labels[3] == "cluster", labels[4] == "local" {
            key = ObjectKey(namespace: labels[1], name: labels[0])
        } else if labels.count == 3, labels[2] == "svc" {
            key = ObjectKey(namespace: labels[1], name: labels[0])
        } else if labels.count == 2, state.namespaces[ObjectKey(namespace: "", name: labels[1])] != nil {
            key = ObjectKey(namespace: labels[1], name: labels[0])
        } else if labels.count == 1, let ns = clientNamespace {
            key = ObjectKey(namespace: ns, name: labels[0])
        } else if labels.count == 1 {
            if state.services.all.contains(where: { $0.metadata.name == host }) {
                return .missing("\(host) is a short Service name, which resolves only from a pod in the Service's namespace: use \(host).NAMESPACE or trace from a pod")
            }
            return nil
        }
        guard let key else { return nil }
        guard state.services[key] != nil else {
            return .missing("DNS: no Service \(key) (\(key.name).\(key.namespace).svc.cluster.local does not exist, NXDOMAIN)")
        }
        return .found(key)
    }

    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) && (Int(p) ?? 256) <= 255
        }
    }
}
