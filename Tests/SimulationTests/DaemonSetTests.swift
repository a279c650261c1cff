import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("DaemonSet controller")
struct DaemonSetTests {
    @Test("A DaemonSet runs exactly one pod on every node")
    func onePerNode() throws {
        let sim = Make.simulator([Make.daemonSet("agent")])
        let pods = sim.pods("agent-")
        #expect(pods.count == 3)
        #expect(Set(pods.compactMap(\.spec.nodeName)) == ["node-1", "node-2", "node-3"])
        #expect(pods.allSatisfy { $0.isReady })
        let ds = try #require(sim.snapshot.daemonSets.all.first)
        #expect(ds.status.desiredNumberScheduled == 3 && ds.status.numberReady == 3 && ds.status.numberMisscheduled == 0)
    }

    @Test("A cordoned node still gets its daemon pod (daemon pods tolerate unschedulable)")
    func cordonedNode() throws {
        var sim = Make.simulator([])
        try sim.run("cordon node/node-2")
        try sim.applyObject(Make.daemonSet("agent"))
        try sim.run("settle")
        #expect(sim.pods("agent-").filter { $0.spec.nodeName == "node-2" }.count == 1)
        #expect(sim.pods("agent-").count == 3)
    }

    @Test("A killed daemon pod is replaced on the same node")
    func replacedOnSameNode() throws {
        var sim = Make.simulator([Make.daemonSet("agent")])
        let victim = try #require(sim.pods("agent-").first { $0.spec.nodeName == "node-1" })
        try sim.run("kill pod/\(victim.metadata.name)")
        try sim.run("settle")
        #expect(sim.pods("agent-").filter { $0.spec.nodeName == "node-1" }.count == 1)
        #expect(sim.pods("agent-").count == 3)
    }
}
