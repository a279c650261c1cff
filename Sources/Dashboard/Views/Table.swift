import ClusterStore
import KubeModel
import Simulation

/// A column of a table view.
struct Column: Sendable, Hashable {
    var title: String
    var alignRight = false
    /// 0: always shown; columns with higher numbers are dropped first when the terminal is narrow.
    var priority = 0
    /// May be cut with an ellipsis when space is short (names, messages); others keep their natural width.
    var flexible = false
    /// Changes with time alone (AGE, LAST SEEN): left out of the row's change fingerprint.
    var volatile = false

    init(_ title: String, alignRight: Bool = false, priority: Int = 0, flexible: Bool = false, volatile: Bool = false) {
        self.title = title
        self.alignRight = alignRight
        self.priority = priority
        self.flexible = flexible
        self.volatile = volatile
    }
}

/// How a row is coloured.
enum RowStatus: Sendable, Hashable {
    case normal, pending, error, terminating, completed

    var role: StyleRole {
        switch self {
        case .normal: .rowNormal
        case .pending: .rowPending
        case .error: .rowError
        case .terminating: .rowTerminating
        case .completed: .rowCompleted
        }
    }
}

/// Where Enter on a row goes.
enum DrillTarget: Sendable, Hashable {
    case page(Page)
    case namespace(String)
}

/// One row of a table view, already formatted.
struct Row: Sendable {
    /// Identifies the object across snapshots (the cursor follows it, highlights are keyed by it).
    var key: String
    var cells: [String]
    var status: RowStatus = .normal
    /// For `/-l selector` filters.
    var labels: [String: String] = [:]
    /// For the "recently added" highlight.
    var createdAt: Timestamp?
    /// The object kill and delete apply to (for an endpoint: its pod).
    var ref: ObjectRef?
    /// The object `d` and `y` show when it is not `ref` (an endpoint row describes its EndpointSlice).
    var subject: ObjectRef?
    /// The desired replica count, when `ref` can be scaled.
    var replicas: Int?
    var drill: DrillTarget?
    /// On the route of the trace on screen (drawn in the traced role).
    var traced = false
    /// What `t` offers to trace from this row (an Ingress route's host and path, a Service's DNS name and port).
    var traceURL: String?

    /// What describe and YAML show for this row.
    var describable: ObjectRef? { subject ?? ref }
}

/// What a view shows: a title, columns and rows (sorted, not yet filtered).
struct TableModel: Sendable {
    var title: String
    /// The namespace or drill-down scope shown in the title.
    var scopeLabel: String
    var columns: [Column]
    var rows: [Row]
    /// Shown when there are no rows.
    var emptyText = "No resources"
    /// Whether shift-letter column sorting applies (the topology is a tree: its order is its meaning).
    var sortable = true
    /// Large views (pods) leave `rows` empty and give sorted keys instead; only the rows on screen are formatted.
    var keyed: KeyedRows?
}

/// Rows of a table kept as sorted object keys and formatted on demand, so a frame costs what is visible rather
/// than what is in the store. Filters match the namespace and name (the cheap, identifying cells) and labels.
struct KeyedRows: Sendable {
    /// The row key of an object is `prefix + namespace/name` (`pod/shop/api-1`).
    var prefix: String
    /// Sorted by `ObjectKey.<` (namespace, then name), unless a column sort reordered them (`inKeyOrder` false).
    var keys: [ObjectKey]
    var inKeyOrder = true
    /// Whether the namespace is a cell (it then counts for text filters and the NAMESPACE column's width).
    var showsNamespace: Bool
    var format: @Sendable (ObjectKey) -> Row
    var labels: @Sendable (ObjectKey) -> [String: String]

    func rowKey(_ key: ObjectKey) -> String { prefix + key.description }

    /// The position of a row key in `keys` (binary search; keys are sorted).
    func index(of rowKey: String) -> Int? {
        guard rowKey.hasPrefix(prefix) else { return nil }
        let rest = rowKey.dropFirst(prefix.count)
        let target: ObjectKey
        if let slash = rest.firstIndex(of: "/") {
            target = ObjectKey(namespace: String(rest[..<slash]), name: String(rest[rest.index(after: slash)...]))
        } else {
            target = ObjectKey(namespace: "", name: String(rest))
        }
        guard inKeyOrder else { return keys.firstIndex(of: target) }
        let i = keys.partitionPoint { $0 < target }
        return i < keys.count && keys[i] == target ? i : nil
    }

    /// Natural widths of the leading (namespace, name) columns over every key, without formatting rows.
    func leadingWidths() -> [Int] {
        var ns = 0, name = 0
        for k in keys {
            if showsNamespace { ns = max(ns, k.namespace.utf8.count) }
            name = max(name, k.name.utf8.count)
        }
        return showsNamespace ? [ns, name] : [name]
    }
}
