import ArgumentParser
import ClusterStore
import Foundation
import KubeModel
import Recording
import Simulation

/// `bench --scenario replay`: records --minutes of virtual time of a --pods cluster (100 pods per Deployment, one
/// Service each) with --churn pods killed every virtual second, then measures opening the file, seeking to random
/// moments and replaying every entry.
struct ReplayBenchmark {
    var pods: Int
    var minutes: Int
    var churn: Int

    /// Where the recording is kept (nil: a temporary file), and an existing recording to measure instead.
    var keep: String?
    var existing: String?
    /// Times the whole recording is replayed.
    var replays = 3

    func run() throws -> JSONValue {
        var figures: [String: JSONValue] = [:]
        let path: String
        if let existing {
            path = existing
        } else {
            path = keep ?? NSTemporaryDirectory() + "switchboard-bench-\(getpid()).jsonl"
            figures.merge(try record(into: path)) { $1 }
        }
        defer { if existing == nil, keep == nil { try? FileManager.default.removeItem(atPath: path) } }
        figures.merge(try measure(path)) { $1 }
        return .object(figures)
    }

    /// Records: load, settle, then every virtual second kill `churn` pods picked by a seeded generator.
    private func record(into path: String) throws -> [String: JSONValue] {
        let replicas = 100
        let deployments = max(1, pods / replicas)
        let scenario = ScaleScenario(deployments: deployments, replicas: replicas, services: deployments,
                                     ingresses: max(1, deployments / 5))
        let sink = try FileSink(path: path)
        var sim = Simulator()
        let recordCPUStart = Measure.threadCPUSeconds()
        let recordSeconds = try Measure.seconds {
            let header = RecordingHeader(seed: sim.config.seed, createdAt: "2026-01-01T00:00:00Z",
                                         manifests: scenario.objects().map { $0.json() })
            let recorder = try Recorder(header: header, sink: sink, simulator: &sim)
            try recorder.load(scenario.objects(), into: &sim)
            try recorder.perform(.settle, on: &sim)
            var picker = SeededRandom(seed: 7)
            let end = sim.elapsedMs + Int64(minutes) * 60_000
            while sim.elapsedMs < end {
                let running = sim.snapshot.pods.all.filter { $0.isActive }.map(\.metadata.key).sorted()
                for _ in 0..<min(churn, running.count) {
                    let key = running[Int(picker.next(upperBound: UInt64(running.count)))]
                    try? recorder.perform(.kill(ObjectRef(type: .pod, namespace: key.namespace, name: key.name)),
                                          on: &sim)
                }
                try recorder.perform(.advance(milliseconds: 1000), on: &sim)
            }
        }
        let recordCPUSeconds = Measure.threadCPUSeconds() - recordCPUStart
        return [
            "podsKilledPerVirtualSecond": .int(Int64(churn)),
            "recordSeconds": .double(rounded(recordSeconds, 100)),
            "recordCPUSeconds": .double(rounded(recordCPUSeconds, 100)),
        ]
    }

    private func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

    private func rounded(_ x: Double, _ places: Double) -> Double { (x * places).rounded() / places }

