import ClusterStore
import KubeModel

/// The data path's own state in the simulator: the compiled Ingress index (kept current from the change log) and
/// the running loads.
struct DataPathState: Sendable {
    var ingressIndex: IngressIndex?
    var dirtyIngresses: Set<ObjectKey> = []
    var loads: [LoadGenerator] = []
    var nextLoadID = 1
    var tickDue: Int64?
}

extension Simulator {
    /// The Ingress index, brought up to date with the Ingresses changed since it was last used.
    mutating func currentIngressIndex() -> IngressIndex {
        let state = store.snapshot
        if var index = dataPath.ingressIndex {
            if !dataPath.dirtyIngresses.isEmpty {
                // Taken out first, so the update changes the one copy in place instead of copying the index.
                dataPath.ingressIndex = nil
                for key in dataPath.dirtyIngresses.sorted() { index.update(key, in: state) }
                dataPath.dirtyIngresses.removeAll()
                dataPath.ingressIndex = index
            }
            return index
        }
        let index = IngressIndex(state: state)
        dataPath.ingressIndex = index
        dataPath.dirtyIngresses.removeAll()
        return index
    }

    /// Sends one request into the cluster as it is now (kube-proxy's rules possibly lagging behind the
    /// EndpointSlices) and returns the route it took.
    public mutating func trace(_ request: HTTPRequest, from client: TraceClient = .external) -> Trace {
        let entry = resolveEntry(request, client: client)
        return follow(request, entry: entry, client: client)
    }

    mutating func follow(_ request: HTTPRequest, entry: TrafficEntry, client: TraceClient) -> Trace {
        var t = Trace(request: request)
        switch entry {
        case .failed(let outcome, let reason):
            t.outcome = outcome
            t.reason = reason
        case .pod(let key):
            t.pod = key
            deliver(&t, pod: key, address: request.urlHost, port: request.port, viaIngress: false, viaProxy: false)
        case .ingress(let cls):
            routeIngress(&t, className: cls, client: client)
        case .service(let key, let port, let scope, let first, let ingressClass):
            if let first { t.hops.append(first) }
            var visited: Set<ObjectKey> = []
            routeService(&t, key, port: .number(port), scope: scope, client: client, viaIngress: false, visited: &visited)
            // An ingress controller's own Service: its pod then routes by the Ingress rules.
            if t.outcome == .delivered, let cls = ingressClass {
                routeIngress(&t, className: cls, client: client)
            }
        }
        return t
    }

    /// The IngressClass whose controller is exposed by Service `key`, if any.
    func ingressClass(servedBy key: ObjectKey) -> String? {
        let state = store.snapshot
        return state.ingressClasses.all.sorted { $0.metadata.name < $1.metadata.name }
            .first { state.ingressController(for: $0).service == key }?.metadata.name
    }

    private mutating func routeIngress(_ t: inout Trace, className: String, client: TraceClient) {
        let index = currentIngressIndex()
        let state = store.snapshot
        let host = t.request.host
        guard let router = index.routers[className] else {
            t.outcome = .unreachable
            t.reason = "IngressClass \(className) has no controller"
            return
        }
        let found = router.lookup(host: host, path: t.request.path)
        if t.request.scheme == .https && !found.tls {
            t.notes.append("no spec.tls entry covers \(host): ingress-nginx answers TLS with its default certificate (\"Kubernetes Ingress Controller Fake Certificate\"), which a client that verifies certificates rejects (curl without -k fails)")
        }
        guard let route = found.route else {
            t.status = 404
            t.outcome = .noRoute
            switch found.hostMatch {
            case .none: t.reason = "no Ingress rule for host \(host) and no default backend: 404"
            case .exact(let h), .wildcard(let h):
                t.reason = "the Ingress rules for host \(h) have no path matching \(t.request.path) and no default backend: 404"
            }
            let orphans = index.unservedIngresses(naming: host, in: state)
            if let (key, cls) = orphans.first {
                let why = cls.map { "names IngressClass \"\($0)\", which does not exist" }
                    ?? "names no IngressClass and no class is the default"
                t.reason += " (Ingress \(key) \(why), so no controller serves it)"
            }
            return
        }
        t.hops.append(.ingress(route.ingress, host: route.host, path: route.path, pathType: route.pathType))
        if route.pathType == .implementationSpecific {
            t.notes.append("pathType ImplementationSpecific is matched as Prefix (ingress-nginx without regex annotations)")
        }
        if t.request.scheme == .https && found.tls { t.notes.append("TLS terminated at the ingress controller for \(host)") }
        if t.request.scheme == .http && found.tls {
            t.notes.append("\(host) has TLS, so ingress-nginx answers plain http with a 308 redirect to https by default (ssl-redirect); traced as the https request that follows")
        }
        switch route.backend {
        case .resource:
            t.status = 503
            t.outcome = .noBackend
            t.reason = "Ingress \(route.ingress) routes to a resource backend, which ingress-nginx cannot proxy: 503"
        case .service(let name, let port):
            let key = ObjectKey(namespace: route.ingress.namespace, name: name)
            var visited: Set<ObjectKey> = []
            routeService(&t, key, port: port, scope: .ingressController, client: client, viaIngress: true, visited: &visited)
            if t.outcome == .delivered {
                let rule = route.isDefaultBackend ? "its default backend"
                    : "rule \(route.host ?? "*") \(route.path ?? "/") (\(route.pathType?.rawValue ?? ""))"
                t.reason = "Ingress \(route.ingress) sent it by \(rule) to Service \(key); " + t.reason
            }
        }
    }

