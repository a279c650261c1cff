import ClusterStore
import KubeModel
import Simulation

/// Ingress routes: one row per host + path, in the order the router matches them: per class, precise hosts before
/// wildcards before the catch-all rule; within a host the longest path first, Exact before Prefix on a tie; each
/// Ingress's default backend last.
enum IngressView {
    private struct Route {
        var ingress: Ingress
        var className: String
        var classExists: Bool
        var host: String?
        var path: HTTPIngressPath?
        var backend: IngressBackend
        var key: String

        var hostRank: Int {
            guard path != nil else { return 3 }
            guard let host, !host.isEmpty else { return 2 }
            return host.hasPrefix("*.") ? 1 : 0
        }
        var pathLength: Int { (path?.path ?? "/").count }
        var typeRank: Int {
            switch path?.pathType {
            case .exact?: 0
            case .prefix?: 1
            default: 2
            }
        }
    }

    static func table(_ ctx: ViewContext) -> TableModel {
        let state = ctx.state
        var routes: [Route] = []
        for ing in ctx.objects(state.ingresses) {
            let cls = state.ingressClass(for: ing)
            let className = cls?.metadata.name ?? ing.effectiveClassName ?? "<none>"
            let base = "ing/\(ing.metadata.key)"
            for (r, rule) in ing.spec.rules.enumerated() {
                for (p, path) in (rule.paths ?? []).enumerated() {
                    routes.append(Route(ingress: ing, className: className, classExists: cls != nil, host: rule.host,
                                        path: path, backend: path.backend, key: "\(base)/\(r)/\(p)"))
                }
            }
            if let backend = ing.spec.defaultBackend {
                routes.append(Route(ingress: ing, className: className, classExists: cls != nil, host: nil, path: nil,
                                    backend: backend, key: "\(base)/default"))
            }
        }
        routes.sort { a, b in
            if a.className != b.className { return a.className < b.className }
            if a.hostRank != b.hostRank { return a.hostRank < b.hostRank }
            let ha = (a.host ?? "").lowercased(), hb = (b.host ?? "").lowercased()
            if ha != hb { return ha < hb }
            if a.pathLength != b.pathLength { return a.pathLength > b.pathLength }
            if a.typeRank != b.typeRank { return a.typeRank < b.typeRank }
            if a.ingress.metadata.key != b.ingress.metadata.key { return a.ingress.metadata.key < b.ingress.metadata.key }
            return a.key < b.key
        }

        var columns = [
            Column("HOST", flexible: true), Column("PATH", flexible: true), Column("TYPE", priority: 2),
            Column("BACKEND", flexible: true), Column("READY", alignRight: true), Column("TLS", priority: 1),
            Column("CLASS", priority: 3, flexible: true), Column("ADDRESS", priority: 2),
        ]
        columns.append(Column("INGRESS", priority: 4, flexible: true))

        let rows = routes.map { route -> Row in
            let ing = route.ingress
            let ns = ing.metadata.namespace
            let host = route.host.flatMap { $0.isEmpty ? nil : $0 } ?? "*"
            let pathText = route.path == nil ? "(default backend)" : (route.path?.path ?? "/")
            let type = route.path?.pathType.rawValue ?? "-"
            var backend = "-"
            var ready = "-"
            var status: RowStatus = .normal
            var drill: DrillTarget?
            switch route.backend {
            case .service(let name, let port):
                let portText: String
                switch port {
                case .number(let n): portText = String(n)
                case .name(let s): portText = s
                }
                backend = "\(name):\(portText)"
                let key = ObjectKey(namespace: ns, name: name)
                drill = .page(Page(view: .services, scope: .object(key)))
                if let svc = state.services[key] {
                    let servicePort = svc.spec.ports.first { p in
                        switch port {
                        case .number(let n): p.port == n
                        case .name(let s): p.name == s
                        }
                    }
                    if servicePort == nil {
                        ready = "no port"
                        status = .error
                    } else {
                        let counts = Format.endpointCounts(state, service: key, portName: servicePort?.name ?? "")
                        let all = Format.endpointCounts(state, service: key)
                        let c = counts.total == 0 && all.total > 0 ? all : counts
                        ready = "\(c.ready)/\(c.total)"
                        status = c.ready == 0 ? .error : c.ready < c.total ? .pending : .normal
                    }
                } else {
                    backend += " (missing)"
                    ready = "0/0"
                    status = .error
                }
            case .resource(let r):
                backend = r["kind"]?.stringValue.map { "\($0)/\(r["name"]?.stringValue ?? "?")" } ?? "resource"
            }
            if !route.classExists { status = .error }
            if ing.metadata.deletionTimestamp != nil { status = .terminating }
            let tls = ing.spec.tls.contains { t in t.hosts.contains { hostMatches(pattern: $0, host: host) } }
            let address = ing.status.loadBalancer.compactMap { $0.ip ?? $0.hostname }.joined(separator: ",")
            return Row(
                key: route.key,
                cells: [host, pathText, type, backend, ready, tls ? "yes" : "no",
                        route.classExists ? route.className : "\(route.className) (missing)", address,
                        ctx.showsNamespace ? ing.metadata.key.description : ing.metadata.name],
                status: status, labels: ing.metadata.labels, createdAt: ing.metadata.creationTimestamp,
                ref: ObjectRef(type: .ingress, namespace: ns, name: ing.metadata.name), drill: drill,
                traceURL: traceURL(host: route.host, path: route.path?.path, address: address))
        }
        return TableModel(title: ViewKind.ingresses.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows,
                          emptyText: "No Ingress routes")
    }

    /// The URL `t` offers for a route: its host and path, or for a rule without a host (or a wildcard one) the
    /// Ingress's address with the path.
    static func traceURL(host: String?, path: String?, address: String) -> String {
        var target = host.flatMap { $0.isEmpty || $0.hasPrefix("*") ? nil : $0 }
        if target == nil, let first = address.split(separator: ",").first { target = String(first) }
        return "http://\(target ?? "")\(path ?? "/")"
    }

    /// Whether a TLS host entry covers a rule's host (`*.foo.com` covers exactly one more label).
    static func hostMatches(pattern: String, host: String) -> Bool {
        let p = pattern.lowercased(), h = host.lowercased()
        if p == h { return true }
        if p.hasPrefix("*.") {
            let suffix = p.dropFirst(1)
            guard h.hasSuffix(suffix) else { return false }
            let label = h.dropLast(suffix.count)
            return !label.isEmpty && !label.contains(".") && label != "*"
        }
        return false
    }
}
