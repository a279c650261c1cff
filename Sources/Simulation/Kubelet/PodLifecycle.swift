import ClusterStore
import KubeModel

/// The kubelet's side of a pod's life: containers start after a seeded pull delay, readiness follows the probe,
/// deletion waits out the grace period, crashes restart with back-off.
extension Simulator {
    mutating func startContainers(_ key: ObjectKey, uid: String) {
        guard var pod = livePod(key, uid: uid), !pod.metadata.isTerminating, let node = pod.spec.nodeName,
              pod.status.phase != .running else { return }
        // A kubelet cut off from the API server reports nothing; the work resumes when the node recovers.
        guard nodeIsReachable(node) else {
            deferUntilNodeRecovers(.containersStarted(key, uid: uid), node: node)
            return
        }
        let t = now
        var runtime = kubelet[key] ?? PodRuntime(uid: uid)
        if runtime.podIP == nil {
            // Reading the CIDR copies the Node out of the store: only its first pod needs it.
            let cidr = network.hasPodIPPool(onNode: node) ? nil : nodePodCIDR(node)
            runtime.podIP = network.allocatePodIP(onNode: node, cidr: cidr)
        }
        guard let podIP = runtime.podIP else {
            // The CNI plugin has no address left: the sandbox cannot be created and the pod stays in
            // ContainerCreating until an address on this node is released.
            kubelet[key] = runtime
            waitingForPodIP[node, default: []].insert(key)
            let range = nodePodCIDR(node) ?? "<none>"
            recordEvent(for: pod, reason: "FailedCreatePodSandBox",
                        message: "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type=\"host-local\" failed (add): failed to allocate for range 0: no IP addresses available in range set: \(range)",
                        component: "kubelet", type: "Warning")
            return
        }
        waitingForPodIP[node]?.remove(key)
        let ready = probeTiming(pod) == nil && !runtime.readinessFailing
        pod.status.phase = .running
        pod.status.startTime = pod.status.startTime ?? t
        pod.status.podIP = IPv4CIDR.format(podIP)
        pod.status.containerStatuses = pod.spec.containers.map {
            ContainerStatus(name: $0.name, image: $0.image, ready: ready, started: true,
                            restartCount: 0, state: .running(startedAt: t))
        }
        setConditions(&pod, ready: ready)
        kubelet[key] = runtime
        _ = try? store.update(pod)
        for c in pod.spec.containers {
            recordEvent(for: pod, reason: "Pulled",
                        message: "Container image \"\(c.image)\" already present on machine", component: "kubelet")
            recordEvent(for: pod, reason: "Created", message: "Created container \(c.name)", component: "kubelet")
            recordEvent(for: pod, reason: "Started", message: "Started container \(c.name)", component: "kubelet")
        }
        if probeTiming(pod) != nil { scheduleProbe(pod, initial: true) }
    }

    /// Keeps a kubelet timer that fell due while its node was unreachable, to run again when the node recovers.
    mutating func deferUntilNodeRecovers(_ event: SimEvent, node: String) {
        deferredOnNode[node, default: []].append(event)
    }

    /// The longest probe timing among the containers decides when the pod as a whole can turn ready.
    func probeTiming(_ pod: Pod) -> Probe? {
        pod.spec.containers.compactMap(\.readinessProbe).max { $0.initialDelaySeconds < $1.initialDelaySeconds }
    }

    mutating func scheduleProbe(_ pod: Pod, initial: Bool) {
        guard let probe = probeTiming(pod), var runtime = kubelet[pod.metadata.key], !runtime.probeScheduled else { return }
        runtime.probeScheduled = true
        kubelet[pod.metadata.key] = runtime
        let delay = initial ? probe.initialDelaySeconds : max(1, probe.periodSeconds)
        schedule(.readinessProbe(pod.metadata.key, uid: pod.metadata.uid), afterMs: Int64(delay) * 1000)
    }

