import ClusterStore
import KubeModel

/// The EndpointSlice controller (kubernetes/endpointslice): pods grouped by their resolved ports, at most 100
/// endpoints a slice, conditions ready/serving/terminating, one empty placeholder slice when nothing matches.
extension Simulator {
    mutating func reconcileEndpointSlices(_ key: ObjectKey) {
        let existing = store.snapshot.endpointSlices.matching([EndpointSlice.serviceNameLabel: key.name], in: key.namespace)
            .filter { $0.metadata.labels[EndpointSlice.managedByLabel] == EndpointSlice.controllerName }
            .sorted { $0.metadata.name < $1.metadata.name }
        guard let service = store.get(Service.self, key), let selector = managedSelector(service) else {
            for slice in existing { _ = try? store.delete(EndpointSlice.self, slice.metadata.key) }
            return
        }
        let desired = desiredSlices(service, selector: selector)
        var reusable = existing
        for (ports, endpoints) in desired {
            // Keep slice names stable: reuse a slice that already carries these ports, else any spare one.
            let index = reusable.firstIndex { $0.ports == ports } ?? (reusable.isEmpty ? nil : 0)
            if let index {
                var slice = reusable.remove(at: index)
                let before = slice
                slice.ports = ports
                slice.endpoints = endpoints
                slice.metadata.labels = sliceLabels(service)
                if slice != before {
                    slice.metadata.annotations["endpoints.kubernetes.io/last-change-trigger-time"] = now.rfc3339
                    _ = try? store.update(slice)
                }
            } else {
                var meta = ObjectMeta(name: "", namespace: key.namespace, labels: sliceLabels(service))
                meta.generateName = "\(service.metadata.name)-"
                meta.name = "\(service.metadata.name)-\(rng.nameSuffix())"
                meta.ownerReferences = [serviceOwnerReference(service)]
                meta.annotations["endpoints.kubernetes.io/last-change-trigger-time"] = now.rfc3339
                _ = try? store.create(EndpointSlice(metadata: meta, endpoints: endpoints, ports: ports))
            }
        }
        for slice in reusable { _ = try? store.delete(EndpointSlice.self, slice.metadata.key) }
    }

    func sliceLabels(_ service: Service) -> [String: String] {
        var labels = service.metadata.labels
        labels[EndpointSlice.serviceNameLabel] = service.metadata.name
        labels[EndpointSlice.managedByLabel] = EndpointSlice.controllerName
        if service.spec.isHeadless { labels["service.kubernetes.io/headless"] = "" }
        return labels
    }

    /// The slices a Service should have: (ports, endpoints) pairs, grouped by resolved ports, chunked by 100.
    func desiredSlices(_ service: Service, selector: [String: String]) -> [([EndpointPort], [Endpoint])] {
        var groups: [[EndpointPort]: [Endpoint]] = [:]
        var order: [[EndpointPort]] = []
        let nodes = store.snapshot.nodes
        var zones: [String: String?] = [:]
        func zone(_ node: String) -> String? {
            if let known = zones[node] { return known }
            let found = nodes[ObjectKey(namespace: "", name: node)]?.zone
            zones[node] = found
            return found
        }
        for pod in endpointPods(service, selector: selector) {
            let ports = resolvedPorts(service, pod)
            let serving = pod.isReady
            let terminating = pod.metadata.isTerminating
            let ready = service.spec.publishNotReadyAddresses || (serving && !terminating)
            let node = pod.spec.nodeName
            let endpoint = Endpoint(
                addresses: [pod.status.podIP!],
                conditions: EndpointConditions(ready: ready, serving: serving, terminating: terminating),
                hostname: endpointHostname(pod, service), nodeName: node,
                zone: node.flatMap(zone),
                targetRef: ObjectReference(to: pod))
            if groups[ports] == nil { order.append(ports) }
            groups[ports, default: []].append(endpoint)
        }
        if order.isEmpty { return [([], [])] }
        var result: [([EndpointPort], [Endpoint])] = []
        for ports in order {
            let endpoints = groups[ports]!
            var start = 0
            while start < endpoints.count {
                let end = min(start + EndpointSlice.maxEndpoints, endpoints.count)
                result.append((ports, Array(endpoints[start..<end])))
                start = end
            }
        }
        return result
    }
}
