import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Endpoints controller (legacy)")
struct EndpointsTests {
    static func names(_ addresses: [EndpointAddress]) -> Set<String> { Set(addresses.compactMap(\.targetRef?.name)) }

    @Test("Ready pods are in addresses, not-ready pods in notReadyAddresses")
    func readyAndNotReady() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3), Make.service("web", selector: ["app": "web"])])
        let pods = sim.pods("web-").map(\.metadata.name)
        try sim.run("fail-readiness pod/\(pods[0])")
        let ep = try #require(sim.endpoints("web"))
        #expect(ep.subsets.count == 1)
        let subset = try #require(ep.subsets.first)
        #expect(Self.names(subset.addresses) == [pods[1], pods[2]])
        #expect(Self.names(subset.notReadyAddresses) == [pods[0]])
        #expect(subset.ports.map(\.port) == [8080])
        for a in subset.addresses { #expect(a.ip == sim.pod(a.targetRef!.name!)?.status.podIP) }
    }

    @Test("Terminating pods are dropped from Endpoints")
    func terminatingDropped() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2), Make.service("web", selector: ["app": "web"])])
        let victim = sim.pods("web-")[0].metadata.name
        try sim.run("delete pod/\(victim)")
        #expect(sim.pod(victim)?.metadata.isTerminating == true)
        let subsets = try #require(sim.endpoints("web")).subsets
        #expect(!subsets.contains { Self.names($0.addresses + $0.notReadyAddresses).contains(victim) })
    }

    @Test("With publishNotReadyAddresses, not-ready and terminating pods are in addresses")
    func publishNotReady() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3),
                                  Make.service("web", selector: ["app": "web"], publishNotReady: true)])
        let pods = sim.pods("web-").map(\.metadata.name)
        try sim.run("fail-readiness pod/\(pods[0])")
        try sim.run("delete pod/\(pods[1])")
        let subset = try #require(sim.endpoints("web")?.subsets.first)
        #expect(Self.names(subset.addresses).isSuperset(of: [pods[0], pods[1], pods[2]]))
        #expect(subset.notReadyAddresses.isEmpty)
    }

    @Test("Endpoints hold at most 1000 addresses and are annotated endpoints.kubernetes.io/over-capacity: truncated")
    func overCapacity() throws {
        // Twelve nodes, so 1001 pods fit both the nodes' pod CIDRs and their 110-pod capacity.
        let nodes = (1...12).map { Make.node("node-\($0)") }
        var sim = Make.simulator(nodes + Make.pods("web", count: 1001))
        try sim.applyObject(Make.service("web", selector: ["app": "web"]))
        #expect(sim.pods("web").allSatisfy { $0.status.podIP != nil })
        var ep = try #require(sim.endpoints("web"))
        #expect(ep.subsets.reduce(0) { $0 + $1.addresses.count + $1.notReadyAddresses.count } == 1000)
        #expect(ep.metadata.annotations["endpoints.kubernetes.io/over-capacity"] == "truncated")
        #expect(sim.sliceEndpoints("web").count == 1001, "EndpointSlices are not truncated")
        try sim.run("kill pod/web-1000")
        ep = try #require(sim.endpoints("web"))
        #expect(ep.subsets.reduce(0) { $0 + $1.addresses.count } == 1000)
        #expect(ep.metadata.annotations["endpoints.kubernetes.io/over-capacity"] == nil, "the annotation goes when it fits")
    }

    @Test("Truncation keeps ready addresses before not-ready ones")
    func truncationKeepsReady() throws {
        let nodes = (1...12).map { Make.node("node-\($0)") }
        var sim = Make.simulator(nodes + Make.pods("web", count: 1005))
        for i in 0..<10 { try sim.run("fail-readiness pod/web-\(i)") }
        try sim.applyObject(Make.service("web", selector: ["app": "web"]))
        let subsets = try #require(sim.endpoints("web")).subsets
        #expect(subsets.reduce(0) { $0 + $1.addresses.count } == 995)
        #expect(subsets.reduce(0) { $0 + $1.notReadyAddresses.count } == 5)
    }

    @Test("Endpoints group pods into subsets by their resolved ports")
    func subsetsByPorts() throws {
        let sim = Make.simulator([
            Make.deployment("a", replicas: 2, labels: ["app": "a", "tier": "web"]),
            Make.deployment("b", replicas: 1, labels: ["app": "b", "tier": "web"],
                            ports: [ContainerPort(name: "http", containerPort: 9090)]),
            Make.service("web", selector: ["tier": "web"]),
        ])
        let subsets = try #require(sim.endpoints("web")).subsets
        #expect(subsets.count == 2)
        #expect(Set(subsets.map { $0.ports.map(\.port) }) == [[8080], [9090]])
        #expect(subsets.first { $0.ports.first?.port == 9090 }?.addresses.count == 1)
    }

    @Test("StatefulSet pods carry their hostname in the Endpoints of their governing Service")
    func hostname() throws {
        let sim = Make.simulator([Make.statefulSet("db", replicas: 2),
                                  Make.service("db", selector: ["app": "db"], clusterIP: "None")])
        let addresses = try #require(sim.endpoints("db")?.subsets.first).addresses
        #expect(Set(addresses.compactMap(\.hostname)) == ["db-0", "db-1"])
    }

    @Test("Endpoints patched pod by pod equal Endpoints built from scratch, order of subsets and addresses included")
    func patchedEqualsScratch() throws {
        var sim = Make.simulator(PropertyTests.cluster(), seed: 5)
        var rng = SeededRandom(seed: 11)
        for step in 0..<150 {
            let line = PropertyTests.randomStep(sim, &rng)
            try sim.run(line)
            for service in sim.snapshot.services.all.sorted(by: { $0.metadata.name < $1.metadata.name }) {
                guard let selector = sim.managedSelector(service) else { continue }
                let ep = try #require(sim.endpoints(service.metadata.name))
                #expect(ep.subsets == sim.desiredSubsets(service, selector: selector),
                        "\(service.metadata.name) step \(step) '\(line)'")
            }
        }
    }

    @Test("A kill patches the Endpoints without rewriting the other addresses")
    func killPatches() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 5), Make.service("web", selector: ["app": "web"])])
        let before = try #require(sim.endpoints("web")).subsets[0].addresses
        let victim = before[2]
        try sim.run("kill pod/\(victim.targetRef!.name!)")
        let after = try #require(sim.endpoints("web")).subsets[0].addresses
        #expect(after == before.filter { $0 != victim }, "the rest keep their order")
    }
}
