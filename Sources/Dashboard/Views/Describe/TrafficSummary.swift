import ClusterStore
import KubeModel
import Simulation

/// The two or three plain sentences a describe page opens with: what the object does for traffic right now,
/// computed from the snapshot (for people learning how Services and Ingress work).
enum TrafficSummary {
    typealias F = TrafficFacts

    // MARK: Service

    static func service(_ s: Service, state: ClusterState) -> [String] {
        let key = s.metadata.key
        let dns = "\(s.metadata.name).\(s.metadata.namespace).svc.cluster.local"
        let ip = s.spec.clusterIP.flatMap { $0.isEmpty || $0 == "None" ? nil : $0 }
        let ports = s.spec.ports.map(\.port)
        func at(_ host: String) -> String {
            guard let first = ports.first else { return host }
            return F.list(["\(host):\(first)"] + ports.dropFirst().map { ":\($0)" })
        }
        var out: [String] = []
        switch s.spec.type {
        case .externalName:
            out.append("ExternalName Service: DNS answers \(dns) with a CNAME to \(s.spec.externalName ?? "?"); "
                       + "there is no virtual IP, no proxying and no endpoints.")
            return out + ingressSentence(key, state: state)
        case .clusterIP where s.spec.isHeadless:
            out.append("Headless Service (clusterIP: None): there is no virtual IP; DNS answers \(dns) with the "
                       + "ready pods' own IPs, so clients connect to pods directly.")
        case .clusterIP:
            out.append("ClusterIP Service: pods reach it at \(at(ip ?? "<pending>")) (\(dns)).")
        case .nodePort:
            let nodePorts = s.spec.ports.compactMap(\.nodePort).map(String.init)
            let node = state.nodes.all.min { $0.metadata.name < $1.metadata.name }?.internalIP
            let example = node.flatMap { n in s.spec.ports.first?.nodePort.map { " (e.g. \(n):\($0))" } } ?? ""
            out.append("NodePort Service: clients outside reach it on port \(F.list(nodePorts)) of every node\(example); "
                       + "pods use \(at(ip ?? "<pending>")).")
        case .loadBalancer:
            let lb = s.loadBalancerIngress.compactMap { $0.ip ?? $0.hostname }.first
            let nodePorts = s.spec.ports.compactMap(\.nodePort).map(String.init)
            let via = nodePorts.isEmpty ? "" : " through node port\(nodePorts.count > 1 ? "s" : "") \(F.list(nodePorts))"
            if let lb {
                out.append("LoadBalancer Service: clients outside reach it at \(at(lb))\(via); pods use \(at(ip ?? "<pending>")).")
            } else {
                out.append("LoadBalancer Service: its external address is still pending; pods use \(at(ip ?? "<pending>")).")
            }
        }
        out.append(forwarding(s, state: state))
        return out + ingressSentence(key, state: state)
    }

    /// Where a Service sends connections: how many of its pods are ready, on which port, and why the rest are not.
    static func forwarding(_ s: Service, state: ClusterState) -> String {
        let endpoints = F.endpoints(of: s.metadata.key, state: state)
        guard let selector = s.spec.selector, !selector.isEmpty else {
            let ready = endpoints.filter(\.ready).count
            return "It has no selector, so Kubernetes manages no endpoints for it"
                + (endpoints.isEmpty ? "; connections to it are refused." : "; it forwards to \(ready) hand-listed ready addresses.")
        }
        let labels = DescribeFormat.selector(selector)
        let sample = F.selectedPods(s, state: state).first
        let targets = Array(Set(s.spec.ports.map { F.targetPort($0, samplePod: sample) })).sorted()
        let portText = targets.isEmpty ? "" : " on port\(targets.count > 1 ? "s" : "") \(F.list(targets))"
        guard !endpoints.isEmpty else {
            return "No running pod is labelled \(labels), so it has no endpoints and connections to it are refused."
        }
        let ready = endpoints.filter(\.ready)
        let terminating = endpoints.filter(\.terminating)
        let notReady = endpoints.filter { !$0.ready && !$0.terminating }
        // A headless Service has no proxy: its DNS answer is the list of ready pods.
        let verb = s.spec.isHeadless ? "Its DNS name lists" : "It forwards to"
        var sentence = "\(verb) \(ready.count) of \(F.plural(endpoints.count, "pod")) labelled \(labels)\(portText)"
        if !notReady.isEmpty {
            let verb = notReady.count == 1 ? "is" : "are"
            sentence += "; \(notReady.count) \(verb) not ready (\(F.names(notReady.map { $0.pod ?? $0.address })))"
        }
        if !terminating.isEmpty {
            let verb = terminating.count == 1 ? "is" : "are"
            sentence += "; \(terminating.count) \(verb) terminating (\(F.names(terminating.map { $0.pod ?? $0.address })))"
        }
        if ready.isEmpty {
            let serving = terminating.filter(\.serving)
            sentence += serving.isEmpty
                ? "; with no ready endpoint, connections are refused"
                : "; with no ready endpoint left, kube-proxy falls back to the terminating ones still serving"
        }
        return sentence + "."
    }

