import ClusterStore
import KubeModel

/// The simulated cluster: the store plus everything a real control plane keeps in its head (timers, allocations,
/// the kubelet's probe counters). A value type driven from one thread; readers take `snapshot`.
public struct Simulator: Sendable {
    public internal(set) var store: ClusterStore
    public let config: SimulationConfig
    var rng: SeededRandom
    /// Traffic's own random stream, so tracing or load never changes the names the cluster's controllers draw.
    var trafficRNG: SeededRandom
    var proxy = KubeProxyState()
    var dataPath = DataPathState()
    /// Requests, successes and errors per Service and per pod, for the dashboard's traffic view (see `TrafficStats`).
    public internal(set) var traffic = TrafficStats()
    var timers = TimerQueue()
    /// Virtual milliseconds since `config.epoch`.
    public internal(set) var elapsedMs: Int64 = 0
    /// Keys each controller must look at again, indexed by `ControllerID.rawValue`.
    var dirty = [Set<ObjectKey>](repeating: [], count: ControllerID.allCases.count)
    var kubelet: [ObjectKey: PodRuntime] = [:]
    /// Pods whose sandbox found no free address in their node's pod CIDR, retried when one is released.
    var waitingForPodIP: [String: Set<ObjectKey>] = [:]
    /// Kubelet timers that fell due while their node was unreachable, run again when it recovers (in order).
    var deferredOnNode: [String: [SimEvent]] = [:]
    /// Pods not bound to a node, so a node change re-queues them without a scan of every pod.
    var unscheduledPods: Set<ObjectKey> = []
    /// The scheduler's sorted candidate nodes, dropped whenever a Node changes.
    var nodeRanking: NodeRanking?
    /// The scheduler's node heap, kept between rounds while only the scheduler's own bindings change node counts.
    var nodePicker: NodePicker?
    /// pod-template-hash per Deployment uid, for the generation and collision count it was computed at.
    var templateHashes: [String: (generation: Int?, collisions: Int?, hash: String)] = [:]
    var network: NetworkAllocations
    var serviceAllocations: [ObjectKey: ServiceAllocation] = [:]
    /// Services indexed by each pair of their selector, so a pod change finds its Services without a scan.
    var servicesBySelectorPair: [LabelPair: Set<ObjectKey>] = [:]
    var serviceSelectors: [ObjectKey: [String: String]] = [:]
    /// Changed pods per Service and the endpoint objects' last written versions (see `EndpointTracker`).
    var endpointTracker = EndpointTracker()
    /// Each pod's share of its owner's replica status (see `ReplicaTally`).
    var replicaTally = ReplicaTally()
    /// Whether changes are kept for a recorder (see `takeRecordedChanges`).
    public var recordChanges = false
    var recordedChanges: [ChangeBatch] = []
    var eventSequence: Int64 = 0
    var eventKeys: [EventAggregate: ObjectKey] = [:]
    var eventOrder: [(EventAggregate, ObjectKey)] = []
    var eventOrderStart = 0
    /// Events recorded in the current instant, written to the store when it ends (see `flushEvents`).
    var pendingEvents: [PendingEvent] = []
    var pendingEventIndex: [EventAggregate: Int] = [:]
    var pendingEventStart = 0
    /// Set while `load` applies its objects: they all land at one virtual instant, so their events are flushed
    /// once at its end and the ones a later object's events would evict never enter the store.
    var holdingEvents = false
    /// Warnings for the person at the keyboard (e.g. a namespace created on the fly).
    public internal(set) var warnings: [String] = []

    public init(config: SimulationConfig = SimulationConfig()) {
        self.config = config
        store = ClusterStore(seed: config.seed)
        rng = SeededRandom(seed: config.seed)
        trafficRNG = SeededRandom(seed: config.seed ^ 0x7472_6166_6669_6321)
        network = NetworkAllocations(config: config)
        store.setTime(config.epoch)
        bootstrap()
    }

    public var snapshot: ClusterState { store.snapshot }
    public var now: Timestamp { config.epoch.adding(milliseconds: elapsedMs) }
    public var nowMs: Int64 { elapsedMs }

    /// Whether anything is left to do: timers that would change the cluster, or controllers with work queued. Load
    /// ticks do not count: a load without an end would otherwise keep `settle` running forever.
    public var hasPendingWork: Bool {
        store.hasPendingChanges || dirty.contains { !$0.isEmpty } || timers.clusterCount > 0
    }

    /// The writes since the last call, one batch per controller round, each with the objects as they stood at its
    /// end.
    public mutating func takeRecordedChanges() -> [ChangeBatch] {
        defer { recordedChanges.removeAll(keepingCapacity: true) }
        return recordedChanges
    }

    func at(_ offsetMs: Int64) -> Int64 { elapsedMs + offsetMs }

    mutating func schedule(_ event: SimEvent, afterMs delay: Int64) {
        timers.schedule(event, at: elapsedMs + max(0, delay))
    }

    mutating func markDirty(_ controller: ControllerID, _ key: ObjectKey) {
        dirty[controller.rawValue].insert(key)
    }

    /// The default namespaces every cluster has, and the `kubernetes` Service.
    private mutating func bootstrap() {
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            _ = try? store.create(Namespace(metadata: ObjectMeta(name: name)))
        }
        // Every cluster's first Service: the API server itself, always at the first address of the service CIDR.
        var spec = ServiceSpec(ports: [ServicePort(name: "https", port: 443, targetPort: .int(6443))])
        spec.clusterIP = network.serviceIPs.range.base.advanced(by: 1).formatted
        let meta = ObjectMeta(name: "kubernetes", namespace: "default",
                              labels: ["component": "apiserver", "provider": "kubernetes"])
        _ = try? applyObject(.service(Service(metadata: meta, spec: spec)))
        runControllers()
    }
}
