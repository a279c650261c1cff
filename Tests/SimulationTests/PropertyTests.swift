import ClusterStore
import KubeModel
import Testing
@testable import Simulation

/// Random seeded action sequences. After every step the endpoints are recomputed here, independently of the
/// controllers, straight from DESIGN §4, and compared with what the controllers wrote.
@Suite("Property: endpoints and allocations follow the rules after every step")
struct PropertyTests {
    static let deployments = ["web", "api", "worker", "cache"]
    static let nodes = ["node-1", "node-2", "node-3"]

    static func cluster() -> [KubeObject] {
        [
            Make.deployment("web", replicas: 3, probe: Probe(initialDelaySeconds: 2, periodSeconds: 3)),
            Make.deployment("api", replicas: 2, labels: ["app": "api", "tier": "backend"],
                            ports: [ContainerPort(name: "http", containerPort: 9090)]),
            Make.deployment("worker", replicas: 2, labels: ["app": "worker", "tier": "backend"],
                            ports: [ContainerPort(name: "metrics", containerPort: 9100)], grace: 5),
            Make.deployment("cache", replicas: 1, probe: Probe(initialDelaySeconds: 1, periodSeconds: 2, failureThreshold: 1),
                            ports: [ContainerPort(name: "redis", containerPort: 6379)]),
            Make.statefulSet("db", replicas: 2, probe: Probe(initialDelaySeconds: 1, periodSeconds: 2)),
            Make.service("web", selector: ["app": "web"]),
            Make.service("web-lb", selector: ["app": "web"], type: .loadBalancer),
            Make.service("api", selector: ["app": "api"], type: .nodePort),
            // Named port resolved differently per pod (api: 9090, worker: none) plus a numeric port.
            Make.service("backend", selector: ["tier": "backend"],
                         ports: [ServicePort(name: "http", port: 80, targetPort: .string("http")),
                                 ServicePort(name: "metrics", port: 9100, targetPort: .int(9100))],
                         publishNotReady: true),
            Make.service("cache", selector: ["app": "cache"],
                         ports: [ServicePort(name: "redis", port: 6379, targetPort: .string("redis"))], type: .nodePort),
            Make.service("db", selector: ["app": "db"], clusterIP: "None"),
            Make.service("manual", selector: nil),
            Make.service("ext", selector: nil, type: .externalName) { $0.spec.externalName = "db.example.com" },
        ]
    }

    // MARK: the rules, computed independently

    struct ExpectedEndpoint: Hashable, Comparable, CustomStringConvertible {
        var ip: String
        var ready: Bool
        var serving: Bool
        var terminating: Bool
        var ports: [String]
        var hostname: String?
        static func < (a: Self, b: Self) -> Bool { a.description < b.description }
        var description: String {
            "\(ip) r=\(ready) s=\(serving) t=\(terminating) ports=\(ports) host=\(hostname ?? "-")"
        }
    }

    /// nil when the Service gets no managed endpoints (no selector, `{}`, ExternalName).
    static func selectedPods(_ service: Service, _ state: ClusterState) -> [Pod]? {
        guard service.spec.type != .externalName, let selector = service.spec.selector, !selector.isEmpty else { return nil }
        return state.pods.all.filter { pod in
            pod.metadata.namespace == service.metadata.namespace
                && selector.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
                && pod.status.podIP != nil && pod.status.phase != .succeeded && pod.status.phase != .failed
        }
    }

    static func ports(_ service: Service, _ pod: Pod) -> [String] {
        service.spec.ports.compactMap { sp -> String? in
            let number: Int?
            switch sp.targetPort {
            case .int(let n): number = n
            case .string(let name):
                number = pod.spec.containers.flatMap(\.ports).first { $0.name == name && $0.protocol == sp.protocol }?.containerPort
            }
            return number.map { "\(sp.name ?? "")=\($0)/\(sp.protocol)" }
        }.sorted()
    }

