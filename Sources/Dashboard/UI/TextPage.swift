/// A full-screen page of text lines inside the table's box (describe, YAML, a trace): the lines from `scroll`, and
/// the title with the visible range when not every line fits.
enum TextPage {
    /// The text width inside the box.
    static func width(_ g: Geometry) -> Int { g.innerWidth - 2 }

    static func draw(into frame: inout Frame, _ g: Geometry, lines all: [(String, StyleRole)], scroll: Int,
                     title: String, glyphs: Glyphs) {
        let x0 = g.innerX + 1
        let width = width(g)
        let top = g.columnHeaderY
        let height = g.bodyY + g.bodyHeight - top
        for y in top..<(top + height) { frame.fill(x: g.innerX, y: y, width: g.innerWidth, role: .helpText) }
        let first = max(0, min(scroll, all.count - height))
        for (i, (text, role)) in all.dropFirst(first).prefix(height).enumerated() {
            frame.put(DisplayWidth.truncate(text, to: width, ellipsis: glyphs.ellipsis), x: x0, y: top + i, role: role,
                      width: width)
        }
        var shown = " \(title) "
        if all.count > height {
            shown = " \(title)[\(first + 1)-\(min(all.count, first + height))/\(all.count)] "
        }
        frame.put(shown, x: g.compact ? 0 : max(1, (g.cols - DisplayWidth.of(shown)) / 2), y: g.titleY, role: .title,
                  width: g.cols - 1)
    }
}
