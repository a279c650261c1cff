import KubeModel

/// Address and port bookkeeping that a real cluster spreads over the API server (ClusterIPs, NodePorts), MetalLB
/// (LoadBalancer addresses) and each node's CNI plugin (pod IPs from the node's podCIDR).
struct NetworkAllocations: Sendable {
    var serviceIPs: AddressPool
    var loadBalancerIPs: AddressPool
    var nodePorts: Set<Int> = []
    let nodePortRange: ClosedRange<Int>
    private var nextNodePort: Int
    var podIPs: [String: AddressPool] = [:]

    init(config: SimulationConfig) {
        serviceIPs = AddressPool(IPv4CIDR(config.serviceCIDR)!, skipFirst: 1)
        loadBalancerIPs = AddressPool(IPv4CIDR(config.loadBalancerPool)!, skipFirst: 0)
        nodePortRange = config.nodePortRange
        // Like the API server since 1.27, dynamic allocation avoids the low "static" band that people pick by hand
        // (size/32, between 16 and 128 ports), so an explicit nodePort such as 30080 stays free.
        let staticBand = min(max(16, config.nodePortRange.count / 32), 128)
        nextNodePort = config.nodePortRange.lowerBound + staticBand
    }

    mutating func allocateNodePort() -> Int? {
        let span = nodePortRange.count
        guard nodePorts.count < span else { return nil }
        while true {
            let port = nextNodePort
            nextNodePort = nextNodePort >= nodePortRange.upperBound ? nodePortRange.lowerBound : nextNodePort + 1
            if !nodePorts.contains(port) {
                nodePorts.insert(port)
                return port
            }
        }
    }

    /// Whether the node's pod CIDR is known already: then `allocatePodIP` needs no `cidr`.
    func hasPodIPPool(onNode node: String) -> Bool { podIPs[node] != nil }

    /// Pod IPs come from the node's podCIDR; .0 is the network and .1 the node's bridge, as with most CNIs.
    mutating func allocatePodIP(onNode node: String, cidr: String?) -> UInt32? {
        if podIPs[node] == nil {
            guard let cidr, let range = IPv4CIDR(cidr) else { return nil }
            podIPs[node] = AddressPool(range, skipFirst: 2)
        }
        return podIPs[node]?.allocate()
    }

    mutating func releasePodIP(_ ip: UInt32, onNode node: String) {
        podIPs[node]?.release(ip)
    }
}
