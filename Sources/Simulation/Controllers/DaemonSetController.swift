import ClusterStore
import KubeModel

/// The DaemonSet controller: one pod on every node that matches the pod's nodeSelector. Daemon pods tolerate
/// cordoned nodes, as Kubernetes adds that toleration to them.
extension Simulator {
    mutating func reconcileDaemonSet(_ key: ObjectKey) {
        guard var ds = store.get(DaemonSet.self, key), !ds.metadata.isTerminating else { return }
        let state = store.snapshot
        let selector = ds.spec.template.spec.nodeSelector
        let nodes = state.nodes.all.filter { node in selector.allSatisfy { node.metadata.labels[$0.key] == $0.value } }
            .sorted { $0.metadata.name < $1.metadata.name }
        let wanted = Set(nodes.map(\.metadata.name))
        let pods = state.pods.owned(by: ds.metadata.uid).filter(\.isActive)
        var podsByNode: [String: [Pod]] = [:]
        for pod in pods { podsByNode[pod.spec.nodeName ?? "", default: []].append(pod) }
        let owner = ReplicaOwner(type: .daemonSet, metadata: ds.metadata, desired: nodes.count,
                                 template: ds.spec.template, minReadySeconds: ds.spec.minReadySeconds)
        for node in nodes where podsByNode[node.metadata.name] == nil {
            var o = owner
            o.template.spec.nodeName = node.metadata.name
            _ = createPod(for: o)
        }
        for (node, extra) in podsByNode.sorted(by: { $0.key < $1.key }) where !wanted.contains(node) {
            for pod in extra { try? beginTermination(pod.metadata.key, gracePeriodSeconds: nil) }
        }
        let current = store.snapshot.pods.owned(by: ds.metadata.uid).filter(\.isActive)
        var s = ds.status
        s.observedGeneration = ds.metadata.generation ?? 0
        s.desiredNumberScheduled = nodes.count
        s.currentNumberScheduled = current.filter { wanted.contains($0.spec.nodeName ?? "") }.count
        s.numberMisscheduled = current.count - s.currentNumberScheduled
        s.numberReady = current.filter(\.isReady).count
        s.numberAvailable = s.numberReady
        s.numberUnavailable = max(0, nodes.count - s.numberAvailable)
        s.updatedNumberScheduled = s.currentNumberScheduled
        if s != ds.status {
            ds.status = s
            _ = try? store.update(ds)
        }
    }
}
