/// Remembers when rows appeared or changed, in virtual time, so the table can highlight them for a couple of
/// seconds. Updated by the app after each snapshot (`observe`); views only read it, so frames stay pure.
public struct ChangeTracker: Sendable {
    /// How long a change stays highlighted, in virtual milliseconds.
    public static let windowMs: Int64 = 2000

    private var fingerprints: [String: [String: Int]] = [:]
    private var changedAt: [String: Int64] = [:]
    private var addedAt: [String: Int64] = [:]

    public init() {}

    /// Rows are tracked per page as shown (view, scope and namespace), so a drill-down's subset does not make the
    /// full view's rows look new.
    static func pageKey(_ ui: UIState) -> String { "\(ui.namespace ?? "*")|\(ui.page.crumb)" }

    /// Records the rows a view shows now. The first look at a view records without highlighting anything.
    mutating func observe(view: String, table: TableModel, nowMs: Int64) {
        var next: [String: Int] = [:]
        next.reserveCapacity(table.rows.count)
        let previous = fingerprints[view]
        for row in table.rows {
            var h = Hasher()
            h.combine(row.status)
            for (i, cell) in row.cells.enumerated() where i >= table.columns.count || !table.columns[i].volatile {
                h.combine(cell)
            }
            let fingerprint = h.finalize()
            next[row.key] = fingerprint
            if let previous {
                switch previous[row.key] {
                case nil: addedAt[view + "|" + row.key] = nowMs
                case let old? where old != fingerprint: changedAt[view + "|" + row.key] = nowMs
                default: break
                }
            }
        }
        fingerprints[view] = next
        if changedAt.count + addedAt.count > 256 {
            changedAt = changedAt.filter { nowMs - $0.value < Self.windowMs }
            addedAt = addedAt.filter { nowMs - $0.value < Self.windowMs }
        }
    }

    /// The highlight for a row now, if it was added or changed within the window.
    func highlight(view: String, key: String, nowMs: Int64) -> StyleRole? {
        let k = view + "|" + key
        if let t = addedAt[k], nowMs - t < Self.windowMs, nowMs >= t { return .rowAdded }
        if let t = changedAt[k], nowMs - t < Self.windowMs, nowMs >= t { return .rowChanged }
        return nil
    }
}
