import Simulation

/// The replay's timeline, in place of the key hints: play state, position, a bar with a tick per recorded action and
/// the knob at the position, the duration, the speed, and the last action at or before the position.
///
///     ▶ 1m05s ━━━━━━━━━●──┼────┼──────── 3m20s  2×  kill pod/frontend-7dd799cf96-4cghs -n shop
enum TimelineBar {
    static func draw(into frame: inout Frame, y: Int, timeline t: TimelineStatus, glyphs: Glyphs) {
        frame.fill(y: y, role: .body)
        let unicode = glyphs == .unicode
        let duration = max(0, t.endMs - t.startMs)
        let offset = min(max(0, t.positionMs - t.startMs), duration)
        var x = 1
        x += frame.put(t.playing ? (unicode ? "▶" : ">") : (unicode ? "⏸" : "||"), x: x, y: y, role: .menuKey) + 1
        x += frame.put(VirtualDuration.format(offset), x: x, y: y, role: .headerValue) + 1

        let last = t.marks.last { $0.atMs <= t.positionMs }
        let tail = "\(VirtualDuration.format(duration))  \(UIState.formatSpeed(t.speed))\(glyphs.times)"
        let label = last.map { "  \($0.text)" } ?? ""
        // The bar takes what is left, at least 10 cells; the action's text gets the rest.
        let room = frame.cols - x - tail.count - 3
        let width = max(10, min(room - min(label.count, room / 3), 120))
        guard width > 0 else { return }
        var cells = Array(repeating: unicode ? Character("─") : "-", count: width)
        func cell(_ ms: Int64) -> Int {
            duration == 0 ? 0 : min(width - 1, Int((Double(ms - t.startMs) / Double(duration)) * Double(width - 1)))
        }
        let knob = cell(t.positionMs)
        for i in 0..<knob { cells[i] = unicode ? "━" : "=" }
        for mark in t.marks { cells[cell(mark.atMs)] = unicode ? "┼" : "|" }
        cells[knob] = unicode ? "●" : "O"
        x += frame.put(String(cells), x: x, y: y, role: .menuText) + 1
        x += frame.put(tail, x: x, y: y, role: .headerLabel)
        if !label.isEmpty, x < frame.cols - 2 {
            frame.put(DisplayWidth.truncate(label, to: frame.cols - x - 1, ellipsis: glyphs.ellipsis), x: x, y: y,
                      role: .menuText)
        }
    }
}
