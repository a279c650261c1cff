import ClusterStore
import KubeModel

/// What the API server does to a Service before storing it: allocate its ClusterIP and NodePorts (rejecting
/// duplicates with the API server's own wording), and release them when the Service goes.
struct ServiceAllocation: Sendable, Hashable {
    var clusterIP: UInt32?
    var nodePorts: [Int] = []
    var loadBalancerIP: UInt32?
}

extension Simulator {
    mutating func admitService(_ service: Service) throws -> Service {
        var s = service
        let key = s.metadata.key
        let previous = serviceAllocations[key] ?? ServiceAllocation()
        var allocation = ServiceAllocation()
        allocation.loadBalancerIP = previous.loadBalancerIP
        var errors: [FieldError] = []
        let specPath = FieldPath([.key("spec")])

        if s.spec.type == .externalName {
            s.spec.clusterIP = nil
            s.spec.clusterIPs = []
        } else if s.spec.clusterIP == "None" {
            s.spec.clusterIPs = ["None"]
        } else if let requested = s.spec.clusterIP, !requested.isEmpty {
            if let ip = IPv4CIDR.parse(requested), ip == previous.clusterIP || network.serviceIPs.isFree(ip) {
                allocation.clusterIP = ip
            } else if let ip = IPv4CIDR.parse(requested), !network.serviceIPs.range.contains(ip) {
                errors.append(FieldError(specPath.child("clusterIPs"),
                    "Invalid value: []string{\"\(requested)\"}: failed to allocate IP \(requested): the provided IP (\(requested)) is not in the valid range. The range of valid IPs is \(config.serviceCIDR)"))
            } else if IPv4CIDR.parse(requested) == nil {
                errors.append(FieldError(specPath.child("clusterIPs").index(0),
                                         "Invalid value: \"\(requested)\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
            } else {
                errors.append(FieldError(specPath.child("clusterIPs"),
                    "Invalid value: []string{\"\(requested)\"}: failed to allocate IP \(requested): provided IP is already allocated"))
            }
        } else if let ip = previous.clusterIP {
            // An update that omits clusterIP keeps the allocated one (the API server's patchAllocatedValues).
            allocation.clusterIP = ip
        }

        if s.spec.type == .nodePort || s.spec.type == .loadBalancer {
            var taken = Set<Int>()
            for (i, port) in s.spec.ports.enumerated() {
                guard let requested = port.nodePort else { continue }
                let path = specPath.child("ports").index(i).child("nodePort")
                if !network.nodePortRange.contains(requested) {
                    errors.append(FieldError(path, "Invalid value: \(requested): provided port is not in the valid range. The range of valid ports is \(network.nodePortRange.lowerBound)-\(network.nodePortRange.upperBound)"))
                } else if taken.contains(requested)
                    || (network.nodePorts.contains(requested) && !previous.nodePorts.contains(requested)) {
                    errors.append(FieldError(path, "Invalid value: \(requested): provided port is already allocated"))
                }
                taken.insert(requested)
            }
        } else {
            for (i, port) in s.spec.ports.enumerated() where port.nodePort != nil {
                errors.append(FieldError(specPath.child("ports").index(i).child("nodePort"),
                                         "Forbidden: may not be used when `type` is '\(s.spec.type.rawValue)'"))
            }
        }
        if !errors.isEmpty { throw APIError.invalid("Service", s.metadata.name, errors) }

        // Commit: release what the old version held, then take what the new one needs.
        if let ip = previous.clusterIP, ip != allocation.clusterIP { network.serviceIPs.release(ip) }
        for port in previous.nodePorts { network.nodePorts.remove(port) }
        if s.spec.type != .externalName, s.spec.clusterIP != "None" {
            if let ip = allocation.clusterIP {
                _ = network.serviceIPs.reserve(ip)
            } else {
                guard let ip = network.serviceIPs.allocate() else {
                    throw APIError(.invalid, "Service \"\(s.metadata.name)\" is invalid: spec.clusterIPs: Internal error: failed to allocate a serviceIP: range is full")
                }
                allocation.clusterIP = ip
            }
            let text = IPv4CIDR.format(allocation.clusterIP!)
            s.spec.clusterIP = text
            s.spec.clusterIPs = [text]
        }
        if s.spec.type == .nodePort || s.spec.type == .loadBalancer {
            for i in s.spec.ports.indices {
                if let requested = s.spec.ports[i].nodePort {
                    network.nodePorts.insert(requested)
                } else if let port = previous.nodePorts.first(where: { !network.nodePorts.contains($0) }) {
                    network.nodePorts.insert(port)
                    s.spec.ports[i].nodePort = port
                } else {
                    s.spec.ports[i].nodePort = network.allocateNodePort()
                }
                if let p = s.spec.ports[i].nodePort { allocation.nodePorts.append(p) }
            }
        }
        serviceAllocations[key] = allocation
        return s
    }

    mutating func releaseService(_ key: ObjectKey) {
        guard let allocation = serviceAllocations.removeValue(forKey: key) else { return }
        if let ip = allocation.clusterIP { network.serviceIPs.release(ip) }
        for port in allocation.nodePorts { network.nodePorts.remove(port) }
        if let ip = allocation.loadBalancerIP { network.loadBalancerIPs.release(ip) }
    }

    /// MetalLB's part: a LoadBalancer Service gets an address from the pool in status.loadBalancer.ingress.
    mutating func reconcileServiceStatus(_ key: ObjectKey) {
        guard var service = store.get(Service.self, key) else { return }
        var allocation = serviceAllocations[key] ?? ServiceAllocation()
        if service.spec.type == .loadBalancer {
            if allocation.loadBalancerIP == nil {
                if let requested = service.spec.loadBalancerIP.flatMap(IPv4CIDR.parse),
                   network.loadBalancerIPs.reserve(requested) {
                    allocation.loadBalancerIP = requested
                } else {
                    allocation.loadBalancerIP = network.loadBalancerIPs.allocate()
                }
            }
        } else if let ip = allocation.loadBalancerIP {
            network.loadBalancerIPs.release(ip)
            allocation.loadBalancerIP = nil
        }
        serviceAllocations[key] = allocation
        let ingress = allocation.loadBalancerIP.map { [LoadBalancerIngress(ip: IPv4CIDR.format($0))] } ?? []
        if ingress != service.loadBalancerIngress {
            service.loadBalancerIngress = ingress
            _ = try? store.update(service)
        }
    }
}
