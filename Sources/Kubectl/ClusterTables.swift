import KubeModel

enum ClusterTables {
    /// What VERSION shows for a node whose status names no kubelet version.
    static let defaultKubeletVersion = "v1.31.0"

    static let nodes = KindTable(
        columns: ["NAME", "STATUS", "ROLES", "AGE", "VERSION", TableColumn("INTERNAL-IP", wideOnly: true),
                  TableColumn("EXTERNAL-IP", wideOnly: true), TableColumn("OS-IMAGE", wideOnly: true),
                  TableColumn("KERNEL-VERSION", wideOnly: true), TableColumn("CONTAINER-RUNTIME", wideOnly: true)],
        cells: { object, ctx in
            guard case .node(let node) = object else { return [object.metadata.name] }
            let info = node.status.nodeInfo
            func infoField(_ key: String) -> String? { info[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
            func address(_ type: String) -> String {
                node.status.addresses.first { $0.type == type }?.address ?? Cells.none
            }
            let roles = nodeRoles(node)
            return [node.metadata.name, nodeStatus(node), roles.isEmpty ? Cells.none : roles.joined(separator: ","),
                    Cells.age(object, ctx), infoField("kubeletVersion") ?? defaultKubeletVersion,
                    address("InternalIP"), address("ExternalIP"), infoField("osImage") ?? "<unknown>",
                    infoField("kernelVersion") ?? "<unknown>", infoField("containerRuntimeVersion") ?? "<unknown>"]
        })

    /// `Ready`, `NotReady` (Ready condition not True), `Unknown` (no Ready condition), plus `,SchedulingDisabled`
    /// when cordoned.
    static func nodeStatus(_ node: Node) -> String {
        var status: [String] = []
        if let ready = node.status.condition("Ready") { status.append(ready.isTrue ? "Ready" : "NotReady") }
        if status.isEmpty { status.append("Unknown") }
        if node.spec.unschedulable { status.append("SchedulingDisabled") }
        return status.joined(separator: ",")
    }

    /// findNodeRoles: `node-role.kubernetes.io/ROLE` labels and the legacy `kubernetes.io/role` label, sorted.
    static func nodeRoles(_ node: Node) -> [String] {
        var roles = Set<String>()
        for (key, value) in node.metadata.labels {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == "kubernetes.io/role", !value.isEmpty {
                roles.insert(value)
            }
        }
        return roles.sorted(by: Cells.byteOrder)
    }

    static let namespaces = KindTable(
        columns: ["NAME", "STATUS", "AGE"],
        cells: { object, ctx in
            guard case .namespace(let ns) = object else { return [object.metadata.name] }
            return [ns.metadata.name, ns.status.phase.rawValue, Cells.age(object, ctx)]
        })

    /// Events have no NAME column in the default view (so no `kind/` prefix either).
    static let events = KindTable(
        columns: ["LAST SEEN", "TYPE", "REASON", "OBJECT", TableColumn("SUBOBJECT", wideOnly: true),
                  TableColumn("SOURCE", wideOnly: true), "MESSAGE", TableColumn("FIRST SEEN", wideOnly: true),
                  TableColumn("COUNT", wideOnly: true), TableColumn("NAME", wideOnly: true)],
        nameColumn: nil,
        cells: { object, ctx in
            guard case .event(let ev) = object else { return [object.metadata.name] }
            return eventCells(ev, ctx)
        })

    /// printEvent: LAST SEEN falls back to the first time, FIRST SEEN to eventTime; a series overrides the last
    /// time and the count; OBJECT is `kind/name` in lower case.
    static func eventCells(_ ev: Event, _ ctx: RowContext) -> [String] {
        let eventTime = ev.unmodeled["eventTime"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
        let first = HumanDuration.since(ev.firstTimestamp ?? eventTime, now: ctx.now)
        var last = ev.lastTimestamp.map { HumanDuration.since($0, now: ctx.now) } ?? first
        var count = ev.count
        if let series = ev.unmodeled["series"], case .object = series {
            last = HumanDuration.since(series["lastObservedTime"]?.stringValue.flatMap(Timestamp.init(rfc3339:)),
                                       now: ctx.now)
            count = series["count"]?.intValue.map { Int($0) } ?? 0
        } else if count == 0 {
            count = 1
        }
        let kind = (ev.involvedObject.kind ?? "").lowercased()
        let target = (ev.involvedObject.name ?? "").isEmpty ? kind : "\(kind)/\(ev.involvedObject.name!)"
        let component = nonEmpty(ev.sourceComponent) ?? nonEmpty(ev.reportingComponent)
        let instance = nonEmpty(ev.sourceHost) ?? nonEmpty(ev.reportingInstance)
        let source = component.map { c in instance.map { "\(c), \($0)" } ?? c } ?? ""
        return [last, ev.type.rawValue, ev.reason ?? "", target, ev.involvedObject.fieldPath ?? "", source,
                (ev.message ?? "").trimmingWhitespace(), first, String(count), ev.metadata.name]
    }

    private static func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
}

enum ConfigTables {
    /// Only the number of keys: a Secret's values never reach a table.
    static let secrets = KindTable(
        columns: ["NAME", "TYPE", "DATA", "AGE"],
        cells: { object, ctx in
            guard case .secret(let secret) = object else { return [object.metadata.name] }
            return [secret.metadata.name, secret.type, String(secret.data.count), Cells.age(object, ctx)]
        })

    static let configMaps = KindTable(
        columns: ["NAME", "DATA", "AGE"],
        cells: { object, ctx in
            guard case .configMap(let cm) = object else { return [object.metadata.name] }
            return [cm.metadata.name, String(cm.data.count + cm.binaryData.count), Cells.age(object, ctx)]
        })

    static let serviceAccounts = KindTable(
        columns: ["NAME", "SECRETS", "AGE"],
        cells: { object, ctx in
            guard case .serviceAccount(let sa) = object else { return [object.metadata.name] }
            return [sa.metadata.name, String(sa.secrets.count), Cells.age(object, ctx)]
        })

    /// Kinds without printer columns of their own, as the API server's default table serves them.
    static let generic = KindTable(
        columns: ["NAME", "AGE"],
        cells: { object, ctx in [object.metadata.name, Cells.age(object, ctx)] })
}

extension String {
    /// strings.TrimSpace.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
