/// Aligns cells the way kubectl's tabwriter does (text/tabwriter with minwidth 6, padding 3, padchar ' '): every
/// column but the last is padded to the width of its widest cell plus 3, and to at least 6; the last cell of a line
/// is written as is. Widths count Unicode scalars, as Go counts runes.
public enum TabWriter {
    public static let minWidth = 6
    public static let padding = 3

    public static func format(_ lines: [[String]]) -> String {
        var widths: [Int] = []
        for line in lines {
            for (i, cell) in line.dropLast().enumerated() {
                let w = max(minWidth, cell.unicodeScalars.count + padding)
                if i < widths.count { widths[i] = max(widths[i], w) } else { widths.append(w) }
            }
        }
        var out = ""
        for line in lines {
            for (i, cell) in line.enumerated() {
                out += cell
                if i < line.count - 1 {
                    out += String(repeating: " ", count: widths[i] - cell.unicodeScalars.count)
                }
            }
            out += "\n"
        }
        return out
    }
}
