import ClusterStore
import KubeModel
import Simulation
import Testing

@testable import Dashboard

@Suite struct ControllerTests {
    static let sim = TestSupport.demoSimulator()
    var state: ClusterState { Self.sim.snapshot }

    func press(_ keys: [Key], _ ui: inout UIState, height: Int = 5) -> [Effect] {
        keys.flatMap { ui.handle($0, state: state, bodyHeight: height) }
    }

    func rows(_ ui: UIState, _ state: ClusterState? = nil) -> [String] {
        PageData.build(state: state ?? self.state, ui: ui, page: ui.page, glyphs: .unicode).shown.rows.map(\.key)
    }

    @Test func movement() {
        var ui = UIState(view: .pods)
        let keys = rows(ui)
        _ = press([.char("j"), .down], &ui)
        #expect(ui.page.selectedKey == keys[2])
        _ = press([.char("k")], &ui)
        #expect(ui.page.selectedKey == keys[1])
        _ = press([.char("G")], &ui)
        #expect(ui.page.selectedKey == keys.last)
        #expect(ui.page.top == keys.count - 5)
        _ = press([.char("g")], &ui)
        #expect(ui.page.selectedKey == keys[0] && ui.page.top == 0)
        _ = press([.pageDown], &ui)
        #expect(ui.page.selectedKey == keys[5])
        _ = press([.pageUp, .up, .up], &ui)
        #expect(ui.page.selectedKey == keys[0])
        _ = press([.click(x: 3, y: 2)], &ui)
        #expect(ui.page.selectedKey == keys[2])
    }

    @Test func cursorFollowsItsObjectWhenRowsMove() throws {
        var sim = TestSupport.demoSimulator()
        var ui = UIState(view: .pods, namespace: "shop")
        _ = ui.handle(.char("G"), state: sim.snapshot, bodyHeight: 20)  // redis-2, last
        let key = ui.page.selectedKey
        #expect(key == "pod/shop/redis-2")
        // New pods sort before it: its row index changes, the cursor stays on it.
        try sim.perform(.scale(ObjectRef(type: .deployment, namespace: "shop", name: "api"), replicas: 6))
        let keys = rows(ui, sim.snapshot)
        let (index, _) = PageData.resolve(ui.page, rows: PageData.build(state: sim.snapshot, ui: ui, page: ui.page,
                                                                        glyphs: .unicode).shown.rows, bodyHeight: 20)
        #expect(index.map { keys[$0] } == key)
        // When its object goes, the cursor stays at the same position.
        try sim.perform(.kill(ObjectRef(type: .pod, namespace: "shop", name: "redis-2")))
        let after = PageData.build(state: sim.snapshot, ui: ui, page: ui.page, glyphs: .unicode).shown.rows
        let (i2, _) = PageData.resolve(ui.page, rows: after, bodyHeight: 20)
        #expect(i2 == after.count - 1 || i2 == ui.page.selectedIndex)
    }

    @Test func viewsAndNamespacesFromThePrompt() {
        var ui = UIState()
        _ = press([.char(":")] + "po shop".map { .char($0) } + [.enter], &ui)
        #expect(ui.page.view == .pods && ui.namespace == "shop")
        _ = ui.execute("ns all", state: state)
        #expect(ui.namespace == nil)
        _ = ui.execute("ns nope", state: state)
        #expect(ui.flash?.level == .error && ui.namespace == nil)
        _ = ui.execute("ing", state: state)
        #expect(ui.page.view == .ingresses && ui.pages.count == 1)
        _ = ui.execute("ns", state: state)
        #expect(ui.page.view == .namespaces)
        _ = ui.execute("help", state: state)
        #expect(ui.mode == .help)
        #expect(ui.execute("q", state: state) == [.quit])
        #expect(press([.escape, .char("q")], &ui) == [.quit])
    }

    @Test func namespaceRowsSwitchNamespace() {
        var ui = UIState()
        _ = ui.execute("ns", state: state)
        let keys = rows(ui)
        let shop = keys.firstIndex(of: "ns/shop")!
        _ = press(Array(repeating: .char("j"), count: shop) + [.enter], &ui)
        #expect(ui.namespace == "shop")
        #expect(ui.page.view == .services)
    }

