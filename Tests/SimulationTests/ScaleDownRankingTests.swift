import ClusterStore
import KubeModel
import Testing
@testable import Simulation

/// The ReplicaSet controller's ActivePodsWithRanks order. Each test gives the pod under test every *other* reason to
/// be kept (a high pod-deletion-cost, the name the final tie-break keeps), so only the rule named can explain why it
/// is the one deleted.
@Suite("ReplicaSet scale-down ranking")
struct ScaleDownRankingTests {
    static let cost = "controller.kubernetes.io/pod-deletion-cost"

    @Test("Scale-down deletes unassigned pods before assigned ones")
    func unassignedBeforeAssigned() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3)])
        for node in ["node-1", "node-2", "node-3"] { try sim.run("cordon node/\(node)") }
        try sim.run("scale deployment/web --replicas=4")
        let unassigned = try #require(sim.activePods("web-").first { $0.spec.nodeName == nil })
        try sim.annotate(pod: unassigned.metadata.name, Self.cost, "1000")
        try sim.run("scale deployment/web --replicas=3")
        // An unassigned pod has no kubelet to stop it: it goes at once.
        #expect(sim.pod(unassigned.metadata.name) == nil)
        #expect(sim.activePods("web-").count == 3)
        #expect(sim.activePods("web-").allSatisfy { $0.spec.nodeName != nil })
    }

    @Test("Unassigned ranks before assigned-but-Pending, which ranks before Running")
    func unassignedBeforeAssignedPending() {
        let sim = Simulator()
        func pod(_ name: String, node: String?, phase: PodStatus.Phase) -> Pod {
            var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"), spec: PodSpec())
            p.spec.nodeName = node
            p.status.phase = phase
            p.metadata.creationTimestamp = Timestamp(milliseconds: name == "a" ? 0 : 1000)
            return p
        }
        // "a" is the oldest, so without the assignment rule the newer pods would go first.
        let unassigned = pod("a", node: nil, phase: .pending)
        let assignedPending = pod("b", node: "node-1", phase: .pending)
        let running = pod("c", node: "node-1", phase: .running)
        let ranked = [running, assignedPending, unassigned].sorted(by: sim.deletionOrder).map(\.metadata.name)
        #expect(ranked == ["a", "b", "c"])
    }

    @Test("Scale-down deletes Pending pods before Running ones, even Running pods that are not ready")
    func pendingBeforeRunning() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3)])
        let notReady = sim.activePods("web-")[0].metadata.name
        try sim.run("fail-readiness pod/\(notReady)")
        #expect(sim.pod(notReady)?.isReady == false)
        try sim.run("scale deployment/web --replicas=4")
        let pending = try #require(sim.activePods("web-").first { $0.status.phase == .pending })
        #expect(pending.spec.nodeName != nil, "scheduled; its containers are still being created")
        try sim.annotate(pod: pending.metadata.name, Self.cost, "1000")
        try sim.run("scale deployment/web --replicas=3")
        #expect(sim.pod(pending.metadata.name).map(\.isActive) != true)
        #expect(sim.pod(notReady)?.isActive == true)
        #expect(sim.activePods("web-").count == 3)
    }

    @Test("Scale-down deletes not-ready pods before ready ones")
    func notReadyBeforeReady() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3)])
        // The smallest name is the one the final tie-break would keep.
        let victim = sim.activePods("web-")[0].metadata.name
        try sim.annotate(pod: victim, Self.cost, "1000")
        try sim.run("fail-readiness pod/\(victim)")
        try sim.run("scale deployment/web --replicas=2")
        #expect(sim.pod(victim)?.metadata.isTerminating == true)
        #expect(sim.activePods("web-").count == 2)
        #expect(sim.activePods("web-").allSatisfy { $0.isReady })
    }

    @Test("Scale-down deletes pods with a lower controller.kubernetes.io/pod-deletion-cost first")
    func lowerDeletionCostFirst() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3)])
        let names = sim.activePods("web-").map(\.metadata.name)
        // Costs rise against the tie-break order (which deletes the largest name first).
        for (name, cost) in zip(names, ["-5", "3", "7"]) { try sim.annotate(pod: name, Self.cost, cost) }
        try sim.run("scale deployment/web --replicas=2")
        #expect(sim.pod(names[0])?.metadata.isTerminating == true)
        try sim.run("scale deployment/web --replicas=1")
        #expect(sim.pod(names[1])?.metadata.isTerminating == true)
        #expect(sim.activePods("web-").map(\.metadata.name) == [names[2]])
    }

    @Test("Scale-down deletes the newest pod when nothing else tells pods apart")
    func newestFirst() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2)])
        let original = Set(sim.activePods("web-").map(\.metadata.name))
        try sim.run("advance 1m")
        try sim.run("scale deployment/web --replicas=3")
        try sim.run("settle")
        let newest = try #require(sim.activePods("web-").first { !original.contains($0.metadata.name) })
        #expect(newest.isReady)
        try sim.run("scale deployment/web --replicas=2")
        #expect(sim.pod(newest.metadata.name)?.metadata.isTerminating == true)
        #expect(Set(sim.activePods("web-").map(\.metadata.name)) == original)
    }
}
