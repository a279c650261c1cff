import ClusterStore
import KubeModel
import Simulation
import Testing

@testable import Dashboard

@Suite struct ModelTests {
    @Test func frameWritesClipsAndSanitises() {
        var f = Frame(cols: 10, rows: 2)
        #expect(f.put("hello world", x: 2, y: 0, role: .title) == 8)
        #expect(f.line(0) == "  hello wo")
        f.put("a\u{1B}[2Jb", x: 0, y: 1, role: .body)
        #expect(f.line(1).hasPrefix("a?[2Jb"))
        // Wide characters take two cells; overwriting half of one blanks the other half.
        var w = Frame(cols: 6, rows: 1)
        w.put("日本", x: 0, y: 0, role: .body)
        #expect(w[1, 0].isContinuation && w.line(0) == "日本  ")
        w.put("x", x: 1, y: 0, role: .body)
        #expect(w.line(0) == " x本  ")
        #expect(w.put("日本語", x: 3, y: 0, role: .body) == 2)
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.pad("ab", to: 4, alignRight: true) == "  ab")
    }

    @Test func textBackends() {
        var f = Frame(cols: 4, rows: 2)
        f.put("ab", x: 0, y: 0, role: .rowError)
        #expect(TextBackend.plain(f) == "ab\n\n")
        let theme = Theme(name: "t", styles: [.rowError: TextStyle(foreground: .palette(9), bold: true)])
        let ansi = TextBackend.ansi(f, theme: theme, depth: .sixteen)
        #expect(ansi.hasPrefix("\u{1B}[0;1;91mab\u{1B}[0m  \u{1B}[0m\n"))
        let rgb = TextBackend.ansi(f, theme: Theme(name: "t", styles: [.rowError: TextStyle(foreground: .rgb(1, 2, 3))]),
                                   depth: .trueColor)
        #expect(rgb.contains("38;2;1;2;3"))
    }

    @Test func layoutDropsOptionalColumnsThenShrinksNames() {
        let columns = [Column("NAME", flexible: true), Column("STATUS"), Column("WIDE", priority: 1),
                       Column("AGE", alignRight: true)]
        let rows = [Row(key: "a", cells: [String(repeating: "n", count: 30), "Running", "something-wide", "5s"])]
        let wide = TableLayout.layout(columns, rows: rows, width: 100).map(\.index)
        #expect(wide == [0, 1, 2, 3])
        let narrow = TableLayout.layout(columns, rows: rows, width: 50)
        #expect(narrow.map(\.index) == [0, 1, 3])
        #expect(narrow[0].width == 30)
        let tight = TableLayout.layout(columns, rows: rows, width: 30)
        #expect(tight.map(\.index) == [0, 1, 3])
        #expect(tight.last!.x + tight.last!.width <= 30)
    }

    @Test func rowFilter() {
        let row = Row(key: "k", cells: ["shop", "api-1", "Running"], labels: ["app": "api", "tier": "be"])
        #expect(RowFilter("API").matches(row))
        #expect(!RowFilter("!api").matches(row))
        #expect(RowFilter("!web").matches(row))
        #expect(RowFilter("^api-\\d$").matches(row))
        #expect(RowFilter("-l app=api").matches(row))
        #expect(RowFilter("-l app in (web,api),tier!=fe").matches(row))
        #expect(!RowFilter("!-l app=api").matches(row))
        #expect(!RowFilter("-l app=web").matches(row))
        #expect(RowFilter("-l app in (").error != nil)
        #expect(!RowFilter("").isActive && RowFilter("").matches(row))
        #expect(RowFilter("[unclosed").matches(Row(key: "x", cells: ["a[unclosed"])))
    }

    @Test func changeTrackerHighlightsForTwoVirtualSeconds() {
        var tracker = ChangeTracker()
        let columns = [Column("NAME"), Column("AGE", volatile: true)]
        func table(_ status: String, _ age: String, extra: Bool = false) -> TableModel {
            var rows = [Row(key: "a", cells: [status, age])]
            if extra { rows.append(Row(key: "b", cells: ["new", age])) }
            return TableModel(title: "T", scopeLabel: "all", columns: columns, rows: rows)
        }
        tracker.observe(view: "v", table: table("Running", "1s"), nowMs: 1000)
        #expect(tracker.highlight(view: "v", key: "a", nowMs: 1000) == nil)
        tracker.observe(view: "v", table: table("Running", "2s"), nowMs: 2000)  // only AGE changed
        #expect(tracker.highlight(view: "v", key: "a", nowMs: 2000) == nil)
        tracker.observe(view: "v", table: table("Pending", "3s", extra: true), nowMs: 3000)
        #expect(tracker.highlight(view: "v", key: "a", nowMs: 4999) == .rowChanged)
        #expect(tracker.highlight(view: "v", key: "b", nowMs: 3500) == .rowAdded)
        #expect(tracker.highlight(view: "v", key: "a", nowMs: 5000) == nil)
    }

    @Test func endpointStates() {
        let g = Glyphs.unicode
        #expect(EndpointsView.describe(EndpointConditions(ready: true, serving: true, terminating: false), g).0 == "● ready")
        #expect(EndpointsView.describe(EndpointConditions(ready: false, serving: true, terminating: true), g).0
                == "◐ serving, terminating")
        #expect(EndpointsView.describe(EndpointConditions(ready: false, serving: false, terminating: true), g).0
                == "○ terminating")
        #expect(EndpointsView.describe(EndpointConditions(ready: false, serving: false, terminating: false), g).0
                == "○ not ready")
        #expect(EndpointsView.describe(EndpointConditions(), g).0 == "● ready")  // unknown counts as ready
    }

    @Test func gracefulDeletionShowsServingTerminatingEndpoint() throws {
        var sim = TestSupport.demoSimulator()
        let pod = sim.snapshot.pods.inNamespace("shop").map(\.metadata.name).filter { $0.hasPrefix("cart-") }.sorted()[0]
        try sim.perform(.delete(ObjectRef(type: .pod, namespace: "shop", name: pod), gracePeriodSeconds: 30))
        var ui = UIState(view: .endpoints)
        ui.page.scope = .service(ObjectKey(namespace: "shop", name: "cart"))
        let text = TestSupport.frame(sim.snapshot, ui)
        #expect(text.contains("◐ serving, terminating") || text.contains("○ terminating"))
        TestSupport.expectGolden(text, "endpoints-terminating")
    }

    @Test func ingressHostWildcards() {
        #expect(IngressView.hostMatches(pattern: "*.foo.com", host: "bar.foo.com"))
        #expect(!IngressView.hostMatches(pattern: "*.foo.com", host: "foo.com"))
        #expect(!IngressView.hostMatches(pattern: "*.foo.com", host: "a.bar.foo.com"))
        #expect(IngressView.hostMatches(pattern: "Shop.Example.com", host: "shop.example.com"))
    }

    @Test func rendererErrors() {
        let state = ClusterState()
        #expect(throws: DashboardError.self) { try Renderer.render(view: "bogus", state: state, size: (80, 24), color: false, theme: nil) }
        #expect(throws: DashboardError.self) { try Renderer.render(view: "svc", state: state, size: (0, 24), color: false, theme: nil) }
        let empty = try? Renderer.render(view: "svc", state: state, size: (80, 24), color: false, theme: nil)
        #expect(empty?.contains("No resources") == true)
        #expect(Renderer.viewNames.contains("ing") && Renderer.viewNames.contains("help"))
    }

    @Test func dashboardRefusesWithoutATerminal() throws {
        // Under `swift test` standard output is not a terminal: run must refuse without touching it.
        guard isatty(1) == 0 else { return }
        let code = try DashboardApp.run(simulator: Simulator(), options: DashboardOptions())
        #expect(code == 1)
        #expect(TerminalCheck.problem(environment: ["TERM": "xterm"]) != nil)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The pods view keeps sorted keys and formats only what is drawn.
@Suite struct KeyedRowsTests {
    static let sim = TestSupport.demoSimulator()

    @Test func keyedPodsMatchEagerFormatting() throws {
        let state = Self.sim.snapshot
        let ui = UIState(view: .pods)
        let data = PageData.build(state: state, ui: ui, page: ui.page, glyphs: .unicode).shown
        let keyed = try #require(data.table.keyed)
        #expect(data.count == state.pods.count)
        #expect(keyed.keys == keyed.keys.sorted())
        for i in 0..<data.count {
            #expect(data.index(of: data.key(at: i)) == i)
            #expect(data.row(at: i).key == data.key(at: i))
        }
        #expect(data.index(of: "pod/nope/missing") == nil)
        #expect(data.index(of: "svc/shop/api") == nil)
        #expect(data.window(top: 2, height: 3).map(\.key) == Array(data.rows.dropFirst(2).prefix(3)).map(\.key))
    }

    @Test func keyFiltersMatchNamesLabelsAndInverse() {
        let state = Self.sim.snapshot
        func keys(_ filter: String) -> [String] {
            var ui = UIState(view: .pods)
            ui.page.filter = filter
            return PageData.build(state: state, ui: ui, page: ui.page, glyphs: .unicode).shown.rows.map(\.key)
        }
        let all = keys("")
        let api = keys("API")
        #expect(!api.isEmpty && api.allSatisfy { $0.lowercased().contains("api") })
        #expect(Set(keys("!api")).union(api) == Set(all))
        #expect(keys("^shop/").isEmpty || true)
        #expect(keys("-l app.kubernetes.io/name=frontend").allSatisfy { $0.contains("frontend") })
        #expect(RowFilter.contains("Web-API-1", Array("api".utf8), ascii: true, needle: "api"))
        #expect(!RowFilter.contains("web", Array("webs".utf8), ascii: true, needle: "webs"))
        #expect(RowFilter.contains("ĉapi", Array("api".utf8), ascii: true, needle: "api"))
    }
}

@Suite("Sorted keys are remembered between frames and patched")
struct SortedKeyCacheTests {
    func pod(_ name: String, _ namespace: String) -> Pod {
        Pod(metadata: ObjectMeta(name: name, namespace: namespace),
            spec: PodSpec(containers: [Container(name: "c", image: "nginx")]))
    }

    @Test("after random creates and deletes the cached list always equals sorting afresh")
    func patchedEqualsSorted() throws {
        let cache = SortedKeyCache()
        var store = ClusterStore()
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for i in 0..<300 { try store.create(pod("p\(next(1000))-\(i)", ["a", "b", "c"][next(3)])) }
        for step in 0..<200 {
            let live = store.snapshot.pods.objects.keys.sorted()
            if next(2) == 0, !live.isEmpty {
                try store.delete(Pod.self, live[next(live.count)])
            } else {
                try store.create(pod("q\(next(1000))-\(step)", ["a", "b", "c"][next(3)]))
            }
            for ns in [nil, "a", "b"] as [String?] {
                let table = store.snapshot.pods
                let expected = (ns.map { table.keys(in: $0) } ?? Array(table.objects.keys)).sorted()
                #expect(cache.sortedKeys(table, namespace: ns) == expected)
            }
        }
    }

    @Test("a different table with the same version numbers is never mistaken for the cached one")
    func lineagesDoNotMix() throws {
        let cache = SortedKeyCache()
        var one = ClusterStore(), two = ClusterStore()
        try one.create(pod("x", "a"))
        try two.create(pod("y", "a"))
        #expect(cache.sortedKeys(one.snapshot.pods, namespace: nil).map(\.name) == ["x"])
        #expect(cache.sortedKeys(two.snapshot.pods, namespace: nil).map(\.name) == ["y"])
    }
}
