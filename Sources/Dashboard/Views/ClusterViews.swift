import ClusterStore
import KubeModel
import Simulation

/// Nodes, Namespaces and Events.
enum ClusterViews {
    static func nodes(_ ctx: ViewContext) -> TableModel {
        let columns = [
            Column("NAME", flexible: true), Column("STATUS"), Column("ROLES", priority: 2),
            Column("AGE", alignRight: true, volatile: true), Column("VERSION", priority: 3),
            Column("INTERNAL-IP", priority: 1), Column("ZONE", priority: 2), Column("PODS", alignRight: true),
        ]
        let nodes = ctx.state.nodes.all.sorted { $0.metadata.name < $1.metadata.name }
        let rows = nodes.map { n -> Row in
            let status = Format.nodeStatus(n)
            let pods = ctx.state.pods.onNode(n.metadata.name).filter { $0.status.phase != .succeeded && $0.status.phase != .failed }
            return Row(
                key: "node/\(n.metadata.name)",
                cells: [n.metadata.name, status, Format.nodeRoles(n), Format.age(n.metadata.creationTimestamp, now: ctx.now),
                        n.status.nodeInfo["kubeletVersion"]?.stringValue ?? "", Format.orNone(n.internalIP),
                        n.zone ?? "", String(pods.count)],
                status: !n.isReady ? .error : n.spec.unschedulable ? .pending : .normal,
                labels: n.metadata.labels, createdAt: n.metadata.creationTimestamp,
                ref: ObjectRef(type: .node, name: n.metadata.name),
                drill: .page(Page(view: .pods, scope: .node(n.metadata.name))))
        }
        return TableModel(title: ViewKind.nodes.title, scopeLabel: "cluster", columns: columns, rows: rows)
    }

    static func namespaces(_ ctx: ViewContext) -> TableModel {
        let columns = [Column("NAME", flexible: true), Column("STATUS"), Column("PODS", alignRight: true),
                       Column("AGE", alignRight: true, volatile: true)]
        let list = ctx.state.namespaces.all.sorted { $0.metadata.name < $1.metadata.name }
        let rows = list.map { ns -> Row in
            let name = ns.metadata.name
            let terminating = ns.metadata.isTerminating
            return Row(key: "ns/\(name)",
                       cells: [name, terminating ? "Terminating" : "Active",
                               String(ctx.state.pods.inNamespace(name).count),
                               Format.age(ns.metadata.creationTimestamp, now: ctx.now)],
                       status: terminating ? .terminating : .normal, labels: ns.metadata.labels,
                       createdAt: ns.metadata.creationTimestamp, subject: ObjectRef(type: .namespace, name: name),
                       drill: .namespace(name))
        }
        return TableModel(title: ViewKind.namespaces.title, scopeLabel: "cluster", columns: columns, rows: rows)
    }

    /// Events, newest first (what changed last is what you want to see).
    static func events(_ ctx: ViewContext) -> TableModel {
        let columns = ctx.showsNamespace
            ? [Column("NAMESPACE", flexible: true)] : []
        let all = columns + [
            Column("LAST SEEN", alignRight: true, volatile: true), Column("TYPE"), Column("REASON"),
            Column("OBJECT", flexible: true), Column("COUNT", alignRight: true, priority: 2),
            Column("MESSAGE", flexible: true),
        ]
        let events = ctx.objects(ctx.state.events).sorted { a, b in
            let ta = a.lastTimestamp ?? a.firstTimestamp ?? a.metadata.creationTimestamp
            let tb = b.lastTimestamp ?? b.firstTimestamp ?? b.metadata.creationTimestamp
            if ta != tb { return (ta?.milliseconds ?? 0) > (tb?.milliseconds ?? 0) }
            return a.metadata.key > b.metadata.key
        }
        let rows = events.map { e -> Row in
            let object = "\((e.involvedObject.kind ?? "").lowercased())/\(e.involvedObject.name ?? "")"
            let last = e.lastTimestamp ?? e.firstTimestamp ?? e.metadata.creationTimestamp
            var cells = ctx.showsNamespace ? [e.metadata.namespace] : []
            cells += [Format.age(last, now: ctx.now), e.type.rawValue, e.reason ?? "", object, String(e.count),
                      (e.message ?? "").replacingOccurrences(of: "\n", with: " ")]
            return Row(key: "ev/\(e.metadata.key)", cells: cells, status: e.type == .warning ? .error : .normal,
                       labels: e.metadata.labels, createdAt: e.metadata.creationTimestamp,
                       subject: ObjectRef(type: .event, namespace: e.metadata.namespace, name: e.metadata.name))
        }
        return TableModel(title: ViewKind.events.title, scopeLabel: ctx.scopeLabel, columns: all, rows: rows,
                          emptyText: "No events")
    }
}