    static func expectedSliceEndpoints(_ service: Service, _ pods: [Pod]) -> [ExpectedEndpoint] {
        pods.map { pod in
            let serving = pod.status.condition("Ready")?.status == "True"
            let terminating = pod.metadata.deletionTimestamp != nil
            let hostname = pod.spec.subdomain == service.metadata.name ? pod.spec.hostname : nil
            return ExpectedEndpoint(ip: pod.status.podIP!, ready: service.spec.publishNotReadyAddresses || (serving && !terminating),
                                    serving: serving, terminating: terminating, ports: ports(service, pod), hostname: hostname)
        }.sorted()
    }

    static func checkSlices(_ sim: Simulator, _ context: @autoclosure () -> String) {
        let state = sim.snapshot
        for service in state.services.all {
            let name = service.metadata.name
            let slices = state.endpointSlices.all.filter {
                $0.metadata.namespace == service.metadata.namespace
                    && $0.metadata.labels[EndpointSlice.serviceNameLabel] == name
                    && $0.metadata.labels[EndpointSlice.managedByLabel] == EndpointSlice.controllerName
            }
            guard let pods = selectedPods(service, state) else {
                #expect(slices.isEmpty, "\(name): no managed slices without a selector — \(context())")
                continue
            }
            let expected = expectedSliceEndpoints(service, pods)
            let actual = slices.flatMap { slice in
                slice.endpoints.map { e in
                    ExpectedEndpoint(ip: e.addresses.first ?? "?", ready: e.conditions.ready ?? false,
                                     serving: e.conditions.serving ?? false, terminating: e.conditions.terminating ?? false,
                                     ports: slice.ports.map { "\($0.name ?? "")=\($0.port ?? -1)/\($0.protocol)" }.sorted(),
                                     hostname: e.hostname)
                }
            }.sorted()
            #expect(actual == expected, "\(name) slices — \(context())")
            #expect(slices.allSatisfy { $0.endpoints.count <= 100 }, "\(name): ≤100 per slice — \(context())")
            if expected.isEmpty {
                #expect(slices.count == 1, "\(name): one placeholder slice — \(context())")
            } else {
                #expect(slices.allSatisfy { !$0.endpoints.isEmpty }, "\(name): no empty slice beside endpoints — \(context())")
            }
        }
    }

    static func checkEndpoints(_ sim: Simulator, _ context: @autoclosure () -> String) {
        let state = sim.snapshot
        for service in state.services.all {
            let name = service.metadata.name
            let ep = state.endpoints[service.metadata.key]
            guard let pods = selectedPods(service, state) else {
                #expect(ep == nil, "\(name): no Endpoints without a selector — \(context())")
                continue
            }
            let publish = service.spec.publishNotReadyAddresses
            var ready: [String] = [], notReady: [String] = []
            for pod in pods {
                let terminating = pod.metadata.deletionTimestamp != nil
                if terminating && !publish { continue }
                let entry = "\(pod.status.podIP!) \(ports(service, pod))"
                if publish || pod.status.condition("Ready")?.status == "True" { ready.append(entry) } else { notReady.append(entry) }
            }
            guard let ep else {
                Issue.record("\(name): Endpoints missing — \(context())")
                continue
            }
            func entries(_ keyPath: KeyPath<EndpointSubset, [EndpointAddress]>) -> [String] {
                ep.subsets.flatMap { subset in
                    let ports = subset.ports.map { "\($0.name ?? "")=\($0.port ?? -1)/\($0.protocol)" }.sorted()
                    return subset[keyPath: keyPath].map { "\($0.ip) \(ports)" }
                }.sorted()
            }
            #expect(entries(\.addresses) == ready.sorted(), "\(name) addresses — \(context())")
            #expect(entries(\.notReadyAddresses) == notReady.sorted(), "\(name) notReadyAddresses — \(context())")
        }
    }

    static func checkAllocations(_ sim: Simulator, _ context: @autoclosure () -> String) {
        let state = sim.snapshot
        let podIPs = state.pods.all.compactMap(\.status.podIP)
        #expect(Set(podIPs).count == podIPs.count, "pod IPs unique — \(context())")
        let clusterIPs = state.services.all.compactMap(\.spec.clusterIP).filter { $0 != "None" }
        #expect(Set(clusterIPs).count == clusterIPs.count, "ClusterIPs unique — \(context())")
        let nodePorts = state.services.all.flatMap { $0.spec.ports.compactMap(\.nodePort) }
        #expect(Set(nodePorts).count == nodePorts.count, "NodePorts unique — \(context())")
        let lbIPs = state.services.all.flatMap { $0.loadBalancerIngress.compactMap(\.ip) }
        #expect(Set(lbIPs).count == lbIPs.count, "LoadBalancer addresses unique — \(context())")
    }

