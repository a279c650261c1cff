import KubeModel

/// kubectl's default table output for `get`: the columns each kind prints (with `-o wide` extras), ages from
/// `now - creationTimestamp`, a NAMESPACE column first with `-A`, and `kind/name` when several kinds are listed.
public enum TablePrinter {
    /// The table for objects of one kind.
    public static func table(_ type: ResourceType, _ objects: [KubeObject], options: TableOptions) -> ResourceTable {
        let kind = kindTable(type)
        let keep = kind.columns.map { options.wide || !$0.wideOnly }
        var headers = zip(kind.columns, keep).filter(\.1).map(\.0.header)
        let withNamespace = options.withNamespace && type.namespaced
        if withNamespace { headers.insert("NAMESPACE", at: 0) }
        let prefix = options.withKind ? kindPrefix(type) + "/" : ""
        let rows: [[String]] = objects.map { object in
            var all = kind.cells(object, RowContext(now: options.now, wide: options.wide))
            if let n = kind.nameColumn, n < all.count { all[n] = prefix + all[n] }
            var row = zip(all, keep).filter(\.1).map { cellText($0.0) }
            if withNamespace { row.insert(object.metadata.namespace, at: 0) }
            return row
        }
        return ResourceTable(headers: headers, rows: rows)
    }

    /// The header names for a kind (without NAMESPACE), for views that lay out columns themselves.
    public static func headers(_ type: ResourceType, wide: Bool) -> [String] {
        kindTable(type).columns.filter { wide || !$0.wideOnly }.map(\.header)
    }

    /// `deployment.apps`, `service`, `ingress.networking.k8s.io`: the lower-cased GroupKind kubectl prefixes names
    /// with (in `-o name` and in multi-kind tables).
    public static func kindPrefix(_ type: ResourceType) -> String {
        (type.group.isEmpty ? type.kind : "\(type.kind).\(type.group)").lowercased()
    }

    /// kubectl prints a cell up to its first line break, then `...`.
    static func cellText(_ s: String) -> String {
        guard let cut = s.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" || $0 == "\r\n" }) else {
            return s
        }
        return String(s[..<cut]) + "..."
    }

    static func kindTable(_ type: ResourceType) -> KindTable {
        switch type {
        case .pod: return PodTable.table
        case .service: return ServiceTable.table
        case .endpoints: return NetworkTables.endpoints
        case .endpointSlice: return NetworkTables.endpointSlices
        case .ingress: return NetworkTables.ingresses
        case .ingressClass: return NetworkTables.ingressClasses
        case .deployment: return WorkloadTables.deployments
        case .replicaSet: return WorkloadTables.replicaSets
        case .replicationController: return WorkloadTables.replicationControllers
        case .statefulSet: return WorkloadTables.statefulSets
        case .daemonSet: return WorkloadTables.daemonSets
        case .node: return ClusterTables.nodes
        case .namespace: return ClusterTables.namespaces
        case .event: return ClusterTables.events
        case .secret: return ConfigTables.secrets
        case .configMap: return ConfigTables.configMaps
        case .serviceAccount: return ConfigTables.serviceAccounts
        default: return ConfigTables.generic
        }
    }
}

/// Formatting helpers shared by the kind tables, named after the kubectl functions they mirror.
enum Cells {
    static let none = "<none>"

    static func age(_ object: KubeObject, _ ctx: RowContext) -> String {
        HumanDuration.since(object.metadata.creationTimestamp, now: ctx.now)
    }

    /// labels.FormatLabels: `k=v` pairs sorted by key, comma-joined; `<none>` when empty.
    static func labels(_ map: [String: String]?) -> String {
        guard let map, !map.isEmpty else { return none }
        return map.keys.sorted(by: byteOrder).map { "\($0)=\(map[$0]!)" }.joined(separator: ",")
    }

    /// metav1.FormatLabelSelector: the selector string, `<none>` when empty.
    static func selector(_ s: LabelSelector) -> String {
        let text = s.selectorString
        return text.isEmpty ? none : text
    }

    /// layoutContainerCells: comma-joined names and images.
    static func containers(_ spec: PodSpec) -> (names: String, images: String) {
        (spec.containers.map(\.name).joined(separator: ","), spec.containers.map(\.image).joined(separator: ","))
    }

    /// Go's sort.Strings order.
    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// The addresses of a load balancer status as kubectl lists them: IPs (or hostnames) deduplicated, sorted,
    /// comma-joined; cut to 16 characters with `...` unless wide.
    static func loadBalancer(_ entries: [(ip: String?, hostname: String?)], wide: Bool) -> String {
        var set = Set<String>()
        for e in entries {
            if let ip = e.ip, !ip.isEmpty { set.insert(ip) } else if let h = e.hostname, !h.isEmpty { set.insert(h) }
        }
        let joined = set.sorted(by: byteOrder).joined(separator: ",")
        if !wide, joined.utf8.count > 16 { return String(decoding: Array(joined.utf8.prefix(13)), as: UTF8.self) + "..." }
        return joined
    }

    /// `a,b,c + N more...` after the first three, as kubectl's list columns print.
    static func listWithMore(_ list: [String], count: Int, max: Int = 3, empty: String) -> String {
        let ret = list.prefix(max).joined(separator: ",")
        if count > max { return "\(ret) + \(count - max) more..." }
        return ret.isEmpty ? empty : ret
    }
}