    /// Runs one probe. Probes keep running only while the result could change the pod's readiness: a steady ready
    /// pod needs no timers, so `settle` can finish.
    mutating func runReadinessProbe(_ key: ObjectKey, uid: String) {
        guard var pod = livePod(key, uid: uid), var runtime = kubelet[key], pod.status.phase == .running else { return }
        if let node = pod.spec.nodeName, !nodeIsReachable(node) {
            // The probe stays "scheduled": it runs when the node is back.
            deferUntilNodeRecovers(.readinessProbe(key, uid: uid), node: node)
            return
        }
        runtime.probeScheduled = false
        guard let probe = probeTiming(pod), !isContainerDown(pod) else {
            kubelet[key] = runtime
            return
        }
        var ready = pod.isReady
        if runtime.readinessFailing {
            runtime.consecutiveFailures += 1
            runtime.consecutiveSuccesses = 0
            if runtime.consecutiveFailures >= probe.failureThreshold { ready = false }
            recordEvent(for: pod, reason: "Unhealthy", message: "Readiness probe failed: HTTP probe failed with statuscode: 503",
                        component: "kubelet", type: "Warning")
        } else {
            runtime.consecutiveSuccesses += 1
            runtime.consecutiveFailures = 0
            if runtime.consecutiveSuccesses >= probe.successThreshold { ready = true }
        }
        kubelet[key] = runtime
        if ready != pod.isReady {
            for i in pod.status.containerStatuses.indices { pod.status.containerStatuses[i].ready = ready }
            setConditions(&pod, ready: ready)
            _ = try? store.update(pod)
        }
        let settled = runtime.readinessFailing ? !ready : ready
        if !settled { scheduleProbe(pod, initial: false) }
    }

    func isContainerDown(_ pod: Pod) -> Bool {
        pod.status.containerStatuses.contains { if case .running = $0.state { return false } else { return true } }
    }

    mutating func setConditions(_ pod: inout Pod, ready: Bool) {
        let t = now
        let running = pod.status.phase == .running, scheduled = pod.spec.nodeName != nil
        func set(_ conditions: inout [PodCondition], _ type: String, _ value: Bool, reason: String? = nil) {
            if let i = conditions.firstIndex(where: { $0.type == type }) {
                if conditions[i].isTrue != value {
                    conditions[i] = PodCondition(type: type, status: value, lastTransitionTime: t,
                                                 reason: value ? nil : reason)
                }
            } else {
                conditions.append(PodCondition(type: type, status: value, lastTransitionTime: t,
                                               reason: value ? nil : reason))
            }
        }
        if pod.status.conditions.isEmpty { pod.status.conditions.reserveCapacity(5) }
        set(&pod.status.conditions, "PodReadyToStartContainers", running)
        set(&pod.status.conditions, "Initialized", true)
        set(&pod.status.conditions, "Ready", ready, reason: "ContainersNotReady")
        set(&pod.status.conditions, "ContainersReady", ready, reason: "ContainersNotReady")
        set(&pod.status.conditions, "PodScheduled", scheduled, reason: "Unschedulable")
        // Usually already in order: a pod's conditions are sorted once, when they are first set.
        let ranks = pod.status.conditions.lazy.map { Self.conditionRank($0.type) }
        if !zip(ranks, ranks.dropFirst()).allSatisfy({ $0 <= $1 }) {
            pod.status.conditions.sort { Self.conditionRank($0.type) < Self.conditionRank($1.type) }
        }
    }

    /// The order kubectl shows a pod's conditions in; others after them.
    static func conditionRank(_ type: String) -> Int {
        switch type {
        case "PodReadyToStartContainers": return 0
        case "Initialized": return 1
        case "Ready": return 2
        case "ContainersReady": return 3
        case "PodScheduled": return 4
        default: return 9
        }
    }

    func livePod(_ key: ObjectKey, uid: String) -> Pod? {
        guard let pod = store.get(Pod.self, key), pod.metadata.uid == uid else { return nil }
        return pod
    }

    // MARK: deletion

    /// Graceful deletion: deletionTimestamp is set at once (so controllers replace the pod and endpoints mark it
    /// terminating), the pod goes away when the grace period ends.
    mutating func beginTermination(_ key: ObjectKey, gracePeriodSeconds: Int?) throws {
        guard var pod = store.get(Pod.self, key) else { throw APIError.notFound(.pod, key.name, namespace: key.namespace) }
        if pod.metadata.isTerminating { return }
        let grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
        if grace <= 0 || pod.spec.nodeName == nil || pod.status.phase == .pending && pod.status.podIP == nil {
            try removePod(key)
            return
        }
        pod.metadata.deletionTimestamp = now.adding(milliseconds: Int64(grace) * 1000)
        pod.metadata.deletionGracePeriodSeconds = grace
        _ = try store.update(pod)
        for c in pod.spec.containers {
            recordEvent(for: pod, reason: "Killing", message: "Stopping container \(c.name)", component: "kubelet")
        }
        if nodeIsReachable(pod.spec.nodeName) {
            schedule(.gracePeriodEnded(key, uid: pod.metadata.uid), afterMs: Int64(grace) * 1000)
        }
    }

    mutating func finishTermination(_ key: ObjectKey, uid: String) {
        guard livePod(key, uid: uid) != nil else { return }
        try? removePod(key)
    }

    /// Immediate removal: `kill`, grace period 0, or the end of a graceful deletion.
    mutating func removePod(_ key: ObjectKey) throws {
        try store.delete(Pod.self, key)
    }

