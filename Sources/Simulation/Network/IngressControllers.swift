import ClusterStore
import KubeModel

/// Which ingress controller serves which Ingress, and where it listens. The simulation runs one controller per
/// IngressClass; an Ingress whose class does not exist is served by nobody.
public struct IngressControllerInfo: Sendable, Hashable {
    public var ingressClass: String
    /// The Service that exposes the controller (ingress-nginx's `ingress-nginx-controller`), when the cluster has one.
    public var service: ObjectKey?
    /// The address clients use: the controller Service's LoadBalancer address, else the first node's InternalIP.
    public var address: String?
}

extension ClusterState {
    /// The IngressClass that serves `ingress`, or nil if it names a class that does not exist.
    public func ingressClass(for ingress: Ingress) -> IngressClass? {
        if let name = ingress.effectiveClassName {
            return ingressClasses[ObjectKey(namespace: "", name: name)]
        }
        return ingressClasses.all.filter(\.isDefault).min { $0.metadata.name < $1.metadata.name }
    }

    public func ingressController(for ingressClass: IngressClass) -> IngressControllerInfo {
        let controllerName = (ingressClass.controller ?? "").split(separator: "/").last.map(String.init) ?? ""
        let candidates = services.all.filter { s in
            guard s.spec.type == .loadBalancer || s.spec.type == .nodePort else { return false }
            let labels = s.metadata.labels
            return labels["app.kubernetes.io/name"] == controllerName
                || labels["app.kubernetes.io/name"] == ingressClass.metadata.name
                || s.metadata.name.contains("ingress")
        }.sorted { ($0.spec.type == .loadBalancer ? 0 : 1, $0.metadata.key) < ($1.spec.type == .loadBalancer ? 0 : 1, $1.metadata.key) }
        let service = candidates.first
        let firstNode = nodes.all.min { $0.metadata.name < $1.metadata.name }
        let address = service?.loadBalancerIngress.first?.ip ?? firstNode?.internalIP
        return IngressControllerInfo(ingressClass: ingressClass.metadata.name, service: service?.metadata.key,
                                     address: address)
    }
}

extension Simulator {
    /// The ingress controller publishes its address in the status of every Ingress it serves.
    mutating func reconcileIngressStatus(_ key: ObjectKey) {
        guard var ingress = store.get(Ingress.self, key) else { return }
        let state = store.snapshot
        var status = IngressStatus()
        if let cls = state.ingressClass(for: ingress), let address = state.ingressController(for: cls).address {
            status.loadBalancer = [IngressLoadBalancerIngress(ip: address)]
        }
        if status != ingress.status {
            ingress.status = status
            _ = try? store.update(ingress)
        }
    }
}