    private mutating func routeService(_ t: inout Trace, _ key: ObjectKey, port: IngressBackend.Port, scope: ProxyScope,
                                       client: TraceClient, viaIngress: Bool, visited: inout Set<ObjectKey>) {
        let state = store.snapshot
        t.service = key
        guard let svc = state.services[key] else {
            t.status = viaIngress ? 503 : nil
            t.outcome = viaIngress ? .noBackend : .unreachable
            t.reason = "Service \(key) does not exist" + (viaIngress ? ": 503" : "")
            return
        }
        if svc.spec.type == .externalName {
            let target = (svc.spec.externalName ?? "").lowercased()
            t.hops.append(.externalName(key, target: target))
            guard !visited.contains(key) else {
                t.status = viaIngress ? 502 : nil
                t.outcome = .loop
                t.reason = "ExternalName loop: Service \(key) is reached again through \(target)" + (viaIngress ? ": 502" : "")
                return
            }
            visited.insert(key)
            let inCluster = target.hasSuffix(".svc.cluster.local") || target.hasSuffix(".svc")
            if inCluster, case .found(let next)? = serviceDNSName(target, clientNamespace: nil, state: state) {
                let number: Int
                switch port {
                case .number(let n): number = n
                case .name(let n): number = svc.spec.ports.first { $0.name == n }?.port ?? 80
                }
                routeService(&t, next, port: .number(number), scope: scope, client: client, viaIngress: viaIngress,
                             visited: &visited)
                return
            }
            if inCluster {
                t.status = viaIngress ? 502 : nil
                t.outcome = .unreachable
                t.reason = "Service \(key) is ExternalName \(target), which names no Service in the cluster (NXDOMAIN)" + (viaIngress ? ": 502" : "")
                return
            }
            t.outcome = .leftCluster
            t.reason = "Service \(key) is ExternalName: DNS answers CNAME \(target) and the request leaves the cluster (no proxying)"
            return
        }
        let servicePort: ServicePort?
        switch port {
        case .number(let n):
            // A request to a node's address names the nodePort; every other entry names the Service port.
            if case .external(_?) = scope {
                servicePort = svc.spec.ports.first { $0.nodePort == n }
            } else {
                servicePort = svc.spec.ports.first { $0.port == n }
            }
        case .name(let n): servicePort = svc.spec.ports.first { $0.name == n }
        }
        guard let servicePort else {
            let shown: String
            switch port {
            case .number(let n): shown = String(n)
            case .name(let n): shown = "named \(n)"
            }
            t.status = viaIngress ? 503 : nil
            t.outcome = viaIngress ? .noBackend : .refused
            t.reason = "Service \(key) has no port \(shown)" + (viaIngress ? ": 503" : ": connection refused")
            return
        }
        t.hops.append(.service(key, port: servicePort.port))
        if svc.spec.isHeadless && !viaIngress {
            // No virtual IP: DNS answers with the ready pods' addresses and the client connects to one directly.
            let eps = Self.proxyEndpoints(currentSlices(key), port: servicePort)
            guard !eps.ready.isEmpty else {
                t.outcome = .unreachable
                t.reason = "Service \(key) is headless (clusterIP: None) and has no ready pods: DNS returns no address"
                return
            }
            let e = eps.ready[Int(trafficRNG.next(upperBound: UInt64(eps.ready.count)))]
            t.hops.append(.endpointSlice(e.slice))
            t.pod = e.pod
            deliver(&t, pod: e.pod, address: e.address, port: e.port, viaIngress: false, viaProxy: false)
            if t.outcome == .delivered {
                t.reason = "Service \(key) is headless (clusterIP: None): no virtual IP, DNS answered \(eps.ready.count) pod address\(eps.ready.count == 1 ? "" : "es") and the client connected to \(e.address) directly"
            }
            return
        }
        if svc.spec.isHeadless { t.notes.append("Service \(key) is headless: the ingress controller connects to its endpoints directly") }
        var scope = scope
        if case .external(nil) = scope, svc.spec.externalTrafficPolicy == "Local" {
            t.notes.append("externalTrafficPolicy Local: the load balancer's health checks send only to nodes with a ready endpoint, and the client's address is kept")
            scope = .external(node: nil)
        }
        if case .cluster(nil) = scope, svc.spec.internalTrafficPolicy == "Local" {
            t.notes.append("internalTrafficPolicy Local depends on the client's node, which this trace does not know (trace from a pod to apply it)")
        }
        switch proxyChoose(svc, port: servicePort, scope: scope, clientIP: client.ip) {
        case .refused(let terminating, let notReady):
            var counts = [terminating > 0 ? "\(terminating) terminating" : nil, notReady > 0 ? "\(notReady) not ready" : nil]
                .compactMap { $0 }.joined(separator: ", ")
            if !counts.isEmpty { counts = " (\(counts))" }
            t.status = viaIngress ? 503 : nil
            t.outcome = .noEndpoints
            t.reason = "Service \(key) has 0 ready endpoints\(counts)" + (viaIngress ? ": 503" : ": connection refused")
        case .dropped(let node, let elsewhere):
            let policy = { if case .cluster = scope { return "internalTrafficPolicy" } else { return "externalTrafficPolicy" } }()
            t.outcome = .dropped
            t.reason = "Service \(key) has \(policy) Local and no ready endpoint on \(node) (\(elsewhere) on other nodes): the packet is dropped and the client times out"
        case .endpoint(let e, let fallback, let candidates):
            t.hops.append(.endpointSlice(e.slice))
            t.pod = e.pod
            deliver(&t, pod: e.pod, address: e.address, port: e.port, viaIngress: viaIngress, viaProxy: true)
            if t.outcome == .delivered {
                let who = viaIngress ? "the ingress controller (round robin)" : "kube-proxy (\(config.proxyMode == .ipvs ? "IPVS round robin" : "iptables, random"))"
                let sticky = !viaIngress && svc.spec.sessionAffinity == "ClientIP" ? ", sessionAffinity ClientIP" : ""
                t.reason = "\(who) chose 1 of \(candidates) \(fallback ? "serving but terminating" : "ready") endpoint\(candidates == 1 ? "" : "s")\(sticky)"
                if fallback { t.notes.append("no ready endpoint is left, so terminating endpoints that still serve take the traffic") }
            }
        }
    }

