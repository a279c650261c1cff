import ClusterStore
import KubeModel
import Simulation
import Testing

@testable import Dashboard

@Suite("Replay controls")
struct ReplayControlTests {
    static let sim = TestSupport.demoSimulator()
    var state: ClusterState { Self.sim.snapshot }
    static let marks = [TimelineMark(atMs: 0, text: "settle"), TimelineMark(atMs: 20_000, text: "scale"),
                        TimelineMark(atMs: 40_000, text: "kill"), TimelineMark(atMs: 40_000, text: "advance 30s")]

    func replayUI(at position: Int64 = 25_000) -> UIState {
        var ui = UIState(view: .pods)
        ui.timeline = TimelineStatus(positionMs: position, startMs: 0, endMs: 70_000, playing: false, speed: 1,
                                     marks: Self.marks)
        return ui
    }

    func press(_ keys: [Key], _ ui: inout UIState) -> [Effect] {
        keys.flatMap { ui.handle($0, state: state, bodyHeight: 10) }
    }

    @Test("Arrows step between actions, [ ] jump 10 s, 0 and $ go to the ends, b branches")
    func keys() {
        var ui = replayUI()
        #expect(press([.left], &ui) == [.seek(.previousAction)])
        #expect(press([.right], &ui) == [.seek(.nextAction)])
        #expect(press([.char("[")], &ui) == [.seek(.by(-10_000))])
        #expect(press([.char("]")], &ui) == [.seek(.by(10_000))])
        #expect(press([.char("0")], &ui) == [.seek(.start)])
        #expect(press([.char("$")], &ui) == [.seek(.end)])
        #expect(press([.char("b")], &ui) == [.branch])
        #expect(press([.char(" ")], &ui) == [.setPaused(true)])
        #expect(press([.char(">")], &ui) == [.setSpeed(2)])
    }

    @Test("Seek targets: actions before and after, clamped to the recording")
    func targets() {
        func t(_ s: SeekTarget, _ from: Int64) -> Int64 {
            ReplayRunner.target(s, from: from, start: 0, end: 70_000, marks: Self.marks)
        }
        #expect(t(.nextAction, 25_000) == 40_000)
        #expect(t(.nextAction, 40_000) == 70_000)
        #expect(t(.previousAction, 25_000) == 20_000)
        #expect(t(.previousAction, 20_000) == 0)
        #expect(t(.previousAction, 0) == 0)
        #expect(t(.by(-10_000), 5_000) == 0)
        #expect(t(.by(10_000), 65_000) == 70_000)
        #expect(t(.to(33_000), 0) == 33_000)
        #expect(t(.end, 0) == 70_000 && t(.start, 50_000) == 0)
    }

    @Test("Keys that would change the cluster explain that a replay is read-only")
    func readOnly() {
        var ui = replayUI()
        for key in [Key.ctrl("k"), .ctrl("d"), .char("s"), .char("+"), .char("-")] {
            ui.flash = nil
            #expect(press([key], &ui).isEmpty)
            #expect(ui.flash?.text == UIState.readOnlyMessage)
            #expect(ui.mode == .normal)
        }
        ui.flash = nil
        let effects = press([.char(":")] + "kill pod/redis-0 -n shop".map { .char($0) } + [.enter], &ui)
        #expect(effects.isEmpty)
        #expect(ui.flash == Flash(UIState.readOnlyMessage, level: .error))
    }

    @Test(":goto takes a time from the start; bad input and live clusters get a message")
    func goto() {
        var ui = replayUI()
        #expect(press([.char(":")] + "goto 1m05s".map { .char($0) } + [.enter], &ui) == [.seek(.to(65_000))])
        #expect(press([.char(":")] + "goto soon".map { .char($0) } + [.enter], &ui).isEmpty)
        #expect(ui.flash == Flash("goto: expected a time from the start, e.g. :goto 1m30s", level: .error))
        var live = UIState(view: .pods)
        #expect(press([.char(":")] + "goto 5s".map { .char($0) } + [.enter], &live).isEmpty)
        #expect(live.flash?.level == .error)
    }

    @Test("The timeline bar replaces the key hints: play state, position, ticks, knob, duration, the moment's actions")
    func timelineBar() throws {
        let ui = replayUI(at: 40_000)
        let text = try Renderer.render(view: "pods", state: state, size: (120, 30), color: false, theme: nil)
        #expect(text.contains("<q> quit"))
        let frame = Renderer.renderFrame(state: state, ui: ui, cols: 120, rows: 30)
        let lines = TextBackend.plain(frame).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bar = try #require(lines.last { $0.contains("⏸") })
        #expect(bar.hasPrefix(" ⏸ 40s ┼"))
        #expect(bar.contains("●") && bar.contains("━"))
        #expect(bar.contains("1m10s  1×  kill; advance 30s"))
        #expect(!lines.contains { $0.contains("<q> quit") })
        let ascii = TextBackend.plain(Renderer.renderFrame(state: state, ui: ui, cols: 120, rows: 30, glyphs: .ascii))
        #expect(ascii.contains(" || 40s |====="))
    }
}
