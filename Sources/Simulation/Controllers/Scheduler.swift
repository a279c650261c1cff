import ClusterStore
import KubeModel

extension Simulator {
    /// kube-scheduler, reduced to what decides placement here: nodeName, nodeSelector, cordoned or not-ready nodes,
    /// and spreading (fewest pods first, then name).
    mutating func schedulePod(_ key: ObjectKey) {
        guard var pod = store.get(Pod.self, key), !pod.metadata.isTerminating else { return }
        if pod.spec.nodeName != nil {
            bindPreassigned(key)
            return
        }
        let state = store.snapshot
        let candidates = state.nodes.all.filter { node in
            !node.spec.unschedulable && node.isReady
                && pod.spec.nodeSelector.allSatisfy { node.metadata.labels[$0.key] == $0.value }
        }
        guard let node = candidates.min(by: { a, b in
            let ca = state.pods.byNode[a.metadata.name]?.count ?? 0
            let cb = state.pods.byNode[b.metadata.name]?.count ?? 0
            return ca != cb ? ca < cb : a.metadata.name < b.metadata.name
        }) else {
            let message = "0/\(state.nodes.count) nodes are available: " + unschedulableReasons(pod, state)
            if pod.status.condition("PodScheduled")?.message != message {
                pod.status.conditions = [PodCondition(type: "PodScheduled", status: false, lastTransitionTime: now,
                                                      reason: "Unschedulable", message: message)]
                _ = try? store.update(pod)
                recordEvent(for: pod, reason: "FailedScheduling", message: message, component: "default-scheduler",
                            type: "Warning")
            }
            return
        }
        bind(&pod, to: node)
    }

    mutating func bind(_ pod: inout Pod, to node: Node) {
        pod.spec.nodeName = node.metadata.name
        pod.status.hostIP = node.internalIP
        pod.status.phase = .pending
        pod.status.containerStatuses = pod.spec.containers.map {
            ContainerStatus(name: $0.name, image: $0.image, ready: false, started: false, restartCount: 0,
                            state: .waiting(reason: "ContainerCreating", message: nil))
        }
        setConditions(&pod, ready: false)
        if let i = pod.status.conditions.firstIndex(where: { $0.type == "PodReadyToStartContainers" }) {
            pod.status.conditions[i].status = "False"
        }
        guard let bound = try? store.update(pod) else { return }
        kubelet[bound.metadata.key] = PodRuntime(uid: bound.metadata.uid)
        recordEvent(for: bound, reason: "Scheduled",
                    message: "Successfully assigned \(bound.metadata.namespace)/\(bound.metadata.name) to \(node.metadata.name)",
                    component: "default-scheduler")
        let range = config.containerStartSeconds
        let delay = Int64(range.lowerBound) + Int64(rng.next(upperBound: UInt64(range.count)))
        schedule(.containersStarted(bound.metadata.key, uid: bound.metadata.uid), afterMs: delay * 1000)
    }

    /// Pods that name their node skip the scheduler and go straight to that node's kubelet.
    mutating func bindPreassigned(_ key: ObjectKey) {
        guard var pod = store.get(Pod.self, key), let name = pod.spec.nodeName, kubelet[key] == nil,
              let node = store.get(Node.self, ObjectKey(namespace: "", name: name)) else { return }
        pod.spec.nodeName = nil
        bind(&pod, to: node)
    }

    private func unschedulableReasons(_ pod: Pod, _ state: ClusterState) -> String {
        var counts: [String: Int] = [:]
        for node in state.nodes.all {
            if !node.isReady {
                counts["1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }", default: 0] += 1
            } else if node.spec.unschedulable {
                counts["node(s) were unschedulable", default: 0] += 1
            } else {
                counts["node(s) didn't match Pod's node affinity/selector", default: 0] += 1
            }
        }
        if counts.isEmpty { return "no nodes available to schedule pods." }
        return counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.replacingOccurrences(of: "1 node(s)", with: "node(s)"))" }
            .joined(separator: ", ") + ". preemption: 0/\(state.nodes.count) nodes are available."
    }
}
