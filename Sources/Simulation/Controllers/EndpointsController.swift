import ClusterStore
import KubeModel

/// The legacy Endpoints controller: ready pods in `addresses`, not-ready ones in `notReadyAddresses`, terminating
/// pods dropped unless publishNotReadyAddresses, subsets grouped by port set, at most 1000 addresses.
extension Simulator {
    static let maxEndpointsAddresses = 1000

    mutating func reconcileEndpoints(_ key: ObjectKey) {
        let changedPods = endpointTracker.endpointsPods.removeValue(forKey: key)
        let mustRecompute = endpointTracker.fullEndpoints.remove(key) != nil
        let existing = store.get(Endpoints.self, key)
        guard let service = store.get(Service.self, key), let selector = managedSelector(service) else {
            // Endpoints of selector-less Services are the user's own; only ours go with the Service.
            if let existing, existing.metadata.controllerRef == nil, store.get(Service.self, key) == nil,
               existing.metadata.labels["endpoints.kubernetes.io/managed-by"] == "endpoint-controller" {
                _ = try? store.delete(Endpoints.self, key)
            }
            endpointTracker.endpointsVersions[key] = nil
            return
        }
        var annotations = existing?.metadata.annotations ?? [:]
        var subsets: [EndpointSubset]
        // Patch only what this controller left untouched and untruncated; anything else is rebuilt from scratch.
        if !mustRecompute, let changedPods, let existing,
           endpointTracker.endpointsVersions[key] == existing.metadata.resourceVersion,
           annotations[Endpoints.overCapacityAnnotation] == nil,
           let patched = patchedSubsets(existing.subsets, service, selector: selector, changed: changedPods.sorted()) {
            subsets = patched
        } else {
            subsets = desiredSubsets(service, selector: selector)
            let total = subsets.reduce(0) { $0 + $1.addresses.count + $1.notReadyAddresses.count }
            if total > Self.maxEndpointsAddresses {
                subsets = truncate(subsets, to: Self.maxEndpointsAddresses)
                annotations[Endpoints.overCapacityAnnotation] = "truncated"
            } else {
                annotations[Endpoints.overCapacityAnnotation] = nil
            }
        }
        var labels = service.metadata.labels
        labels["endpoints.kubernetes.io/managed-by"] = "endpoint-controller"
        if service.spec.isHeadless { labels["service.kubernetes.io/headless"] = "" }
        if var endpoints = existing {
            let before = endpoints
            endpoints.subsets = subsets
            endpoints.metadata.labels = labels
            endpoints.metadata.annotations = annotations
            if endpoints != before {
                endpoints.metadata.annotations["endpoints.kubernetes.io/last-change-trigger-time"] = now.rfc3339
                if let written = try? store.update(endpoints) { endpoints = written }
            }
            endpointTracker.endpointsVersions[key] = endpoints.metadata.resourceVersion
        } else {
            var meta = ObjectMeta(name: key.name, namespace: key.namespace, labels: labels, annotations: annotations)
            meta.annotations["endpoints.kubernetes.io/last-change-trigger-time"] = now.rfc3339
            endpointTracker.endpointsVersions[key] = (try? store.create(Endpoints(metadata: meta, subsets: subsets)))?
                .metadata.resourceVersion
        }
    }

