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
            let fingerprint = Self.fingerprint(row, columns: table.columns)
            next[row.key] = fingerprint
            if let previous { note(view: view, key: row.key, old: previous[row.key], new: fingerprint, nowMs: nowMs) }
        }
        fingerprints[view] = next
        prune(nowMs: nowMs)
    }

    /// Records only the rows on screen (large views are formatted no further). Rows remembered from earlier frames
    /// are kept, so scrolling back does not make rows look changed; a row seen for the first time counts as added
    /// only if the window did not move (scrolling or filtering brings rows into view that are not new).
    mutating func observe(view: String, columns: [Column], visible rows: [Row], window: String, nowMs: Int64) {
        let known = fingerprints[view]
        let sameWindow = windows[view] == window
        var map = known ?? [:]
        if map.count > 8192 { map = [:] }
        for row in rows {
            let fingerprint = Self.fingerprint(row, columns: columns)
            let old = map[row.key]
            map[row.key] = fingerprint
            if known != nil, old != nil || sameWindow {
                note(view: view, key: row.key, old: old, new: fingerprint, nowMs: nowMs)
            }
        }
        fingerprints[view] = map
        windows[view] = window
        prune(nowMs: nowMs)
    }

    private var windows: [String: String] = [:]

    private static func fingerprint(_ row: Row, columns: [Column]) -> Int {
        var h = Hasher()
        h.combine(row.status)
        for (i, cell) in row.cells.enumerated() where i >= columns.count || !columns[i].volatile {
            h.combine(cell)
        }
        return h.finalize()
    }

    private mutating func note(view: String, key: String, old: Int?, new: Int, nowMs: Int64) {
        switch old {
        case nil: addedAt[view + "|" + key] = nowMs
        case let old? where old != new: changedAt[view + "|" + key] = nowMs
        default: break
        }
    }

    private mutating func prune(nowMs: Int64) {
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
