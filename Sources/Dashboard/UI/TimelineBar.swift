import Simulation

/// The replay's timeline, in place of the key hints: play state, position, a bar with a tick per recorded action and
/// the knob at the position, the duration, the speed, and the last action at or before the position.
///
///     ▶ 1m05s ━━━━━━━━━●──┼────┼──────── 3m20s  2×  kill pod/frontend-7dd799cf96-4cghs -n shop; advance 30s
enum TimelineBar {
    static func draw(into frame: inout Frame, y: Int, timeline t: TimelineStatus, glyphs: Glyphs) {
        frame.fill(y: y, role: .body)
        let unicode = glyphs == .unicode
        let duration = max(0, t.endMs - t.startMs)
        // Whole seconds: a playing position would otherwise flicker through tenths.
        let offset = min(max(0, t.positionMs - t.startMs), duration) / 1000 * 1000
        var x = 1
        x += frame.put(t.playing ? (unicode ? "▶" : ">") : (unicode ? "⏸" : "||"), x: x, y: y, role: .menuKey) + 1
        x += frame.put(VirtualDuration.format(offset), x: x, y: y, role: .headerValue) + 1

        // Every action of the newest moment at or before the position (a kill and the `advance` after it share one).
        let lastAt = t.marks.last { $0.atMs <= t.positionMs }?.atMs
        let shown = t.marks.filter { $0.atMs == lastAt }.map(\.text).joined(separator: "; ")
        let tail = "\(VirtualDuration.format(duration / 1000 * 1000))  \(UIState.formatSpeed(t.speed))\(glyphs.times)"
        let label = shown.isEmpty ? "" : "  " + shown
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
