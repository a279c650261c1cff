import ClusterStore
import KubeModel

/// What the two endpoint controllers carry between rounds so a pod change costs the pods that changed, not the
/// Service's every pod: which pods changed for which Service since its last reconcile (filled by the Dispatcher,
/// as informers' event handlers would), and the resourceVersions of the objects each controller last wrote. A
/// reconcile patches only when it has a list of changed pods and finds its objects as it left them; otherwise (the
/// Service changed, someone else wrote the objects, a requeue without a list) it recomputes from scratch. Both paths
/// give the same endpoints, so the controllers stay level-triggered.
struct EndpointTracker: Sendable {
    /// Pod names (in the Service's namespace) changed since the Service's slices were last reconciled.
    var slicePods: [ObjectKey: Set<String>] = [:]
    var endpointsPods: [ObjectKey: Set<String>] = [:]
    /// Services whose next reconcile must start from scratch.
    var fullSlices: Set<ObjectKey> = []
    var fullEndpoints: Set<ObjectKey> = []
    /// Per Service: each managed slice's name → resourceVersion, as the slice controller last left them.
    var sliceVersions: [ObjectKey: [String: String]] = [:]
    /// Per Service: the Endpoints' resourceVersion as the Endpoints controller last left it.
    var endpointsVersions: [ObjectKey: String] = [:]
}

extension Simulator {
    /// Only a pod with an IP is anyone's endpoint: a write to a pod that had none and still has none (its creation,
    /// its binding to a node) changes no Service's endpoints, so it costs the endpoint controllers nothing.
    static func mayChangeEndpoints(_ before: Pod?, _ after: Pod?) -> Bool {
        before?.status.podIP != nil || after?.status.podIP != nil
    }

    /// A pod that a Service selects (or selected) changed: both endpoint controllers look at that pod again.
    mutating func noteEndpointPod(_ pod: String, service: ObjectKey) {
        endpointTracker.slicePods[service, default: []].insert(pod)
        endpointTracker.endpointsPods[service, default: []].insert(pod)
        markDirty(.endpointSlice, service)
        markDirty(.endpoints, service)
    }

    /// The Service itself changed (ports, selector, labels, publishNotReadyAddresses …): recompute from scratch.
    mutating func noteEndpointService(_ service: ObjectKey) {
        endpointTracker.fullSlices.insert(service)
        endpointTracker.fullEndpoints.insert(service)
        markDirty(.endpointSlice, service)
        markDirty(.endpoints, service)
    }

    /// A node's zone is part of every slice endpoint on it: when it changes, its pods changed for their Services.
    mutating func noteNodeZoneChange(_ change: Change) {
        var before: String?
        if case .node(let old)? = change.before { before = old.zone }
        let after = store.get(Node.self, change.key)?.zone
        guard before != after else { return }
        let pods = store.table(Pod.self)
        for podKey in (pods.byNode[change.key.name] ?? []).sorted() {
            guard let labels = pods[podKey]?.metadata.labels else { continue }
            for service in servicesSelecting(labels, namespace: podKey.namespace) {
                noteEndpointPod(podKey.name, service: service)
            }
        }
    }
}
