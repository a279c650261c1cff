/// Draws a page's table: the box and its title, column headings and the visible rows, coloured by state, with
/// recent changes highlighted and the cursor row.
enum TableWidget {
    struct Input {
        var data: PageData
        var page: Page
        var ui: UIState
        var nowMs: Int64
        var glyphs: Glyphs
        var selectedIndex: Int?
        var top: Int
    }

    static func draw(into frame: inout Frame, _ g: Geometry, _ input: Input) {
        drawBox(into: &frame, g, glyphs: input.glyphs)
        drawTitle(into: &frame, g, input)
        let table = input.data.table
        let x0 = g.innerX + 1
        let width = g.innerWidth - 2
        let visible = input.data.window(top: input.top, height: g.bodyHeight)
        let placed: [TableLayout.Placed]
        if let keyed = table.keyed {
            // Widths from what is on screen, and the names from every key (so they do not jump when scrolling).
            placed = TableLayout.layout(table.columns, rows: visible, width: width, minimumNatural: keyed.leadingWidths())
        } else {
            placed = TableLayout.layout(table.columns, rows: table.rows, width: width)
        }

        frame.fill(x: g.innerX, y: g.columnHeaderY, width: g.innerWidth, role: .tableHeader)
        for p in placed {
            let title = table.columns[p.index].title
            frame.put(DisplayWidth.pad(title, to: p.width, alignRight: p.alignRight, ellipsis: input.glyphs.ellipsis),
                      x: x0 + p.x, y: g.columnHeaderY, role: .tableHeader, width: min(p.width, width - p.x))
        }

        if input.data.count == 0 {
            let text = input.data.unfilteredCount > 0 ? "No rows match the filter" : table.emptyText
            frame.put(text, x: x0, y: g.bodyY, role: .rowCompleted, width: width)
            return
        }
        let viewKey = ChangeTracker.pageKey(input.ui)
        for (offset, row) in visible.enumerated() {
            let y = g.bodyY + offset
            let selected = input.selectedIndex == input.top + offset
            let role = selected ? .cursor : rowRole(row, viewKey: viewKey, ui: input.ui, nowMs: input.nowMs)
            frame.fill(x: g.innerX, y: y, width: g.innerWidth, role: role)
            for p in placed where p.index < row.cells.count {
                let text = DisplayWidth.pad(row.cells[p.index], to: p.width, alignRight: p.alignRight,
                                            ellipsis: input.glyphs.ellipsis)
                frame.put(text, x: x0 + p.x, y: y, role: role, width: min(p.width, width - p.x))
            }
        }
    }

    /// Terminating rows keep their colour; rows added or changed in the last two virtual seconds are highlighted.
    static func rowRole(_ row: Row, viewKey: String, ui: UIState, nowMs: Int64) -> StyleRole {
        if row.traced { return .rowTraced }
        if row.status == .terminating { return .rowTerminating }
        if let created = row.createdAt?.milliseconds, nowMs >= created, nowMs - created < ChangeTracker.windowMs {
            return .rowAdded
        }
        if let highlight = ui.changes.highlight(view: viewKey, key: row.key, nowMs: nowMs) { return highlight }
        return row.status.role
    }

    static func drawBox(into frame: inout Frame, _ g: Geometry, glyphs: Glyphs) {
        guard let bottom = g.boxBottomY else { return }
        let right = g.cols - 1
        frame.fill(y: g.titleY, role: .border, character: glyphs.horizontal)
        frame.fill(y: bottom, role: .border, character: glyphs.horizontal)
        frame[0, g.titleY] = Cell(glyphs.topLeft, role: .border)
        frame[right, g.titleY] = Cell(glyphs.topRight, role: .border)
        frame[0, bottom] = Cell(glyphs.bottomLeft, role: .border)
        frame[right, bottom] = Cell(glyphs.bottomRight, role: .border)
        for y in (g.titleY + 1)..<bottom {
            frame[0, y] = Cell(glyphs.vertical, role: .border)
            frame[right, y] = Cell(glyphs.vertical, role: .border)
        }
    }

    /// `Services(all)[12]`, `[3/12]` when filtered, then the filter: ` </web> `.
    static func drawTitle(into frame: inout Frame, _ g: Geometry, _ input: Input) {
        let table = input.data.table
        let shown = input.data.count
        let count = shown == input.data.unfilteredCount ? "\(shown)" : "\(shown)/\(input.data.unfilteredCount)"
        var parts: [(String, StyleRole)] = [(" \(table.title)(", .title), (table.scopeLabel, .titleScope),
                                            (")[", .title), (count, .titleCounter), ("] ", .title)]
        if let error = input.data.filterError {
            parts.append(("<\(error)> ", .flashError))
        } else if !input.page.filter.isEmpty {
            parts.append(("</\(input.page.filter)> ", .titleFilter))
        }
        let width = parts.reduce(0) { $0 + DisplayWidth.of($1.0) }
        var x = g.compact ? 0 : max(1, (g.cols - width) / 2)
        if g.compact { frame.fill(y: g.titleY, role: .body) }
        for (text, role) in parts { x += frame.put(text, x: x, y: g.titleY, role: role, width: max(0, g.cols - 1 - x)) }
    }
}
