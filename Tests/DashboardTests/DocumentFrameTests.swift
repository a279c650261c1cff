import ClusterStore
import KubeModel
import Simulation
import Testing

@testable import Dashboard

/// The describe (`d`) and YAML (`y`) pages as frames: opened from a row, scrolled, switched, closed.
@Suite struct DocumentFrameTests {
    static let sim = TestSupport.demoSimulator()

    func press(_ keys: [Key], _ ui: inout UIState, cols: Int = 80, rows: Int = 24) -> [Effect] {
        let height = Geometry(cols: cols, rows: rows).bodyHeight
        return keys.flatMap { ui.handle($0, state: Self.sim.snapshot, bodyHeight: height, cols: cols) }
    }

    func shopServices() -> UIState {
        var ui = UIState(view: .services, namespace: "shop")
        ui.epoch = Self.sim.config.epoch
        ui.contextName = "demo-cluster"
        return ui
    }

    @Test func describeOpensOnTheSelectedRowAndEscGoesBack() {
        var ui = shopServices()
        _ = press([.char("d")], &ui)
        #expect(ui.mode == .document(DocumentPage(kind: .describe, ref: ObjectRef(type: .service, namespace: "shop", name: "api"))))
        TestSupport.expectGolden(TestSupport.frame(Self.sim.snapshot, ui, 80, 24), "describe-svc-80x24")
        TestSupport.expectGolden(TestSupport.frame(Self.sim.snapshot, ui, 120, 40), "describe-svc-120x40")
        _ = press([.escape], &ui)
        #expect(ui.mode == .normal)
        #expect(ui.page.view == .services)
    }

    @Test func describeScrollsAndStopsAtTheEnd() {
        var ui = shopServices()
        _ = press([.char("d"), .char("j"), .char("j"), .char("j")], &ui)
        guard case .document(let doc) = ui.mode else { Issue.record("not a document"); return }
        #expect(doc.scroll == 3)
        TestSupport.expectGolden(TestSupport.frame(Self.sim.snapshot, ui, 80, 24), "describe-svc-scrolled")
        _ = press([.char("G")], &ui)
        guard case .document(let end) = ui.mode else { Issue.record("not a document"); return }
        let height = Geometry(cols: 80, rows: 24).bodyHeight
        #expect(end.scroll == end.maxScroll(state: Self.sim.snapshot, cols: 80, bodyHeight: height))
        _ = press([.char("j")], &ui)
        #expect(ui.mode == .document(end))
        _ = press([.char("g")], &ui)
        guard case .document(let top) = ui.mode else { Issue.record("not a document"); return }
        #expect(top.scroll == 0)
    }

    @Test func yamlShowsTheObjectAsServed() {
        var ui = shopServices()
        _ = press([.char("j"), .char("y")], &ui)  // cart
        let text = TestSupport.frame(Self.sim.snapshot, ui, 80, 24)
        #expect(text.contains("YAML(shop/cart)"))
        #expect(text.contains("apiVersion: v1"))
        TestSupport.expectGolden(text, "yaml-svc-80x24")
        _ = press([.char("d")], &ui)
        #expect(ui.mode == .document(DocumentPage(kind: .describe, ref: ObjectRef(type: .service, namespace: "shop", name: "cart"))))
    }

    @Test func yamlInColourMatchesGolden() throws {
        var ui = shopServices()
        _ = press([.char("y")], &ui)
        let frame = Renderer.renderFrame(state: Self.sim.snapshot, ui: ui, cols: 80, rows: 24)
        TestSupport.expectGolden(TextBackend.ansi(frame, theme: Themes.standard, depth: .palette256), "yaml-svc-80x24-color")
    }

    @Test func wWrapsLongLines() {
        var ui = UIState(view: .pods, namespace: "shop")
        ui.epoch = Self.sim.config.epoch
        _ = press([.char("d"), .char("G")], &ui)
        let cut = TestSupport.frame(Self.sim.snapshot, ui, 80, 24)
        #expect(cut.contains("…"))
        _ = press([.char("w"), .char("G")], &ui)
        guard case .document(let doc) = ui.mode else { Issue.record("not a document"); return }
        #expect(doc.wrap)
        let wrapped = TestSupport.frame(Self.sim.snapshot, ui, 80, 24)
        TestSupport.expectGolden(wrapped, "describe-pod-wrapped-end")
        #expect(DocumentPage.cut("abcdef", width: 4) == ["abcd", "ef"])
        #expect(DocumentPage.cut("ab", width: 4) == ["ab"])
        #expect(DocumentPage.cut("日本語", width: 4) == ["日本", "語"])
        _ = press([.char("y")], &ui)
        guard case .document(let yaml) = ui.mode else { Issue.record("not a document"); return }
        #expect(yaml.kind == .yaml && yaml.wrap)
    }

    @Test func describeInColourMatchesGolden() {
        var ui = shopServices()
        _ = press([.char("d")], &ui, cols: 120, rows: 40)
        let frame = Renderer.renderFrame(state: Self.sim.snapshot, ui: ui, cols: 120, rows: 40)
        TestSupport.expectGolden(TextBackend.ansi(frame, theme: Themes.standard, depth: .palette256), "describe-svc-120x40-color")
    }

    @Test func endpointRowsDescribeTheirSliceAndEventsDescribeTheEvent() {
        var ui = UIState(view: .endpoints, namespace: "shop")
        _ = press([.char("d")], &ui)
        guard case .document(let doc) = ui.mode else { Issue.record("not a document"); return }
        #expect(doc.ref.type == .endpointSlice)
        ui = UIState(view: .namespaces)
        _ = press([.char("d")], &ui)
        guard case .document(let ns) = ui.mode else { Issue.record("not a document"); return }
        #expect(ns.ref == ObjectRef(type: .namespace, name: "blog"))
    }

    @Test func describeOfAnObjectThatIsGoneSaysSo() {
        var ui = shopServices()
        ui.mode = .document(DocumentPage(kind: .describe, ref: ObjectRef(type: .pod, namespace: "shop", name: "gone-1")))
        #expect(TestSupport.frame(Self.sim.snapshot, ui, 80, 24).contains("Pod shop/gone-1 no longer exists."))
    }

    @Test func compactDescribeMatchesGolden() {
        var ui = shopServices()
        _ = press([.char("d")], &ui, cols: 60, rows: 16)
        TestSupport.expectGolden(TestSupport.frame(Self.sim.snapshot, ui, 60, 16), "describe-svc-60x16")
    }
}
