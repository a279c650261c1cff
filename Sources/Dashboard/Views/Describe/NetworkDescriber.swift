import ClusterStore
import KubeModel
import Simulation

/// kubectl describe for Services, Ingresses, EndpointSlices and Endpoints (k8s.io/kubectl/pkg/describe).
enum NetworkDescriber {
    static func service(_ s: Service, state: ClusterState, into t: inout DescribeText) {
        DescribeFormat.addHeader(&t, s.metadata)
        t.map(0, "Labels:", s.metadata.labels)
        t.map(0, "Annotations:", s.metadata.annotations, separator: ": ")
        t.line(0, "Selector:", DescribeFormat.selector(s.spec.selector))
        t.line(0, "Type:", s.spec.type.rawValue)
        if s.spec.type != .externalName {
            t.line(0, "IP Family Policy:", "SingleStack")
            t.line(0, "IP Families:", "IPv4")
            t.line(0, "IP:", s.spec.clusterIP ?? "<none>")
            t.line(0, "IPs:", s.spec.clusterIPs.isEmpty ? (s.spec.clusterIP ?? "<none>") : s.spec.clusterIPs.joined(separator: ","))
        }
        if !s.spec.externalIPs.isEmpty { t.line(0, "External IPs:", s.spec.externalIPs.joined(separator: ",")) }
        if let lb = s.spec.loadBalancerIP { t.line(0, "IP:", lb) }
        if s.spec.type == .externalName { t.line(0, "External Name:", s.spec.externalName ?? "") }
        let ingress = s.loadBalancerIngress.compactMap { $0.ip ?? $0.hostname }
        if !ingress.isEmpty { t.line(0, "LoadBalancer Ingress:", ingress.joined(separator: ", ")) }
        let slices = Format.slices(state, service: s.metadata.key)
        for port in s.spec.ports {
            let name = port.name.flatMap { $0.isEmpty ? nil : $0 } ?? "<unset>"
            t.line(0, "Port:", "\(name)  \(port.port)/\(port.protocol)")
            switch port.targetPort {
            case .int(let n): t.line(0, "TargetPort:", "\(n)/\(port.protocol)")
            case .string(let n): t.line(0, "TargetPort:", "\(n)/\(port.protocol)")
            }
            if let np = port.nodePort { t.line(0, "NodePort:", "\(name)  \(np)/\(port.protocol)") }
            if s.spec.type != .externalName {
                t.line(0, "Endpoints:", endpointsText(slices, portName: port.name ?? ""))
            }
        }
        t.line(0, "Session Affinity:", s.spec.sessionAffinity)
        if s.spec.type == .nodePort || s.spec.type == .loadBalancer {
            t.line(0, "External Traffic Policy:", s.spec.externalTrafficPolicy ?? "Cluster")
        }
        if s.spec.type != .externalName { t.line(0, "Internal Traffic Policy:", s.spec.internalTrafficPolicy ?? "Cluster") }
        DescribeFormat.addEvents(&t, meta: s.metadata, kind: "Service", state: state)
    }

    /// Ready `ip:port` pairs for one Service port, at most three then `+ N more...`, as kubectl formats them.
    static func endpointsText(_ slices: [EndpointSlice], portName: String) -> String {
        var list: [String] = []
        for slice in slices {
            guard let port = slice.ports.first(where: { ($0.name ?? "") == portName })?.port else { continue }
            for ep in slice.endpoints where ep.conditions.ready ?? true {
                for address in ep.addresses { list.append("\(address):\(port)") }
            }
        }
        guard !list.isEmpty else { return "<none>" }
        if list.count > 3 { return list.prefix(3).joined(separator: ",") + " + \(list.count - 3) more..." }
        return list.joined(separator: ",")
    }

    static func ingress(_ ing: Ingress, state: ClusterState, into t: inout DescribeText) {
        let ns = ing.metadata.namespace
        t.line(0, "Name:", ing.metadata.name)
        t.map(0, "Labels:", ing.metadata.labels)
        t.line(0, "Namespace:", ns)
        let address = ing.status.loadBalancer.compactMap { $0.ip ?? $0.hostname }.joined(separator: ",")
        t.line(0, "Address:", address)
        t.line(0, "Ingress Class:", ing.effectiveClassName ?? "<none>")
        t.line(0, "Default backend:", ing.spec.defaultBackend.map { backendText($0, namespace: ns, state: state) } ?? "<default>")
        if !ing.spec.tls.isEmpty {
            t.line(0, "TLS:")
            for tls in ing.spec.tls {
                let secret = tls.secretName ?? "SNI routes"
                t.line(1, "\(secret) terminates \(tls.hosts.joined(separator: ","))")
            }
        }
        t.line(0, "Rules:")
        t.line(1, "Host", "Path", "Backends")
        t.line(1, "----", "----", "--------")
        for rule in ing.spec.rules {
            let host = rule.host.flatMap { $0.isEmpty ? nil : $0 } ?? "*"
            // kubectl ends the host with a tab and starts paths one level deeper with one, so hosts and paths
            // share the first column.
            t.line(1, host, "")
            for path in rule.paths ?? [] {
                t.line(2, "", (path.path ?? "/") + " ", backendText(path.backend, namespace: ns, state: state))
            }
        }
        if ing.spec.rules.isEmpty, let backend = ing.spec.defaultBackend {
            t.line(1, "*", "* ", backendText(backend, namespace: ns, state: state))
        }
        t.map(0, "Annotations:", ing.metadata.annotations, separator: ": ")
        DescribeFormat.addEvents(&t, meta: ing.metadata, kind: "Ingress", state: state)
    }

