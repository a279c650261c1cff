import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Simulated load over virtual time")
struct LoadTests {
    static let web = ObjectKey(namespace: "default", name: "web")

    @Test("A killed pod keeps receiving (failing) requests until kube-proxy's rules catch up, then none fail")
    func killLosesRequestsUntilRulesCatchUp() throws {
        var sim = Shop.simulator()
        try sim.run("load http://shop.example.com/ --rps 300")
        try sim.run("advance 5s")
        #expect(sim.traffic.services[Self.web]?.errorCount == 0)
        #expect(sim.traffic.services[Self.web]?.requests == 1500)
        let victim = sim.pods("web-")[0].metadata.key
        let killedAt = sim.elapsedMs
        try sim.run("kill pod/\(victim.name)")
        try sim.run("advance 10s")
        let errors = try #require(sim.traffic.services[Self.web]).errors
        #expect((errors["connection-failed"] ?? 0) > 0)
        #expect(errors.keys.sorted() == ["connection-failed"])
        #expect(sim.traffic.pods[victim]?.errors["connection-failed"] == errors["connection-failed"],
                "every failure was a request sent to the dead pod")
        // Failures stop once the rules have caught up (1s after the change): only the kill's second shows them.
        let seconds = sim.traffic.services[Self.web]!.window.perSecond(endingAt: sim.elapsedMs / 1000)
        let firstSecond: Int64 = sim.elapsedMs / 1000 - Int64(TrafficWindow.seconds) + 1
        var failingSeconds: [Int64] = []
        for (offset, bucket) in seconds.enumerated() where bucket.errors > 0 { failingSeconds.append(firstSecond + Int64(offset)) }
        let lastAllowed: Int64 = (killedAt + 1000) / 1000
        #expect(!failingSeconds.isEmpty)
        #expect(failingSeconds.allSatisfy { $0 >= killedAt / 1000 && $0 <= lastAllowed }, "\(failingSeconds)")
        #expect(sim.traffic.total.requests == 4500)
    }

    @Test("A graceful delete with a ready replacement loses nothing")
    func gracefulDeleteLosesNothing() throws {
        var sim = Shop.simulator()
        try sim.run("load http://shop.example.com/ --rps 300")
        try sim.run("advance 5s")
        let victim = sim.pods("web-")[0].metadata.name
        try sim.run("delete pod/\(victim)")
        try sim.run("advance 40s")
        #expect(sim.pod(victim) == nil, "the grace period is over")
        #expect(sim.activePods("web-").filter(\.isReady).count == 3, "a replacement is ready")
        let counters = try #require(sim.traffic.services[Self.web])
        #expect(counters.requests == 300 * 45)
        #expect(counters.errorCount == 0)
        #expect(counters.successes == counters.requests)
    }

    @Test("A Deployment scaled to zero under load: the Ingress answers 503 (no-endpoints)")
    func scaleToZeroUnderLoad() throws {
        var sim = Shop.simulator()
        try sim.run("load http://shop.example.com/cart --rps 100")
        try sim.run("advance 2s")
        try sim.run("scale deployment/cart --replicas=0")
        try sim.run("advance 40s")
        let before = sim.traffic.services[ObjectKey(namespace: "default", name: "cart")]?.errors["no-endpoints"] ?? 0
        try sim.run("advance 1s")
        let after = sim.traffic.services[ObjectKey(namespace: "default", name: "cart")]?.errors["no-endpoints"] ?? 0
        #expect(after - before == 100, "every request of the last second was answered 503")
    }

    @Test("settle ends while a load without --for is running")
    func settleIgnoresLoad() throws {
        var sim = Shop.simulator()
        try sim.run("load http://shop.example.com/ --rps 10")
        #expect(!sim.hasPendingWork)
        let start = sim.elapsedMs
        let quiet = sim.settle()
        #expect(quiet)
        #expect(sim.elapsedMs == start)
        try sim.run("kill pod/\(sim.pods("web-")[0].metadata.name)")
        let settled = sim.settle()
        #expect(settled)
        #expect(sim.elapsedMs - start < 60_000, "settled once the replacement was ready, load still running")
        #expect(sim.traffic.loads.count == 1)
        #expect(sim.traffic.total.requests > 0, "the load kept sending while settle moved time")
    }

    @Test("load --for stops by itself; rates below one per tick add up exactly")
    func loadForDuration() throws {
        var sim = Shop.simulator()
        try sim.run("load http://shop.example.com/ --rps 15 --for 2s")
        #expect(sim.traffic.loads == [LoadInfo(id: 1, url: "http://shop.example.com/", rps: 15, untilMs: sim.elapsedMs + 2000)])
        try sim.run("advance 5s")
        #expect(sim.traffic.total.requests == 30)
        #expect(sim.traffic.loads.isEmpty)
    }

    @Test("load stop ends one load or all; counters stay")
    func loadStop() throws {
        var sim = Shop.simulator()
        try sim.run("load http://shop.example.com/ --rps 10")
        try sim.run("load http://shop.example.com/cart --rps 10")
        try sim.run("advance 1s")
        try sim.run("load stop http://shop.example.com/cart")
        #expect(sim.traffic.loads.map(\.url) == ["http://shop.example.com/"])
        try sim.run("advance 1s")
        #expect(sim.traffic.total.requests == 30)
        try sim.run("load stop")
        try sim.run("advance 1s")
        #expect(sim.traffic.total.requests == 30)
        #expect(throws: SimulationError.notFound("load stop: no load is running to http://x/")) {
            try sim.run("load stop http://x/")
        }
    }

    @Test("Per-pod counters add up to the Service's; iptables-mode load spreads over every ready pod")
    func perPodCounters() throws {
        var sim = Shop.simulator()
        try sim.run("load http://web.default/ --rps 600")
        try sim.run("advance 5s")
        let pods = sim.pods("web-").map(\.metadata.key)
        let counts = pods.map { sim.traffic.pods[$0]?.requests ?? 0 }
        #expect(counts.reduce(0, +) == sim.traffic.services[Self.web]?.requests)
        #expect(counts.allSatisfy { (800...1200).contains($0) }, "\(counts)")
    }

    @Test("The sliding window keeps 60 one-second buckets and forgets older ones")
    func slidingWindow() {
        var w = TrafficWindow()
        w.record(second: 3, requests: 5, errors: 1)
        w.record(second: 3, requests: 2, errors: 0)
        w.record(second: 4, requests: 1, errors: 1)
        let recent = w.perSecond(endingAt: 4)
        #expect(recent.count == 60)
        #expect(recent[58] == (7, 1) && recent[59] == (1, 1))
        w.record(second: 70, requests: 9, errors: 0)
        let later = w.perSecond(endingAt: 70)
        #expect(later.dropLast().allSatisfy { $0.requests == 0 }, "second 3 and 4 fell out of the window")
        #expect(later[59] == (9, 0))
        w.record(second: 5, requests: 1, errors: 0)
        #expect(w.perSecond(endingAt: 70)[59] == (9, 0), "too old to count")
    }
}
