/// A colour as a skin names it: the terminal's own (`default`), one of the 256 palette entries (the 16 basic
/// names map to 0–15, as tcell maps them), or an RGB value.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case palette(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// How many colours the output can show.
public enum ColorDepth: Sendable, Hashable, Comparable {
    case none, eight, sixteen, palette256, trueColor

    /// The depth for a terminal reporting `colors` colours (ncurses' COLORS, terminfo's `colors`).
    public static func forColorCount(_ colors: Int) -> ColorDepth {
        switch colors {
        case ..<8: return .none
        case 8..<16: return .eight
        case 16..<256: return .sixteen
        default: return .palette256
        }
    }
}

/// Colours reduced to what a terminal can show.
enum ColorMapping {
    /// The xterm palette's RGB for entries 0–255 (the 16 basic ones as xterm draws them).
    static func rgb(ofPalette index: Int) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128), (0, 128, 128),
            (192, 192, 192), (128, 128, 128), (255, 0, 0), (0, 255, 0), (255, 255, 0), (0, 0, 255), (255, 0, 255),
            (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[max(0, index)] }
        if index < 232 {
            let i = index - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let g = 8 + (index - 232) * 10
        return (g, g, g)
    }

    /// The palette index (or nil for the terminal default) that shows `color` at `depth`.
    static func paletteIndex(_ color: ThemeColor, depth: ColorDepth) -> Int? {
        switch color {
        case .terminalDefault: return nil
        case .palette(let n):
            switch depth {
            case .none: return nil
            case .eight: return n < 16 ? n % 8 : nearest(rgb(ofPalette: n), among: 8)
            case .sixteen: return n < 16 ? n : nearest(rgb(ofPalette: n), among: 16)
            case .palette256, .trueColor: return n
            }
        case .rgb(let r, let g, let b):
            let c = (Int(r), Int(g), Int(b))
            switch depth {
            case .none: return nil
            case .eight: return nearest(c, among: 8)
            case .sixteen: return nearest(c, among: 16)
            case .palette256, .trueColor: return nearest256(c)
            }
        }
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        // Weighted for the eye (the "redmean" approximation is overkill here).
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }

    private static func nearest(_ c: (Int, Int, Int), among count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for i in 0..<count {
            let d = distance(c, rgb(ofPalette: i))
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }

    /// The nearest of the 6×6×6 cube and the grey ramp (never the 16 basic entries, which terminals redefine).
    static func nearest256(_ c: (Int, Int, Int)) -> Int {
        func step(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
        let cube = 16 + 36 * step(c.0) + 6 * step(c.1) + step(c.2)
        let average = (c.0 + c.1 + c.2) / 3
        let greyIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 232 + min(23, greyIndex)
        return distance(c, rgb(ofPalette: grey)) < distance(c, rgb(ofPalette: cube)) ? grey : cube
    }
}
