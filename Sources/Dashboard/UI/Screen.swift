import ClusterStore
import KubeModel

/// Composes a whole frame from a snapshot and the UI state: header, breadcrumbs, the table (or help), the flash
/// line or prompt, and the key hints. Pure: the same inputs give the same frame.
enum Screen {
    struct Rendered {
        var frame: Frame
        /// The cursor row and first visible row as drawn (the app stores them back into the page).
        var selectedIndex: Int?
        var top: Int
        var data: PageData
        var geometry: Geometry
    }

    static func render(state: ClusterState, ui: UIState, cols: Int, rows: Int, glyphs: Glyphs,
                       suggestion: String? = nil, data prebuilt: PageData? = nil) -> Rendered {
        let g = Geometry(cols: cols, rows: rows)
        var frame = Frame(cols: cols, rows: rows)
        let data = prebuilt ?? PageData.build(state: state, ui: ui, page: ui.page, glyphs: glyphs).shown
        let (index, top) = PageData.resolve(ui.page, data: data, bodyHeight: g.bodyHeight)
        if g.tooSmall {
            drawTooSmall(into: &frame, cols: cols, rows: rows)
            return Rendered(frame: frame, selectedIndex: index, top: top, data: data, geometry: g)
        }
        HeaderBar.draw(into: &frame, y: g.headerY, state: state, ui: ui, glyphs: glyphs)
        if let y = g.crumbsY { Chrome.crumbs(into: &frame, y: y, ui: ui) }
        if case .help = ui.mode {
            TableWidget.drawBox(into: &frame, g, glyphs: glyphs)
            HelpPage.draw(into: &frame, g, scroll: ui.helpScroll, glyphs: glyphs)
        } else if case .document(let doc) = ui.mode {
            TableWidget.drawBox(into: &frame, g, glyphs: glyphs)
            DocumentPage.draw(into: &frame, g, page: doc, state: state, glyphs: glyphs)
        } else if case .trace(let tracePage) = ui.mode {
            TableWidget.drawBox(into: &frame, g, glyphs: glyphs)
            TracePage.draw(into: &frame, g, page: tracePage, glyphs: glyphs)
        } else {
            TableWidget.draw(into: &frame, g, TableWidget.Input(
                data: data, page: ui.page, ui: ui, nowMs: state.now.milliseconds, glyphs: glyphs,
                selectedIndex: index, top: top))
        }
        if case .confirm(let message, _) = ui.mode { drawDialog(into: &frame, g, message: message, glyphs: glyphs) }
        Chrome.flash(into: &frame, y: g.flashY, ui: ui, suggestion: suggestion)
        let row = index.map { data.row(at: $0) }
        if let timeline = ui.timeline, case .normal = ui.mode {
            TimelineBar.draw(into: &frame, y: g.hintsY, timeline: timeline, glyphs: glyphs)
        } else {
            Chrome.hints(into: &frame, y: g.hintsY, ui: ui, row: row, glyphs: glyphs)
        }
        return Rendered(frame: frame, selectedIndex: index, top: top, data: data, geometry: g)
    }

    static func drawTooSmall(into frame: inout Frame, cols: Int, rows: Int) {
        let lines = ["Terminal too small", "\(cols)x\(rows), need \(Geometry.minCols)x\(Geometry.minRows)"]
        for (i, text) in lines.enumerated() {
            let y = rows / 2 - 1 + i
            frame.put(text, x: max(0, (cols - DisplayWidth.of(text)) / 2), y: y, role: i == 0 ? .flashError : .body)
        }
    }

    /// A box in the middle of the table with the question.
    static func drawDialog(into frame: inout Frame, _ g: Geometry, message: String, glyphs: Glyphs) {
        let text = DisplayWidth.truncate(message, to: g.cols - 8, ellipsis: glyphs.ellipsis)
        let buttons = "<y> yes   <n> no"
        let width = max(DisplayWidth.of(text), buttons.count) + 4
        let x = max(0, (g.cols - width) / 2)
        let y = max(g.bodyY, g.bodyY + g.bodyHeight / 2 - 2)
        for dy in 0..<5 { frame.fill(x: x, y: y + dy, width: width, role: .dialog) }
        frame.fill(x: x, y: y, width: width, role: .dialog, character: glyphs.horizontal)
        frame.fill(x: x, y: y + 4, width: width, role: .dialog, character: glyphs.horizontal)
        frame.put(text, x: x + 2, y: y + 1, role: .dialog)
        frame.put(buttons, x: x + (width - buttons.count) / 2, y: y + 3, role: .dialogButton)
    }
}
