import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Pods and ReplicaSets follow the Kubernetes controllers")
struct PodLifecycleTests {
    @Test("Pod names are <replicaset>-<5 chars> from the name-safe alphabet; ReplicaSets are <deployment>-<hash>")
    func podAndReplicaSetNames() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 3)])
        let rs = try #require(sim.snapshot.replicaSets.all.first)
        let hash = try #require(rs.metadata.labels["pod-template-hash"])
        #expect(rs.metadata.name == "web-\(hash)")
        #expect(hash.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
        let pods = sim.pods("web-")
        #expect(pods.count == 3)
        for pod in pods {
            let suffix = pod.metadata.name.dropFirst(rs.metadata.name.count + 1)
            #expect(suffix.count == 5)
            #expect(suffix.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
            #expect(pod.isReady)
            #expect(pod.status.phase == .running)
            #expect(pod.status.podIP != nil)
        }
    }

    @Test("ReplicaSets count only active pods: a replacement starts the moment a pod begins terminating")
    func replacementOnTerminating() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2)])
        let victim = sim.pods("web-")[0]
        try sim.perform(.delete(ObjectRef(type: .pod, name: victim.metadata.name), gracePeriodSeconds: nil))
        let pods = sim.pods("web-")
        #expect(pods.count == 3)
        #expect(pods.filter(\.metadata.isTerminating).map(\.metadata.name) == [victim.metadata.name])
        try sim.perform(.advance(milliseconds: 29_000))
        #expect(sim.pods("web-").contains { $0.metadata.name == victim.metadata.name })
        try sim.perform(.advance(milliseconds: 1_000))
        #expect(!sim.pods("web-").contains { $0.metadata.name == victim.metadata.name })
        #expect(sim.pods("web-").count == 2)
    }

    @Test("kill removes a pod at once")
    func killIsImmediate() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2)])
        let victim = sim.pods("web-")[0].metadata.name
        try sim.perform(.kill(ObjectRef(type: .pod, name: victim)))
        #expect(!sim.pods("web-").contains { $0.metadata.name == victim })
        #expect(sim.pods("web-").count == 2)
    }

    @Test("Readiness follows the probe: not ready before initialDelaySeconds, ready at the first passing probe")
    func readinessProbeTiming() throws {
        var sim = Make.simulator([Make.deployment("api", replicas: 1, probe: Probe(initialDelaySeconds: 10, periodSeconds: 5))],
                                 settle: false)
        try sim.perform(.advance(milliseconds: 4_000))
        let pod = try #require(sim.pods("api-").first)
        #expect(pod.status.phase == .running)
        #expect(!pod.isReady)
        try sim.perform(.settle)
        #expect(try #require(sim.pods("api-").first).isReady)
    }

    @Test("Same seed and actions give identical stores; different seeds differ")
    func determinism() throws {
        func run(_ seed: UInt64) throws -> String {
            var sim = Make.simulator([Make.deployment("web", replicas: 4), Make.service("web", selector: ["app": "web"])],
                                     seed: seed)
            try sim.perform(.kill(ObjectRef(type: .pod, name: sim.pods("web-")[1].metadata.name)))
            try sim.perform(.advance(milliseconds: 1500))
            return ResourceType.modeled.map { t in
                sim.snapshot.list(t).map { JSONWriter.compact($0.json()) }.joined(separator: "\n")
            }.joined(separator: "\n")
        }
        #expect(try run(7) == run(7))
        #expect(try run(7) != run(8))
    }
}