    /// `api:80 (10.244.1.3:8080,10.244.2.4:8080)`, or `<error: services "x" not found>` as kubectl says it.
    static func backendText(_ backend: IngressBackend, namespace: String, state: ClusterState) -> String {
        switch backend {
        case .resource(let r):
            func field(_ name: String) -> String { r[name]?.stringValue ?? "" }
            return "APIGroup: \(field("apiGroup")), Kind: \(field("kind")), Name: \(field("name"))"
        case .service(let name, let port):
            let portText: String
            let portName: String?
            let key = ObjectKey(namespace: namespace, name: name)
            guard let svc = state.services[key] else {
                return "\(name):\(portString(port)) (<error: services \"\(name)\" not found>)"
            }
            switch port {
            case .number(let n):
                portText = String(n)
                portName = svc.spec.ports.first { $0.port == n }.map { $0.name ?? "" }
            case .name(let s):
                portText = s
                portName = svc.spec.ports.first { $0.name == s }.map { $0.name ?? "" }
            }
            guard let portName else { return "\(name):\(portText) (<error: port \(portText) not found>)" }
            return "\(name):\(portText) (\(endpointsText(Format.slices(state, service: key), portName: portName)))"
        }
    }

    static func portString(_ port: IngressBackend.Port) -> String {
        switch port {
        case .number(let n): String(n)
        case .name(let s): s
        }
    }

    static func endpointSlice(_ slice: EndpointSlice, state: ClusterState, into t: inout DescribeText) {
        DescribeFormat.addHeader(&t, slice.metadata)
        t.map(0, "Labels:", slice.metadata.labels)
        t.map(0, "Annotations:", slice.metadata.annotations, separator: ": ")
        t.line(0, "AddressType:", slice.addressType.rawValue)
        t.line(0, "Ports:")
        if slice.ports.isEmpty {
            t.line(1, "<unset>")
        } else {
            t.line(1, "Name", "Port", "Protocol")
            t.line(1, "----", "----", "--------")
            for p in slice.ports {
                t.line(1, p.name.flatMap { $0.isEmpty ? nil : $0 } ?? "<unset>", p.port.map(String.init) ?? "<unset>", p.protocol)
            }
        }
        t.line(0, "Endpoints:")
        if slice.endpoints.isEmpty { t.line(1, "<none>") }
        for ep in slice.endpoints {
            t.line(1, "- Addresses:", ep.addresses.joined(separator: ","))
            t.line(2, "Conditions:")
            t.line(3, "Ready:", flag(ep.conditions.ready))
            t.line(3, "Serving:", flag(ep.conditions.serving))
            t.line(3, "Terminating:", flag(ep.conditions.terminating))
            t.line(2, "Hostname:", ep.hostname ?? "<unset>")
            t.line(2, "TargetRef:", ep.targetRef.map { "\($0.kind ?? "")/\($0.name ?? "")" } ?? "<unset>")
            t.line(2, "NodeName:", ep.nodeName ?? "<unset>")
            t.line(2, "Zone:", ep.zone ?? "<unset>")
        }
        DescribeFormat.addEvents(&t, meta: slice.metadata, kind: "EndpointSlice", state: state)
    }

    static func flag(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "<unset>" }

    static func endpoints(_ e: Endpoints, state: ClusterState, into t: inout DescribeText) {
        DescribeFormat.addHeader(&t, e.metadata)
        t.map(0, "Labels:", e.metadata.labels)
        t.map(0, "Annotations:", e.metadata.annotations, separator: ": ")
        t.line(0, "Subsets:")
        for subset in e.subsets {
            let ready = subset.addresses.map(\.ip).joined(separator: ",")
            let notReady = subset.notReadyAddresses.map(\.ip).joined(separator: ",")
            t.line(1, "Addresses:", ready.isEmpty ? "<none>" : ready)
            t.line(1, "NotReadyAddresses:", notReady.isEmpty ? "<none>" : notReady)
            t.line(1, "Ports:")
            t.line(2, "Name", "Port", "Protocol")
            t.line(2, "----", "----", "--------")
            for p in subset.ports {
                t.line(2, p.name.flatMap { $0.isEmpty ? nil : $0 } ?? "<unset>", p.port.map(String.init) ?? "<unset>", p.protocol)
            }
            t.blank()
        }
        DescribeFormat.addEvents(&t, meta: e.metadata, kind: "Endpoints", state: state)
    }
}
