import ClusterStore
import KubeModel
import Simulation
import Testing

@testable import Dashboard

/// The topology view: Internet → controller → Ingress → rule → Service → EndpointSlice → Pod, coloured by health.
@Suite struct TopologyTests {
    static let sim = TestSupport.demoSimulator()

    func render(_ cols: Int, _ rows: Int, namespace: String? = nil, color: Bool = false, ascii: Bool = false,
                state: ClusterState = sim.snapshot) throws -> String {
        try Renderer.render(view: "topo", state: state, size: (cols, rows), color: color, theme: nil,
                            namespace: namespace, epoch: Self.sim.config.epoch, ascii: ascii, contextName: "demo-cluster")
    }

    func rows(namespace: String?, state: ClusterState = sim.snapshot) -> [Row] {
        let ui = UIState(view: .topology, namespace: namespace)
        return PageData.build(state: state, ui: ui, page: ui.page, glyphs: .unicode).shown.rows
    }

    @Test func topologyFramesMatchGolden() throws {
        TestSupport.expectGolden(try render(80, 24, namespace: "shop"), "topology-shop-80x24")
        TestSupport.expectGolden(try render(120, 40), "topology-120x40")
        TestSupport.expectGolden(try render(120, 40, namespace: "shop", color: true), "topology-shop-120x40-color")
        TestSupport.expectGolden(try render(80, 24, namespace: "shop", ascii: true), "topology-shop-80x24-ascii")
        TestSupport.expectGolden(try render(60, 16, namespace: "blog"), "topology-blog-60x16")
    }

    @Test("`:topo svc/NAME` draws only the branches through that Service, and `:topo ing/NAME` one Ingress")
    func topologyOfOneObject() throws {
        var ui = UIState(view: .topology, namespace: "shop")
        _ = ui.execute("topo svc/cart", state: Self.sim.snapshot)
        #expect(ui.page.scope == .focus(.service, ObjectKey(namespace: "shop", name: "cart")))
        let cells = PageData.build(state: Self.sim.snapshot, ui: ui, page: ui.page, glyphs: .unicode).shown.rows.map { $0.cells[0] }
        #expect(cells.first == "Internet")
        #expect(cells.contains { $0.contains("Service cart") } && cells.contains { $0.contains("Pod cart-") })
        #expect(!cells.contains { $0.contains("Service api") || $0.contains("Service redis") || $0.contains("Pod api-") })
        var shown = ui
        shown.contextName = "demo-cluster"
        let frame = TextBackend.plain(Renderer.renderFrame(state: Self.sim.snapshot, ui: shown, cols: 100, rows: 20))
        TestSupport.expectGolden(frame, "topology-focus-svc-cart-100x20")

        _ = ui.execute("topo ing/shop-stores", state: Self.sim.snapshot)
        let ingress = PageData.build(state: Self.sim.snapshot, ui: ui, page: ui.page, glyphs: .unicode).shown.rows
            .map { $0.cells[0] }
        #expect(ingress.contains { $0.contains("Ingress shop-stores") })
        #expect(!ingress.contains { $0.contains("Ingress shop") && !$0.contains("shop-stores") })
    }

    @Test("`:topo` with an unknown or unsupported object says why and stays put")
    func topologyOfOneObjectBadInput() {
        for (input, message) in [
            ("topo svc/nope", "services \"nope\" not found in namespace shop"),
            ("topo deploy/api", "topology of one object: :topo svc/NAME or :topo ing/NAME"),
            ("topo svc/", "topology of one object: :topo svc/NAME or :topo ing/NAME"),
            ("topo bogus/x", "topology of one object: :topo svc/NAME or :topo ing/NAME"),
        ] {
            var ui = UIState(view: .services, namespace: "shop")
            _ = ui.execute(input, state: Self.sim.snapshot)
            #expect(ui.flash?.text == message, "\(input)")
            #expect(ui.page.view == .services)
        }
    }

    @Test func aliasesOpenTheTopology() {
        #expect(ViewKind.named("topo") == .topology)
        #expect(ViewKind.named("xray") == .topology)
        #expect(ViewKind.named("topology") == .topology)
    }

