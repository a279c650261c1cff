import KubeModel

/// Something the simulation must do at a future virtual time. Pod events carry the pod's uid so a timer set for a
/// pod that has since been replaced under the same name does nothing.
public enum SimEvent: Sendable, Hashable {
    /// The image is pulled and the containers start (kubelet).
    case containersStarted(ObjectKey, uid: String)
    /// A readiness probe runs (kubelet's prober).
    case readinessProbe(ObjectKey, uid: String)
    /// The termination grace period has run out: the pod is removed.
    case gracePeriodEnded(ObjectKey, uid: String)
    /// A crashed container's back-off has elapsed and it restarts.
    case containerRestart(ObjectKey, uid: String)
    /// A controller asked to look at an object again later (minReadySeconds, a rollout step).
    case requeue(ControllerID, ObjectKey)
    /// A node has been unreachable long enough for its pods to be evicted (the default 300s toleration).
    case evictPodsFromNode(String)
    /// A load tick: every running load sends its batch of requests (one timer for all loads, never one per request).
    case traffic(loadID: Int)
}

/// The controllers, in the order the dispatcher runs them within one round.
public enum ControllerID: Int, Sendable, Hashable, CaseIterable, Comparable {
    case namespace, node, deployment, replicaSet, replicationController, statefulSet, daemonSet, scheduler, service,
         endpointSlice, endpoints, ingress

    public static func < (a: ControllerID, b: ControllerID) -> Bool { a.rawValue < b.rawValue }
}
