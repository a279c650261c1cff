import ClusterStore
import KubeModel
import Simulation

/// Endpoints: one row per endpoint of each EndpointSlice, its state drawn distinctly:
/// ● ready, ◐ serving but terminating, ○ not ready (or terminating and no longer serving).
enum EndpointsView {
    static func table(_ ctx: ViewContext) -> TableModel {
        let state = ctx.state
        var slices: [EndpointSlice]
        var emptyText = "No EndpointSlices"
        if case .service(let key)? = ctx.scope {
            slices = Format.slices(state, service: key)
            if let svc = state.services[key] {
                if svc.spec.type == .externalName {
                    emptyText = "ExternalName Service: DNS answers with a CNAME to \(svc.spec.externalName ?? "?"); no endpoints"
                } else if svc.spec.selector == nil {
                    emptyText = "Service without a selector: no managed EndpointSlices"
                }
            } else {
                emptyText = "Service \(key) not found"
            }
        } else {
            slices = ctx.objects(state.endpointSlices)
        }
        slices.sort { ($0.metadata.namespace, $0.serviceName ?? "", $0.metadata.name)
            < ($1.metadata.namespace, $1.serviceName ?? "", $1.metadata.name) }

        let scoped = ctx.scope != nil
        var columns: [Column] = []
        if ctx.showsNamespace { columns.append(Column("NAMESPACE", flexible: true)) }
        if !scoped { columns.append(Column("SERVICE", flexible: true)) }
        columns += [
            Column("SLICE", priority: 2, flexible: true), Column("STATE"), Column("ADDRESS"),
            Column("POD", flexible: true), Column("NODE", priority: 1, flexible: true), Column("ZONE", priority: 3),
        ]

        var rows: [Row] = []
        for slice in slices {
            let ns = slice.metadata.namespace
            let service = slice.serviceName ?? "<none>"
            var lead: [String] = []
            if ctx.showsNamespace { lead.append(ns) }
            if !scoped { lead.append(service) }
            let serviceKey = ObjectKey(namespace: ns, name: service)
            let drill = DrillTarget.page(Page(view: .pods, scope: .service(serviceKey)))
            let sliceRef = ObjectRef(type: .endpointSlice, namespace: ns, name: slice.metadata.name)
            let ports = slice.ports.compactMap(\.port).map(String.init).joined(separator: ",")
            if slice.endpoints.isEmpty {
                rows.append(Row(key: "ep/\(ns)/\(slice.metadata.name)/-",
                                cells: lead + [slice.metadata.name, "\(ctx.glyphs.notReady) no endpoints", "<none>", "", "", ""],
                                status: .error, labels: slice.metadata.labels, createdAt: slice.metadata.creationTimestamp,
                                subject: sliceRef, drill: drill))
                continue
            }
            let endpoints = slice.endpoints.sorted {
                ($0.targetRef?.name ?? "", $0.addresses.first ?? "") < ($1.targetRef?.name ?? "", $1.addresses.first ?? "")
            }
            for ep in endpoints {
                let address = ep.addresses.first ?? "?"
                let (text, status) = describe(ep.conditions, ctx.glyphs)
                let podName = ep.targetRef?.kind == "Pod" ? ep.targetRef?.name : nil
                let pod = podName.flatMap { state.pods[ObjectKey(namespace: ep.targetRef?.namespace ?? ns, name: $0)] }
                rows.append(Row(
                    key: "ep/\(ns)/\(slice.metadata.name)/\(address)",
                    cells: lead + [slice.metadata.name, text, ports.isEmpty ? address : "\(address):\(ports)",
                                   podName ?? Format.orNone(ep.targetRef?.name), Format.orNone(ep.nodeName),
                                   ep.zone ?? ""],
                    status: status, labels: pod?.metadata.labels ?? [:], createdAt: pod?.metadata.creationTimestamp,
                    ref: podName.map { ObjectRef(type: .pod, namespace: ep.targetRef?.namespace ?? ns, name: $0) },
                    subject: sliceRef, drill: drill))
            }
        }
        return TableModel(title: ViewKind.endpoints.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows,
                          emptyText: emptyText)
    }

    /// The state column and row colour for an endpoint's conditions (nil conditions count as true, per the API).
    static func describe(_ c: EndpointConditions, _ g: Glyphs) -> (String, RowStatus) {
        let terminating = c.terminating ?? false
        let ready = c.ready ?? !terminating
        let serving = c.serving ?? ready
        if ready, !terminating { return ("\(g.ready) ready", .normal) }
        if terminating { return serving ? ("\(g.servingTerminating) serving, terminating", .terminating)
                                         : ("\(g.notReady) terminating", .terminating) }
        return ("\(g.notReady) not ready", .pending)
    }
}
