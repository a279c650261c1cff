import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Node lifecycle: failure, recovery, drain")
struct NodeLifecycleTests {
    static func cluster() -> Simulator {
        Make.simulator([Make.deployment("web", replicas: 6), Make.service("web", selector: ["app": "web"]),
                        Make.daemonSet("agent")])
    }

    static func node(_ sim: Simulator, _ name: String) -> Node? { sim.snapshot.nodes[ObjectKey(namespace: "", name: name)] }

    @Test("A failed node turns NotReady and its pods turn not ready at once (and leave the ready endpoints)")
    func failNodeNotReady() throws {
        var sim = Self.cluster()
        try sim.run("fail node/node-1")
        #expect(Self.node(sim, "node-1")?.status.condition("Ready")?.status == "Unknown")
        let onNode = sim.pods().filter { $0.spec.nodeName == "node-1" }
        #expect(onNode.count == 3)
        #expect(onNode.allSatisfy { !$0.isReady && !$0.metadata.isTerminating })
        let notReadyIPs = Set(onNode.compactMap(\.status.podIP))
        for e in sim.sliceEndpoints("web") where notReadyIPs.contains(e.addresses[0]) {
            #expect(e.conditions.ready == false)
        }
        #expect(sim.activePods("web-").count == 6, "nothing is replaced before eviction")
    }

    @Test("After 300s the failed node's pods are evicted (Terminating) and replaced on other nodes")
    func evictionAfterTolerationSeconds() throws {
        var sim = Self.cluster()
        let victims = Set(sim.pods("web-").filter { $0.spec.nodeName == "node-1" }.map(\.metadata.name))
        try sim.run("fail node/node-1")
        try sim.run("advance 299s")
        #expect(sim.pods("web-").filter { victims.contains($0.metadata.name) }.allSatisfy { !$0.metadata.isTerminating })
        try sim.run("advance 1s")
        #expect(sim.pods("web-").filter { victims.contains($0.metadata.name) }.allSatisfy { $0.metadata.isTerminating })
        try sim.run("settle")
        let active = sim.activePods("web-")
        #expect(active.count == 6)
        #expect(active.allSatisfy { $0.spec.nodeName != "node-1" && $0.isReady })
        #expect(sim.deployment("web")?.status.readyReplicas == 6)
        // The kubelet cannot confirm the deletion: the evicted pods stay Terminating while the node is gone.
        #expect(sim.pods("web-").filter { victims.contains($0.metadata.name) }.count == victims.count)
        #expect(sim.pods("agent-").filter { $0.spec.nodeName == "node-1" && !$0.metadata.isTerminating }.count == 1,
                "daemon pods tolerate the unreachable taint")
        #expect(!sim.events(reason: "TaintManagerEviction").isEmpty)
    }

    @Test("Recovering the node removes its stuck Terminating pods and its other pods turn ready")
    func recoverNode() throws {
        var sim = Self.cluster()
        let victims = Set(sim.pods("web-").filter { $0.spec.nodeName == "node-1" }.map(\.metadata.name))
        try sim.run("fail node/node-1")
        try sim.run("advance 301s")
        try sim.run("recover node/node-1")
        #expect(Self.node(sim, "node-1")?.isReady == true)
        #expect(sim.pods("web-").allSatisfy { !victims.contains($0.metadata.name) })
        #expect(sim.pods("agent-").filter { $0.spec.nodeName == "node-1" }.allSatisfy { $0.isReady })
        try sim.run("settle")
        #expect(sim.deployment("web")?.status.readyReplicas == 6)
    }

    @Test("A node that recovers within 300s keeps its pods")
    func recoverBeforeEviction() throws {
        var sim = Self.cluster()
        let before = Set(sim.pods("web-").map(\.metadata.name))
        try sim.run("fail node/node-1")
        try sim.run("advance 100s")
        try sim.run("recover node/node-1")
        try sim.run("advance 600s")
        #expect(Set(sim.pods("web-").map(\.metadata.name)) == before)
        #expect(sim.pods("web-").allSatisfy { $0.isReady })
    }

    @Test("A node that fails again is evicted 300s after its latest failure, not its first")
    func evictionClockRestarts() throws {
        var sim = Self.cluster()
        try sim.run("fail node/node-1")
        try sim.run("advance 100s")
        try sim.run("recover node/node-1")
        try sim.run("advance 100s")
        try sim.run("fail node/node-1")   // t = 200s; eviction is due at 500s
        try sim.run("advance 150s")       // t = 350s: past the first failure's deadline
        #expect(sim.pods("web-").filter { $0.spec.nodeName == "node-1" }.allSatisfy { !$0.metadata.isTerminating })
        try sim.run("advance 150s")       // t = 500s
        #expect(sim.pods("web-").filter { $0.spec.nodeName == "node-1" }.allSatisfy { $0.metadata.isTerminating })
    }

    @Test("Pods on an unreachable node never turn ready, even those still starting")
    func noProgressOnUnreachableNode() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3, probe: Probe(initialDelaySeconds: 5)),
                                  Make.service("web", selector: ["app": "web"])], settle: false)
        // Pods are bound, containers not yet started.
        #expect(sim.pods("web-").allSatisfy { $0.spec.nodeName != nil && $0.status.phase == .pending })
        try sim.run("fail node/node-1")
        try sim.run("advance 60s")
        let stuck = sim.pods("web-").filter { $0.spec.nodeName == "node-1" }
        #expect(stuck.count == 1)
        #expect(stuck.allSatisfy { !$0.isReady }, "a kubelet that cannot reach the API server reports nothing")
        #expect(sim.sliceEndpoints("web").filter { $0.nodeName == "node-1" }.allSatisfy { $0.conditions.ready == false })
    }

    @Test("A recovered node resumes the work it could not do: containers start and probes pass")
    func recoveredNodeResumesWork() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3, probe: Probe(initialDelaySeconds: 5)),
                                  Make.service("web", selector: ["app": "web"])], settle: false)
        try sim.run("fail node/node-1")
        try sim.run("advance 60s")
        try sim.run("recover node/node-1")
        try sim.run("settle")
        #expect(sim.pods("web-").count == 3)
        #expect(sim.pods("web-").allSatisfy { $0.isReady && $0.status.podIP != nil })
        #expect(sim.sliceEndpoints("web").allSatisfy { $0.conditions.ready == true })
    }

    @Test("drain cordons the node and evicts every pod except DaemonSet pods")
    func drain() throws {
        var sim = Self.cluster()
        try sim.run("drain node/node-2")
        #expect(Self.node(sim, "node-2")?.spec.unschedulable == true)
        let onNode = sim.pods().filter { $0.spec.nodeName == "node-2" }
        #expect(onNode.filter { $0.metadata.name.hasPrefix("web-") }.allSatisfy { $0.metadata.isTerminating })
        #expect(onNode.filter { $0.metadata.name.hasPrefix("agent-") }.allSatisfy { !$0.metadata.isTerminating })
        try sim.run("settle")
        #expect(sim.pods("web-").allSatisfy { $0.spec.nodeName != "node-2" })
        #expect(sim.pods("web-").count == 6)
        #expect(sim.pods("agent-").filter { $0.spec.nodeName == "node-2" }.count == 1)
    }
}
