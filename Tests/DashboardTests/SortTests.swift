import ClusterStore
import KubeModel
import Simulation
import Testing

@testable import Dashboard

/// Column sort with k9s's shift-letter keys: toggling, stability, value-aware order and the heading's ↑/↓.
@Suite struct SortTests {
    static let sim = TestSupport.demoSimulator()

    func shown(_ ui: UIState, state: ClusterState = sim.snapshot) -> PageData {
        PageData.build(state: state, ui: ui, page: ui.page, glyphs: .unicode).shown
    }

    func press(_ key: Key, _ ui: inout UIState, state: ClusterState = sim.snapshot) {
        _ = ui.handle(key, state: state, bodyHeight: 18)
    }

    @Test func shiftNSortsByNameAndTogglesDirection() {
        var ui = UIState(view: .services, namespace: "shop")
        press(.char("N"), &ui)
        #expect(ui.page.sort == ColumnSort(column: "NAME", ascending: true))
        #expect(shown(ui).rows.map { $0.cells[0] } == ["api", "cart", "frontend", "payments", "redis"])
        #expect(shown(ui).table.columns[0].title == "NAME↑")
        press(.char("N"), &ui)
        #expect(ui.page.sort == ColumnSort(column: "NAME", ascending: false))
        #expect(shown(ui).rows.map { $0.cells[0] } == ["redis", "payments", "frontend", "cart", "api"])
        #expect(shown(ui).table.columns[0].title == "NAME↓")
        #expect(ui.flash == Flash("sorted by NAME descending"))
    }

    @Test func sortIsStableForEqualValues() {
        // Every shop pod is Running: sorting by STATUS keeps the view's own (name) order, both ways.
        var ui = UIState(view: .pods, namespace: "shop")
        let names = shown(ui).rows.map { $0.cells[0] }
        press(.char("S"), &ui)
        #expect(shown(ui).rows.map { $0.cells[0] } == names)
        press(.char("S"), &ui)
        #expect(shown(ui).rows.map { $0.cells[0] } == names)
    }

    @Test func restartsSortAsNumbersMostFirst() throws {
        var sim = TestSupport.demoSimulator()
        let pods = sim.snapshot.pods.inNamespace("shop").map(\.metadata.name).filter { $0.hasPrefix("cart-") }.sorted()
        try sim.perform(ActionParser.parse("crash pod/\(pods[1]) -n shop", defaultNamespace: "shop"))
        sim.advance(byMs: 30_000)
        var ui = UIState(view: .pods, namespace: "shop")
        press(.char("T"), &ui, state: sim.snapshot)
        #expect(ui.page.sort == ColumnSort(column: "RESTARTS", ascending: false))
        let first = shown(ui, state: sim.snapshot).rows[0]
        #expect(first.cells[0] == pods[1])
        TestSupport.expectGolden(TestSupport.frame(sim.snapshot, ui, 80, 24), "sort-pods-restarts")
    }

    @Test(arguments: ["NAME", "NAMESPACE", "READY", "STATUS", "RESTARTS", "IP", "NODE", "AGE"])
    func podsStayKeyedAndSortLikeTheirCells(column: String) throws {
        var sim = TestSupport.demoSimulator()
        let pods = sim.snapshot.pods.all.map(\.metadata).filter { $0.name.hasPrefix("cart-") }.map(\.name).sorted()
        try sim.perform(ActionParser.parse("crash pod/\(pods[0]) -n shop", defaultNamespace: "shop"))
        try sim.perform(ActionParser.parse("fail-readiness pod/\(pods[1]) -n shop", defaultNamespace: "shop"))
        sim.advance(byMs: 45_000)
        for ascending in [true, false] {
            var ui = UIState(view: .pods)
            ui.page.sort = ColumnSort(column: column, ascending: ascending)
            let data = shown(ui, state: sim.snapshot)
            let keyed = try #require(data.table.keyed, "pods were formatted whole to sort by \(column)")
            #expect(!keyed.inKeyOrder)
            // The same order as sorting the formatted cells (AGE: cells round to seconds, so compare cell values).
            var plain = UIState(view: .pods)
            plain.page.sort = nil
            let base = shown(plain, state: sim.snapshot)
            let columns = base.table.columns
            let expected = ColumnSort(column: column, ascending: ascending).apply(base.rows, columns: columns)
            let index = try #require(columns.firstIndex { $0.title == column })
            #expect(data.rows.map { $0.cells[index] } == expected.map { $0.cells[index] }, "\(column) \(ascending)")
            if column != "AGE" { #expect(data.rows.map(\.key) == expected.map(\.key), "\(column) \(ascending)") }
            // The cursor still finds rows by key in a reordered table.
            let last = try #require(data.rows.last)
            #expect(data.index(of: last.key) == data.count - 1)
        }
    }

    @Test func ageSortsByDurationNotText() {
        #expect(SortValue("9s", kind: .duration) < SortValue("10s", kind: .duration))
        #expect(SortValue("59m", kind: .duration) < SortValue("2h", kind: .duration))
        #expect(SortValue("3d4h", kind: .duration) < SortValue("400d", kind: .duration))
        #expect(SortValue("2/3", kind: .ratio) < SortValue("3/3", kind: .ratio))
        #expect(SortValue("10.96.0.9", kind: .address) < SortValue("10.96.0.10", kind: .address))
        #expect(SortValue("2 (45s ago)", kind: .count) < SortValue("10", kind: .count))
        #expect(SortValue("<unknown>", kind: .duration) == .text("<unknown>"))
    }

    @Test func ipSortOnServicesUsesTheClusterIPColumn() {
        var ui = UIState(view: .services)
        press(.char("I"), &ui)
        #expect(ui.page.sort?.column == "CLUSTER-IP")
        let ips = shown(ui).rows.map { $0.cells[3] }
        #expect(ips.prefix(3) == ["10.96.0.1", "10.96.0.2", "10.96.0.3"])
        TestSupport.expectGolden(TestSupport.frame(Self.sim.snapshot, ui, 120, 40), "sort-services-ip-120x40")
    }

    @Test func theSortedHeadingStillMatchesItsKeyButNotALongerTitle() {
        let columns = [Column("NAMESPACE"), Column("NAME↓")]
        #expect(ColumnSort.column(for: "N", in: columns, marks: ["↑", "↓"]) == "NAME")
        #expect(ColumnSort.column(for: "N", in: [Column("NAMESPACE")], marks: ["↑", "↓"]) == nil)
        #expect(ColumnSort.column(for: "P", in: columns, marks: ["↑", "↓"]) == "NAMESPACE")
    }

    @Test func aLetterWithoutAColumnSaysSo() {
        var ui = UIState(view: .services, namespace: "shop")
        press(.char("O"), &ui)
        #expect(ui.page.sort == nil)
        #expect(ui.flash == Flash("shift-O sorts nothing in this view", level: .error))
    }

    @Test func cursorStaysOnTheSameObjectWhenTheOrderFlips() {
        var ui = UIState(view: .services, namespace: "shop")
        press(.char("j"), &ui)  // cart
        #expect(ui.page.selectedKey == "svc/shop/cart")
        press(.char("N"), &ui)
        press(.char("N"), &ui)
        let rendered = Screen.render(state: Self.sim.snapshot, ui: ui, cols: 80, rows: 24, glyphs: .unicode)
        #expect(rendered.selectedIndex == 3)  // redis, payments, frontend, cart
        TestSupport.expectGolden(TextBackend.plain(rendered.frame), "sort-services-name-desc")
    }
}