    /// The last step: does a pod answer at `address:port`?
    private mutating func deliver(_ t: inout Trace, pod key: ObjectKey?, address: String, port: Int, viaIngress: Bool,
                                  viaProxy: Bool) {
        let state = store.snapshot
        let pod = key.flatMap { state.pods[$0] }
        let node = pod?.spec.nodeName
        t.hops.append(.pod(key ?? ObjectKey(namespace: "", name: address), ip: address, port: port, node: node))
        let failStatus = viaIngress ? 502 : nil
        guard let pod, pod.status.podIP == address else {
            t.status = failStatus
            t.outcome = .connectionFailed
            let name = key.map { "Pod \($0)" } ?? "endpoint"
            t.reason = viaProxy
                ? "\(name) (\(address)) is gone, but the proxy rules still list it (they follow EndpointSlice changes after \(VirtualDuration.format(config.proxySyncDelayMs))): connection failed" + (viaIngress ? ": 502" : "")
                : "nothing answers at \(address) any more: connection failed"
            return
        }
        if let node, let n = state.nodes[ObjectKey(namespace: "", name: node)], !n.isReady {
            t.status = viaIngress ? 504 : nil
            t.outcome = .dropped
            t.reason = "Pod \(pod.metadata.key) is on node \(node), which is not Ready: no answer, the request times out" + (viaIngress ? ": 504" : "")
            return
        }
        let running = pod.status.phase == .running && !pod.status.containerStatuses.isEmpty
            && pod.status.containerStatuses.allSatisfy { if case .running = $0.state { return true } else { return false } }
        guard running else {
            t.status = failStatus
            t.outcome = .connectionFailed
            t.reason = "Pod \(pod.metadata.key) is \(pod.status.phase.rawValue) and its containers are not running: connection refused" + (viaIngress ? ": 502" : "")
            return
        }
        t.status = 200
        t.outcome = .delivered
        t.reason = "Pod \(pod.metadata.key) answered"
    }
}
