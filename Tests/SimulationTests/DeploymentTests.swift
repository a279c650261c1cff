import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Deployment controller")
struct DeploymentTests {
    /// One rolling-update configuration and the limits Kubernetes derives from it (maxSurge rounds up,
    /// maxUnavailable rounds down).
    struct Rollout: Sendable, CustomTestStringConvertible {
        var replicas: Int
        var limits: RollingUpdateLimits?
        var surge: Int
        var unavailable: Int
        var testDescription: String {
            let l = limits.map { "\($0.maxSurge)/\($0.maxUnavailable)" } ?? "default 25%/25%"
            return "replicas \(replicas), \(l) → surge \(surge), unavailable \(unavailable)"
        }
    }

    static let rollouts = [
        Rollout(replicas: 10, limits: RollingUpdateLimits(maxSurge: .int(3), maxUnavailable: .int(2)), surge: 3, unavailable: 2),
        Rollout(replicas: 4, limits: nil, surge: 1, unavailable: 1),
        Rollout(replicas: 10, limits: RollingUpdateLimits(maxSurge: .string("25%"), maxUnavailable: .string("25%")),
                surge: 3, unavailable: 2),
        Rollout(replicas: 3, limits: RollingUpdateLimits(maxSurge: .int(0), maxUnavailable: .int(1)), surge: 0, unavailable: 1),
        Rollout(replicas: 5, limits: RollingUpdateLimits(maxSurge: .int(2), maxUnavailable: .int(0)), surge: 2, unavailable: 0),
    ]

    static func web(_ r: Rollout, image: String) -> KubeObject {
        Make.deployment("web", replicas: r.replicas, probe: Probe(initialDelaySeconds: 3, periodSeconds: 2)) {
            $0.spec.strategy = DeploymentStrategy(type: .rollingUpdate, rollingUpdate: r.limits)
            $0.spec.template.spec.containers[0].image = image
        }
    }