    /// Opens the recording at `path`, seeks to random moments and replays it.
    private func measure(_ path: String) throws -> [String: JSONValue] {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        // Open: read, parse and decode every entry into ready-to-apply steps.
        var replay: Replay!
        let openCPUStart = Measure.threadCPUSeconds()
        let openSeconds = try Measure.seconds { replay = try Replay(path: path) }
        let openCPUSeconds = Measure.threadCPUSeconds() - openCPUStart

        // Seek: random moments (a fixed seed, so runs compare), each a fresh cluster state.
        var rng = SeededRandom(seed: 11)
        // Each moment is also reached applying every step since the checkpoint, as seeks did before, to compare.
        var seekMs: [Double] = []
        // Thread CPU time too: on a machine shared with builds, wall times vary by half and more.
        var seekCPUMs: [Double] = []
        var seekEveryStepMs: [Double] = []
        var objectsSeen = 0
        for _ in 0..<50 {
            let t = replay.startMs + Int64(rng.next(upperBound: UInt64(max(1, replay.durationMs))))
            let index = replay.lastEntry(atOrBefore: t)
            let cpuStart = Measure.threadCPUSeconds()
            seekMs.append(Measure.seconds { objectsSeen &+= replay.state(atMs: t).pods.count } * 1000)
            seekCPUMs.append((Measure.threadCPUSeconds() - cpuStart) * 1000)
            seekEveryStepMs.append(Measure.seconds {
                objectsSeen &+= replay.state(throughEntry: index, stepByStepLimit: .max).pods.count
            } * 1000)
        }

        // Replay: every entry, moment by moment from the start (the state is freed after the clock stops); then,
        // to compare, every entry applied one by one.
        var result: (steps: Int, state: ClusterState)?
        // The best of several runs, and their median: one run of a short recording lasts a fraction of a second,
        // and on a shared machine a single figure varies by a tenth and more.
        var replaySeconds: [Double] = [], replayCPUSeconds: [Double] = []
        for _ in 0..<replays {
            result = nil
            // The process's CPU time: a busy moment's events are applied on a second thread.
            let cpuStart = Measure.cpuSeconds()
            replaySeconds.append(Measure.seconds { result = replay.replayAll() })
            replayCPUSeconds.append(Measure.cpuSeconds() - cpuStart)
        }
        let applied = result?.steps ?? 0
        let finalPods = result?.state.pods.count ?? 0
        result = nil
        let everyStepSeconds = Measure.seconds { result = replay.applyEveryStep() }
        guard result?.state.pods.count == finalPods else { throw ValidationError("replay paths disagree") }
        result = nil

        let entries = replay.entryCount
        let sorted = seekMs.sorted()
        let sortedEveryStep = seekEveryStepMs.sorted()
        let sortedCPU = seekCPUMs.sorted()
        return [
            "pods": .int(Int64(finalPods)),
            "virtualMinutes": .double(rounded(Double(replay.durationMs) / 60_000, 10)),
            "entries": .int(Int64(entries)),
            "fileMiB": .double(rounded(Double(bytes) / 1_048_576, 10)),
            "bytesPerEntry": .double(rounded(Double(bytes) / Double(max(1, entries)), 10)),
            "keyframes": .int(Int64(replay.keyframeCount)),
            "openSeconds": .double(rounded(openSeconds, 100)),
            "openCPUSeconds": .double(rounded(openCPUSeconds, 100)),
            "openEntriesPerSecond": .int(Int64(Double(replay.entryCount) / openSeconds)),
            "seekMedianMs": .double(rounded(sorted[sorted.count / 2], 100)),
            "seekMaxMs": .double(rounded(sorted.last ?? 0, 100)),
            "seekCPUMedianMs": .double(rounded(sortedCPU[sortedCPU.count / 2], 100)),
            "seekCPUMaxMs": .double(rounded(sortedCPU.last ?? 0, 100)),
            "seekEveryStepMedianMs": .double(rounded(sortedEveryStep[sortedEveryStep.count / 2], 100)),
            "seekEveryStepMaxMs": .double(rounded(sortedEveryStep.last ?? 0, 100)),
            "replayEntriesPerSecond": .int(Int64(Double(applied) / replaySeconds.min()!)),
            "replayMedianEntriesPerSecond": .int(Int64(Double(applied) / median(replaySeconds))),
            "replayCPUEntriesPerSecond": .int(Int64(Double(applied) / replayCPUSeconds.min()!)),
            "applyEveryStepEntriesPerSecond": .int(Int64(Double(applied) / everyStepSeconds)),
            "peakResidentMiB": .double(rounded(Measure.peakResidentMiB(), 10)),
        ]
    }
}
