import Foundation
import Simulation

/// `t` and the trace page's keys: the URL is checked here and traced on the simulator's thread; the result page
/// scrolls, `x` shows the route on the topology, `t` traces again.
extension UIState {
    /// Keys on a trace's page: scroll, show the route on the topology, trace again, go back (the route stays marked
    /// on the topology until Esc there).
    mutating func handleTracePage(_ key: Key, _ tracePage: TracePage, bodyHeight: Int, glyphs: Glyphs,
                                  cols: Int) -> [Effect] {
        var tracePage = tracePage
        let height = max(1, bodyHeight)
        switch key {
        case .escape, .char("q"), .char("h"), .left:
            mode = .normal
            return []
        case .char("x"):
            mode = .normal
            if page.view != .topology { pages.append(Page(view: .topology)) }
            flash = Flash("the traced route is marked; esc clears it")
            return []
        case .char("t"):
            mode = .tracePrompt(LineEditor(tracePage.result.url))
            return []
        case .char(":"):
            mode = .command(LineEditor())
            return []
        case .char("j"), .down, .wheelDown, .enter: tracePage.scroll += 1
        case .char("k"), .up, .wheelUp: tracePage.scroll -= 1
        case .pageDown, .char(" "), .ctrl("f"): tracePage.scroll += height
        case .pageUp, .ctrl("b"): tracePage.scroll -= height
        case .char("g"), .home: tracePage.scroll = 0
        case .char("G"), .end: tracePage.scroll = Int.max / 2
        default: return []
        }
        tracePage.scroll = max(0, min(tracePage.scroll, tracePage.maxScroll(cols: cols, bodyHeight: bodyHeight, glyphs: glyphs)))
        mode = .trace(tracePage)
        return []
    }

    /// Checks the URL here, so a typo is reported at once; the simulator's thread runs the trace.
    mutating func startTrace(_ text: String) -> [Effect] {
        let url = text.trimmingCharacters(in: .whitespaces)
        do {
            _ = try HTTPRequest.parse(url)
        } catch {
            flash = Flash("trace: \(error)", level: .error)
            return []
        }
        flash = Flash("trace \(url)")
        return [.trace(url)]
    }
}
