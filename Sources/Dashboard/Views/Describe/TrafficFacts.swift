import ClusterStore
import KubeModel
import Simulation

/// Who sends traffic where, read from a snapshot: the Services that select a pod, the endpoints a Service has, the
/// Ingress paths that lead to a Service. Shared by the describe summaries and the topology.
enum TrafficFacts {
    /// One endpoint of a Service, from its EndpointSlices.
    struct ServiceEndpoint: Hashable {
        var address: String
        var pod: String?
        var node: String?
        var ports: [Int]
        var ready: Bool
        var serving: Bool
        var terminating: Bool
    }

    /// One Ingress path (or default backend) that sends requests to a Service.
    struct IngressRoute: Hashable {
        var ingress: ObjectKey
        var host: String?
        var path: String?
        var pathType: String?
        var service: String
        var port: String

        /// `shop.example.com/api`, `*/api` for a rule without a host, `(default backend)`.
        var label: String {
            guard let path else { return "(default backend)" }
            return "\(host.flatMap { $0.isEmpty ? nil : $0 } ?? "*")\(path)"
        }
    }

    /// Services in the pod's namespace whose selector matches its labels (a Service without a selector matches none).
    static func services(selecting pod: Pod, state: ClusterState) -> [Service] {
        state.services.inNamespace(pod.metadata.namespace).filter { s in
            guard let sel = s.spec.selector, !sel.isEmpty, s.spec.type != .externalName else { return false }
            return sel.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
        }.sorted { $0.metadata.name < $1.metadata.name }
    }

    /// Services whose selector matches a workload's pod template.
    static func services(selectingTemplate labels: [String: String], namespace: String, state: ClusterState) -> [Service] {
        state.services.inNamespace(namespace).filter { s in
            guard let sel = s.spec.selector, !sel.isEmpty, s.spec.type != .externalName else { return false }
            return sel.allSatisfy { labels[$0.key] == $0.value }
        }.sorted { $0.metadata.name < $1.metadata.name }
    }

    /// A Service's endpoints across its slices, one per address, sorted by pod name then address.
    static func endpoints(of service: ObjectKey, state: ClusterState) -> [ServiceEndpoint] {
        var byAddress: [String: ServiceEndpoint] = [:]
        for slice in Format.slices(state, service: service) {
            let ports = slice.ports.compactMap(\.port)
            for ep in slice.endpoints {
                guard let address = ep.addresses.first else { continue }
                let terminating = ep.conditions.terminating ?? false
                let entry = ServiceEndpoint(
                    address: address, pod: ep.targetRef?.kind == "Pod" ? ep.targetRef?.name : nil, node: ep.nodeName,
                    ports: ports, ready: ep.conditions.ready ?? !terminating, serving: ep.conditions.serving ?? true,
                    terminating: terminating)
                if var existing = byAddress[address] {
                    existing.ports = Array(Set(existing.ports + ports)).sorted()
                    byAddress[address] = existing
                } else {
                    byAddress[address] = entry
                }
            }
        }
        return byAddress.values.sorted { ($0.pod ?? "", $0.address) < ($1.pod ?? "", $1.address) }
    }

    /// Every Ingress path in the namespace whose backend is the Service, in Ingress and rule order.
    static func routes(to service: ObjectKey, state: ClusterState) -> [IngressRoute] {
        routes(in: service.namespace, state: state).filter { $0.service == service.name }
    }

    /// Every Ingress path (and default backend) of a namespace that names a Service.
    static func routes(in namespace: String, state: ClusterState) -> [IngressRoute] {
        var out: [IngressRoute] = []
        for ing in state.ingresses.inNamespace(namespace).sorted(by: { $0.metadata.name < $1.metadata.name }) {
            out += routes(of: ing)
        }
        return out
    }

    static func routes(of ing: Ingress) -> [IngressRoute] {
        var out: [IngressRoute] = []
        func add(_ backend: IngressBackend, host: String?, path: HTTPIngressPath?) {
            guard case .service(let name, let port) = backend else { return }
            let portText: String
            switch port {
            case .number(let n): portText = String(n)
            case .name(let s): portText = s
            }
            out.append(IngressRoute(ingress: ing.metadata.key, host: host, path: path.map { $0.path ?? "/" },
                                    pathType: path?.pathType.rawValue, service: name, port: portText))
        }
        for rule in ing.spec.rules {
            for path in rule.paths ?? [] { add(path.backend, host: rule.host, path: path) }
        }
        if let backend = ing.spec.defaultBackend { add(backend, host: nil, path: nil) }
        return out
    }

    /// The target port of a Service port as a pod sees it: the number, or the name resolved on a sample pod.
    static func targetPort(_ port: ServicePort, samplePod: Pod?) -> String {
        switch port.targetPort {
        case .int(let n): return String(n)
        case .string(let name):
            let resolved = samplePod?.spec.containers.lazy.flatMap(\.ports).first { $0.name == name }?.containerPort
            return resolved.map { "\(name) (\($0))" } ?? name
        }
    }

    /// The pods a Service's selector matches (none without a selector).
    static func selectedPods(_ s: Service, state: ClusterState) -> [Pod] {
        guard let sel = s.spec.selector, !sel.isEmpty else { return [] }
        return state.pods.matching(sel, in: s.metadata.namespace).sorted { $0.metadata.name < $1.metadata.name }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// Names, or the first few and how many more.
    static func names(_ items: [String], limit: Int = 3) -> String {
        guard items.count > limit else { return list(items) }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }

    static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? word : plural ?? word + "s")"
    }
}
