import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("ReplicaSet counts from the Dispatcher's tally")
struct ReplicaTallyTests {
    /// Each ReplicaSet's counts as the tally gives them and as a count of its pods in the store gives them.
    static func compare(_ sim: Simulator, _ context: String) {
        for rs in sim.snapshot.replicaSets.all.sorted(by: { $0.metadata.name < $1.metadata.name }) {
            let owner = rs.replicaOwner
            let fromTally = sim.tallyCounts(owner)
            #expect(fromTally != nil, "\(rs.metadata.name): the tally covers every owned pod — \(context)")
            let fromStore = sim.replicaCounts(owner)
            #expect(fromTally?.0 == fromStore.0, "\(rs.metadata.name) — \(context)")
            #expect(fromTally?.nextAvailability == fromStore.nextAvailability, "\(rs.metadata.name) — \(context)")
        }
    }

    @Test("After every step of a random walk, the tally's replica, ready and available counts equal a count from the store")
    func tallyMatchesStore() throws {
        var sim = Make.simulator(PropertyTests.cluster() + [
            Make.deployment("slow", replicas: 3) { $0.spec.minReadySeconds = 7 },
        ], seed: 9)
        var rng = SeededRandom(seed: 13)
        for step in 0..<150 {
            let line = PropertyTests.randomStep(sim, &rng)
            try sim.run(line)
            Self.compare(sim, "step \(step) '\(line)'")
        }
    }

    @Test("A pod that leaves its owner (labels changed, owner reference dropped) leaves the owner's tally")
    func orphanLeavesTally() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2)])
        var pod = try #require(sim.pods("web-").first)
        let rs = try #require(sim.snapshot.replicaSets.all.first)
        pod.metadata.ownerReferences = []
        pod.metadata.labels = ["app": "elsewhere"]
        try sim.store.update(pod)
        sim.runControllers()
        #expect(sim.tallyCounts(rs.replicaOwner)?.0.replicas == 2, "a replacement was made for the orphan")
        #expect(sim.activePods("web-").count == 3)
        Self.compare(sim, "after orphaning")
    }
}