    /// Called by the dispatcher once a pod is gone: the node takes its IP back.
    mutating func forgetPod(_ key: ObjectKey, before: Pod?) {
        guard let runtime = kubelet.removeValue(forKey: key) else { return }
        guard let node = before?.spec.nodeName else { return }
        if waitingForPodIP[node]?.remove(key) != nil, waitingForPodIP[node]?.isEmpty == true {
            waitingForPodIP[node] = nil
        }
        guard let ip = runtime.podIP else { return }
        network.releasePodIP(ip, onNode: node)
        // The kubelet retries sandbox creation of pods that found no free address.
        if let waiting = waitingForPodIP[node] {
            for k in waiting.sorted() {
                if let pod = store.get(Pod.self, k) {
                    schedule(.containersStarted(k, uid: pod.metadata.uid), afterMs: 0)
                }
            }
        }
    }

    // MARK: faults

    mutating func setReadinessFailing(_ key: ObjectKey, failing: Bool) throws {
        guard let pod = store.get(Pod.self, key) else { throw APIError.notFound(.pod, key.name, namespace: key.namespace) }
        var runtime = kubelet[key] ?? PodRuntime(uid: pod.metadata.uid)
        runtime.readinessFailing = failing
        kubelet[key] = runtime
        if pod.status.phase != .running { return }
        if probeTiming(pod) == nil {
            // Without a readiness probe the kubelet has nothing to observe: model the fault as the container
            // reporting not ready at once, which is what a user asking for it expects.
            var p = pod
            for i in p.status.containerStatuses.indices { p.status.containerStatuses[i].ready = !failing }
            setConditions(&p, ready: !failing)
            _ = try store.update(p)
            return
        }
        scheduleProbe(pod, initial: false)
    }

    /// The container exits with an error; the kubelet restarts it after a back-off (10s doubling up to 5m).
    mutating func crashContainer(_ key: ObjectKey, loop: Bool) throws {
        guard var pod = store.get(Pod.self, key) else { throw APIError.notFound(.pod, key.name, namespace: key.namespace) }
        guard pod.status.phase == .running, !pod.status.containerStatuses.isEmpty else {
            throw SimulationError.invalidAction("pod \"\(key.name)\" has no running container to crash")
        }
        var runtime = kubelet[key] ?? PodRuntime(uid: pod.metadata.uid)
        runtime.crashLooping = loop
        let t = now
        for i in pod.status.containerStatuses.indices {
            var cs = pod.status.containerStatuses[i]
            var startedAt: Timestamp?
            if case .running(let s) = cs.state { startedAt = s }
            cs.lastState = .terminated(reason: "Error", exitCode: 1, startedAt: startedAt, finishedAt: t)
            cs.state = .waiting(reason: "CrashLoopBackOff",
                                message: "back-off \(runtime.backOffSeconds)s restarting failed container=\(cs.name) pod=\(key.name)")
            cs.restartCount += 1
            cs.ready = false
            cs.started = false
            pod.status.containerStatuses[i] = cs
        }
        setConditions(&pod, ready: false)
        _ = try store.update(pod)
        recordEvent(for: pod, reason: "BackOff", message: "Back-off restarting failed container", component: "kubelet",
                    type: "Warning")
        schedule(.containerRestart(key, uid: pod.metadata.uid), afterMs: Int64(runtime.backOffSeconds) * 1000)
        runtime.backOffSeconds = min(300, runtime.backOffSeconds * 2)
        runtime.consecutiveSuccesses = 0
        runtime.probeScheduled = false
        kubelet[key] = runtime
    }

    mutating func restartContainer(_ key: ObjectKey, uid: String) {
        guard var pod = livePod(key, uid: uid), !pod.metadata.isTerminating else { return }
        if let node = pod.spec.nodeName, !nodeIsReachable(node) {
            deferUntilNodeRecovers(.containerRestart(key, uid: uid), node: node)
            return
        }
        let t = now
        let hasProbe = probeTiming(pod) != nil
        let ready = !hasProbe && !(kubelet[key]?.readinessFailing ?? false)
        for i in pod.status.containerStatuses.indices {
            pod.status.containerStatuses[i].state = .running(startedAt: t)
            pod.status.containerStatuses[i].started = true
            pod.status.containerStatuses[i].ready = ready
        }
        setConditions(&pod, ready: ready)
        _ = try? store.update(pod)
        recordEvent(for: pod, reason: "Started", message: "Started container \(pod.spec.containers[0].name)",
                    component: "kubelet")
        if kubelet[key]?.crashLooping == true {
            // A crash-looping container dies again shortly after each start.
            try? crashContainer(key, loop: true)
            return
        }
        if hasProbe { scheduleProbe(pod, initial: true) }
    }
}
