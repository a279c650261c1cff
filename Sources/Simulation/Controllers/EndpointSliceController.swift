import ClusterStore
import KubeModel

/// The EndpointSlice controller (kubernetes/endpointslice): pods grouped by their resolved ports, at most 100
/// endpoints a slice, conditions ready/serving/terminating, one empty placeholder slice when nothing matches.
/// Existing slices are kept and edited in place (see `SlicePlacement`); a pod change looks only at that pod.
extension Simulator {
    mutating func reconcileEndpointSlices(_ key: ObjectKey) {
        let changedPods = endpointTracker.slicePods.removeValue(forKey: key)
        let mustRecompute = endpointTracker.fullSlices.remove(key) != nil
        let existing = store.table(EndpointSlice.self).matching([EndpointSlice.serviceNameLabel: key.name], in: key.namespace)
            .filter { $0.metadata.labels[EndpointSlice.managedByLabel] == EndpointSlice.controllerName }
            .sorted { $0.metadata.name < $1.metadata.name }
        guard let service = store.get(Service.self, key), let selector = managedSelector(service) else {
            for slice in existing { _ = try? store.delete(EndpointSlice.self, slice.metadata.key) }
            endpointTracker.sliceVersions[key] = nil
            return
        }
        var placement = SlicePlacement(existing: existing)
        let incremental = !mustRecompute && changedPods != nil && slicesAsLeft(existing, service: key)
        if incremental, let changedPods {
            let names = changedPods.sorted()
            placement.place(names.compactMap { desiredEndpoint(service, selector: selector, pod: $0) },
                            scope: PodNames(names))
        } else {
            var zones = ZoneCache()
            let desired = endpointPods(service, selector: selector).map { desiredEndpoint(service, $0, zones: &zones) }
            placement.place(desired, scope: nil)
        }
        writeSlices(placement, existing: existing, service: service, relabelAll: !incremental)
    }

    /// Whether the Service's managed slices are exactly the ones this controller last wrote, unchanged since.
    private func slicesAsLeft(_ slices: [EndpointSlice], service: ObjectKey) -> Bool {
        guard let versions = endpointTracker.sliceVersions[service], versions.count == slices.count else { return false }
        return slices.allSatisfy { versions[$0.metadata.name] == $0.metadata.resourceVersion }
    }

    private mutating func writeSlices(_ placement: SlicePlacement, existing: [EndpointSlice], service: Service,
                                      relabelAll: Bool) {
        let key = service.metadata.key
        let labels = sliceLabels(service)
        let deleted = Set(placement.deleted)
        var versions: [String: String] = [:]
        for (i, original) in existing.enumerated() where !deleted.contains(i) {
            var slice = placement.slices[i]
            if placement.edited[i] || relabelAll {
                slice.metadata.labels = labels
                if slice != original {
                    slice.metadata.annotations["endpoints.kubernetes.io/last-change-trigger-time"] = now.rfc3339
                    if let written = try? store.update(slice) { slice = written }
                }
            }
            versions[slice.metadata.name] = slice.metadata.resourceVersion
        }
        for (ports, endpoints) in placement.created {
            var meta = ObjectMeta(name: "", namespace: key.namespace, labels: labels)
            meta.generateName = "\(service.metadata.name)-"
            repeat {
                meta.name = "\(service.metadata.name)-\(rng.nameSuffix())"
            } while store.get(EndpointSlice.self, ObjectKey(namespace: key.namespace, name: meta.name)) != nil
            meta.ownerReferences = [serviceOwnerReference(service)]
            meta.annotations["endpoints.kubernetes.io/last-change-trigger-time"] = now.rfc3339
            if let created = try? store.create(EndpointSlice(metadata: meta, endpoints: endpoints, ports: ports)) {
                versions[created.metadata.name] = created.metadata.resourceVersion
            }
        }
        for i in placement.deleted { _ = try? store.delete(EndpointSlice.self, existing[i].metadata.key) }
        endpointTracker.sliceVersions[key] = versions
    }

    func sliceLabels(_ service: Service) -> [String: String] {
        var labels = service.metadata.labels
        labels[EndpointSlice.serviceNameLabel] = service.metadata.name
        labels[EndpointSlice.managedByLabel] = EndpointSlice.controllerName
        if service.spec.isHeadless { labels["service.kubernetes.io/headless"] = "" }
        return labels
    }

    /// The endpoint a changed pod should have in the Service, or nil if it should have none (gone, no IP yet,
    /// finished, or no longer selected).
    func desiredEndpoint(_ service: Service, selector: [String: String], pod name: String) -> DesiredEndpoint? {
        guard let pod = store.get(Pod.self, ObjectKey(namespace: service.metadata.namespace, name: name)),
              isEndpointCandidate(pod, selector: selector) else { return nil }
        var zones = ZoneCache()
        return desiredEndpoint(service, pod, zones: &zones)
    }

    func desiredEndpoint(_ service: Service, _ pod: Pod, zones: inout ZoneCache) -> DesiredEndpoint {
        let serving = pod.isReady
        let terminating = pod.metadata.isTerminating
        let ready = service.spec.publishNotReadyAddresses || (serving && !terminating)
        let node = pod.spec.nodeName
        let endpoint = Endpoint(
            addresses: [pod.status.podIP!],
            conditions: EndpointConditions(ready: ready, serving: serving, terminating: terminating),
            hostname: endpointHostname(pod, service), nodeName: node,
            zone: node.flatMap { zones.zone(of: $0, in: store) },
            targetRef: ObjectReference(to: pod))
        return DesiredEndpoint(pod: pod.metadata.name, ports: resolvedPorts(service, pod), endpoint: endpoint)
    }

    /// The slices a Service should have if built from nothing: (ports, endpoints), grouped by resolved ports,
    /// chunked by 100. What any incremental history must agree with as a set of endpoints per port group.
    func desiredSlices(_ service: Service, selector: [String: String]) -> [([EndpointPort], [Endpoint])] {
        var placement = SlicePlacement(existing: [])
        var zones = ZoneCache()
        placement.place(endpointPods(service, selector: selector).map { desiredEndpoint(service, $0, zones: &zones) },
                        scope: nil)
        return placement.created.map { ($0.ports, $0.endpoints) }
    }
}

/// Node zones looked up once per reconcile.
struct ZoneCache {
    private var zones: [String: String?] = [:]

    mutating func zone(of node: String, in store: ClusterStore) -> String? {
        if let known = zones[node] { return known }
        let found = store.get(Node.self, ObjectKey(namespace: "", name: node))?.zone
        zones[node] = found
        return found
    }
}
