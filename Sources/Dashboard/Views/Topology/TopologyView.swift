import ClusterStore
import KubeModel
import Simulation

/// The topology (`:topo`, `:xray`): Internet → ingress controller → Ingress → rule (host + path) → Service →
/// EndpointSlice → Pod, the way the classic diagrams draw it, each line coloured by health. Services no Ingress
/// reaches are roots of their own. Rows drill down like the table views (route → Service, Service → endpoints).
/// While a trace is on screen, the rows of its route are marked.
enum TopologyView {
    static func table(_ ctx: ViewContext) -> TableModel {
        let state = ctx.state
        let trace = TraceMatch(ctx.traceHops)
        let ingresses = ctx.objects(state.ingresses)
        let services = ctx.objects(state.services)
        var reached = Set<ObjectKey>()
        var roots: [TopologyNode] = []

        // Ingresses grouped by the controller that serves them (by IngressClass), missing classes last.
        var byClass: [String: [Ingress]] = [:]
        var missing: [Ingress] = []
        for ing in ingresses {
            if let cls = state.ingressClass(for: ing) { byClass[cls.metadata.name, default: []].append(ing) } else { missing.append(ing) }
        }
        var controllers: [TopologyNode] = []
        for className in byClass.keys.sorted() {
            guard let cls = state.ingressClasses[ObjectKey(namespace: "", name: className)] else { continue }
            let info = state.ingressController(for: cls)
            let children = byClass[className, default: []].map { ingressNode($0, ctx: ctx, trace: trace, reached: &reached) }
            let controllerService = info.service.flatMap { state.services[$0] }
            var cells = ["\(cls.controller ?? className) (class \(className))", "", info.address ?? "<pending>"]
            if let svc = controllerService { cells[1] = readyText(svc.metadata.key, state: state) }
            controllers.append(TopologyNode(Row(
                key: "topo/class/\(className)", cells: cells, status: TopologyNode.rollUp(children.map(\.row.status)),
                labels: cls.metadata.labels,
                ref: info.service.map { ObjectRef(type: .service, namespace: $0.namespace, name: $0.name) },
                drill: info.service.map { .page(Page(view: .services, scope: .object($0))) },
                traced: children.contains { $0.row.traced }), children: children))
        }
        if !missing.isEmpty {
            let children = missing.map { ingressNode($0, ctx: ctx, trace: trace, reached: &reached) }
            controllers.append(TopologyNode(Row(
                key: "topo/class/-", cells: ["no ingress controller (class not found)", "", ""], status: .error),
                children: children))
        }
        if !controllers.isEmpty {
            roots.append(TopologyNode(Row(key: "topo/internet", cells: ["Internet", "", ""],
                                          status: TopologyNode.rollUp(controllers.map(\.row.status)),
                                          traced: controllers.contains { $0.row.traced }), children: controllers))
        }
        for svc in services where !reached.contains(svc.metadata.key) {
            roots.append(serviceNode(svc, port: nil, parentKey: "topo", ctx: ctx, trace: trace, parentTraced: true))
        }
        var emptyText = "No Services or Ingresses"
        if case .focus(let type, let key)? = ctx.scope {
            // One object's part of the picture: every branch that passes through it, and everything below it.
            roots = roots.compactMap { TopologyNode.prune($0) { $0.ref.map { $0.type == type && $0.key == key } ?? false } }
            emptyText = "Nothing reaches \(type.singular)/\(key.name)"
        }
        let rows = TopologyNode.flatten(roots, glyphs: ctx.glyphs)
        let columns = [Column("TOPOLOGY", flexible: true), Column("READY", alignRight: true),
                       Column("DETAIL", priority: 1, flexible: true)]
        return TableModel(title: ViewKind.topology.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows,
                          emptyText: emptyText, sortable: false)
    }

    private static func ingressNode(_ ing: Ingress, ctx: ViewContext, trace: TraceMatch,
                                    reached: inout Set<ObjectKey>) -> TopologyNode {
        let state = ctx.state
        let ns = ing.metadata.namespace
        let ref = ObjectRef(type: .ingress, namespace: ns, name: ing.metadata.name)
        let base = "topo/ing/\(ing.metadata.key)"
        var children: [TopologyNode] = []
        for (i, route) in TrafficFacts.routes(of: ing).enumerated() {
            let key = ObjectKey(namespace: ns, name: route.service)
            reached.insert(key)
            let routeKey = "\(base)/\(i)"
            let title = route.pathType.map { "\(route.label) (\($0))" } ?? route.label
            let routeTraced = trace.rule(ing.metadata.key, host: route.host, path: route.path)
            var child: TopologyNode
            if let svc = state.services[key] {
                child = serviceNode(svc, port: route.port, parentKey: routeKey, ctx: ctx, trace: trace,
                                    parentTraced: routeTraced)
            } else {
                child = TopologyNode(Row(key: "\(routeKey)/svc", cells: ["Service \(route.service) (missing)", "0/0", "503"],
                                         status: .error))
            }
            let row = Row(key: routeKey, cells: [title, "", "\(ctx.glyphs.arrow) \(route.service):\(route.port)"],
                          status: child.row.status, labels: ing.metadata.labels, ref: ref,
                          drill: .page(Page(view: .services, scope: .object(key))), traced: routeTraced,
                          traceURL: IngressView.traceURL(host: route.host, path: route.path,
                                                         address: addressText(ing)))
            children.append(TopologyNode(row, children: [child]))
        }
        let address = addressText(ing)
        let name = ctx.showsNamespace ? ing.metadata.key.description : ing.metadata.name
        var ingressPage = Page(view: .ingresses)
        ingressPage.filter = ing.metadata.name
        let status: RowStatus = ing.metadata.isTerminating ? .terminating : TopologyNode.rollUp(children.map(\.row.status))
        return TopologyNode(Row(key: base, cells: ["Ingress \(name)", "", address.isEmpty ? "<no address>" : address],
                                status: status, labels: ing.metadata.labels, createdAt: ing.metadata.creationTimestamp,
                                ref: ref, drill: .page(ingressPage), traced: children.contains { $0.row.traced }),
                            children: children)
    }

