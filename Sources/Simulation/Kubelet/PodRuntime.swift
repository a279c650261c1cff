import KubeModel

/// What a kubelet remembers about a pod that is not in its status: probe counters and injected faults.
struct PodRuntime: Sendable, Hashable {
    var uid: String
    /// The pod has been placed on its node and the kubelet owns it (a fault may be injected before that).
    var bound = false
    var consecutiveFailures = 0
    var consecutiveSuccesses = 0
    /// Set by the `fail-readiness` action: probes fail until `recover-readiness`.
    var readinessFailing = false
    /// A probe is already scheduled; avoids piling up probe timers.
    var probeScheduled = false
    /// Crash back-off in seconds for the next restart (10s doubling to 300s, as the kubelet does).
    var backOffSeconds = 10
    var crashLooping = false
    /// The pod IP handed out by the node's IPAM, released when the pod is gone.
    var podIP: UInt32?
}
