import ClusterStore
import Foundation
import Simulation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@testable import Dashboard

/// The live runner traces on a copy of its simulator and hands the result over once, with the load counters.
@Suite struct RunnerTraceTests {
    /// Waits on the runner's wake-up pipe until an update satisfies `done` (the runner is paused: only commands
    /// make it publish).
    func waitForUpdate(_ runner: ClusterSource, _ pipe: WakePipe, _ done: (SourceUpdate) -> Bool) -> SourceUpdate? {
        for _ in 0..<200 {
            var fd = pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0)
            _ = poll(&fd, 1, 100)
            pipe.drain()
            let update = runner.take()
            if done(update) { return update }
        }
        return nil
    }

    @Test func traceRunsOnACopyAndItsResultIsHandedOverOnce() throws {
        let sim = TestSupport.demoSimulator()
        let pipe = try WakePipe()
        let runner = SimulationRunner(simulator: sim, paused: true, speed: 1, pipe: pipe, onAction: nil)
        runner.start()
        let url = "http://shop.example.com/api"
        runner.send(.trace(url))
        let update = try #require(waitForUpdate(runner, pipe) { $0.trace != nil })
        var expected = sim
        let request = try HTTPRequest.parse(url)
        let reference = expected.trace(request)
        #expect(update.trace?.pod == reference.pod)
        #expect(update.trace?.hops == reference.hops)
        #expect(update.traffic == .counters(sim.traffic, elapsedMs: sim.elapsedMs))
        #expect(runner.take().trace == nil, "a trace is handed over once")

        runner.send(.trace("ftp://x"))
        let failed = try #require(waitForUpdate(runner, pipe) { !$0.messages.isEmpty })
        #expect(failed.messages.last == Flash("trace: unknown scheme \"ftp\" in \"ftp://x\": use http or https", level: .error))
        #expect(failed.trace == nil)

        // The runner's simulator did not move on: the same request picks the same pod as on the original.
        var after = runner.stop()
        var original = sim
        #expect(after.trace(request).pod == original.trace(request).pod)
    }

    /// A recording of one moment: the demo cluster as it settled.
    struct OneMoment: ReplayTimeline {
        var sim: Simulator
        var startMs: Int64 { sim.elapsedMs }
        var endMs: Int64 { sim.elapsedMs }
        var marks: [TimelineMark] { [] }
        func state(atMs: Int64) -> ClusterState { sim.snapshot }
        func branch(atMs: Int64) throws -> Simulator { sim }
    }

    @Test func aReplayHasNoCountersButTracesTheRecordedCluster() throws {
        let sim = TestSupport.demoSimulator()
        let pipe = try WakePipe()
        let runner = ReplayRunner(timeline: OneMoment(sim: sim), playing: false, speed: 1, pipe: pipe)
        runner.start()
        defer { runner.shutdown() }
        #expect(runner.take().traffic == .replay)
        runner.send(.trace("http://shop.example.com/api"))
        let update = try #require(waitForUpdate(runner, pipe) { $0.trace != nil })
        var reference = sim
        #expect(update.trace?.hops == reference.trace(try HTTPRequest.parse("http://shop.example.com/api")).hops)
        #expect(update.traffic == .replay)
        #expect(runner.take().trace == nil)
    }
}
