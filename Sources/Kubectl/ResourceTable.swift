import KubeModel

/// One column of a kind's table, as kubectl's TableColumnDefinition: priority 0 columns are always printed,
/// priority 1 only with `-o wide` (in their defined position, not necessarily at the end).
struct TableColumn: Sendable, Hashable {
    var header: String
    var wideOnly: Bool

    init(_ header: String, wideOnly: Bool = false) {
        self.header = header
        self.wideOnly = wideOnly
    }
}

/// How a table is laid out: `-o wide`, the NAMESPACE column of `-A`, and the `kind/` prefix of names when several
/// kinds are listed together. `now` is the moment ages are computed against.
public struct TableOptions: Sendable, Hashable {
    public var wide: Bool
    public var withNamespace: Bool
    public var withKind: Bool
    public var now: Timestamp

    public init(wide: Bool = false, withNamespace: Bool = false, withKind: Bool = false,
                now: Timestamp = Timestamp(milliseconds: 0)) {
        self.wide = wide
        self.withNamespace = withNamespace
        self.withKind = withKind
        self.now = now
    }
}

/// A printed table: upper-case headers and string cells, ready for `rendered` or for a view to lay out itself.
public struct ResourceTable: Sendable, Hashable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// kubectl's tabwriter layout, one line per row after the header line; empty when there are no rows (kubectl
    /// prints no header for an empty table).
    public var rendered: String { rows.isEmpty ? "" : TabWriter.format([headers] + rows) }
}

/// The columns and cells of one kind, in kubectl's order (k8s.io/kubernetes/pkg/printers/internalversion).
struct KindTable {
    var columns: [TableColumn]
    /// The column kubectl marks `format: name`, which gets the `kind/` prefix; events have none.
    var nameColumn: Int? = 0
    /// All cells of a row, wide ones included, in column order.
    var cells: @Sendable (KubeObject, RowContext) -> [String]
}

/// What a row's cells may depend on besides the object: the time ages are computed at, and `-o wide` (which stops
/// kubectl from shortening load balancer addresses).
struct RowContext {
    var now: Timestamp
    var wide: Bool
}

extension TableColumn: ExpressibleByStringLiteral {
    init(stringLiteral header: String) { self.init(header) }
}
