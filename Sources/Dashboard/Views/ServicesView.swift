import ClusterStore
import KubeModel
import Simulation

/// Services: kubectl's columns plus ENDPOINTS (ready/total across the Service's EndpointSlices); SELECTOR when wide.
enum ServicesView {
    static func table(_ ctx: ViewContext) -> TableModel {
        var services: [Service]
        if case .object(let key)? = ctx.scope {
            services = ctx.state.services[key].map { [$0] } ?? []
        } else {
            services = ctx.objects(ctx.state.services)
        }
        services.sort { $0.metadata.key < $1.metadata.key }
        let columns = ctx.leadingColumns() + [
            Column("TYPE"), Column("CLUSTER-IP", priority: 1), Column("EXTERNAL-IP", priority: 2, flexible: true),
            Column("PORT(S)", flexible: true), Column("ENDPOINTS", alignRight: true),
            Column("AGE", alignRight: true, volatile: true), Column("SELECTOR", priority: 4, flexible: true),
        ]
        let rows = services.map { s -> Row in
            let key = s.metadata.key
            let isExternal = s.spec.type == .externalName
            let counts = Format.endpointCounts(ctx.state, service: key)
            let endpoints = isExternal || s.spec.selector == nil && counts.total == 0 ? "-" : "\(counts.ready)/\(counts.total)"
            var status: RowStatus = .normal
            if s.metadata.deletionTimestamp != nil {
                status = .terminating
            } else if !isExternal, s.spec.selector != nil {
                status = counts.ready == 0 ? .error : counts.ready < counts.total ? .pending : .normal
            }
            return Row(
                key: "svc/\(key)",
                cells: ctx.leading(s.metadata) + [
                    s.spec.type.rawValue, Format.clusterIP(s), Format.externalIP(s), Format.ports(s), endpoints,
                    Format.age(s.metadata.creationTimestamp, now: ctx.now), Format.selector(s),
                ],
                status: status, labels: s.metadata.labels, createdAt: s.metadata.creationTimestamp,
                ref: ObjectRef(type: .service, namespace: key.namespace, name: key.name),
                drill: .page(Page(view: .endpoints, scope: .service(key))), traceURL: traceURL(s))
        }
        return TableModel(title: ViewKind.services.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows)
    }

    /// The URL `t` offers for a Service: its cluster DNS name and first port (`http://api.shop.svc.cluster.local`).
    static func traceURL(_ s: Service) -> String? {
        let port = s.spec.ports.first?.port
        let suffix = port.map { $0 == 80 ? "" : ":\($0)" } ?? ""
        return "http://\(s.metadata.name).\(s.metadata.namespace).svc.cluster.local\(suffix)/"
    }
}
