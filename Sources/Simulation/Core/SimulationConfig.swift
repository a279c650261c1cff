import KubeModel

/// What a simulation run is made of besides its manifests. The defaults are what every headless command uses, so
/// the same command prints the same names every time.
public struct SimulationConfig: Sendable, Equatable {
    public var seed: UInt64 = 42
    /// Virtual time at the start of every run: fixed, so ages and timestamps are reproducible.
    public var epoch = Timestamp(seconds: 1_767_258_000) // 2026-01-01T09:00:00Z
    /// Service CIDR (kubeadm's default).
    public var serviceCIDR = "10.96.0.0/12"
    /// Addresses handed to LoadBalancer Services, MetalLB-style.
    public var loadBalancerPool = "192.168.49.200/29"
    public var nodePortRange = 30000...32767
    /// Image pull and container start take this long, chosen per pod from the seeded RNG (whole seconds).
    public var containerStartSeconds = 1...3
    /// How long `settle` may run virtual time before it gives up on a cluster that never goes quiet.
    public var settleLimitMs: Int64 = 30 * 60 * 1000
    /// Events kept, oldest dropped first (a real cluster expires them after an hour).
    public var maxEvents = 5000
    /// How long an unreachable node's pods keep running before eviction (the default NoExecute toleration).
    public var nodeEvictionSeconds = 300
    /// How long an EndpointSlice change takes to reach kube-proxy's rules (informer delay plus its sync loop).
    public var proxySyncDelayMs: Int64 = 1000
    /// kube-proxy's mode: iptables (random choice) or IPVS (round robin).
    public var proxyMode: ProxyMode = .iptables
    /// Simulated load is sent in batches, one per tick of this length.
    public var trafficTickMs: Int64 = 100

    public init(seed: UInt64 = 42) { self.seed = seed }
}