    @Test func treeRunsFromTheInternetThroughTheIngressToPods() throws {
        let all = rows(namespace: "shop").map { $0.cells[0] }
        let internet = try #require(all.firstIndex(of: "Internet"))
        #expect(internet == 0)
        #expect(all[1].hasPrefix("└─ k8s.io/ingress-nginx (class nginx)"))
        let ingress = try #require(all.firstIndex { $0.contains("Ingress shop") })
        let rule = try #require(all.firstIndex { $0.contains("shop.example.com/api (Prefix)") })
        let service = try #require(all[rule...].firstIndex { $0.contains("Service api:http") })
        let slice = try #require(all[service...].firstIndex { $0.contains("EndpointSlice api-") })
        let pod = try #require(all[slice...].firstIndex { $0.contains("● Pod api-") })
        #expect(ingress < rule && rule < service && service < slice && slice < pod)
    }

    @Test func servicesNoIngressReachesAreTheirOwnRoots() {
        let roots = rows(namespace: "shop").map { $0.cells[0] }.filter { !$0.hasPrefix(" ") && !"├└│".contains($0.first!) }
        #expect(roots == ["Internet", "Service payments", "Service redis"])
    }

    @Test func healthColoursFollowReadiness() throws {
        var sim = TestSupport.demoSimulator()
        try sim.perform(ActionParser.parse("scale deployment/cart --replicas=0 -n shop", defaultNamespace: "shop"))
        _ = sim.settle()
        let list = rows(namespace: "shop", state: sim.snapshot)
        let cart = try #require(list.first { $0.cells[0].contains("Service cart") })
        #expect(cart.status == .error)
        let rule = try #require(list.first { $0.cells[0].contains("shop.example.com/api/cart") })
        #expect(rule.status == .error)
        let ingress = try #require(list.first { $0.cells[0].contains("Ingress shop") && !$0.cells[0].contains("stores") })
        #expect(ingress.status == .pending)
        TestSupport.expectGolden(try render(120, 40, namespace: "shop", state: sim.snapshot), "topology-shop-cart-down")
    }

    @Test func enterDrillsDownLikeTheTables() throws {
        var ui = UIState(view: .topology, namespace: "shop")
        let list = rows(namespace: "shop")
        let rule = try #require(list.firstIndex { $0.cells[0].contains("shop.example.com/api/cart") })
        let height = Geometry(cols: 80, rows: 24).bodyHeight
        for _ in 0..<rule { _ = ui.handle(.char("j"), state: Self.sim.snapshot, bodyHeight: height) }
        _ = ui.handle(.enter, state: Self.sim.snapshot, bodyHeight: height)
        #expect(ui.page.view == .services)
        #expect(ui.page.scope == .object(ObjectKey(namespace: "shop", name: "cart")))
        _ = ui.handle(.escape, state: Self.sim.snapshot, bodyHeight: height)
        let service = try #require(list.firstIndex { $0.cells[0].contains("Service cart") })
        for _ in rule..<service { _ = ui.handle(.char("j"), state: Self.sim.snapshot, bodyHeight: height) }
        _ = ui.handle(.enter, state: Self.sim.snapshot, bodyHeight: height)
        #expect(ui.page.view == .endpoints)
        #expect(ui.page.scope == .service(ObjectKey(namespace: "shop", name: "cart")))
    }

    @Test func killWorksOnAPodInTheTree() throws {
        var ui = UIState(view: .topology, namespace: "shop")
        let list = rows(namespace: "shop")
        let pod = try #require(list.firstIndex { $0.cells[0].contains("Pod cart-") })
        let height = 200
        for _ in 0..<pod { _ = ui.handle(.char("j"), state: Self.sim.snapshot, bodyHeight: height) }
        let effects = ui.handle(.ctrl("k"), state: Self.sim.snapshot, bodyHeight: height)
        guard case .perform(.kill(let ref))? = effects.first else { Issue.record("no kill: \(effects)"); return }
        #expect(ref.type == .pod && ref.name.hasPrefix("cart-"))
    }

    @Test func sortKeysLeaveTheTreeAlone() {
        var ui = UIState(view: .topology, namespace: "shop")
        let before = rows(namespace: "shop").map(\.key)
        _ = ui.handle(.char("N"), state: Self.sim.snapshot, bodyHeight: 20)
        #expect(ui.page.sort == nil)
        #expect(ui.flash == Flash("the topology keeps its tree order", level: .error))
        #expect(PageData.build(state: Self.sim.snapshot, ui: ui, page: ui.page, glyphs: .unicode).shown.rows.map(\.key) == before)
    }
}
