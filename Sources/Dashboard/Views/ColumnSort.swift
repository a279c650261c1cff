/// Sorting a table by one column with k9s's shift-letter keys: the same key again reverses the order. Stable: rows
/// that compare equal keep the view's own order. The sorted column's heading carries ↑ or ↓.
public struct ColumnSort: Sendable, Hashable {
    /// The column's title (`NAME`, `AGE` …) as the view names it.
    public var column: String
    public var ascending: Bool

    public init(column: String, ascending: Bool) {
        self.column = column
        self.ascending = ascending
    }

    /// k9s's keys: shift-N name, shift-A age, and in the views that have them shift-R ready, shift-S status,
    /// shift-T restarts (or type), shift-I IP, shift-O node, shift-P namespace, shift-U up-to-date, shift-L available.
    /// Each letter lists the titles it sorts, first match wins.
    static let keys: [Character: [String]] = [
        "N": ["NAME"], "A": ["AGE", "LAST SEEN"], "R": ["READY"], "S": ["STATUS", "STATE"],
        "T": ["RESTARTS", "TYPE"], "I": ["IP", "CLUSTER-IP", "ADDRESS", "INTERNAL-IP"], "O": ["NODE"],
        "P": ["NAMESPACE"], "U": ["UP-TO-DATE"], "L": ["AVAILABLE"],
    ]

    /// Columns whose natural first order is the largest value (k9s sorts restarts that way).
    static let descendingFirst: Set<String> = ["RESTARTS", "COUNT"]

    /// The column a shift-letter sorts in a table, if it has one. `marks` are the ↑/↓ a sorted heading carries.
    static func column(for letter: Character, in columns: [Column], marks: [String] = []) -> String? {
        guard let titles = keys[letter] else { return nil }
        for title in titles where columns.contains(where: { c in
            c.title == title || (c.title.hasPrefix(title) && marks.contains(String(c.title.dropFirst(title.count))))
        }) {
            return title
        }
        return nil
    }

    /// The next sort after pressing the key for `column`: the same column flips, another starts in its natural order.
    static func toggled(_ current: ColumnSort?, column: String) -> ColumnSort {
        if let current, current.column == column { return ColumnSort(column: column, ascending: !current.ascending) }
        return ColumnSort(column: column, ascending: !descendingFirst.contains(column))
    }

    /// Rows sorted by the column (stable; rows without the cell sort last).
    func apply(_ rows: [Row], columns: [Column]) -> [Row] {
        guard let index = columns.firstIndex(where: { $0.title == column }) else { return rows }
        let kind = SortValue.Kind(title: column)
        return order(rows) { row in index < row.cells.count ? SortValue(row.cells[index], kind: kind) : nil }
    }

    /// Items in this sort's order of their values (stable; items without a value last).
    func order<T>(_ items: [T], by value: (T) -> SortValue?) -> [T] {
        let keyed = items.enumerated().map { (i, item) in (i, value(item), item) }
        let sorted = keyed.sorted { a, b in
            switch (a.1, b.1) {
            case (nil, nil): return a.0 < b.0
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x == y { return a.0 < b.0 }
                return ascending ? x < y : y < x
            }
        }
        return sorted.map(\.2)
    }
}

/// A cell read as what it holds: a duration (AGE), a ratio (READY 2/3), a count (RESTARTS `2 (45s ago)`), an IPv4
/// address, or text.
enum SortValue: Comparable {
    case number(Double, Double)
    case text(String)

    enum Kind {
        case duration, ratio, count, address, text

        init(title: String) {
            switch title {
            case "AGE", "LAST SEEN": self = .duration
            case "READY", "ENDPOINTS": self = .ratio
            case "RESTARTS", "COUNT", "PODS", "DESIRED", "CURRENT", "UP-TO-DATE", "AVAILABLE": self = .count
            case "IP", "CLUSTER-IP", "ADDRESS", "INTERNAL-IP": self = .address
            default: self = .text
            }
        }
    }

    init(_ cell: String, kind: Kind) {
        switch kind {
        case .duration:
            if let ms = SortValue.duration(cell) { self = .number(ms, 0); return }
        case .ratio:
            let parts = cell.split(separator: "/")
            if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]) {
                self = .number(b == 0 ? 0 : a / b, a)
                return
            }
        case .count:
            if let n = Double(cell.prefix { $0.isNumber }) { self = .number(n, 0); return }
        case .address:
            let octets = cell.split(separator: ":").first?.split(separator: ".").compactMap { Double($0) } ?? []
            if octets.count == 4 {
                self = .number(octets.reduce(0) { $0 * 256 + $1 }, 0)
                return
            }
        case .text: break
        }
        self = .text(cell.lowercased())
    }

    /// kubectl's short durations (`45s`, `5m12s`, `3h`, `2d4h`, `400d`, `2y30d`) in milliseconds.
    static func duration(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        var sawUnit = false
        for c in text {
            if c.isNumber {
                number.append(c)
                continue
            }
            guard let n = Double(number) else { return nil }
            let scale: Double
            switch c {
            case "s": scale = 1000
            case "m": scale = 60_000
            case "h": scale = 3_600_000
            case "d": scale = 86_400_000
            case "y": scale = 365 * 86_400_000
            default: return nil
            }
            total += n * scale
            number = ""
            sawUnit = true
        }
        return sawUnit && number.isEmpty ? total : nil
    }

    static func < (a: SortValue, b: SortValue) -> Bool {
        switch (a, b) {
        case (.number(let x1, let x2), .number(let y1, let y2)): return (x1, x2) < (y1, y2)
        case (.number, .text): return true
        case (.text, .number): return false
        case (.text(let x), .text(let y)): return x < y
        }
    }
}
