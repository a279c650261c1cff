import ClusterStore
import KubeModel
import Testing
@testable import Simulation

/// Endpoints written by hand, so each kube-proxy rule is tested on exactly the conditions it is about.
enum ProxyFixture {
    struct EP {
        var ip: String
        var node: String = "node-1"
        var ready = true
        var serving = true
        var terminating = false
    }

    static let port = ServicePort(name: "http", port: 80, targetPort: .int(8080))

    static func service(_ change: (inout Service) -> Void = { _ in }) -> Service {
        var s = Service(metadata: ObjectMeta(name: "web", namespace: "default"),
                        spec: ServiceSpec(selector: ["app": "web"], ports: [port]))
        change(&s)
        return s
    }

    static func slices(_ eps: [EP]) -> [EndpointSlice] {
        let endpoints = eps.map { e in
            Endpoint(addresses: [e.ip], conditions: EndpointConditions(ready: e.ready, serving: e.serving, terminating: e.terminating),
                     nodeName: e.node, targetRef: ObjectReference(kind: "Pod", namespace: "default", name: "pod-\(e.ip)"))
        }
        var meta = ObjectMeta(name: "web-abcde", namespace: "default")
        meta.labels = [EndpointSlice.serviceNameLabel: "web"]
        return [EndpointSlice(metadata: meta, endpoints: endpoints, ports: [EndpointPort(name: "http", port: 8080)])]
    }

    static func simulator(mode: ProxyMode = .iptables, seed: UInt64 = 42) -> Simulator {
        var config = SimulationConfig(seed: seed)
        config.proxyMode = mode
        return Simulator(config: config)
    }

    /// The address of each of `n` connections.
    static func choices(_ sim: inout Simulator, _ service: Service, _ eps: [EP], n: Int,
                        scope: ProxyScope = .cluster(clientNode: nil), client: String? = nil) -> [String] {
        let slices = slices(eps)
        return (0..<n).map { _ in
            if case .endpoint(let e, _, _) = sim.proxyChoose(service, port: port, scope: scope, clientIP: client, slices: slices) {
                return e.address
            }
            return "-"
        }
    }
}

@Suite("kube-proxy rules")
struct KubeProxyTests {
    typealias EP = ProxyFixture.EP

    @Test("Only ready endpoints receive traffic")
    func onlyReady() {
        var sim = ProxyFixture.simulator()
        let eps = [EP(ip: "10.0.0.1"), EP(ip: "10.0.0.2"), EP(ip: "10.0.0.3", ready: false, serving: false),
                   EP(ip: "10.0.0.4", ready: false, serving: true, terminating: true)]
        let picked = Set(ProxyFixture.choices(&sim, ProxyFixture.service(), eps, n: 300))
        #expect(picked == ["10.0.0.1", "10.0.0.2"])
    }

    @Test("Terminating but serving endpoints take traffic only when no ready endpoint is left")
    func terminatingFallback() {
        var sim = ProxyFixture.simulator()
        let eps = [EP(ip: "10.0.0.1", ready: false, serving: true, terminating: true),
                   EP(ip: "10.0.0.2", ready: false, serving: false, terminating: true),
                   EP(ip: "10.0.0.3", ready: false, serving: false)]
        let choice = sim.proxyChoose(ProxyFixture.service(), port: ProxyFixture.port, scope: .cluster(clientNode: nil),
                                     clientIP: nil, slices: ProxyFixture.slices(eps))
        guard case .endpoint(let e, let fallback, let candidates) = choice else {
            Issue.record("expected an endpoint, got \(choice)")
            return
        }
        #expect(e.address == "10.0.0.1")
        #expect(fallback)
        #expect(candidates == 1)
    }

