import ClusterStore
import KubeModel

extension Simulator {
    /// Runs every controller until none has work left at the current virtual time. Each round takes the store's
    /// changes, turns them into dirty keys (Dispatcher) and reconciles those keys in a fixed order, sorted, so the
    /// outcome never depends on hash order.
    mutating func runControllers() {
        var rounds = 0
        while true {
            let changes = store.takeChanges()
            if recordChanges, !changes.isEmpty {
                recordedChanges.append(ChangeBatch(changes, state: store.snapshot, atMs: elapsedMs))
            }
            for change in changes { dispatch(change) }
            guard let controller = ControllerID.allCases.first(where: { !dirty[$0.rawValue].isEmpty }) else {
                // The instant is quiet: its events go to the store, and their writes to the recorder.
                guard !pendingEvents.isEmpty, !holdingEvents else { return }
                flushEvents()
                continue
            }
            let keys = dirty[controller.rawValue].sorted()
            dirty[controller.rawValue] = []
            reconcile(controller, keys)
            rounds += 1
            // A controller that keeps writing at one instant would be a bug; stop rather than hang the UI.
            if rounds > 1_000_000 { return }
        }
    }

    /// One round of one controller. The scheduler takes its round as one batch, ranking the nodes once.
    mutating func reconcile(_ controller: ControllerID, _ keys: [ObjectKey]) {
        if controller == .scheduler { return schedulePods(keys) }
        for key in keys {
            switch controller {
            case .namespace, .scheduler: break
            case .node: reconcileNode(key)
            case .deployment: reconcileDeployment(key)
            case .replicaSet: reconcileReplicaSet(key)
            case .replicationController: reconcileReplicationController(key)
            case .statefulSet: reconcileStatefulSet(key)
            case .daemonSet: reconcileDaemonSet(key)
            case .service: reconcileServiceStatus(key)
            case .endpointSlice: reconcileEndpointSlices(key)
            case .endpoints: reconcileEndpoints(key)
            case .ingress: reconcileIngressStatus(key)
            }
        }
    }

    /// Moves virtual time forward by `ms`, firing every timer that falls due on the way.
    public mutating func advance(byMs ms: Int64) {
        let target = elapsedMs + max(0, ms)
        runControllers()
        while let (due, event) = timers.popDue(atOrBefore: target) {
            fireInstant(due, first: event)
        }
        setElapsed(target)
        runControllers()
    }

    /// Runs virtual time until nothing is pending: rollouts done, pods ready, graceful deletions finished (running
    /// loads keep sending on the way, but do not keep it going). Returns
    /// false if the cluster was still busy when `config.settleLimitMs` ran out (e.g. a crash loop).
    @discardableResult
    public mutating func settle() -> Bool {
        let limit = elapsedMs + config.settleLimitMs
        runControllers()
        while timers.clusterCount > 0, let due = timers.nextDue {
            if due > limit { return false }
            guard let (due, event) = timers.popDue(atOrBefore: due) else { break }
            fireInstant(due, first: event)
        }
        return true
    }

    /// Moves to `due` and fires every timer due at that instant (in scheduling order) before the controllers run,
    /// so they see the instant's changes together, as informers and work queues coalesce them: a thousand pods
    /// turning ready at one moment cost each Service and ReplicaSet one reconcile, not a thousand.
    mutating func fireInstant(_ due: Int64, first: SimEvent) {
        setElapsed(max(elapsedMs, due))
        fire(first)
        while timers.nextDue == due, let (_, event) = timers.popDue(atOrBefore: due) {
            fire(event)
        }
        runControllers()
    }

    mutating func setElapsed(_ ms: Int64) {
        elapsedMs = ms
        store.setTime(now)
    }

    mutating func fire(_ event: SimEvent) {
        switch event {
        case .containersStarted(let key, let uid): startContainers(key, uid: uid)
        case .readinessProbe(let key, let uid): runReadinessProbe(key, uid: uid)
        case .gracePeriodEnded(let key, let uid): finishTermination(key, uid: uid)
        case .containerRestart(let key, let uid): restartContainer(key, uid: uid)
        case .requeue(let controller, let key): markDirty(controller, key)
        case .evictPodsFromNode(let node): evictPods(fromNode: node)
        case .traffic: runTrafficTick()
        }
    }
}