    /// The subsets with the changed pods' addresses taken out and put back as the pods are now: the same object
    /// `desiredSubsets` builds (addresses in IP order, subsets in the order of their first pod by name), without
    /// rebuilding or re-sorting the other addresses. Nil when the result would need truncating.
    func patchedSubsets(_ subsets: [EndpointSubset], _ service: Service, selector: [String: String],
                        changed names: [String]) -> [EndpointSubset]? {
        let scope = PodNames(names)
        func concerned(_ address: EndpointAddress) -> Bool { address.targetRef?.name.map(scope.contains) ?? false }
        var result = subsets
        for i in result.indices {
            if result[i].addresses.contains(where: concerned) { result[i].addresses.removeAll(where: concerned) }
            if result[i].notReadyAddresses.contains(where: concerned) {
                result[i].notReadyAddresses.removeAll(where: concerned)
            }
        }
        let namespace = service.metadata.namespace
        for name in names {
            guard let pod = store.get(Pod.self, ObjectKey(namespace: namespace, name: name)),
                  isEndpointCandidate(pod, selector: selector),
                  let (address, ready) = endpointsAddress(service, pod) else { continue }
            let ports = resolvedPorts(service, pod)
            let s: Int
            if let found = result.firstIndex(where: { $0.ports == ports }) {
                s = found
            } else {
                result.append(EndpointSubset(ports: ports))
                s = result.count - 1
            }
            if ready {
                Self.insertInIPOrder(address, into: &result[s].addresses)
            } else {
                Self.insertInIPOrder(address, into: &result[s].notReadyAddresses)
            }
        }
        result.removeAll { $0.addresses.isEmpty && $0.notReadyAddresses.isEmpty }
        let total = result.reduce(0) { $0 + $1.addresses.count + $1.notReadyAddresses.count }
        if total > Self.maxEndpointsAddresses { return nil }
        if result.count > 1 {
            func firstPod(_ s: EndpointSubset) -> String {
                (s.addresses + s.notReadyAddresses).compactMap { $0.targetRef?.name }.min() ?? ""
            }
            result = result.map { (firstPod($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return result
    }

    private static func insertInIPOrder(_ address: EndpointAddress, into list: inout [EndpointAddress]) {
        list.insert(address, at: list.partitionPoint { ipOrder($0.ip, address.ip) })
    }

    func desiredSubsets(_ service: Service, selector: [String: String]) -> [EndpointSubset] {
        // Addresses with their numeric IP, parsed once per pod rather than once per comparison.
        var byPorts: [[EndpointPort]: (ready: [(UInt32, EndpointAddress)], notReady: [(UInt32, EndpointAddress)])] = [:]
        var order: [[EndpointPort]] = []
        for pod in endpointPods(service, selector: selector) {
            guard let (address, ready) = endpointsAddress(service, pod) else { continue }
            let ports = resolvedPorts(service, pod)
            if byPorts[ports] == nil {
                order.append(ports)
                byPorts[ports] = ([], [])
            }
            let entry = (IPv4CIDR.parse(address.ip) ?? 0, address)
            if ready {
                byPorts[ports]!.ready.append(entry)
            } else {
                byPorts[ports]!.notReady.append(entry)
            }
        }
        func ordered(_ list: [(UInt32, EndpointAddress)]) -> [EndpointAddress] {
            list.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.ip < $1.1.ip }.map(\.1)
        }
        return order.map { ports in
            var subset = EndpointSubset(ports: ports)
            subset.addresses = ordered(byPorts[ports]!.ready)
            subset.notReadyAddresses = ordered(byPorts[ports]!.notReady)
            return subset
        }
    }

    /// Keeps ready addresses first, as the controller does when it drops the excess.
    private func truncate(_ subsets: [EndpointSubset], to limit: Int) -> [EndpointSubset] {
        var budget = limit
        var result = subsets.map { EndpointSubset(ports: $0.ports) }
        for (i, s) in subsets.enumerated() {
            let take = min(budget, s.addresses.count)
            result[i].addresses = Array(s.addresses.prefix(take))
            budget -= take
        }
        for (i, s) in subsets.enumerated() {
            let take = min(budget, s.notReadyAddresses.count)
            result[i].notReadyAddresses = Array(s.notReadyAddresses.prefix(take))
            budget -= take
        }
        return result.filter { !$0.addresses.isEmpty || !$0.notReadyAddresses.isEmpty }
    }

    /// A candidate pod's address in a Service's Endpoints and whether it is listed as ready; nil for a terminating
    /// pod, which is dropped unless the Service publishes not-ready addresses.
    func endpointsAddress(_ service: Service, _ pod: Pod) -> (EndpointAddress, ready: Bool)? {
        let publish = service.spec.publishNotReadyAddresses
        if pod.metadata.isTerminating && !publish { return nil }
        let address = EndpointAddress(ip: pod.status.podIP!, hostname: endpointHostname(pod, service),
                                      nodeName: pod.spec.nodeName, targetRef: ObjectReference(to: pod))
        return (address, publish || pod.isReady)
    }

    /// Endpoints' address order: numerically by IPv4 address, then as text.
    static func ipOrder(_ a: String, _ b: String) -> Bool {
        (IPv4CIDR.parse(a) ?? 0, a) < (IPv4CIDR.parse(b) ?? 0, b)
    }
}