    @Test("No endpoint at all: the connection is refused at once, with the terminating and not-ready counts")
    func noEndpointsRefuses() {
        var sim = ProxyFixture.simulator()
        let eps = [EP(ip: "10.0.0.1", ready: false, serving: false, terminating: true),
                   EP(ip: "10.0.0.2", ready: false, serving: false, terminating: true),
                   EP(ip: "10.0.0.3", ready: false, serving: false)]
        let choice = sim.proxyChoose(ProxyFixture.service(), port: ProxyFixture.port, scope: .cluster(clientNode: nil),
                                     clientIP: nil, slices: ProxyFixture.slices(eps))
        #expect(choice == .refused(terminating: 2, notReady: 1))
        #expect(sim.proxyChoose(ProxyFixture.service(), port: ProxyFixture.port, scope: .cluster(clientNode: nil),
                                clientIP: nil, slices: []) == .refused(terminating: 0, notReady: 0))
    }

    @Test("iptables mode picks uniformly at random, reproducibly for a seed")
    func iptablesRandomIsSeeded() {
        let eps = [EP(ip: "10.0.0.1"), EP(ip: "10.0.0.2"), EP(ip: "10.0.0.3")]
        var a = ProxyFixture.simulator(seed: 7), b = ProxyFixture.simulator(seed: 7), c = ProxyFixture.simulator(seed: 8)
        let first = ProxyFixture.choices(&a, ProxyFixture.service(), eps, n: 3000)
        #expect(first == ProxyFixture.choices(&b, ProxyFixture.service(), eps, n: 3000))
        #expect(first != ProxyFixture.choices(&c, ProxyFixture.service(), eps, n: 3000))
        for ip in ["10.0.0.1", "10.0.0.2", "10.0.0.3"] {
            let share = first.filter { $0 == ip }.count
            #expect((900...1100).contains(share), "\(ip) got \(share) of 3000")
        }
        #expect(first.prefix(12) != ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1", "10.0.0.2", "10.0.0.3",
                                     "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1", "10.0.0.2", "10.0.0.3"])
    }

    @Test("IPVS mode goes round robin")
    func ipvsRoundRobin() {
        var sim = ProxyFixture.simulator(mode: .ipvs)
        let eps = [EP(ip: "10.0.0.1"), EP(ip: "10.0.0.2"), EP(ip: "10.0.0.3")]
        #expect(ProxyFixture.choices(&sim, ProxyFixture.service(), eps, n: 7)
            == ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1"])
    }

    @Test("sessionAffinity ClientIP: one client sticks to one endpoint")
    func sessionAffinitySticks() {
        var sim = ProxyFixture.simulator()
        let service = ProxyFixture.service { $0.spec.sessionAffinity = "ClientIP" }
        let eps = [EP(ip: "10.0.0.1"), EP(ip: "10.0.0.2"), EP(ip: "10.0.0.3")]
        #expect(Set(ProxyFixture.choices(&sim, service, eps, n: 200, client: "198.51.100.7")).count == 1)
        let clients = (1...30).map { "198.51.100.\($0)" }
        let firstChoices = clients.map { ProxyFixture.choices(&sim, service, eps, n: 1, client: $0)[0] }
        #expect(Set(firstChoices).count > 1, "different clients spread over the endpoints")
        #expect(Set(ProxyFixture.choices(&sim, ProxyFixture.service(), eps, n: 200, client: "198.51.100.7")).count == 3,
                "without affinity the same client is spread")
    }

    @Test("sessionAffinity ClientIP lasts 10800s by default, the Service's timeoutSeconds when set")
    func sessionAffinityTimeout() {
        // IPVS makes a new choice visible: round robin moves on only when the proxy chooses again.
        var sim = ProxyFixture.simulator(mode: .ipvs)
        let eps = [EP(ip: "10.0.0.1"), EP(ip: "10.0.0.2"), EP(ip: "10.0.0.3")]
        let sticky = ProxyFixture.service { $0.spec.sessionAffinity = "ClientIP" }
        #expect(ProxyFixture.choices(&sim, sticky, eps, n: 3, client: "c") == ["10.0.0.1", "10.0.0.1", "10.0.0.1"])
        sim.advance(byMs: 10_800_000)
        #expect(ProxyFixture.choices(&sim, sticky, eps, n: 1, client: "c") == ["10.0.0.1"], "still within 10800s of last use")
        sim.advance(byMs: 10_800_001)
        #expect(ProxyFixture.choices(&sim, sticky, eps, n: 1, client: "c") == ["10.0.0.2"], "expired: chosen again")

        let short = ProxyFixture.service {
            $0.spec.sessionAffinity = "ClientIP"
            $0.spec.sessionAffinityTimeoutSeconds = 10
        }
        #expect(ProxyFixture.choices(&sim, short, eps, n: 1, client: "d") == ["10.0.0.3"])
        sim.advance(byMs: 9000)
        #expect(ProxyFixture.choices(&sim, short, eps, n: 1, client: "d") == ["10.0.0.3"])
        sim.advance(byMs: 10_001)
        #expect(ProxyFixture.choices(&sim, short, eps, n: 1, client: "d") == ["10.0.0.1"])
    }

    @Test("sessionAffinity gives way when its endpoint is no longer ready")
    func sessionAffinityFollowsReadiness() {
        var sim = ProxyFixture.simulator(mode: .ipvs)
        let sticky = ProxyFixture.service { $0.spec.sessionAffinity = "ClientIP" }
        #expect(ProxyFixture.choices(&sim, sticky, [EP(ip: "10.0.0.1"), EP(ip: "10.0.0.2")], n: 1, client: "c") == ["10.0.0.1"])
        #expect(ProxyFixture.choices(&sim, sticky, [EP(ip: "10.0.0.1", ready: false, serving: false), EP(ip: "10.0.0.2")],
                                     n: 2, client: "c") == ["10.0.0.2", "10.0.0.2"])
    }

    @Test("internalTrafficPolicy Local: only endpoints on the client's node; none there means dropped, not refused")
    func internalTrafficPolicyLocal() {
        var sim = ProxyFixture.simulator()
        let local = ProxyFixture.service { $0.spec.internalTrafficPolicy = "Local" }
        let eps = [EP(ip: "10.0.1.1", node: "node-1"), EP(ip: "10.0.2.1", node: "node-2"), EP(ip: "10.0.2.2", node: "node-2")]
        #expect(Set(ProxyFixture.choices(&sim, local, eps, n: 100, scope: .cluster(clientNode: "node-2"))) == ["10.0.2.1", "10.0.2.2"])
        let choice = sim.proxyChoose(local, port: ProxyFixture.port, scope: .cluster(clientNode: "node-3"), clientIP: nil,
                                     slices: ProxyFixture.slices(eps))
        #expect(choice == .dropped(node: "node-3", elsewhere: 3))
        #expect(Set(ProxyFixture.choices(&sim, ProxyFixture.service(), eps, n: 200, scope: .cluster(clientNode: "node-3"))).count == 3,
                "Cluster (the default) uses every node")
    }

    @Test("externalTrafficPolicy Local: a nodePort on a node without an endpoint drops the packet")
    func externalTrafficPolicyLocal() {
        var sim = ProxyFixture.simulator()
        let local = ProxyFixture.service {
            $0.spec.type = .nodePort
            $0.spec.externalTrafficPolicy = "Local"
        }
        let eps = [EP(ip: "10.0.1.1", node: "node-1")]
        #expect(ProxyFixture.choices(&sim, local, eps, n: 5, scope: .external(node: "node-1")) == Array(repeating: "10.0.1.1", count: 5))
        #expect(sim.proxyChoose(local, port: ProxyFixture.port, scope: .external(node: "node-2"), clientIP: nil,
                                slices: ProxyFixture.slices(eps)) == .dropped(node: "node-2", elsewhere: 1))
        #expect(sim.proxyChoose(local, port: ProxyFixture.port, scope: .external(node: "node-2"), clientIP: nil,
                                slices: []) == .refused(terminating: 0, notReady: 0), "no endpoint anywhere: refused")
        #expect(ProxyFixture.choices(&sim, local, eps, n: 1, scope: .cluster(clientNode: "node-2")) == ["10.0.1.1"],
                "externalTrafficPolicy does not apply to ClusterIP traffic")
    }
}
