import ClusterStore
import DemoCluster
import Foundation
import KubeModel
import Manifests
@testable import Recording
import Simulation

enum Fixture {
    static let demoObjects: [KubeObject] = {
        let loader = ManifestLoader()
        return DemoCluster.files.filter { $0.name.hasSuffix(".yaml") }.flatMap {
            loader.load(name: $0.name, contents: $0.contents).objects.map(\.object)
        }
    }()

    /// A session that exercises every kind of change: scale up and down, a graceful delete, a kill, time passing.
    static func actions(_ sim: Simulator) -> [Action] {
        let pods = sim.snapshot.pods.all.filter { $0.metadata.namespace == "shop" }.map(\.metadata.name).sorted()
        return [
            try! ActionParser.parse("scale deployment/frontend --replicas=5 -n shop"),
            .advance(milliseconds: 4000),
            try! ActionParser.parse("kill pod/\(pods[0]) -n shop"),
            try! ActionParser.parse("delete pod/\(pods[1]) -n shop --grace-period=10"),
            .advance(milliseconds: 15_000),
            try! ActionParser.parse("scale deployment/frontend --replicas=1 -n shop"),
            try! ActionParser.parse("fail-readiness pod/\(pods[2]) -n shop"),
            .advance(milliseconds: 40_000),
        ]
    }

    static func settledDemo(seed: UInt64 = 42) -> Simulator {
        var sim = Simulator(config: SimulationConfig(seed: seed))
        sim.load(demoObjects)
        sim.settle()
        return sim
    }

    /// A recording of the demo session, as lines, with a small policy so keyframes and checksums occur often.
    static func recordDemo(seed: UInt64 = 42, createdAt: String = "2026-11-27T00:00:00Z",
                           policy: RecordingPolicy = RecordingPolicy(checksumEvery: 50, keyframeMinBytes: 20_000))
        throws -> [String] {
        let sink = MemorySink()
        let session = ScriptedSession(manifests: demoObjects, seed: seed, actions: actions(settledDemo(seed: seed)),
                                      policy: policy)
        try session.record(to: sink, createdAt: createdAt)
        return sink.lines
    }

    static func file(_ lines: [String]) throws -> RecordingFile {
        try RecordingReader.parse(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Every object as JSON in canonical order, plus the resourceVersion: what "the same cluster" means.
    /// Every index of the tables a replay writes most, as sorted text.
    static func indexes(_ state: ClusterState) -> [String] {
        func describe<T>(_ name: String, _ table: ObjectTable<T>) -> [String] {
            let labels = table.byLabel.map { "\(name) label \($0.key.key)=\($0.key.value): \($0.value.sorted())" }
            let owners = table.byOwner.map { "\(name) owner \($0.key): \($0.value.sorted())" }
            let nodes = table.byNode.map { "\(name) node \($0.key): \($0.value.sorted())" }
            let namespaces = table.byNamespace.map { "\(name) namespace \($0.key): \($0.value.sorted())" }
            return (labels + owners + nodes + namespaces).sorted() + ["\(name) counted \(table.countedCount(in: nil))"]
        }
        return describe("pods", state.pods) + describe("replicasets", state.replicaSets)
            + describe("slices", state.endpointSlices) + describe("endpoints", state.endpoints)
            + describe("deployments", state.deployments) + describe("events", state.events)
    }

    static func canonical(_ state: ClusterState) -> [String] {
        ["rv=\(state.resourceVersion)"] + state.allObjects.map { JSONWriter.compact($0.json()) }
    }
}