    @Test func actionsFromThePromptFindTheirNamespace() {
        var ui = UIState()
        let pod = state.pods.inNamespace("blog").map(\.metadata.name).sorted()[0]
        let effects = ui.execute("kill pod/\(pod)", state: state)
        #expect(effects == [.perform(.kill(ObjectRef(type: .pod, namespace: "blog", name: pod)))])
        #expect(ui.execute("scale deploy/api --replicas=5", state: state)
                == [.perform(.scale(ObjectRef(type: .deployment, namespace: "shop", name: "api"), replicas: 5))])
        // An explicit -n wins; in a namespace, that namespace is the default.
        #expect(ui.execute("kill pod/x -n blog", state: state) == [.perform(.kill(ObjectRef(type: .pod, namespace: "blog", name: "x")))])
        ui.namespace = "shop"
        #expect(ui.execute("kill pod/x", state: state) == [.perform(.kill(ObjectRef(type: .pod, namespace: "shop", name: "x")))])
        #expect(ui.execute("advance 30s", state: state) == [.perform(.advance(milliseconds: 30_000))])
        #expect(ui.execute("frobnicate pod/x", state: state).isEmpty)
        #expect(ui.flash?.level == .error)
        #expect(ui.flash?.text.contains("unknown action") == true)
    }

    @Test func killNeedsAPod() {
        var ui = UIState(view: .services)
        #expect(press([.ctrl("k")], &ui).isEmpty)
        #expect(ui.flash?.level == .error)
        // An endpoint row kills its pod.
        ui = UIState(view: .endpoints, namespace: "shop")
        let effects = press([.ctrl("k")], &ui)
        guard case .perform(.kill(let ref))? = effects.first else {
            Issue.record("no kill from an endpoint row: \(effects)")
            return
        }
        #expect(ref.type == .pod && ref.namespace == "shop")
    }

    @Test func scaleByOne() {
        var ui = UIState(view: .deployments, namespace: "shop")
        let api = ObjectRef(type: .deployment, namespace: "shop", name: "api")
        #expect(press([.char("+")], &ui) == [.perform(.scale(api, replicas: 4))])
        #expect(press([.char("-")], &ui) == [.perform(.scale(api, replicas: 2))])
        ui = UIState(view: .pods)
        #expect(press([.char("+")], &ui).isEmpty)
        #expect(press([.char("s")], &ui).isEmpty)
        #expect(ui.flash?.level == .error)
    }

    @Test func pauseAndSpeed() {
        var ui = UIState()
        #expect(press([.char(" ")], &ui) == [.setPaused(true)])
        #expect(ui.paused)
        #expect(press([.char(">"), .char(">")], &ui) == [.setSpeed(2), .setSpeed(4)])
        #expect(press(Array(repeating: .char(">"), count: 5), &ui).last == .setSpeed(16))
        #expect(press(Array(repeating: .char("<"), count: 9), &ui).last == .setSpeed(0.25))
        #expect(press([.char(" ")], &ui) == [.setPaused(false)])
        let frame = TestSupport.frame(state, ui)
        #expect(frame.contains("speed 0.25×"))
        ui.paused = true
        #expect(TestSupport.frame(state, ui).contains("PAUSED"))
    }

    @Test func filterModeEditing() {
        var ui = UIState(view: .pods)
        _ = press([.char("/")] + "redis".map { .char($0) }, &ui)
        #expect(rows(ui).count == 3)
        _ = press([.backspace, .backspace, .backspace, .backspace, .backspace], &ui)
        #expect(ui.page.filter.isEmpty)
        _ = press([.backspace], &ui)
        #expect(ui.mode == .normal)
        _ = press([.char("/")] + "-l app.kubernetes.io/name=cart".map { .char($0) } + [.enter], &ui)
        #expect(rows(ui).count == 2)
        _ = press([.escape], &ui)
        #expect(ui.page.filter.isEmpty && rows(ui).count == state.pods.count)
    }

    @Test func lineEditorKeys() {
        var ui = UIState()
        _ = press([.char(":")] + "kill pod/x".map { .char($0) } + [.ctrl("w")], &ui)
        #expect(ui.mode == .command(LineEditor("kill ")))
        _ = press([.home, .char("#"), .end, .ctrl("u")], &ui)
        #expect(ui.mode == .command(LineEditor("")))
        _ = press([.escape], &ui)
        #expect(ui.mode == .normal)
    }

    @Test func tabAcceptsTheShownSuggestionWhole() {
        // k9s's Tab: the greyed suggestion is what Tab inserts, not just the candidates' common prefix.
        for text in ["dep", "ev", "sc", "ns sh", "scale deployment/ca", "kill pod/fr"] {
            var ui = UIState(namespace: "shop")
            ui.mode = .command(LineEditor(text))
            let suggestion = try? #require(Completion.suggestion(for: ui, state: state))
            _ = ui.handle(.tab, state: state, bodyHeight: 10)
            guard case .command(let editor) = ui.mode else { Issue.record("prompt closed"); continue }
            #expect(editor.text.hasPrefix(text + (suggestion ?? "?")), "\(text)")
            #expect(editor.cursor == editor.text.count)
        }
    }

    @Test func upAndDownStepThroughSuggestionsAndTabTakesTheOneShown() {
        var ui = UIState(namespace: "shop")
        _ = ui.handle(.char(":"), state: state, bodyHeight: 10)
        for c in "de" { _ = ui.handle(.char(c), state: state, bodyHeight: 10) }
        let all = Completion.candidates(for: "de", state: state, namespace: "shop")
        #expect(all.count >= 2)
        #expect(Completion.suggestion(for: ui, state: state) == String(all[0].dropFirst(2)))
        _ = ui.handle(.down, state: state, bodyHeight: 10)
        #expect(Completion.suggestion(for: ui, state: state) == String(all[1].dropFirst(2)))
        _ = ui.handle(.up, state: state, bodyHeight: 10)
        _ = ui.handle(.up, state: state, bodyHeight: 10)
        #expect(Completion.suggestion(for: ui, state: state) == String(all[all.count - 1].dropFirst(2)))
        _ = ui.handle(.down, state: state, bodyHeight: 10)
        _ = ui.handle(.down, state: state, bodyHeight: 10)
        _ = ui.handle(.tab, state: state, bodyHeight: 10)
        guard case .command(let editor) = ui.mode else { Issue.record("prompt closed"); return }
        #expect(editor.text.hasPrefix(all[1]))
        #expect(editor.choice == 0)
        // Typing starts again from the best suggestion.
        ui.mode = .command(LineEditor("de"))
        _ = ui.handle(.down, state: state, bodyHeight: 10)
        _ = ui.handle(.char("l"), state: state, bodyHeight: 10)
        #expect(Completion.suggestion(for: ui, state: state) == "ete")
    }

    @Test func completion() {
        #expect(Completion.complete("dep", state: state, namespace: nil) == "deployments")
        #expect(Completion.complete("deploy", state: state, namespace: nil) == "deployments")
        #expect(Completion.complete("sv", state: state, namespace: nil) == "svc")
        #expect(Completion.complete("ki", state: state, namespace: nil) == "kill ")
        #expect(Completion.complete("ns sh", state: state, namespace: nil) == "ns shop")
        #expect(Completion.complete("scale deployment/ca", state: state, namespace: "shop") == "scale deployment/cart")
        #expect(Completion.complete("zzz", state: state, namespace: nil) == "zzz")
        var ui = UIState()
        ui.mode = .command(LineEditor("ev"))
        #expect(Completion.suggestion(for: ui, state: state) == "ents")
    }

    @Test func helpScrolls() {
        var ui = UIState()
        _ = press([.char("?"), .char("j"), .char("j")], &ui)
        #expect(ui.helpScroll == 2)
        _ = press([.char("q")], &ui)
        #expect(ui.mode == .normal && ui.helpScroll == 0)
    }
}
