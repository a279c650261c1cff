import Foundation
import Testing

extension DashboardTmuxTests {
    @Test("`t` opens the URL prompt, Enter traces it: the hop to a pod appears; Esc goes back")
    func tracesAURL() async throws {
        let tm = try TmuxDashboard(["--view", "svc", "-n", "shop"])
        defer { tm.kill() }
        try await tm.waitFor("shop Services") { $0.contains("Services(shop)") && TmuxDashboard.rows($0).count >= 5 }
        try tm.send("t")
        try await tm.waitFor(text: "trace URL: http://")
        try tm.send("C-u")
        try tm.type("http://shop.example.com/api")
        try tm.send("Enter")
        let screen = try await tm.waitFor("the trace's hops down to a pod") {
            $0.contains("Trace(http://shop.example.com/api)") && $0.contains("→ Pod api-")
        }
        #expect(screen.contains("→ Ingress shop/shop (shop.example.com /api Prefix)"), "\(screen)")
        #expect(screen.contains("200: "), "\(screen)")
        try tm.send("Escape")
        try await tm.waitFor("the Services view again") {
            $0.contains("Services(shop)") && !$0.contains("Trace(") && TmuxDashboard.rows($0).count >= 5
        }
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("`:load` then `:traffic` shows the Service and its pods taking requests")
    func trafficView() async throws {
        let tm = try TmuxDashboard(["--view", "svc", "-n", "shop", "--speed", "16"])
        defer { tm.kill() }
        try await tm.waitFor(text: "Services(shop)")
        try tm.type(":load http://shop.example.com/api --rps 50")
        try tm.send("Enter")
        try tm.type(":traffic")
        try tm.send("Enter")
        let screen = try await tm.waitFor("the api Service with requests and its pods") {
            $0.contains("Traffic(shop)") && $0.contains("Service api") && $0.contains("└─ api-")
                && $0.contains("100.0%")
        }
        #expect(!screen.contains("No load is running"), "\(screen)")
        try await tm.quitAndExpectSaneTerminal()
    }
}
