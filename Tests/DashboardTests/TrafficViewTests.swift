import ClusterStore
import KubeModel
import Simulation
import Testing

@testable import Dashboard

/// The traffic view: per Service and pod request rate, errors by kind, success and the last minute, from the
/// counters the simulator keeps while a load runs.
@Suite struct TrafficViewTests {
    static let url = "http://shop.example.com/api"

    /// The demo cluster with 50 requests a second to the shop's API for 20 s, then one API pod killed and 2 s more:
    /// kube-proxy and the ingress controller still send some requests to the dead pod.
    static let loaded: (sim: Simulator, killed: String) = {
        var sim = TestSupport.demoSimulator()
        try! sim.perform(.load(url: url, rps: 50, durationMs: nil))
        sim.advance(byMs: 20_000)
        let pod = sim.snapshot.pods.inNamespace("shop").map(\.metadata.name).filter { $0.hasPrefix("api-") }.sorted()[0]
        try! sim.perform(.kill(ObjectRef(type: .pod, namespace: "shop", name: pod)))
        sim.advance(byMs: 2_000)
        return (sim, pod)
    }()

    static func ui(_ sim: Simulator, namespace: String? = "shop") -> UIState {
        var ui = UIState(view: .traffic, namespace: namespace)
        ui.traffic = .counters(sim.traffic, elapsedMs: sim.elapsedMs)
        ui.epoch = sim.config.epoch
        ui.contextName = "demo-cluster"
        return ui
    }

    static func rows(_ ui: UIState, _ state: ClusterState) -> [Row] {
        PageData.build(state: state, ui: ui, page: ui.page, glyphs: .unicode).shown.rows
    }

    func frame(_ ui: UIState, _ state: ClusterState, _ cols: Int, _ rows: Int, color: Bool = false,
               glyphs: Glyphs = .unicode) -> String {
        let frame = Renderer.renderFrame(state: state, ui: ui, cols: cols, rows: rows, glyphs: glyphs)
        return color ? TextBackend.ansi(frame, theme: Themes.standard, depth: .palette256) : TextBackend.plain(frame)
    }

    @Test func trafficFramesAfterAKillMatchGolden() {
        let (sim, _) = Self.loaded
        let shop = Self.ui(sim)
        TestSupport.expectGolden(frame(shop, sim.snapshot, 80, 24), "traffic-shop-80x24")
        TestSupport.expectGolden(frame(shop, sim.snapshot, 80, 24, color: true), "traffic-shop-80x24-color")
        TestSupport.expectGolden(frame(Self.ui(sim, namespace: nil), sim.snapshot, 160, 40), "traffic-160x40")
        TestSupport.expectGolden(frame(Self.ui(sim, namespace: nil), sim.snapshot, 160, 40, color: true),
                                 "traffic-160x40-color")
        let ascii = frame(shop, sim.snapshot, 120, 30, glyphs: .ascii)
        let allASCII = ascii.allSatisfy { $0.isASCII }
        #expect(allASCII)
        TestSupport.expectGolden(ascii, "traffic-shop-120x30-ascii")
    }

    @Test func viewIsListedByNameAndInCompletion() {
        #expect(ViewKind.named("traffic") == .traffic)
        #expect(Completion.candidates(for: "traf", state: Self.loaded.sim.snapshot, namespace: nil).contains("traffic"))
        let help = HelpPage.sections.flatMap(\.1).map(\.0)
        #expect(help.contains(":traffic"))
        #expect(help.contains("t"))
    }

    @Test func serviceRowThenItsPodsNestedInNameOrder() throws {
        let (sim, killed) = Self.loaded
        let names = Self.rows(Self.ui(sim), sim.snapshot).map { $0.cells[0] }
        let api = try #require(names.firstIndex(of: "Service api"))
        let pods = names[(api + 1)...].prefix { $0.hasPrefix("├─ ") || $0.hasPrefix("└─ ") }
        #expect(pods.count == 3 || pods.count == 4, "\(names)")
        #expect(pods.last?.hasPrefix("└─ ") == true)
        let podNames = pods.map { $0.dropFirst(3).split(separator: " ")[0] }
        #expect(podNames == podNames.sorted())
        #expect(podNames.allSatisfy { $0.hasPrefix("api-") })
        #expect(pods.contains("├─ \(killed) (gone)") || pods.contains("└─ \(killed) (gone)"), "\(names)")
    }

    @Test func killedPodThatFailedRequestsIsAnErrorRow() throws {
        let (sim, killed) = Self.loaded
        let rows = Self.rows(Self.ui(sim), sim.snapshot)
        let dead = try #require(rows.first { $0.cells[0].contains(killed) })
        #expect(dead.status == .error)
        let errors = try #require(Int(dead.cells[3]))
        #expect(errors > 0)
        #expect(dead.cells[5].contains("connection-failed"), "\(dead.cells)")
        #expect(dead.ref == nil, "a gone pod cannot be killed again")
        let alive = rows.filter { $0.cells[0].contains("─ api-") && !$0.cells[0].contains(killed) }
        #expect(!alive.isEmpty)
        #expect(alive.allSatisfy { $0.status == .normal && $0.cells[3] == "0" && $0.cells[5] == "-" })
    }