    /// "Ingress shop/web sends shop.example.com/api here." when Ingress paths lead to the Service.
    static func ingressSentence(_ service: ObjectKey, state: ClusterState) -> [String] {
        let routes = F.routes(to: service, state: state)
        guard !routes.isEmpty else { return [] }
        let ingresses = Array(Set(routes.map(\.ingress.name))).sorted()
        let noun = ingresses.count == 1 ? "Ingress \(ingresses[0])" : "Ingresses \(F.list(ingresses))"
        let verb = ingresses.count == 1 ? "sends" : "send"
        return ["\(noun) \(verb) \(F.names(routes.map(\.label), limit: 4)) here."]
    }

    // MARK: Pod

    static func pod(_ p: Pod, state: ClusterState) -> [String] {
        var first = "Pod \(p.metadata.name)"
        if let ip = p.status.podIP {
            first += " has IP \(ip)" + (p.spec.nodeName.map { " on node \($0)" } ?? "")
        } else {
            first += " has no IP yet"
        }
        let status = Format.podStatus(p)
        if p.metadata.deletionTimestamp != nil {
            first += " and is terminating."
        } else if p.isReady {
            first += " and is ready."
        } else {
            first += " and is not ready (\(status))."
        }
        var out = [first]
        let services = F.services(selecting: p, state: state)
        guard !services.isEmpty else {
            out.append("No Service selects it, so it receives no Service traffic.")
            return out
        }
        let names = F.list(services.map(\.metadata.name))
        let noun = services.count == 1 ? "Service \(names) selects" : "Services \(names) select"
        // What the Services' EndpointSlices say about this pod is what kube-proxy acts on.
        let mine = services.flatMap { F.endpoints(of: $0.metadata.key, state: state) }.filter { $0.pod == p.metadata.name }
        if mine.contains(where: \.ready) {
            out.append("\(noun) it and it receives \(services.count == 1 ? "the Service's" : "their") traffic.")
        } else if mine.contains(where: { $0.terminating && $0.serving }) {
            out.append("\(noun) it, but it is terminating: it gets new connections only if no ready endpoint is left.")
        } else if mine.isEmpty {
            out.append("\(noun) it, but it is not an endpoint yet (no IP), so it gets no traffic.")
        } else {
            out.append("\(noun) it, but it is not ready, so it gets no traffic from \(services.count == 1 ? "it" : "them").")
        }
        let routes = services.flatMap { F.routes(to: $0.metadata.key, state: state) }
        if !routes.isEmpty {
            out.append("Requests from outside reach it through \(paths(routes)).")
        }
        return out
    }

    // MARK: Workloads

    /// For Deployments, ReplicaSets, StatefulSets and DaemonSets: their pods and the Services that front them.
    static func workload(kind: String, meta: ObjectMeta, template: [String: String], pods: [Pod], desired: Int?,
                         extra: String? = nil, state: ClusterState) -> [String] {
        let active = pods.filter { $0.metadata.deletionTimestamp == nil }
        let ready = active.filter(\.isReady).count
        var first = "\(kind) \(meta.name) runs \(ready) ready of "
        first += desired.map { "\($0) desired pod\($0 == 1 ? "" : "s")" } ?? F.plural(active.count, "pod")
        first += extra.map { " (\($0))" } ?? ""
        let terminating = pods.count - active.count
        first += terminating > 0 ? "; \(terminating) more \(terminating == 1 ? "is" : "are") terminating." : "."
        var out = [first]
        let services = F.services(selectingTemplate: template, namespace: meta.namespace, state: state)
        if services.isEmpty {
            out.append("No Service selects its pods, so no Service traffic reaches them.")
        } else {
            let items = services.map { s -> String in
                let ip = s.spec.clusterIP.flatMap { $0 == "None" || $0.isEmpty ? nil : $0 }
                let port = s.spec.ports.first.map { String($0.port) } ?? "-"
                return ip.map { "\(s.metadata.name) (\($0):\(port))" } ?? s.metadata.name
            }
            let many = services.count > 1
            out.append("Service\(many ? "s" : "") \(F.list(items)) front\(many ? "" : "s") its pods.")
            let routes = services.flatMap { F.routes(to: $0.metadata.key, state: state) }
            if !routes.isEmpty {
                out.append("From outside, \(paths(routes)) lead\(routes.count > 1 ? "" : "s") to them.")
            }
        }
        return out
    }

    /// `the Ingress path a/b`, `the Ingress paths a/b and c/d`.
    static func paths(_ routes: [F.IngressRoute]) -> String {
        "the Ingress path\(routes.count > 1 ? "s" : "") \(F.names(routes.map(\.label), limit: 4))"
    }

    // MARK: Ingress

    static func ingress(_ ing: Ingress, state: ClusterState) -> [String] {
        let cls = state.ingressClass(for: ing)
        let address = ing.status.loadBalancer.compactMap { $0.ip ?? $0.hostname }.first
        var first = "Ingress \(ing.metadata.name)"
        if let cls {
            let controller = state.ingressController(for: cls)
            first += " is served by the \(cls.metadata.name) ingress controller"
            if let addr = address ?? controller.address { first += " at \(addr)" }
        } else {
            first += " names the class \(ing.effectiveClassName ?? "<none>"), which does not exist, so no controller serves it"
        }
        var out = [first + "."]
        let routes = F.routes(of: ing)
        if routes.isEmpty {
            out.append("It has no rule that names a Service.")
        } else {
            let items = routes.prefix(4).map { r -> String in
                let endpoints = F.endpoints(of: ObjectKey(namespace: ing.metadata.namespace, name: r.service), state: state)
                let ready = endpoints.filter(\.ready).count
                let exists = state.services[ObjectKey(namespace: ing.metadata.namespace, name: r.service)] != nil
                let health = !exists ? "missing Service: 503" : ready == 0 ? "no ready endpoint: 503" : "\(ready) ready"
                return "\(r.label) \(Glyphs.unicode.arrow) \(r.service):\(r.port) (\(health))"
            }
            let more = routes.count > 4 ? " and \(routes.count - 4) more" : ""
            out.append("It routes " + F.list(items) + more + ".")
        }
        if ing.spec.defaultBackend == nil {
            out.append("Requests that match no rule get the controller's default backend (404).")
        }
        return out
    }

    // MARK: EndpointSlice, Endpoints

    static func endpointSlice(_ slice: EndpointSlice) -> [String] {
        let eps = slice.endpoints
        let ready = eps.filter { $0.conditions.ready ?? !($0.conditions.terminating ?? false) }.count
        let terminating = eps.filter { $0.conditions.terminating ?? false }.count
        let notReady = eps.count - ready - terminating
        let ports = slice.ports.compactMap { p in p.port.map { "\($0)/\(p.protocol)" } }
        var first = "EndpointSlice of Service \(slice.serviceName ?? "<none>")"
        first += ": \(F.plural(eps.count, "endpoint"))" + (ports.isEmpty ? "" : " on \(F.list(ports))") + "."
        if eps.isEmpty {
            return [first, "kube-proxy has nowhere to send this Service's connections, so they are refused."]
        }
        var parts = ["\(ready) ready (kube-proxy sends them traffic)"]
        if terminating > 0 { parts.append("\(terminating) terminating") }
        if notReady > 0 { parts.append("\(notReady) not ready") }
        return [first, F.list(parts) + "."]
    }

    static func endpoints(_ e: Endpoints) -> [String] {
        let ready = e.subsets.reduce(0) { $0 + $1.addresses.count }
        let notReady = e.subsets.reduce(0) { $0 + $1.notReadyAddresses.count }
        return ["The legacy Endpoints object of Service \(e.metadata.name) (EndpointSlices are what kube-proxy reads).",
                "\(F.plural(ready, "ready address", "ready addresses")), \(notReady) not ready."]
    }

    // MARK: Node, Namespace

    static func node(_ n: Node, state: ClusterState) -> [String] {
        let pods = state.pods.onNode(n.metadata.name).filter { $0.status.phase != .succeeded && $0.status.phase != .failed }
        let ready = n.isReady ? "Ready" : "not Ready"
        var out = ["Node \(n.metadata.name)\(n.internalIP.map { " (\($0))" } ?? "") is \(ready)"
                   + (n.spec.unschedulable ? " and cordoned" : "") + "; it runs \(F.plural(pods.count, "pod")), "
                   + "\(pods.filter(\.isReady).count) of them ready."]
        let nodePorts = state.services.all.filter { $0.spec.type == .nodePort || $0.spec.type == .loadBalancer }
            .sorted { $0.metadata.key < $1.metadata.key }
            .compactMap { s -> String? in
                let ports = s.spec.ports.compactMap(\.nodePort).map(String.init)
                return ports.isEmpty ? nil : "\(s.metadata.name) (\(ports.joined(separator: ",")))"
            }
        if !nodePorts.isEmpty {
            out.append("kube-proxy answers on its node ports for \(F.names(nodePorts)).")
        }
        if !n.isReady {
            out.append("Its pods are not ready, so Services send them no traffic; they are evicted after 5 minutes.")
        }
        return out
    }

    static func namespace(_ ns: Namespace, state: ClusterState) -> [String] {
        let name = ns.metadata.name
        let pods = state.pods.inNamespace(name)
        return ["Namespace \(name) holds \(F.plural(state.services.inNamespace(name).count, "Service")), "
                + "\(F.plural(state.ingresses.inNamespace(name).count, "Ingress", "Ingresses")) and "
                + "\(F.plural(pods.count, "pod")) (\(pods.filter(\.isReady).count) ready)."]
    }
}
