import ClusterStore
import Foundation
import KubeModel
import Testing
@testable import Recording
import Simulation

@Suite("Recording round trip")
struct RoundTripTests {
    @Test("Replaying a scripted recording gives the simulator's store after every action")
    func storeAtEveryAction() throws {
        let replay = try Replay(Fixture.file(try Fixture.recordDemo()), checkpointEvery: 37)
        // The fresh simulation: load, settle, then the same actions one at a time.
        var sim = Simulator(config: SimulationConfig(seed: 42))
        sim.load(Fixture.demoObjects)
        let actions = Fixture.actions(Fixture.settledDemo())
        #expect(replay.actions.map(\.text) == ["settle"] + actions.map(\.description))
        sim.settle()
        #expect(Fixture.canonical(replay.state(afterAction: 0)) == Fixture.canonical(sim.snapshot))
        for (i, action) in actions.enumerated() {
            try sim.perform(action)
            #expect(Fixture.canonical(replay.state(afterAction: i + 1)) == Fixture.canonical(sim.snapshot),
                    "after \(action)")
        }
    }

    @Test("Every stored object decodes back to the same JSON, status included")
    func storedObjectsDecode() throws {
        var sim = Fixture.settledDemo()
        for action in Fixture.actions(sim).prefix(4) { try sim.perform(action) }
        for object in sim.snapshot.allObjects {
            let back = try KubeObject.decodeStored(object.json())
            // Typed values may differ in defaults the decoder fills in (a nil grace period reads back as 30); what
            // the API serves, and so every printer and view, must not.
            #expect(JSONWriter.compact(back.json()) == JSONWriter.compact(object.json()),
                    "\(object.resourceType.plural) \(object.metadata.key)")
        }
    }

    @Test("Two recordings of the same session and seed are identical apart from the header's creation time")
    func determinism() throws {
        let a = try Fixture.recordDemo(createdAt: "2026-11-27T08:00:00Z")
        let b = try Fixture.recordDemo(createdAt: "2026-11-27T09:30:00Z")
        #expect(a.count == b.count && a.count > 100)
        #expect(Array(a.dropFirst()) == Array(b.dropFirst()))
        #expect(a[0] != b[0])
        #expect(a[0].replacingOccurrences(of: "08:00:00", with: "09:30:00") == b[0])
    }

    @Test("A different seed records different pod names")
    func seedMatters() throws {
        let a = try Fixture.recordDemo(seed: 1)
        let b = try Fixture.recordDemo(seed: 2)
        #expect(Array(a.dropFirst(3)) != Array(b.dropFirst(3)))
    }

    @Test("Seeking to random moments equals replaying every entry from the start")
    func seekEqualsReplayFromStart() throws {
        let file = try Fixture.file(try Fixture.recordDemo())
        let seeking = try Replay(file, checkpointEvery: 25)
        let linear = try Replay(file, checkpointEvery: Int.max)
        var rng = SystemRandomNumberGenerator()
        var moments = (0..<20).map { _ in Int64.random(in: seeking.startMs...seeking.endMs, using: &rng) }
        moments += [seeking.startMs, seeking.endMs, seeking.endMs + 1000]
        for t in moments {
            #expect(Fixture.canonical(seeking.state(atMs: t)) == Fixture.canonical(linear.state(atMs: t)), "at \(t)")
        }
        for index in stride(from: 0, to: seeking.entryCount, by: 7) {
            #expect(Fixture.canonical(seeking.state(throughEntry: index))
                    == Fixture.canonical(linear.state(throughEntry: index)))
        }
    }

    @Test("A seek applying only each object's last change equals one applying every change")
    func lastChangeSeekEqualsStepByStep() throws {
        let file = try Fixture.file(try Fixture.recordDemo())
        let lastOnly = try Replay(file, checkpointEvery: 40, stepByStepLimit: 0)
        let everyStep = try Replay(file, checkpointEvery: Int.max, stepByStepLimit: Int.max)
        for index in -1..<lastOnly.entryCount {
            #expect(Fixture.canonical(lastOnly.state(throughEntry: index))
                    == Fixture.canonical(everyStep.state(throughEntry: index)), "through entry \(index)")
        }
        let end = lastOnly.state(throughEntry: lastOnly.entryCount - 1)
        #expect(end.pods.count == everyStep.state(throughEntry: everyStep.entryCount - 1).pods.count)
        #expect(end.pods.count > 0)
    }

    @Test("Walking the moments gives at each the cluster a seek to it gives")
    func momentWalkEqualsSeek() throws {
        let replay = try Replay(Fixture.file(try Fixture.recordDemo()), checkpointEvery: 30)
        var moments: [Int64] = []
        replay.forEachMoment { atMs, state in
            moments.append(atMs)
            let seek = replay.state(atMs: atMs)
            #expect(Fixture.canonical(state) == Fixture.canonical(seek), "at \(atMs)")
            // The walk puts status-only writes without touching the indexes: they must still be what a seek builds.
            #expect(Fixture.indexes(state) == Fixture.indexes(seek), "indexes at \(atMs)")
        }
        #expect(moments.first == replay.startMs)
        #expect(moments == moments.sorted() && Set(moments).count == moments.count)
        #expect(moments.count > 3)
        #expect(replay.replayAll().steps == replay.entryCount)
    }

    @Test("Walking the moments with events written on a second thread gives at each the cluster a seek to it gives")
    func splitMomentWalkEqualsSeek() throws {
        let replay = try Replay(Fixture.file(try Fixture.recordDemo()), checkpointEvery: 30)
        var moments = 0
        // Every moment with an event and another change is split: the demo's moments are far smaller than a busy
        // cluster's.
        let split = replay.forEachMoment(parallelMinimum: 1) { atMs, state in
            moments += 1
            let seek = replay.state(atMs: atMs)
            #expect(Fixture.canonical(state) == Fixture.canonical(seek), "at \(atMs)")
            #expect(Fixture.indexes(state) == Fixture.indexes(seek), "indexes at \(atMs)")
        }
        #expect(split > 3 && split < moments, "\(split) of \(moments) moments split")
    }

    @Test("The file has keyframes, checksums and compact patches")
    func fileShape() throws {
        let lines = try Fixture.recordDemo()
        let file = try Fixture.file(lines)
        let kinds = file.entries.map { entry -> String in
            switch entry.kind {
            case .keyframe: "keyframe"
            case .checksum: "checksum"
            case .patch: "patch"
            case .put: "put"
            case .delete: "delete"
            case .action: "action"
            case .load: "load"
            }
        }
        #expect(kinds.first == "keyframe" && kinds[1] == "load")
        #expect(kinds.filter { $0 == "keyframe" }.count >= 2)
        #expect(kinds.filter { $0 == "checksum" }.count >= 9)
        #expect(kinds.filter { $0 == "patch" }.count > kinds.filter { $0 == "put" }.count)
        #expect(kinds.contains("delete"))
        #expect(file.header.seed == 42 && file.header.version == 1)
        #expect(lines[0].hasPrefix("{\"checksumEvery\":50,\"createdAt\":\"2026-11-27T00:00:00Z\",\"format\":\"switchboard-recording\""))
    }
}
