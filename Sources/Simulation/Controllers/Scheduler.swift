import ClusterStore
import KubeModel

extension Simulator {
    /// kube-scheduler, reduced to what decides placement here: nodeName, nodeSelector, cordoned or not-ready nodes,
    /// the node's allocatable pods, and spreading (fewest pods first, then name).
    ///
    /// Places a batch of pods (one scheduler round) in the given order. The candidate nodes are ranked once per
    /// batch in a heap, so each pod costs O(log nodes) (O(nodes) with a nodeSelector), never a scan of all pods.
    mutating func schedulePods(_ keys: [ObjectKey]) {
        // The ranking carries over between rounds until a pod leaves a node or a node changes (see `dispatch`).
        var picker = nodePicker
        defer { nodePicker = picker }
        var failures: [[String: String]: String] = [:]
        for key in keys {
            guard var pod = store.get(Pod.self, key), !pod.metadata.isTerminating else { continue }
            if pod.spec.nodeName != nil {
                // Already counted on its node since it was created there.
                bindPreassigned(key)
                continue
            }
            if picker == nil {
                if nodeRanking == nil { nodeRanking = NodeRanking(store.snapshot.nodes) }
                picker = NodePicker(nodeRanking!, pods: store.snapshot.pods)
            }
            if let index = picker!.pick(pod.spec.nodeSelector, pods: store.snapshot.pods) {
                if bind(&pod, to: picker!.nodes[index]) { picker!.placed(index) }
                continue
            }
            let message: String
            if let cached = failures[pod.spec.nodeSelector] {
                message = cached
            } else {
                message = "0/\(store.snapshot.nodes.count) nodes are available: "
                    + unschedulableReasons(pod, store.snapshot, picker!)
                failures[pod.spec.nodeSelector] = message
            }
            if pod.status.condition("PodScheduled")?.message != message {
                pod.status.conditions = [PodCondition(type: "PodScheduled", status: false, lastTransitionTime: now,
                                                      reason: "Unschedulable", message: message)]
                _ = try? store.update(pod)
                recordEvent(for: pod, reason: "FailedScheduling", message: message, component: "default-scheduler",
                            type: "Warning")
            }
        }
    }

    @discardableResult
    mutating func bind(_ pod: inout Pod, to node: Node) -> Bool {
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
        guard let bound = try? store.update(pod) else { return false }
        var runtime = PodRuntime(uid: bound.metadata.uid)
        runtime.bound = true
        // A readiness fault injected before the pod was placed still holds (one hash of the key when there is none).
        if let earlier = kubelet.updateValue(runtime, forKey: bound.metadata.key), earlier.uid == bound.metadata.uid,
           earlier.readinessFailing {
            kubelet[bound.metadata.key]?.readinessFailing = true
        }
        recordEvent(for: bound, reason: "Scheduled",
                    message: "Successfully assigned \(bound.metadata.namespace)/\(bound.metadata.name) to \(node.metadata.name)",
                    component: "default-scheduler")
        let range = config.containerStartSeconds
        let delay = Int64(range.lowerBound) + Int64(rng.next(upperBound: UInt64(range.count)))
        schedule(.containersStarted(bound.metadata.key, uid: bound.metadata.uid), afterMs: delay * 1000)
        return true
    }

    /// Pods that name their node skip the scheduler and go straight to that node's kubelet.
    mutating func bindPreassigned(_ key: ObjectKey) {
        guard var pod = store.get(Pod.self, key), let name = pod.spec.nodeName, kubelet[key]?.bound != true,
              let node = store.get(Node.self, ObjectKey(namespace: "", name: name)) else { return }
        pod.spec.nodeName = nil
        bind(&pod, to: node)
    }

    private func unschedulableReasons(_ pod: Pod, _ state: ClusterState, _ picker: NodePicker) -> String {
        var counts: [String: Int] = [:]
        for node in state.nodes.all {
            if !node.isReady {
                counts["1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }", default: 0] += 1
            } else if node.spec.unschedulable {
                counts["node(s) were unschedulable", default: 0] += 1
            } else if !pod.spec.nodeSelector.allSatisfy({ node.metadata.labels[$0.key] == $0.value }) {
                counts["node(s) didn't match Pod's node affinity/selector", default: 0] += 1
            } else {
                counts["Too many pods", default: 0] += 1
            }
        }
        if counts.isEmpty { return "no nodes available to schedule pods." }
        return counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.replacingOccurrences(of: "1 node(s)", with: "node(s)"))" }
            .joined(separator: ", ") + ". preemption: 0/\(state.nodes.count) nodes are available."
    }
}

