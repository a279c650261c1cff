import ClusterStore
import KubeModel
import Simulation

/// Deployments, ReplicaSets, StatefulSets and DaemonSets with kubectl's columns. Enter shows their pods;
/// `s`, `+` and `-` scale the first three.
enum WorkloadViews {
    static func deployments(_ ctx: ViewContext) -> TableModel {
        let columns = ctx.leadingColumns() + [
            Column("READY", alignRight: true), Column("UP-TO-DATE", alignRight: true),
            Column("AVAILABLE", alignRight: true), Column("AGE", alignRight: true, volatile: true),
        ]
        let rows = ctx.objects(ctx.state.deployments).map { d -> Row in
            let desired = d.spec.desiredReplicas
            return row(ctx, d.metadata, type: .deployment,
                       cells: [Format.ratio(d.status.readyReplicas, desired), String(d.status.updatedReplicas),
                               String(d.status.availableReplicas)],
                       status: Format.workloadStatus(ready: d.status.readyReplicas, desired: desired,
                                                     terminating: d.metadata.isTerminating),
                       replicas: desired)
        }
        return TableModel(title: ViewKind.deployments.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows)
    }

    static func replicaSets(_ ctx: ViewContext) -> TableModel {
        let columns = ctx.leadingColumns() + [
            Column("DESIRED", alignRight: true), Column("CURRENT", alignRight: true), Column("READY", alignRight: true),
            Column("AGE", alignRight: true, volatile: true),
        ]
        let rows = ctx.objects(ctx.state.replicaSets).map { rs -> Row in
            let desired = rs.spec.desiredReplicas
            return row(ctx, rs.metadata, type: .replicaSet,
                       cells: [String(desired), String(rs.status.replicas), String(rs.status.readyReplicas)],
                       status: Format.workloadStatus(ready: rs.status.readyReplicas, desired: desired,
                                                     terminating: rs.metadata.isTerminating),
                       replicas: desired)
        }
        return TableModel(title: ViewKind.replicaSets.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows)
    }

    static func statefulSets(_ ctx: ViewContext) -> TableModel {
        let columns = ctx.leadingColumns() + [Column("READY", alignRight: true), Column("AGE", alignRight: true, volatile: true)]
        let rows = ctx.objects(ctx.state.statefulSets).map { s -> Row in
            let desired = s.spec.desiredReplicas
            return row(ctx, s.metadata, type: .statefulSet, cells: [Format.ratio(s.status.readyReplicas, desired)],
                       status: Format.workloadStatus(ready: s.status.readyReplicas, desired: desired,
                                                     terminating: s.metadata.isTerminating),
                       replicas: desired)
        }
        return TableModel(title: ViewKind.statefulSets.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows)
    }

    static func daemonSets(_ ctx: ViewContext) -> TableModel {
        let columns = ctx.leadingColumns() + [
            Column("DESIRED", alignRight: true), Column("CURRENT", alignRight: true), Column("READY", alignRight: true),
            Column("UP-TO-DATE", alignRight: true, priority: 1), Column("AVAILABLE", alignRight: true, priority: 1),
            Column("AGE", alignRight: true, volatile: true),
        ]
        let rows = ctx.objects(ctx.state.daemonSets).map { ds -> Row in
            let st = ds.status
            return row(ctx, ds.metadata, type: .daemonSet,
                       cells: [String(st.desiredNumberScheduled), String(st.currentNumberScheduled), String(st.numberReady),
                               String(st.updatedNumberScheduled), String(st.numberAvailable)],
                       status: Format.workloadStatus(ready: st.numberReady, desired: st.desiredNumberScheduled,
                                                     terminating: ds.metadata.isTerminating),
                       replicas: nil)
        }
        return TableModel(title: ViewKind.daemonSets.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows)
    }

    private static func row(_ ctx: ViewContext, _ meta: ObjectMeta, type: ResourceType, cells: [String],
                            status: RowStatus, replicas: Int?) -> Row {
        Row(key: "\(type.singular)/\(meta.key)",
            cells: ctx.leading(meta) + cells + [Format.age(meta.creationTimestamp, now: ctx.now)],
            status: status, labels: meta.labels, createdAt: meta.creationTimestamp,
            ref: ObjectRef(type: type, namespace: meta.namespace, name: meta.name), replicas: replicas,
            drill: .page(Page(view: .pods, scope: .workload(type, meta.key))))
    }
}
