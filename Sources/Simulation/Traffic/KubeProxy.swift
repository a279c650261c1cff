import ClusterStore
import KubeModel

/// kube-proxy's modes: iptables picks an endpoint uniformly at random (statistic --mode random), IPVS round robin.
public enum ProxyMode: String, Sendable, Hashable, CaseIterable {
    case iptables, ipvs
}

/// An endpoint as the proxy rules know it.
public struct ProxyEndpoint: Sendable, Hashable {
    public var address: String
    public var port: Int
    public var pod: ObjectKey?
    public var node: String?
    public var slice: ObjectKey
}

/// Where traffic to a Service comes from, which decides the traffic policy and affinity that apply.
public enum ProxyScope: Sendable, Hashable {
    /// From inside the cluster (ClusterIP, DNS name): internalTrafficPolicy applies on the client's node, if known.
    case cluster(clientNode: String?)
    /// A nodePort on one node (nil: through a LoadBalancer): externalTrafficPolicy applies.
    case external(node: String?)
    /// The ingress controller sends to endpoints itself (ingress-nginx balances round robin, without kube-proxy's
    /// affinity or traffic policies).
    case ingressController
}

/// What kube-proxy's rules do with one connection.
public enum ProxyChoice: Sendable, Hashable {
    case endpoint(ProxyEndpoint, terminatingFallback: Bool, candidates: Int)
    /// No endpoint at all: the connection is refused at once (REJECT).
    case refused(terminating: Int, notReady: Int)
    /// Endpoints exist but none on the node a Local policy requires: the packet is dropped (the client times out).
    case dropped(node: String, elsewhere: Int)
}

/// kube-proxy's programmed state: each Service's endpoints as its rules have them, the EndpointSlice states still on
/// their way to the rules (each due `proxySyncDelayMs` after its change), the IPVS round-robin positions and the
/// ClientIP affinity table.
struct KubeProxyState: Sendable {
    var synced: [ObjectKey: [EndpointSlice]] = [:]
    var inFlight: [ObjectKey: [InFlight]] = [:]
    var roundRobin: [String: Int] = [:]
    var affinity: [String: Affinity] = [:]

    struct InFlight: Sendable {
        var due: Int64
        var slices: [EndpointSlice]
    }

    struct Affinity: Sendable {
        var address: String
        var lastUsedMs: Int64
    }

    /// Applies the states that have arrived by `now`.
    mutating func arrive(_ service: ObjectKey, now: Int64) {
        guard var queue = inFlight[service], let first = queue.first, first.due <= now else { return }
        var cut = 0
        while cut < queue.count, queue[cut].due <= now { cut += 1 }
        synced[service] = queue[cut - 1].slices
        queue.removeFirst(cut)
        inFlight[service] = queue.isEmpty ? nil : queue
    }
}

extension Simulator {
    /// An EndpointSlice changed: the Service's slices as they are now reach kube-proxy's rules `proxySyncDelayMs`
    /// later (its informer and sync loop). Changes at one instant travel together.
    mutating func noteEndpointSliceChange(_ change: Change) {
        var serviceName: String?
        if let slice = store.get(EndpointSlice.self, change.key) { serviceName = slice.serviceName }
        if serviceName == nil, case .endpointSlice(let old)? = change.before { serviceName = old.serviceName }
        guard let serviceName else { return }
        let service = ObjectKey(namespace: change.key.namespace, name: serviceName)
        let slices = currentSlices(service)
        proxy.arrive(service, now: elapsedMs)
        guard config.proxySyncDelayMs > 0 else {
            proxy.synced[service] = slices
            return
        }
        let due = elapsedMs + config.proxySyncDelayMs
        if let last = proxy.inFlight[service]?.last, last.due == due {
            proxy.inFlight[service]![proxy.inFlight[service]!.count - 1].slices = slices
        } else {
            proxy.inFlight[service, default: []].append(.init(due: due, slices: slices))
        }
    }

    /// The endpoints kube-proxy has programmed for a Service right now.
    mutating func proxySlices(_ service: ObjectKey) -> [EndpointSlice] {
        proxy.arrive(service, now: elapsedMs)
        if let synced = proxy.synced[service] { return synced }
        // Slices that appeared less than a sync ago are not programmed yet.
        if proxy.inFlight[service] != nil { return [] }
        return currentSlices(service)
    }

    /// Brings every Service's proxy rules up to date at once, as if kube-proxy had had its sync delay: what `trace`
    /// does after settling, so a freshly settled cluster is traced with all its endpoints programmed.
    public mutating func programProxyRules() {
        for (service, queue) in proxy.inFlight {
            if let last = queue.last { proxy.synced[service] = last.slices }
        }
        proxy.inFlight.removeAll()
    }

