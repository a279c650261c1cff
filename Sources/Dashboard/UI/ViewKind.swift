/// The dashboard's table views, with the names and aliases `:` accepts (kubectl's and k9s's).
public enum ViewKind: String, CaseIterable, Sendable, Hashable {
    case services, pods, endpoints, ingresses, deployments, replicaSets, statefulSets, daemonSets, nodes, events,
         namespaces, topology, traffic

    /// The name shown in titles and breadcrumbs.
    public var title: String {
        switch self {
        case .services: "Services"
        case .pods: "Pods"
        case .endpoints: "Endpoints"
        case .ingresses: "Ingress routes"
        case .deployments: "Deployments"
        case .replicaSets: "ReplicaSets"
        case .statefulSets: "StatefulSets"
        case .daemonSets: "DaemonSets"
        case .nodes: "Nodes"
        case .events: "Events"
        case .namespaces: "Namespaces"
        case .topology: "Topology"
        case .traffic: "Traffic"
        }
    }

    /// Every name that selects this view; the first is canonical.
    public var names: [String] {
        switch self {
        case .services: ["services", "service", "svc"]
        case .pods: ["pods", "pod", "po"]
        case .endpoints: ["endpoints", "ep", "endpointslices", "endpointslice", "eps"]
        case .ingresses: ["ingresses", "ingress", "ing", "routes"]
        case .deployments: ["deployments", "deployment", "deploy", "dp"]
        case .replicaSets: ["replicasets", "replicaset", "rs"]
        case .statefulSets: ["statefulsets", "statefulset", "sts"]
        case .daemonSets: ["daemonsets", "daemonset", "ds"]
        case .nodes: ["nodes", "node", "no"]
        case .events: ["events", "event", "ev"]
        case .namespaces: ["namespaces", "namespace", "ns"]
        case .topology: ["topology", "topo", "xray"]
        case .traffic: ["traffic"]
        }
    }

    public static func named(_ name: String) -> ViewKind? {
        let n = name.lowercased()
        return allCases.first { $0.names.contains(n) }
    }

    /// Cluster-scoped views ignore the namespace.
    var isNamespaced: Bool { self != .nodes && self != .namespaces }
}
