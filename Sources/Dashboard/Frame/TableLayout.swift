/// Column widths for a table in a given width: natural widths (the widest cell), low-priority columns dropped
/// while even shrunk names would not fit, then flexible columns shrunk (cut with an ellipsis) to fit.
struct TableLayout {
    struct Placed: Sendable, Hashable {
        /// Index into the table's columns.
        var index: Int
        var x: Int
        var width: Int
        var alignRight: Bool
    }

    static let gap = 2
    /// Flexible columns are not shrunk below this (unless their content is narrower).
    static let flexibleFloor = 12
    /// Essential flexible columns (names) are kept whole up to this width before optional columns are dropped.
    static let essentialCap = 48

    /// `minimumNatural`: natural widths known without the rows (the first columns'), for rows formatted on demand.
    static func layout(_ columns: [Column], rows: [Row], width: Int, minimumNatural: [Int] = []) -> [Placed] {
        var natural = columns.map { DisplayWidth.of($0.title) }
        for (i, w) in minimumNatural.enumerated() where i < natural.count { natural[i] = max(natural[i], w) }
        for row in rows {
            for (i, cell) in row.cells.enumerated() where i < natural.count {
                let w = cell.utf8.count  // fast path: ASCII cells (nearly all) have width == byte count
                if w > natural[i] { natural[i] = cell.allSatisfy(\.isASCII) ? w : max(natural[i], DisplayWidth.of(cell)) }
            }
        }
        var included = Array(columns.indices)
        func minimum(_ i: Int) -> Int {
            columns[i].flexible ? min(natural[i], max(flexibleFloor, DisplayWidth.of(columns[i].title))) : natural[i]
        }
        // Names stay whole (up to a cap) while optional columns can make room by leaving.
        func preferred(_ i: Int) -> Int {
            columns[i].flexible && columns[i].priority == 0 ? min(natural[i], max(essentialCap, minimum(i))) : minimum(i)
        }
        func total(_ widths: (Int) -> Int) -> Int {
            included.reduce(0) { $0 + widths($1) } + max(0, included.count - 1) * gap
        }
        while total(preferred) > width, let drop = included.filter({ columns[$0].priority > 0 })
            .max(by: { (columns[$0].priority, $0) < (columns[$1].priority, $1) }) {
            included.removeAll { $0 == drop }
        }
        // Shrink optional columns first, the widest first, then essential ones, down to their minimum.
        var widths = natural
        var excess = total { widths[$0] } - width
        // Then, on very narrow screens, below the minimum down to a few characters.
        for floor in [minimum, { (i: Int) in min(natural[i], 6) }] {
            while excess > 0 {
                guard let column = included.filter({ columns[$0].flexible && widths[$0] > floor($0) })
                    .max(by: { (columns[$0].priority, widths[$0], -$0) < (columns[$1].priority, widths[$1], -$1) })
                else { break }
                widths[column] -= 1
                excess -= 1
            }
        }
        // Last resort: columns from the right (the least important are last) until the rest fits.
        while excess > 0, included.count > 1 {
            let dropped = included.removeLast()
            excess -= widths[dropped] + gap
        }
        var x = 0
        var placed: [Placed] = []
        for i in included {
            placed.append(Placed(index: i, x: x, width: widths[i], alignRight: columns[i].alignRight))
            x += widths[i] + gap
        }
        return placed
    }
}