    @Test func theKilledPodsRowIsDrawnInTheErrorRole() throws {
        let (sim, killed) = Self.loaded
        let frame = Renderer.renderFrame(state: sim.snapshot, ui: Self.ui(sim), cols: 120, rows: 30)
        let lines = TextBackend.plain(frame).split(separator: "\n", omittingEmptySubsequences: false)
        let dead = try #require(lines.firstIndex { $0.contains(killed) })
        let alive = try #require(lines.firstIndex { $0.contains("─ api-") && !$0.contains(killed) })
        // Row 0 of the body holds the cursor; the pods below it show their own roles.
        #expect(frame[5, dead].role == .rowError)
        #expect(frame[5, alive].role == .rowNormal)
    }

    @Test func ctrlKOnALivePodRowKillsItAndSortingKeepsTheTree() throws {
        let (sim, killed) = Self.loaded
        var ui = Self.ui(sim)
        let row = try #require(Self.rows(ui, sim.snapshot).first { $0.cells[0].contains("─ api-") && !$0.cells[0].contains(killed) })
        ui.page.selectedKey = row.key
        let ref = try #require(row.ref)
        #expect(ui.handle(.ctrl("k"), state: sim.snapshot, bodyHeight: 20) == [.perform(.kill(ref))])
        #expect(ui.handle(.char("N"), state: sim.snapshot, bodyHeight: 20).isEmpty)
        #expect(ui.flash == Flash("the traffic keeps its tree order", level: .error))
        #expect(ui.page.sort == nil)
    }

    @Test func rateIsTheLastTenWholeSecondsAndSuccessRoundsDown() throws {
        var sim = TestSupport.demoSimulator()
        try sim.perform(.load(url: Self.url, rps: 50, durationMs: nil))
        sim.advance(byMs: 15_000)
        let rows = Self.rows(Self.ui(sim), sim.snapshot)
        let api = try #require(rows.first { $0.cells[0] == "Service api" })
        #expect(api.cells[1] == "50.0")
        #expect(api.cells[4] == "100.0%")
        #expect(api.status == .normal)

        var tally = TrafficView.Tally(TrafficCounters(), second: 0)
        tally.requests = 1000
        tally.successes = 999
        #expect(tally.success == "99.9%")
        tally.requests = 3
        tally.successes = 2
        #expect(tally.success == "66.6%")
    }

    @Test func withoutLoadTheViewSaysHowToStartOne() {
        let sim = TestSupport.demoSimulator()
        let text = frame(Self.ui(sim), sim.snapshot, 120, 20)
        #expect(text.contains("No load is running. Start one from the prompt, e.g. :load http://shop.example.com/api --rps 50"))
        TestSupport.expectGolden(text, "traffic-no-load-120x20")
    }

    @Test func aReplayHasNoCountersAndSaysSo() {
        let sim = TestSupport.demoSimulator()
        var ui = Self.ui(sim)
        ui.traffic = .replay
        let text = frame(ui, sim.snapshot, 200, 20)
        #expect(text.contains("This replay has no traffic counters"))
        #expect(Self.rows(ui, sim.snapshot).isEmpty)
    }

    @Test func requestsThatReachedNoServiceHaveTheirOwnRow() throws {
        var sim = TestSupport.demoSimulator()
        // No such Service: DNS fails before any Service or pod is reached.
        try sim.perform(.load(url: "http://missing.shop.svc.cluster.local/", rps: 10, durationMs: nil))
        sim.advance(byMs: 5_000)
        let rows = Self.rows(Self.ui(sim, namespace: nil), sim.snapshot)
        let row = try #require(rows.first { $0.key == "traffic/unrouted" })
        #expect(row.cells[1] == "(no Service reached)")
        #expect(row.status == .error)
        #expect(row.cells[6] == "unreachable 50", "\(row.cells)")
        // A namespace's view leaves out what belongs to none.
        #expect(Self.rows(Self.ui(sim, namespace: "shop"), sim.snapshot).allSatisfy { $0.key != "traffic/unrouted" })
    }

    @Test func sparklineScalesToTheLargestAndKeepsEmptySecondsBlank() {
        #expect(Sparkline.render([0, 1, 2, 4, 8], width: 5, glyphs: .unicode) == " ▁▂▄█")
        #expect(Sparkline.render([0, 1, 2, 4, 8], width: 5, glyphs: .ascii) == " _.~#")
        #expect(Sparkline.render([3, 3, 0, 0, 6, 6], width: 3, glyphs: .unicode) == "▄ █")
        #expect(Sparkline.render([0, 0, 0], width: 3, glyphs: .unicode) == "   ")
        #expect(Sparkline.render(Array(repeating: 5, count: 60), width: 30, glyphs: .unicode) == String(repeating: "█", count: 30))
        #expect(Sparkline.render([], width: 4, glyphs: .unicode) == "")
    }

    @Test func countersNestPodsUnderTheServiceThatSentThem() throws {
        let (sim, _) = Self.loaded
        let api = ObjectKey(namespace: "shop", name: "api")
        let pods = try #require(sim.traffic.servicePods[api])
        #expect(pods.allSatisfy { $0.namespace == "shop" && $0.name.hasPrefix("api-") })
        #expect(sim.traffic.services.keys.contains(api))
    }
}