    @Test("RollingUpdate on a template change keeps pods ≤ replicas+maxSurge and available ≥ replicas−maxUnavailable",
          arguments: rollouts)
    func rollingUpdateRespectsLimits(_ r: Rollout) throws {
        var sim = Make.simulator([Self.web(r, image: "example/web:1")])
        let oldRS = try #require(sim.snapshot.replicaSets.all.first)
        try sim.applyObject(Self.web(r, image: "example/web:2"))
        var sawOldAndNew = false
        var steps = 0
        while sim.hasPendingWork && steps < 400 {
            let active = sim.activePods("web-")
            #expect(active.count <= r.replicas + r.surge, "at \(sim.nowMs)ms: \(active.count) pods")
            #expect(active.filter(\.isReady).count >= r.replicas - r.unavailable,
                    "at \(sim.nowMs)ms: \(active.filter(\.isReady).count) available")
            let images = Set(active.map(\.spec.containers[0].image))
            if images.count == 2 { sawOldAndNew = true }
            sim.advance(byMs: 500)
            steps += 1
        }
        #expect(sawOldAndNew, "a rolling update runs old and new pods side by side")
        let settled = sim.settle()
        #expect(settled)
        let d = try #require(sim.deployment("web"))
        let newRS = try #require(sim.snapshot.replicaSets.all.first { $0.metadata.uid != oldRS.metadata.uid })
        #expect(sim.snapshot.replicaSets[oldRS.metadata.key]?.spec.replicas == 0, "the old ReplicaSet is kept at 0")
        #expect(newRS.spec.replicas == r.replicas)
        #expect(newRS.metadata.annotations["deployment.kubernetes.io/revision"] == "2")
        let pods = sim.pods("web-")
        #expect(pods.count == r.replicas)
        #expect(pods.allSatisfy { $0.isReady && $0.spec.containers[0].image == "example/web:2" })
        #expect(d.status.replicas == r.replicas && d.status.updatedReplicas == r.replicas)
        #expect(d.status.readyReplicas == r.replicas && d.status.availableReplicas == r.replicas)
        #expect(d.status.condition("Progressing")?.reason == "NewReplicaSetAvailable")
    }

    @Test("Recreate stops every old pod before the first new pod is created")
    func recreate() throws {
        func web(_ image: String) -> KubeObject {
            Make.deployment("web", replicas: 4) {
                $0.spec.strategy = DeploymentStrategy(type: .recreate)
                $0.spec.template.spec.containers[0].image = image
            }
        }
        var sim = Make.simulator([web("example/web:1")])
        try sim.applyObject(web("example/web:2"))
        var sawOldStopping = false
        for _ in 0..<120 {
            let pods = sim.pods("web-")
            let images = Set(pods.map(\.spec.containers[0].image))
            #expect(images.count <= 1, "at \(sim.nowMs)ms old and new pods coexist")
            if !pods.isEmpty && pods.allSatisfy({ $0.metadata.isTerminating && $0.spec.containers[0].image == "example/web:1" }) {
                sawOldStopping = true
            }
            sim.advance(byMs: 500)
        }
        #expect(sawOldStopping, "every old pod is stopped while no new pod exists yet")
        sim.settle()
        #expect(sim.pods("web-").count == 4)
        #expect(sim.pods("web-").allSatisfy { $0.isReady && $0.spec.containers[0].image == "example/web:2" })
        #expect(sim.deployment("web")?.status.readyReplicas == 4)
    }

    @Test("scale deployment/NAME --replicas=N sets the ReplicaSet to N and the pods follow")
    func scale() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3)])
        let generation = sim.deployment("web")?.metadata.generation
        try sim.run("scale deployment/web --replicas=5")
        #expect(sim.deployment("web")?.metadata.generation == generation.map { $0 + 1 })
        #expect(sim.snapshot.replicaSets.all.first?.spec.replicas == 5)
        #expect(sim.activePods("web-").count == 5, "pods are created at once, before they run")
        try sim.run("settle")
        #expect(sim.deployment("web")?.status.readyReplicas == 5)
        #expect(sim.snapshot.replicaSets.count == 1, "scaling is not a rollout")
        try sim.run("scale deployment/web --replicas=0")
        try sim.run("settle")
        #expect(sim.pods("web-").isEmpty)
        #expect(sim.deployment("web")?.status.replicas == 0)
    }

    @Test("A Deployment whose selector does not match its template labels is rejected")
    func selectorMustMatchTemplate() throws {
        var sim = Make.simulator([])
        let bad = Make.deployment("web") { $0.spec.template.metadata.labels = ["app": "other"] }
        let error = try #require(throws: APIError.self) { try sim.applyObject(bad) }
        #expect(error.description.contains("`selector` does not match template `labels`"))
        #expect(sim.deployment("web") == nil)
    }

    @Test("Deployments with overlapping selectors each keep only their own pods (ownership by controllerRef)")
    func overlappingSelectors() throws {
        let sim = Make.simulator([Make.deployment("a", replicas: 2, labels: ["app": "shared"]),
                                  Make.deployment("b", replicas: 3, labels: ["app": "shared"]),
                                  Make.service("shared", selector: ["app": "shared"])])
        #expect(sim.activePods("a-").count == 2)
        #expect(sim.activePods("b-").count == 3)
        #expect(sim.deployment("a")?.status.readyReplicas == 2 && sim.deployment("b")?.status.readyReplicas == 3)
        #expect(sim.sliceEndpoints("shared").count == 5, "the Service sees both")
    }

    @Test("Deleting a Deployment removes its ReplicaSets and its pods terminate (background cascade)")
    func deleteCascades() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3)])
        try sim.run("delete deployment/web")
        #expect(sim.snapshot.replicaSets.count == 0)
        #expect(sim.pods("web-").allSatisfy { $0.metadata.isTerminating })
        try sim.run("settle")
        #expect(sim.pods("web-").isEmpty)
    }

    @Test("Deployment status reports replicas, updated, ready and available, and the Available condition")
    func status() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3, probe: Probe(initialDelaySeconds: 10))],
                                 settle: false)
        try sim.run("advance 5s")
        var d = try #require(sim.deployment("web"))
        #expect(d.status.replicas == 3 && d.status.readyReplicas == 0)
        #expect(d.status.condition("Available")?.status == "False")
        try sim.run("settle")
        d = try #require(sim.deployment("web"))
        #expect(d.status.replicas == 3 && d.status.updatedReplicas == 3)
        #expect(d.status.readyReplicas == 3 && d.status.availableReplicas == 3 && d.status.unavailableReplicas == 0)
        #expect(d.status.condition("Available")?.reason == "MinimumReplicasAvailable")
        #expect(d.status.observedGeneration == d.metadata.generation)
    }
}
