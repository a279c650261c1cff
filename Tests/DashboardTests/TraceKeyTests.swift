import ClusterStore
import KubeModel
import Simulation
import Testing

@testable import Dashboard

/// `t`: a URL prompt prefilled from the selected row, the trace's page (hops, status, reason), and its route marked
/// on the topology.
@Suite struct TraceKeyTests {
    static let sim = TestSupport.demoSimulator()
    static let url = "http://shop.example.com/api"

    static func trace(_ url: String = url) throws -> Trace {
        var probe = sim
        return probe.trace(try HTTPRequest.parse(url))
    }

    static func ui(_ view: ViewKind, namespace: String? = "shop") -> UIState {
        var ui = UIState(view: view, namespace: namespace)
        ui.epoch = sim.config.epoch
        ui.contextName = "demo-cluster"
        return ui
    }

    static func rows(_ ui: UIState) -> [Row] {
        PageData.build(state: sim.snapshot, ui: ui, page: ui.page, glyphs: .unicode).shown.rows
    }

    func select(_ ui: inout UIState, where match: (Row) -> Bool) throws {
        let found = Self.rows(ui).first(where: match)
        let row = try #require(found)
        ui.page.selectedKey = row.key
    }

    func frame(_ ui: UIState, _ cols: Int, _ rows: Int, color: Bool = false) -> String {
        let frame = Renderer.renderFrame(state: Self.sim.snapshot, ui: ui, cols: cols, rows: rows)
        return color ? TextBackend.ansi(frame, theme: Themes.standard, depth: .palette256) : TextBackend.plain(frame)
    }

    @Test func tOnAnIngressRoutePrefillsItsHostAndPath() throws {
        var ui = Self.ui(.ingresses)
        try select(&ui) { $0.cells[0] == "shop.example.com" && $0.cells[1] == "/api" }
        _ = ui.handle(.char("t"), state: Self.sim.snapshot, bodyHeight: 20)
        #expect(ui.mode == .tracePrompt(LineEditor("http://shop.example.com/api")))
        TestSupport.expectGolden(frame(ui, 80, 24), "trace-prompt-80x24")
        let effects = ui.handle(.enter, state: Self.sim.snapshot, bodyHeight: 20)
        #expect(effects == [.trace("http://shop.example.com/api")])
        #expect(ui.mode == .normal)
        #expect(ui.flash == Flash("trace http://shop.example.com/api"))
    }

    @Test func tOnAServicePrefillsItsClusterDNSNameAndPort() throws {
        var ui = Self.ui(.services)
        try select(&ui) { $0.cells[0] == "api" }
        _ = ui.handle(.char("t"), state: Self.sim.snapshot, bodyHeight: 20)
        #expect(ui.mode == .tracePrompt(LineEditor("http://api.shop.svc.cluster.local/")))
        var nodes = Self.ui(.nodes)
        _ = nodes.handle(.char("t"), state: Self.sim.snapshot, bodyHeight: 20)
        #expect(nodes.mode == .tracePrompt(LineEditor("http://")), "rows with nothing to trace start from http://")
    }

