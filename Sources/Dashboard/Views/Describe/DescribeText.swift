/// Lines built the way kubectl's describe output is: an indentation level plus tab-separated cells per line,
/// aligned as Go's text/tabwriter (padding 2) aligns them. A column lines up across consecutive lines that have a
/// cell in it; a line without that cell ends the block, which is why kubectl's sections align independently.
struct DescribeText {
    private var raw: [String] = []

    /// Adds a line at indentation `level` (two spaces each); `cells` are joined by tabs.
    mutating func line(_ level: Int, _ cells: String...) {
        line(level, cells: cells)
    }

    /// A line of cells given as an array. Tabs and line breaks inside a value (an annotation can hold anything)
    /// become spaces, so a value can neither add cells nor lines.
    mutating func line(_ level: Int, cells: [String]) {
        let clean = cells.map { cell in
            cell.contains(where: { $0 == "\t" || $0.isNewline })
                ? String(cell.map { $0 == "\t" || $0.isNewline ? " " : $0 }) : cell
        }
        raw.append(String(repeating: "  ", count: level) + clean.joined(separator: "\t"))
    }

    /// `Labels:  a=b` with further pairs on their own lines, aligned under the first value.
    mutating func map(_ level: Int, _ title: String, _ values: [String: String], separator: String = "=") {
        let pairs = values.sorted { $0.key < $1.key }.map { "\($0.key)\(separator)\($0.value)" }
        guard let first = pairs.first else {
            line(level, title, "<none>")
            return
        }
        line(level, title, first)
        for pair in pairs.dropFirst() { line(level, "", pair) }
    }

    mutating func blank() { raw.append("") }

    /// The aligned text, one string per line.
    func rendered() -> [String] {
        let lines = raw.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var widths = lines.map { Array(repeating: 0, count: max(0, $0.count - 1)) }
        let maxColumns = lines.map { $0.count - 1 }.max() ?? 0
        for column in 0..<max(0, maxColumns) {
            var start = 0
            while start < lines.count {
                guard lines[start].count - 1 > column else { start += 1; continue }
                var end = start
                var width = 0
                while end < lines.count, lines[end].count - 1 > column {
                    width = max(width, DisplayWidth.of(lines[end][column]))
                    end += 1
                }
                for i in start..<end { widths[i][column] = width + 2 }
                start = end
            }
        }
        return lines.enumerated().map { i, cells in
            var out = ""
            for (c, cell) in cells.enumerated() {
                if c < cells.count - 1 {
                    out += cell + String(repeating: " ", count: max(0, widths[i][c] - DisplayWidth.of(cell)))
                } else {
                    out += cell
                }
            }
            // tabwriter keeps trailing padding only when a cell follows; trim what an empty last cell leaves.
            while out.last == " " { out.removeLast() }
            return out
        }
    }
}
