import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Controllers are level-triggered and idempotent")
struct IdempotencyTests {
    static func everything() -> [KubeObject] {
        [
            Make.deployment("web", replicas: 4, probe: Probe(initialDelaySeconds: 2, periodSeconds: 3)),
            Make.service("web", selector: ["app": "web"]),
            Make.service("web-np", selector: ["app": "web"], type: .nodePort),
            Make.service("web-lb", selector: ["app": "web"], type: .loadBalancer),
            Make.service("manual", selector: nil),
            Make.service("nothing", selector: ["app": "nothing"]),
            Make.service("ext", selector: nil, type: .externalName) { $0.spec.externalName = "db.example.com" },
            Make.statefulSet("db", replicas: 2),
            Make.service("db", selector: ["app": "db"], clusterIP: "None"),
            Make.daemonSet("agent"),
            Make.deployment("stuck", replicas: 1) { $0.spec.template.spec.nodeSelector = ["disktype": "ssd"] },
        ]
    }

    /// Marks every object dirty for every controller that watches its kind, then runs the controllers.
    static func reconcileEverything(_ sim: inout Simulator) {
        let s = sim.snapshot
        for n in s.nodes.all { sim.markDirty(.node, n.metadata.key) }
        for d in s.deployments.all { sim.markDirty(.deployment, d.metadata.key) }
        for r in s.replicaSets.all { sim.markDirty(.replicaSet, r.metadata.key) }
        for r in s.replicationControllers.all { sim.markDirty(.replicationController, r.metadata.key) }
        for x in s.statefulSets.all { sim.markDirty(.statefulSet, x.metadata.key) }
        for x in s.daemonSets.all { sim.markDirty(.daemonSet, x.metadata.key) }
        for p in s.pods.all { sim.markDirty(.scheduler, p.metadata.key) }
        for x in s.services.all {
            sim.markDirty(.service, x.metadata.key)
            sim.markDirty(.endpointSlice, x.metadata.key)
            sim.markDirty(.endpoints, x.metadata.key)
        }
        for x in s.ingresses.all { sim.markDirty(.ingress, x.metadata.key) }
        sim.runControllers()
    }

    @Test("After settle, reconciling every object again writes nothing")
    func settledClusterWritesNothing() throws {
        var sim = Make.simulator(Self.everything())
        let version = sim.snapshot.resourceVersion
        Self.reconcileEverything(&sim)
        #expect(sim.snapshot.resourceVersion == version)
    }

    @Test("Mid-rollout and mid-failure, reconciling everything again at the same instant writes nothing")
    func busyClusterWritesNothing() throws {
        var sim = Make.simulator(Self.everything())
        try sim.applyObject(Make.deployment("web", replicas: 4, probe: Probe(initialDelaySeconds: 2, periodSeconds: 3)) {
            $0.spec.template.spec.containers[0].image = "example/web:2"
        })
        try sim.run("fail node/node-3")
        try sim.run("delete pod/\(sim.activePods("web-")[0].metadata.name)")
        for step in ["1500ms", "2s", "4s", "301s"] {
            try sim.run("advance \(step)")
            let version = sim.snapshot.resourceVersion
            Self.reconcileEverything(&sim)
            #expect(sim.snapshot.resourceVersion == version, "after advance \(step)")
        }
    }
}