    private static func addressText(_ ing: Ingress) -> String {
        ing.status.loadBalancer.compactMap { $0.ip ?? $0.hostname }.joined(separator: ",")
    }

    private static func serviceNode(_ svc: Service, port: String?, parentKey: String, ctx: ViewContext,
                                    trace: TraceMatch, parentTraced: Bool) -> TopologyNode {
        let state = ctx.state
        let key = svc.metadata.key
        let name = ctx.showsNamespace ? key.description : key.name
        let base = "\(parentKey)/svc/\(key)"
        var detail = svc.spec.type.rawValue
        if svc.spec.type == .externalName {
            detail += " \(ctx.glyphs.arrow) \(svc.spec.externalName ?? "?")"
        } else if svc.spec.isHeadless {
            detail += " (headless)"
        } else if let ip = svc.spec.clusterIP {
            detail += " \(ip)"
        }
        let traced = trace.service(key, parentTraced: parentTraced)
        var children: [TopologyNode] = []
        for slice in Format.slices(state, service: key) {
            children.append(sliceNode(slice, parentKey: base, ctx: ctx, trace: trace, parentTraced: traced))
        }
        let counts = Format.endpointCounts(state, service: key)
        var status: RowStatus
        if svc.metadata.isTerminating {
            status = .terminating
        } else if svc.spec.type == .externalName || svc.spec.selector == nil {
            status = .normal
        } else {
            status = counts.ready == 0 ? .error : counts.ready < counts.total ? .pending : .normal
        }
        let ready = svc.spec.type == .externalName ? "-" : "\(counts.ready)/\(counts.total)"
        return TopologyNode(Row(
            key: base, cells: ["Service \(name)\(port.map { ":\($0)" } ?? "")", ready, detail], status: status,
            labels: svc.metadata.labels, createdAt: svc.metadata.creationTimestamp,
            ref: ObjectRef(type: .service, namespace: key.namespace, name: key.name),
            drill: .page(Page(view: .endpoints, scope: .service(key))), traced: traced,
            traceURL: ServicesView.traceURL(svc)), children: children)
    }

    private static func sliceNode(_ slice: EndpointSlice, parentKey: String, ctx: ViewContext, trace: TraceMatch,
                                  parentTraced: Bool) -> TopologyNode {
        let ns = slice.metadata.namespace
        let base = "\(parentKey)/slice/\(slice.metadata.name)"
        let sliceRef = ObjectRef(type: .endpointSlice, namespace: ns, name: slice.metadata.name)
        let serviceKey = ObjectKey(namespace: ns, name: slice.serviceName ?? "")
        let endpoints = slice.endpoints.sorted {
            ($0.targetRef?.name ?? "", $0.addresses.first ?? "") < ($1.targetRef?.name ?? "", $1.addresses.first ?? "")
        }
        let ports = slice.ports.compactMap(\.port).map(String.init).joined(separator: ",")
        let traced = trace.slice(slice.metadata.key, parentTraced: parentTraced)
        var children: [TopologyNode] = []
        for ep in endpoints {
            let (stateText, status) = EndpointsView.describe(ep.conditions, ctx.glyphs)
            let glyph = stateText.split(separator: " ").first.map(String.init) ?? ""
            let podName = ep.targetRef?.kind == "Pod" ? ep.targetRef?.name : nil
            let address = ep.addresses.first ?? "?"
            let pod = podName.flatMap { ctx.state.pods[ObjectKey(namespace: ns, name: $0)] }
            children.append(TopologyNode(Row(
                key: "\(base)/\(address)",
                cells: ["\(glyph) Pod \(podName ?? address)", pod.map(Format.podReady) ?? "",
                        "\(ports.isEmpty ? address : "\(address):\(ports)")\(ep.nodeName.map { " on \($0)" } ?? "")"],
                status: status, labels: pod?.metadata.labels ?? [:], createdAt: pod?.metadata.creationTimestamp,
                ref: podName.map { ObjectRef(type: .pod, namespace: ns, name: $0) },
                traced: podName.map { trace.pod(ObjectKey(namespace: ns, name: $0), parentTraced: traced) } ?? false)))
        }
        let ready = endpoints.filter { $0.conditions.ready ?? !($0.conditions.terminating ?? false) }.count
        let status: RowStatus = endpoints.isEmpty ? .error : ready == 0 ? .error : ready < endpoints.count ? .pending : .normal
        return TopologyNode(Row(
            key: base, cells: ["EndpointSlice \(slice.metadata.name)", "\(ready)/\(endpoints.count)",
                               endpoints.isEmpty ? "no endpoints" : ports.isEmpty ? "" : "port \(ports)"],
            status: status, labels: slice.metadata.labels, createdAt: slice.metadata.creationTimestamp,
            subject: sliceRef, drill: .page(Page(view: .endpoints, scope: .service(serviceKey))), traced: traced),
            children: children)
    }

    static func readyText(_ service: ObjectKey, state: ClusterState) -> String {
        let c = Format.endpointCounts(state, service: service)
        return "\(c.ready)/\(c.total)"
    }
}