    @Test func aBadURLIsReportedAtOnceAndNothingIsSent() {
        var ui = Self.ui(.services)
        ui.mode = .tracePrompt(LineEditor("ftp://shop.example.com/"))
        let effects = ui.handle(.enter, state: Self.sim.snapshot, bodyHeight: 20)
        #expect(effects.isEmpty)
        #expect(ui.flash == Flash("trace: unknown scheme \"ftp\" in \"ftp://shop.example.com/\": use http or https",
                                  level: .error))
        ui.mode = .tracePrompt(LineEditor("http://"))
        #expect(ui.handle(.enter, state: Self.sim.snapshot, bodyHeight: 20).isEmpty)
        #expect(ui.flash == Flash("trace: malformed URL \"http://\": no host", level: .error))
        #expect(ui.execute("trace", state: Self.sim.snapshot).isEmpty)
        #expect(ui.flash?.text == "trace: expected one URL, e.g. :trace http://shop.example.com/api")
        #expect(ui.execute("trace \(Self.url)", state: Self.sim.snapshot) == [.trace(Self.url)])
    }

    @Test func escapeClosesThePromptWithoutTracing() {
        var ui = Self.ui(.services)
        ui.mode = .tracePrompt(LineEditor("http://x"))
        #expect(ui.handle(.escape, state: Self.sim.snapshot, bodyHeight: 20).isEmpty)
        #expect(ui.mode == .normal)
    }

    @Test func theResultPageShowsEveryHopTheStatusAndTheReason() throws {
        let trace = try Self.trace()
        let pod = try #require(trace.pod)
        var ui = Self.ui(.ingresses)
        ui.show(trace)
        let text = frame(ui, 120, 40)
        #expect(text.contains("→ Pod \(pod.name) "), "\(text)")
        #expect(text.contains("→ Ingress shop/shop (shop.example.com /api Prefix)"))
        #expect(text.contains("200: Ingress shop/shop sent it by rule"))
        #expect(text.contains("<trace: http://shop.example.com/api>"))
        TestSupport.expectGolden(text, "trace-page-120x40")
        TestSupport.expectGolden(frame(ui, 80, 24), "trace-page-80x24")
        TestSupport.expectGolden(frame(ui, 80, 24, color: true), "trace-page-80x24-color")
    }

    @Test func aFailedTraceShowsItsOutcomeInTheErrorRole() throws {
        var sim = TestSupport.demoSimulator()
        try sim.perform(ActionParser.parse("scale deployment/cart --replicas=0 -n shop", defaultNamespace: "shop"))
        _ = sim.settle()
        sim.programProxyRules()
        let trace = sim.trace(try HTTPRequest.parse("http://cart.shop/"))
        var ui = Self.ui(.services)
        ui.show(trace)
        let frame = Renderer.renderFrame(state: sim.snapshot, ui: ui, cols: 100, rows: 24)
        let text = TextBackend.plain(frame)
        #expect(text.contains("no-endpoints: Service shop/cart has 0 ready endpoints"), "\(text)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("│no-endpoints:") || $0.contains("│ no-endpoints:") })
        // The text starts one column inside the box.
        #expect(frame[2, line].character == "n")
        #expect(frame[2, line].role == .flashError)
    }

    @Test func escapeGoesBackAndXShowsTheRouteOnTheTopology() throws {
        var ui = Self.ui(.services)
        ui.show(try Self.trace())
        _ = ui.handle(.escape, state: Self.sim.snapshot, bodyHeight: 20)
        #expect(ui.mode == .normal)
        #expect(ui.page.view == .services)
        #expect(ui.trace != nil, "the route stays marked for the topology")

        ui.show(try Self.trace())
        _ = ui.handle(.char("x"), state: Self.sim.snapshot, bodyHeight: 20)
        #expect(ui.mode == .normal)
        #expect(ui.page.view == .topology)
        // Esc on the topology clears the trace first, and only then goes back.
        _ = ui.handle(.escape, state: Self.sim.snapshot, bodyHeight: 20)
        #expect(ui.trace == nil)
        #expect(ui.flash == Flash("trace cleared"))
        #expect(Self.rows(ui).allSatisfy { !$0.traced })
    }

    @Test func theTopologyMarksExactlyTheTracedRoute() throws {
        let trace = try Self.trace()
        let pod = try #require(trace.pod)
        var ui = Self.ui(.topology)
        ui.trace = TraceResult(trace)
        let rows = Self.rows(ui)
        let traced = rows.filter(\.traced).map { $0.cells[0] }
        #expect(traced.count == 7, "\(traced)")
        #expect(traced.first == "Internet")
        #expect(traced[1].contains("k8s.io/ingress-nginx (class nginx)"))
        #expect(traced[2].contains("Ingress shop"))
        #expect(traced[3].contains("shop.example.com/api (Prefix)"))
        #expect(traced[4].contains("Service api:"))
        #expect(traced[5].contains("EndpointSlice api-"))
        #expect(traced[6].contains("Pod \(pod.name)"))
        // Other pods of the same Service are not on the route.
        #expect(rows.contains { $0.cells[0].contains("Pod api-") && !$0.traced })
        TestSupport.expectGolden(frame(ui, 120, 40, color: true), "topology-traced-shop-120x40-color")
        let plain = Renderer.renderFrame(state: Self.sim.snapshot, ui: ui, cols: 120, rows: 40)
        let podLine = try #require(TextBackend.plain(plain).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("Pod \(pod.name)") })
        #expect(plain[2, podLine].role == .rowTraced)
    }

    @Test func aTraceArrivingFromTheSimulatorOpensItsPage() throws {
        var ui = Self.ui(.pods)
        let trace = try Self.trace()
        ui.show(trace)
        guard case .trace(let page) = ui.mode else {
            Issue.record("expected the trace page, got \(ui.mode)")
            return
        }
        #expect(page.result == TraceResult(trace))
        #expect(page.scroll == 0)
    }
}
