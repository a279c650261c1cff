import ClusterStore
import Simulation
import Testing

@testable import Dashboard

/// Whole frames of every view, compared with Golden/*.txt (SWITCHBOARD_UPDATE_GOLDEN=1 rewrites them).
@Suite struct GoldenFrameTests {
    static let sim = TestSupport.demoSimulator()

    func render(_ view: String, _ cols: Int, _ rows: Int, namespace: String? = nil, filter: String = "",
                color: Bool = false, ascii: Bool = false) throws -> String {
        try Renderer.render(view: view, state: Self.sim.snapshot, size: (cols, rows), color: color, theme: nil,
                            namespace: namespace, filter: filter, epoch: Self.sim.config.epoch, ascii: ascii)
    }

    @Test(arguments: ["services", "pods", "endpoints", "ingresses"])
    func mainViews(view: String) throws {
        TestSupport.expectGolden(try render(view, 80, 24), "\(view)-80x24")
        TestSupport.expectGolden(try render(view, 120, 40), "\(view)-120x40")
    }

    @Test(arguments: ["deployments", "replicasets", "statefulsets", "daemonsets", "nodes", "events", "namespaces"])
    func otherViews(view: String) throws {
        TestSupport.expectGolden(try render(view, 120, 40), "\(view)-120x40")
    }

    @Test func oneNamespace() throws {
        TestSupport.expectGolden(try render("svc", 80, 24, namespace: "shop"), "services-shop-80x24")
        TestSupport.expectGolden(try render("po", 80, 24, namespace: "shop"), "pods-shop-80x24")
    }

    @Test func colour() throws {
        let text = try render("svc", 80, 24, color: true)
        #expect(text.contains("\u{1B}["))
        TestSupport.expectGolden(text, "services-80x24-color")
        TestSupport.expectGolden(try render("ep", 80, 24, namespace: "shop", color: true), "endpoints-shop-80x24-color")
    }

    @Test func asciiFallback() throws {
        let text = try render("ep", 80, 24, namespace: "shop", ascii: true)
        let allASCII = text.allSatisfy { $0.isASCII }
        #expect(allASCII)
        TestSupport.expectGolden(text, "endpoints-shop-80x24-ascii")
    }

    @Test func help() throws {
        TestSupport.expectGolden(try render("help", 80, 24), "help-80x24")
        TestSupport.expectGolden(try render("help", 120, 40), "help-120x40")
    }

    @Test func filters() throws {
        TestSupport.expectGolden(try render("po", 80, 24, filter: "api"), "filter-text")
        TestSupport.expectGolden(try render("po", 80, 24, filter: "-l app.kubernetes.io/name=frontend"), "filter-labels")
        TestSupport.expectGolden(try render("svc", 80, 24, filter: "!shop"), "filter-inverse")
        TestSupport.expectGolden(try render("po", 80, 24, filter: "-l app in ("), "filter-bad-selector")
        TestSupport.expectGolden(try render("po", 80, 24, filter: "nothing-matches-this"), "filter-no-match")
    }

    @Test func compactAndTooSmall() throws {
        TestSupport.expectGolden(try render("svc", 60, 16), "services-60x16")
        TestSupport.expectGolden(try render("po", 40, 8), "pods-40x8")
        TestSupport.expectGolden(try render("svc", 30, 6), "too-small-30x6")
    }
}
