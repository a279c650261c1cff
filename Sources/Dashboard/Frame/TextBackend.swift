/// Frames as text: plain (tests, golden files, `switchboard render`) or with ANSI SGR colour codes
/// (`switchboard render --color`).
public enum TextBackend {
    /// One line per row, trailing spaces removed, each line ending in a newline.
    public static func plain(_ frame: Frame) -> String {
        var out = ""
        out.reserveCapacity(frame.cols * frame.rows + frame.rows)
        for y in 0..<frame.rows {
            var line = frame.line(y)
            while line.last == " " { line.removeLast() }
            out += line
            out += "\n"
        }
        return out
    }

    /// Every cell, with SGR sequences wherever the style changes; each line is reset at its end.
    public static func ansi(_ frame: Frame, theme: Theme, depth: ColorDepth = .palette256) -> String {
        var out = ""
        for y in 0..<frame.rows {
            var current: TextStyle?
            for x in 0..<frame.cols {
                let cell = frame[x, y]
                if cell.isContinuation { continue }
                let style = theme.style(cell.role)
                if style != current {
                    out += sgr(style, depth: depth)
                    current = style
                }
                out.append(cell.character)
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }

    static func sgr(_ style: TextStyle, depth: ColorDepth) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let fg = colorCode(style.foreground, depth: depth, background: false) { codes.append(fg) }
        if let bg = colorCode(style.background, depth: depth, background: true) { codes.append(bg) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func colorCode(_ color: ThemeColor, depth: ColorDepth, background: Bool) -> String? {
        if depth == .trueColor, case .rgb(let r, let g, let b) = color {
            return "\(background ? 48 : 38);2;\(r);\(g);\(b)"
        }
        guard let index = ColorMapping.paletteIndex(color, depth: depth) else { return nil }
        switch index {
        case 0..<8: return String((background ? 40 : 30) + index)
        case 8..<16: return String((background ? 100 : 90) + index - 8)
        default: return "\(background ? 48 : 38);5;\(index)"
        }
    }
}