    // MARK: the walk

    static func randomStep(_ sim: Simulator, _ rng: inout SeededRandom) -> String {
        func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &rng)] }
        let pods = sim.snapshot.pods.all.map(\.metadata.name).sorted()
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<12: return "scale deployment/\(pick(deployments)!) --replicas=\(Int.random(in: 0...5, using: &rng))"
        case 12..<16: return "scale statefulset/db --replicas=\(Int.random(in: 0...3, using: &rng))"
        case 16..<26: return pick(pods).map { "kill pod/\($0)" } ?? "settle"
        case 26..<36:
            let grace = pick(["", " --grace-period=0", " --grace-period=3"])!
            return pick(pods).map { "delete pod/\($0)\(grace)" } ?? "settle"
        case 36..<44: return pick(pods).map { "fail-readiness pod/\($0)" } ?? "settle"
        case 44..<50: return pick(pods).map { "recover-readiness pod/\($0)" } ?? "settle"
        case 50..<54:
            let running = sim.snapshot.pods.all.filter { $0.status.phase == .running && !$0.metadata.isTerminating
                && $0.status.containerStatuses.allSatisfy { if case .running = $0.state { true } else { false } } }
            return pick(running.map(\.metadata.name).sorted()).map { "crash pod/\($0)" } ?? "settle"
        case 54..<59: return "fail node/\(pick(nodes)!)"
        case 59..<64: return "recover node/\(pick(nodes)!)"
        case 64..<67: return "cordon node/\(pick(nodes)!)"
        case 67..<70: return "uncordon node/\(pick(nodes)!)"
        case 70..<72: return "settle"
        default: return "advance \(pick(["200ms", "1s", "2s", "5s", "15s", "45s", "2m", "301s"])!)"
        }
    }

    @Test("Random seeded sequences: slices and Endpoints match the rules, IPs and ports stay unique, Deployments converge",
          arguments: [1, 2, 3] as [UInt64])
    func randomWalk(seed: UInt64) throws {
        var sim = Make.simulator(Self.cluster(), seed: seed)
        var rng = SeededRandom(seed: seed &* 7919)
        var history: [String] = []
        for step in 0..<300 {
            let line = Self.randomStep(sim, &rng)
            history.append(line)
            try sim.run(line)
            let context = "seed \(seed) step \(step) '\(line)' at \(sim.nowMs)ms"
            Self.checkSlices(sim, context)
            Self.checkEndpoints(sim, context)
            Self.checkAllocations(sim, context)
        }

        for node in Self.nodes {
            try sim.run("recover node/\(node)")
            try sim.run("uncordon node/\(node)")
        }
        for pod in sim.snapshot.pods.all.map(\.metadata.name).sorted() { try sim.run("recover-readiness pod/\(pod)") }
        let settled = sim.settle()
        #expect(settled, "seed \(seed): settles")
        let context = "seed \(seed) after settle"
        Self.checkSlices(sim, context)
        Self.checkEndpoints(sim, context)
        Self.checkAllocations(sim, context)
        for d in sim.snapshot.deployments.all {
            let want = d.spec.desiredReplicas
            #expect(d.status.replicas == want && d.status.readyReplicas == want && d.status.availableReplicas == want,
                    "seed \(seed): \(d.metadata.name) wants \(want), has \(d.status.replicas)/\(d.status.readyReplicas) ready")
            #expect(sim.activePods(d.metadata.name + "-").count == want)
        }
        let db = try #require(sim.snapshot.statefulSets.all.first)
        #expect(db.status.readyReplicas == db.spec.desiredReplicas, "seed \(seed): statefulset converges")
        #expect(sim.snapshot.pods.all.allSatisfy { !$0.metadata.isTerminating }, "seed \(seed): nothing left terminating")
    }
}
