import ClusterStore
import Foundation
import KubeModel
import Testing
@testable import Recording
import Simulation

@Suite("Branching from a replay")
struct BranchTests {
    @Test("A branch starts from exactly the replayed cluster at that moment")
    func branchMatchesReplay() throws {
        let file = try Fixture.file(try Fixture.recordDemo())
        let replay = try Replay(file)
        for fraction in [0.0, 0.1, 0.35, 0.6, 0.9, 1.0] {
            let t = replay.startMs + Int64(Double(replay.durationMs) * fraction)
            let sim = try ReplayBranch.simulator(file, atMs: t)
            #expect(sim.elapsedMs == t)
            #expect(Fixture.canonical(sim.snapshot).dropFirst() == Fixture.canonical(replay.state(atMs: t)).dropFirst(),
                    "at \(t)")
        }
    }

    @Test("A branch continues the recorded seed stream: left alone it reaches the recording's end state")
    func branchContinuesSeedStream() throws {
        let file = try Fixture.file(try Fixture.recordDemo())
        let replay = try Replay(file)
        // Mid-way through the last `advance 40s`: pods are still being replaced and probed.
        let t = replay.endMs - 25_000
        var sim = try ReplayBranch.simulator(file, atMs: t)
        sim.advance(byMs: replay.endMs - t)
        #expect(Fixture.canonical(sim.snapshot) == Fixture.canonical(replay.state(throughEntry: replay.entryCount - 1)))
    }

    @Test("A branch is live: an action taken there changes the cluster")
    func branchIsLive() throws {
        let file = try Fixture.file(try Fixture.recordDemo())
        let replay = try Replay(file)
        var sim = try ReplayBranch.simulator(file, atMs: replay.actions[1].atMs)
        try sim.perform(ActionParser.parse("scale deployment/frontend --replicas=9 -n shop"))
        sim.settle()
        #expect(sim.snapshot.pods.all.filter { $0.metadata.name.hasPrefix("frontend-") && $0.isReady }.count == 9)
    }
}
