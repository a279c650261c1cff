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
    /// The desired replica count, when `ref` can be scaled.
    var replicas: Int?
    var drill: DrillTarget?
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
}