    func currentSlices(_ service: ObjectKey) -> [EndpointSlice] {
        store.table(EndpointSlice.self).matching([EndpointSlice.serviceNameLabel: service.name], in: service.namespace)
            .sorted { $0.metadata.name < $1.metadata.name }
    }

    /// Endpoints of `slices` for one Service port, split the way kube-proxy splits them.
    static func proxyEndpoints(_ slices: [EndpointSlice], port: ServicePort)
        -> (ready: [ProxyEndpoint], servingTerminating: [ProxyEndpoint], terminating: Int, notReady: Int) {
        var ready: [ProxyEndpoint] = [], servingTerminating: [ProxyEndpoint] = []
        var terminating = 0, notReady = 0
        for slice in slices {
            guard let slicePort = slice.ports.first(where: { ($0.name ?? "") == (port.name ?? "")
                && $0.protocol == port.protocol }), let number = slicePort.port else { continue }
            for ep in slice.endpoints {
                guard let address = ep.addresses.first else { continue }
                let pod = ep.targetRef.flatMap { ref in
                    ref.kind == "Pod" ? ref.name.map { ObjectKey(namespace: ref.namespace ?? slice.metadata.namespace, name: $0) } : nil
                }
                let e = ProxyEndpoint(address: address, port: number, pod: pod, node: ep.nodeName, slice: slice.metadata.key)
                let isReady = ep.conditions.ready ?? true
                let isTerminating = ep.conditions.terminating ?? false
                let isServing = ep.conditions.serving ?? isReady
                if isTerminating { terminating += 1 }
                if isReady {
                    ready.append(e)
                } else if isServing && isTerminating {
                    servingTerminating.append(e)
                } else if !isTerminating {
                    notReady += 1
                }
            }
        }
        return (ready, servingTerminating, terminating, notReady)
    }

    /// kube-proxy's choice for one connection to `service`'s `port`: ready endpoints only, serving-but-terminating ones
    /// when no ready one is left, the Local policies, ClientIP affinity, then random (iptables) or round robin (IPVS).
    mutating func proxyChoose(_ service: Service, port: ServicePort, scope: ProxyScope, clientIP: String?,
                              slices: [EndpointSlice]? = nil) -> ProxyChoice {
        let key = service.metadata.key
        let all = Self.proxyEndpoints(slices ?? proxySlices(key), port: port)
        var localNode: String?
        switch scope {
        case .cluster(let node) where service.spec.internalTrafficPolicy == "Local": localNode = node
        case .external(let node?) where service.spec.externalTrafficPolicy == "Local": localNode = node
        default: break
        }
        let local = { (list: [ProxyEndpoint]) in localNode.map { n in list.filter { $0.node == n } } ?? list }
        var pool = local(all.ready)
        var fallback = false
        if pool.isEmpty {
            pool = local(all.servingTerminating)
            fallback = !pool.isEmpty
        }
        if pool.isEmpty {
            if all.ready.isEmpty && all.servingTerminating.isEmpty {
                return .refused(terminating: all.terminating, notReady: all.notReady)
            }
            return .dropped(node: localNode ?? "", elsewhere: all.ready.count + all.servingTerminating.count)
        }
        let slot = "\(key)|\(port.port)"
        var affinityKey: String?
        if scope != .ingressController, service.spec.sessionAffinity == "ClientIP", let clientIP {
            let k = "\(slot)|\(clientIP)"
            affinityKey = k
            let timeoutMs = Int64(service.spec.sessionAffinityTimeoutSeconds ?? 10800) * 1000
            if let sticky = proxy.affinity[k], elapsedMs - sticky.lastUsedMs <= timeoutMs,
               let e = pool.first(where: { $0.address == sticky.address }) {
                proxy.affinity[k]?.lastUsedMs = elapsedMs
                return .endpoint(e, terminatingFallback: fallback, candidates: pool.count)
            }
        }
        let chosen: ProxyEndpoint
        if scope == .ingressController || config.proxyMode == .ipvs {
            let next = proxy.roundRobin[slot, default: 0]
            chosen = pool[next % pool.count]
            proxy.roundRobin[slot] = (next + 1) % max(1, pool.count)
        } else {
            chosen = pool[Int(trafficRNG.next(upperBound: UInt64(pool.count)))]
        }
        if let affinityKey { proxy.affinity[affinityKey] = .init(address: chosen.address, lastUsedMs: elapsedMs) }
        return .endpoint(chosen, terminatingFallback: fallback, candidates: pool.count)
    }
}
