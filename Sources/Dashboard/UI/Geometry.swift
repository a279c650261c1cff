/// Where each part of the screen goes for a terminal size. Full layout from 80×24 (a box around the table,
/// breadcrumbs); a compact one below that; a notice below the minimum.
struct Geometry: Sendable, Hashable {
    static let minCols = 40
    static let minRows = 8

    var cols: Int
    var rows: Int
    var compact: Bool
    var tooSmall: Bool

    init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
        tooSmall = cols < Self.minCols || rows < Self.minRows
        compact = cols < 80 || rows < 24
    }

    var headerY: Int { 0 }
    var crumbsY: Int? { compact ? nil : 1 }
    /// The box's top border (full) or the title line (compact).
    var titleY: Int { compact ? 1 : 2 }
    var columnHeaderY: Int { titleY + 1 }
    var bodyY: Int { columnHeaderY + 1 }
    var bodyHeight: Int { max(0, (compact ? rows - 2 : rows - 3) - bodyY) }
    /// The box's bottom border (full layout only).
    var boxBottomY: Int? { compact ? nil : rows - 3 }
    var flashY: Int { rows - 2 }
    var hintsY: Int { rows - 1 }
    /// The table's left edge and width inside the box.
    var innerX: Int { compact ? 0 : 1 }
    var innerWidth: Int { compact ? cols : cols - 2 }
}
