/// How many terminal columns text takes, as `wcwidth` would count it: combining marks take none, East Asian wide
/// characters and emoji take two. Computed here (not by `wcwidth`) so frames do not depend on the process locale.
enum DisplayWidth {
    static func of(_ c: Character) -> Int {
        if c.isASCII { return 1 }
        guard let first = c.unicodeScalars.first else { return 0 }
        return width(of: first)
    }

    static func of(_ s: some StringProtocol) -> Int {
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 1 }  // shown as a replacement, one column
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Text cut to at most `width` columns; when cut, the last column is `ellipsis`.
    static func truncate(_ s: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if s.utf8.count <= width, s.allSatisfy(\.isASCII) { return s }
        if of(s) <= width { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// Text padded with spaces (or cut) to exactly `width` columns.
    static func pad(_ s: String, to width: Int, alignRight: Bool = false, ellipsis: Character = "…") -> String {
        let cut = truncate(s, to: width, ellipsis: ellipsis)
        let gap = max(0, width - of(cut))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + cut : cut + spaces
    }
}