/// The ready, schedulable nodes sorted by name (so an index compares as the name does), kept between scheduler
/// rounds until a Node changes: ranking a thousand nodes for every round would cost more than placing the pods.
struct NodeRanking: Sendable {
    let nodes: [Node]
    let names: [String]
    let allocatable: [Int?]
    let indexByName: [String: Int]

    init(_ table: ObjectTable<Node>) {
        nodes = table.all.filter { !$0.spec.unschedulable && $0.isReady }.sorted { $0.metadata.name < $1.metadata.name }
        names = nodes.map(\.metadata.name)
        allocatable = nodes.map { node in node.status.allocatable["pods"].flatMap { Int($0) } }
        indexByName = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.metadata.name, $0) })
    }
}

/// The nodes a batch of pods may go to, ranked by (pods on the node, name) in an indexed min-heap. Counts start from
/// the store's pods-by-node index and follow the batch's own bindings.
struct NodePicker {
    let ranking: NodeRanking
    var nodes: [Node] { ranking.nodes }
    private var counts: [Int]
    /// Pods on the node that no longer hold a slot (Succeeded/Failed), counted only when the node looks full.
    private var finished: [Int?]
    private var heap: [Int]
    private var position: [Int]

    init(_ ranking: NodeRanking, pods: ObjectTable<Pod>) {
        self.ranking = ranking
        let counts = ranking.names.map { pods.byNode[$0]?.count ?? 0 }
        self.counts = counts
        finished = Array(repeating: nil, count: counts.count)
        heap = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 < $1 }
        position = Array(counts.indices)
        for (p, i) in heap.enumerated() { position[i] = p }
    }

    private func less(_ a: Int, _ b: Int) -> Bool { counts[a] != counts[b] ? counts[a] < counts[b] : a < b }

    /// Whether the node can take one more pod: non-terminal pods bound to it stay below allocatable pods.
    private mutating func hasRoom(_ i: Int, _ pods: ObjectTable<Pod>) -> Bool {
        guard let limit = ranking.allocatable[i] else { return true }
        if counts[i] < limit { return true }
        if finished[i] == nil {
            finished[i] = pods.onNode(nodes[i].metadata.name)
                .filter { $0.status.phase == .succeeded || $0.status.phase == .failed }.count
        }
        return counts[i] - finished[i]! < limit
    }

    /// The best node for a pod with this nodeSelector, or nil if none fits.
    mutating func pick(_ selector: [String: String], pods: ObjectTable<Pod>) -> Int? {
        if selector.isEmpty {
            while let top = heap.first {
                if hasRoom(top, pods) { return top }
                remove(top)
            }
            return nil
        }
        var best: Int?
        for i in nodes.indices where position[i] >= 0 {
            guard selector.allSatisfy({ nodes[i].metadata.labels[$0.key] == $0.value }) else { continue }
            if let b = best, !less(i, b) { continue }
            if hasRoom(i, pods) { best = i } else { remove(i) }
        }
        return best
    }

    mutating func placed(_ i: Int) {
        counts[i] += 1
        if position[i] >= 0 { siftDown(position[i]) }
    }

    mutating func placed(onNodeNamed name: String) {
        if let i = ranking.indexByName[name] { placed(i) }
    }

    /// A pod left the node, or finished on it. Returns false when the heap cannot follow (the node had been set
    /// aside as full), and must be rebuilt.
    mutating func left(nodeNamed name: String, removed: Bool) -> Bool {
        guard let i = ranking.indexByName[name] else { return true }
        finished[i] = nil
        guard position[i] >= 0 else { return false }
        if removed {
            counts[i] -= 1
            siftUp(position[i])
        }
        return true
    }

    private mutating func remove(_ i: Int) {
        let p = position[i]
        guard p >= 0 else { return }
        let last = heap.removeLast()
        position[i] = -1
        guard p < heap.count else { return }
        heap[p] = last
        position[last] = p
        siftDown(p)
        siftUp(position[last])
    }

    private mutating func swap(_ p: Int, _ q: Int) {
        heap.swapAt(p, q)
        position[heap[p]] = p
        position[heap[q]] = q
    }

    private mutating func siftDown(_ start: Int) {
        var p = start
        while true {
            let l = 2 * p + 1, r = l + 1
            var m = p
            if l < heap.count, less(heap[l], heap[m]) { m = l }
            if r < heap.count, less(heap[r], heap[m]) { m = r }
            if m == p { return }
            swap(p, m)
            p = m
        }
    }

    private mutating func siftUp(_ start: Int) {
        var p = start
        while p > 0 {
            let parent = (p - 1) / 2
            guard less(heap[p], heap[parent]) else { return }
            swap(p, parent)
            p = parent
        }
    }
}
