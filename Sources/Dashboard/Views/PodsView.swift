import ClusterStore
import KubeModel
import Simulation

/// Pods: NAME READY STATUS RESTARTS IP NODE AGE, as `kubectl get pods -o wide` without the gates.
enum PodsView {
    static func table(_ ctx: ViewContext) -> TableModel {
        let columns = ctx.leadingColumns() + [
            Column("READY", alignRight: true), Column("STATUS"),
            Column("RESTARTS", alignRight: true, priority: 1, volatile: true), Column("IP", priority: 2),
            Column("NODE", priority: 3, flexible: true),
            Column("AGE", alignRight: true, volatile: true),
        ]
        // Only keys are sorted; rows are formatted when drawn.
        let keys = sortedScopedKeys(ctx)
        let state = ctx.state
        let keyed = KeyedRows(prefix: "pod/", keys: keys, showsNamespace: ctx.showsNamespace,
                              format: { key in
                                  guard let pod = state.pods[key] else {
                                      return Row(key: "pod/\(key)", cells: ctx.showsNamespace ? [key.namespace, key.name] : [key.name])
                                  }
                                  return row(pod, ctx)
                              },
                              labels: { state.pods[$0]?.metadata.labels ?? [:] })
        return TableModel(title: ViewKind.pods.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: [],
                          keyed: keyed)
    }

    static func row(_ p: Pod, _ ctx: ViewContext) -> Row {
        let status = Format.podStatus(p)
        let key = p.metadata.key
        return Row(
            key: "pod/\(key)",
            cells: ctx.leading(p.metadata) + [
                Format.podReady(p), status, Format.podRestarts(p, now: ctx.now), Format.orNone(p.status.podIP),
                Format.orNone(p.spec.nodeName), Format.age(p.metadata.creationTimestamp, now: ctx.now),
            ],
            status: Format.podRowStatus(p, status: status), labels: p.metadata.labels,
            createdAt: p.metadata.creationTimestamp,
            ref: ObjectRef(type: .pod, namespace: key.namespace, name: key.name))
    }

    /// The keys of the pods a page shows, sorted.
    static func sortedScopedKeys(_ ctx: ViewContext) -> [ObjectKey] {
        switch ctx.scope {
        case nil, .object?, .focus?: ctx.sortedKeys(ctx.state.pods)
        default: scopedPods(ctx).map(\.metadata.key).sorted()
        }
    }

    /// The pods a page shows: a namespace's, or those a drill-down leads to.
    static func scopedPods(_ ctx: ViewContext) -> [Pod] {
        let state = ctx.state
        switch ctx.scope {
        case nil, .object?, .focus?:
            return ctx.objects(state.pods)
        case .service(let key)?:
            guard let selector = state.services[key]?.spec.selector, !selector.isEmpty else { return [] }
            return state.pods.matching(selector, in: key.namespace)
        case .node(let name)?:
            return state.pods.onNode(name)
        case .workload(let type, let key)?:
            return ownedPods(state, type: type, key: key)
        }
    }

    static func ownedPods(_ state: ClusterState, type: ResourceType, key: ObjectKey) -> [Pod] {
        let uid: String?
        switch type {
        case .deployment:
            guard let d = state.deployments[key] else { return [] }
            return state.replicaSets.owned(by: d.metadata.uid).flatMap { state.pods.owned(by: $0.metadata.uid) }
        case .replicaSet: uid = state.replicaSets[key]?.metadata.uid
        case .statefulSet: uid = state.statefulSets[key]?.metadata.uid
        case .daemonSet: uid = state.daemonSets[key]?.metadata.uid
        case .replicationController: uid = state.replicationControllers[key]?.metadata.uid
        default: uid = nil
        }
        return uid.map { state.pods.owned(by: $0) } ?? []
    }
}
