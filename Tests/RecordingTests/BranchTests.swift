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

@Suite("Paused recordings")
struct PausedRecordingTests {
    /// Records the demo, pauses, scales while paused, resumes and kills a pod.
    static func pausedRecording() throws -> (RecordingFile, resumedAtMs: Int64) {
        let sink = MemorySink()
        var sim = Simulator(config: SimulationConfig(seed: 42))
        let header = RecordingHeader(seed: 42, createdAt: "2026-11-27T00:00:00Z",
                                     manifests: Fixture.demoObjects.map { $0.json() })
        let recorder = try Recorder(header: header, sink: sink, simulator: &sim)
        try recorder.load(Fixture.demoObjects, into: &sim)
        try recorder.perform(.settle, on: &sim)
        try recorder.pause(&sim)
        try sim.perform(ActionParser.parse("scale deployment/frontend --replicas=6 -n shop"))
        sim.advance(byMs: 10_000)
        try recorder.resume(&sim)
        let resumedAt = sim.elapsedMs
        try recorder.perform(.advance(milliseconds: 5000), on: &sim)
        return (try Fixture.file(sink.lines), resumedAt)
    }

    @Test("A resumed keyframe carries the replay over the gap")
    func replayAcrossGap() throws {
        let (file, resumedAt) = try Self.pausedRecording()
        let replay = try Replay(file)
        let frontend = replay.state(atMs: resumedAt).pods.all.filter { $0.metadata.name.hasPrefix("frontend-") }
        #expect(frontend.count == 6)
    }

    @Test("Seeks going back from the next checkpoint stop at a resumed keyframe and agree with applying every entry")
    func backwardSeeksAcrossGap() throws {
        let (file, _) = try Self.pausedRecording()
        let back = try Replay(file, checkpointEvery: 16, stepByStepLimit: 0)
        let linear = try Replay(file, checkpointEvery: Int.max, stepByStepLimit: Int.max)
        #expect(back.resets.count == 2)
        for index in 0..<back.entryCount {
            #expect(Fixture.canonical(back.state(throughEntry: index)) == Fixture.canonical(linear.state(throughEntry: index)),
                    "through entry \(index)")
        }
    }

    @Test("Walking the moments carries over the gap too, as seeking does")
    func momentWalkAcrossGap() throws {
        let (file, resumedAt) = try Self.pausedRecording()
        let replay = try Replay(file)
        var sawResumed = false
        replay.forEachMoment { atMs, state in
            #expect(Fixture.canonical(state) == Fixture.canonical(replay.state(atMs: atMs)), "at \(atMs)")
            if atMs == resumedAt {
                sawResumed = true
                #expect(state.pods.all.filter { $0.metadata.name.hasPrefix("frontend-") }.count == 6)
            }
        }
        #expect(sawResumed)
    }

    @Test("Verification and branching stop at the gap, saying so")
    func gapIsNamed() throws {
        let (file, resumedAt) = try Self.pausedRecording()
        let report = try ReplayVerifier.verify(file)
        #expect(report.divergence?.hasPrefix("recording was paused before ") == true)
        #expect(throws: ReplayBranch.GapError.self) { try ReplayBranch.simulator(file, atMs: resumedAt) }
        _ = try ReplayBranch.simulator(file, atMs: resumedAt - 11_000)
    }
}
