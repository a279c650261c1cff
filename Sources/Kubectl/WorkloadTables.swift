import KubeModel

enum WorkloadTables {
    static let deployments = KindTable(
        columns: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", TableColumn("CONTAINERS", wideOnly: true),
                  TableColumn("IMAGES", wideOnly: true), TableColumn("SELECTOR", wideOnly: true)],
        cells: { object, ctx in
            guard case .deployment(let d) = object else { return [object.metadata.name] }
            let (names, images) = Cells.containers(d.spec.template.spec)
            return [d.metadata.name, "\(d.status.readyReplicas)/\(d.spec.desiredReplicas)",
                    String(d.status.updatedReplicas), String(d.status.availableReplicas), Cells.age(object, ctx),
                    names, images, d.spec.selector.selectorString]
        })

    static let replicaSets = KindTable(
        columns: ["NAME", "DESIRED", "CURRENT", "READY", "AGE", TableColumn("CONTAINERS", wideOnly: true),
                  TableColumn("IMAGES", wideOnly: true), TableColumn("SELECTOR", wideOnly: true)],
        cells: { object, ctx in
            guard case .replicaSet(let rs) = object else { return [object.metadata.name] }
            let (names, images) = Cells.containers(rs.spec.template.spec)
            return [rs.metadata.name, String(rs.spec.desiredReplicas), String(rs.status.replicas),
                    String(rs.status.readyReplicas), Cells.age(object, ctx), names, images,
                    Cells.selector(rs.spec.selector)]
        })

    static let replicationControllers = KindTable(
        columns: ["NAME", "DESIRED", "CURRENT", "READY", "AGE", TableColumn("CONTAINERS", wideOnly: true),
                  TableColumn("IMAGES", wideOnly: true), TableColumn("SELECTOR", wideOnly: true)],
        cells: { object, ctx in
            guard case .replicationController(let rc) = object else { return [object.metadata.name] }
            let (names, images) = Cells.containers(rc.spec.template.spec)
            return [rc.metadata.name, String(rc.spec.desiredReplicas), String(rc.status.replicas),
                    String(rc.status.readyReplicas), Cells.age(object, ctx), names, images,
                    Cells.labels(rc.spec.selector)]
        })

    static let statefulSets = KindTable(
        columns: ["NAME", "READY", "AGE", TableColumn("CONTAINERS", wideOnly: true),
                  TableColumn("IMAGES", wideOnly: true)],
        cells: { object, ctx in
            guard case .statefulSet(let sts) = object else { return [object.metadata.name] }
            let (names, images) = Cells.containers(sts.spec.template.spec)
            return [sts.metadata.name, "\(sts.status.readyReplicas)/\(sts.spec.desiredReplicas)",
                    Cells.age(object, ctx), names, images]
        })

    static let daemonSets = KindTable(
        columns: ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE",
                  TableColumn("CONTAINERS", wideOnly: true), TableColumn("IMAGES", wideOnly: true),
                  TableColumn("SELECTOR", wideOnly: true)],
        cells: { object, ctx in
            guard case .daemonSet(let ds) = object else { return [object.metadata.name] }
            let (names, images) = Cells.containers(ds.spec.template.spec)
            let s = ds.status
            return [ds.metadata.name, String(s.desiredNumberScheduled), String(s.currentNumberScheduled),
                    String(s.numberReady), String(s.updatedNumberScheduled), String(s.numberAvailable),
                    Cells.labels(ds.spec.template.spec.nodeSelector), Cells.age(object, ctx), names, images,
                    Cells.selector(ds.spec.selector)]
        })
}
