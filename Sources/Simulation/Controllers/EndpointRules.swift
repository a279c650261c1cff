import ClusterStore
import KubeModel

/// The rules both endpoint controllers share: which pods a Service gets, and which ports each pod resolves.
extension Simulator {
    /// Services with no selector (or `{}`), and ExternalName Services, get no managed endpoints.
    func managedSelector(_ service: Service) -> [String: String]? {
        guard service.spec.type != .externalName, let selector = service.spec.selector, !selector.isEmpty else {
            return nil
        }
        return selector
    }

    /// Pods that belong in a Service's endpoints: selected, with an IP, not Succeeded/Failed. Terminating pods
    /// are included; each controller decides what they mean.
    func endpointPods(_ service: Service, selector: [String: String]) -> [Pod] {
        let pods = store.table(Pod.self)
        let namespace = service.metadata.namespace
        // Sort the keys (cheap to move), then copy each qualifying pod once.
        var smallest: Set<ObjectKey>?
        for (k, v) in selector {
            guard let set = pods.byLabel[LabelPair(k, v)] else { return [] }
            if smallest == nil || set.count < smallest!.count { smallest = set }
        }
        let keys = (smallest ?? []).filter { $0.namespace == namespace }.sorted { $0.name < $1.name }
        var result: [Pod] = []
        result.reserveCapacity(keys.count)
        for key in keys {
            guard let pod = pods[key], isEndpointCandidate(pod, selector: selector) else { continue }
            result.append(pod)
        }
        return result
    }

    /// Selected, with an IP, not Succeeded/Failed (the namespace is the caller's to match).
    func isEndpointCandidate(_ pod: Pod, selector: [String: String]) -> Bool {
        pod.status.podIP != nil && pod.status.phase != .succeeded && pod.status.phase != .failed
            && selector.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
    }

    /// The Service's ports as this pod serves them: a named targetPort resolves through the pod's container ports
    /// of the same protocol; a port the pod lacks is left out for that pod.
    func resolvedPorts(_ service: Service, _ pod: Pod) -> [EndpointPort] {
        service.spec.ports.compactMap { sp in
            guard let number = pod.spec.resolve(targetPort: sp.targetPort, protocol: sp.protocol) else { return nil }
            return EndpointPort(name: sp.name ?? "", port: number, protocol: sp.protocol, appProtocol: sp.appProtocol)
        }
    }

    /// The pod's DNS hostname in this Service: only when the pod sets hostname and its subdomain names the Service.
    func endpointHostname(_ pod: Pod, _ service: Service) -> String? {
        guard let hostname = pod.spec.hostname, !hostname.isEmpty, pod.spec.subdomain == service.metadata.name else {
            return nil
        }
        return hostname
    }

    func serviceOwnerReference(_ service: Service) -> OwnerReference {
        OwnerReference(apiVersion: "v1", kind: "Service", name: service.metadata.name, uid: service.metadata.uid)
    }
}
