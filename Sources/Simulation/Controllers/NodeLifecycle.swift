import ClusterStore
import KubeModel

/// Node failure, recovery, cordon and drain, as the node lifecycle controller and `kubectl drain` handle them.
extension Simulator {
    static let unreachableTaint: JSONValue = ["key": "node.kubernetes.io/unreachable", "effect": "NoExecute"]
    static let unschedulableTaint: JSONValue = ["key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"]

    mutating func reconcileNode(_ key: ObjectKey) {}

    func nodeIsReachable(_ name: String?) -> Bool {
        guard let name, let node = store.get(Node.self, ObjectKey(namespace: "", name: name)) else { return true }
        return node.isReady
    }

    func nodePodCIDR(_ name: String) -> String? {
        store.get(Node.self, ObjectKey(namespace: "", name: name))?.spec.podCIDR
    }

    func node(named name: String) throws -> Node {
        guard let node = store.get(Node.self, ObjectKey(namespace: "", name: name)) else {
            throw APIError.notFound(.node, name)
        }
        return node
    }

    /// The node stops reporting: it turns NotReady (Unknown), its pods are marked not ready at once and evicted
    /// after the toleration period. Pods on an unreachable node stay Terminating until it comes back.
    mutating func failNode(_ name: String) throws {
        var node = try node(named: name)
        guard node.isReady else { return }
        setNodeReady(&node, false)
        node.spec.taints.append(Self.unreachableTaint)
        _ = try store.update(node)
        recordEvent(involved: .node, node.metadata, reason: "NodeNotReady", message: "Node \(name) status is now: NodeNotReady",
                    component: "node-controller")
        for var pod in store.snapshot.pods.onNode(name).sorted(by: { $0.metadata.name < $1.metadata.name }) where pod.isReady {
            for i in pod.status.containerStatuses.indices { pod.status.containerStatuses[i].ready = false }
            setConditions(&pod, ready: false)
            _ = try? store.update(pod)
        }
        schedule(.evictPodsFromNode(name), afterMs: Int64(config.nodeEvictionSeconds) * 1000)
    }

    mutating func evictPods(fromNode name: String) {
        guard let node = try? node(named: name), !node.isReady else { return }
        // A timer from an earlier failure (the node recovered and failed again since) must not cut the
        // toleration of the current one short.
        let evictAfterMs = Int64(config.nodeEvictionSeconds) * 1000
        if let since = node.status.condition("Ready")?.lastTransitionTime,
           now.milliseconds - since.milliseconds < evictAfterMs {
            schedule(.evictPodsFromNode(name), afterMs: since.milliseconds + evictAfterMs - now.milliseconds)
            return
        }
        for pod in store.snapshot.pods.onNode(name).sorted(by: { $0.metadata.name < $1.metadata.name })
        where !pod.metadata.isTerminating && pod.metadata.controllerRef?.kind != "DaemonSet" {
            recordEvent(for: pod, reason: "TaintManagerEviction", message: "Marking for deletion Pod \(pod.metadata.key)",
                        component: "taint-eviction-controller")
            try? beginTermination(pod.metadata.key, gracePeriodSeconds: nil)
        }
    }

    /// The kubelet reports again: terminating pods it no longer runs are removed, the rest turn ready again.
    mutating func recoverNode(_ name: String) throws {
        var node = try node(named: name)
        guard !node.isReady else { return }
        setNodeReady(&node, true)
        node.spec.taints.removeAll { $0 == Self.unreachableTaint }
        _ = try store.update(node)
        recordEvent(involved: .node, node.metadata, reason: "NodeReady", message: "Node \(name) status is now: NodeReady",
                    component: "kubelet")
        let deferred = deferredOnNode.removeValue(forKey: name) ?? []
        var resuming: Set<ObjectKey> = []
        for event in deferred {
            switch event {
            case .containersStarted(let key, _), .readinessProbe(let key, _), .containerRestart(let key, _):
                resuming.insert(key)
            default: break
            }
        }
        for var pod in store.snapshot.pods.onNode(name).sorted(by: { $0.metadata.name < $1.metadata.name }) {
            let key = pod.metadata.key
            let runtime = kubelet[key]
            if pod.metadata.isTerminating {
                try? removePod(key)
            } else if pod.status.phase == .running, !resuming.contains(key), !isContainerDown(pod),
                      !(runtime?.readinessFailing ?? false), !(runtime?.probeScheduled ?? false) {
                for i in pod.status.containerStatuses.indices { pod.status.containerStatuses[i].ready = true }
                setConditions(&pod, ready: true)
                _ = try? store.update(pod)
            }
        }
        // The kubelet picks up what it could not do while cut off: start containers, probe, restart.
        for event in deferred { schedule(event, afterMs: 0) }
    }

    mutating func setCordoned(_ name: String, _ cordoned: Bool) throws {
        var node = try node(named: name)
        guard node.spec.unschedulable != cordoned else { return }
        node.spec.unschedulable = cordoned
        if cordoned {
            node.spec.taints.append(Self.unschedulableTaint)
        } else {
            node.spec.taints.removeAll { $0 == Self.unschedulableTaint }
        }
        _ = try store.update(node)
        recordEvent(involved: .node, node.metadata, reason: cordoned ? "NodeNotSchedulable" : "NodeSchedulable",
                    message: "Node \(name) status is now: \(cordoned ? "NodeNotSchedulable" : "NodeSchedulable")",
                    component: "kubelet")
    }

    /// `kubectl drain`: cordon, then evict every pod except DaemonSet pods, gracefully.
    mutating func drainNode(_ name: String) throws {
        try setCordoned(name, true)
        for pod in store.snapshot.pods.onNode(name).sorted(by: { $0.metadata.name < $1.metadata.name })
        where pod.metadata.controllerRef?.kind != "DaemonSet" {
            try? beginTermination(pod.metadata.key, gracePeriodSeconds: nil)
        }
    }

    private func setNodeReady(_ node: inout Node, _ ready: Bool) {
        let t = now
        let condition = NodeCondition(type: "Ready", status: ready, lastHeartbeatTime: t, lastTransitionTime: t,
                                      reason: ready ? "KubeletReady" : "NodeStatusUnknown",
                                      message: ready ? "kubelet is posting ready status" : "Kubelet stopped posting node status.")
        if let i = node.status.conditions.firstIndex(where: { $0.type == "Ready" }) {
            node.status.conditions[i] = condition
            if !ready { node.status.conditions[i].status = "Unknown" }
        } else {
            node.status.conditions.append(condition)
        }
    }
}
