import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Kubelet: readiness probes and crashes")
struct KubeletTests {
    static let probe = Probe(initialDelaySeconds: 2, periodSeconds: 5, failureThreshold: 3)

    @Test("Pod conditions PodScheduled, Initialized, ContainersReady and Ready are all True once ready")
    func conditions() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 1)])
        let pod = try #require(sim.pods("web-").first)
        for type in ["PodScheduled", "Initialized", "ContainersReady", "Ready"] {
            #expect(pod.status.condition(type)?.status == "True", "\(type)")
            #expect(pod.status.condition(type)?.lastTransitionTime != nil)
        }
        #expect(pod.status.containerStatuses.map(\.ready) == [true])
        #expect(pod.status.startTime != nil)
    }

    @Test("A failing readiness probe turns the pod not ready after failureThreshold × periodSeconds")
    func failReadiness() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1, probe: Self.probe)])
        let name = try #require(sim.pods("web-").first).metadata.name
        try sim.run("fail-readiness pod/\(name)")
        try sim.run("advance 14s")
        #expect(sim.pod(name)?.isReady == true, "two failures are not enough")
        try sim.run("advance 1s")
        #expect(sim.pod(name)?.isReady == false, "the third failure at 15s")
        #expect(sim.pod(name)?.status.condition("ContainersReady")?.status == "False")
        #expect(sim.pod(name)?.status.phase == .running)
    }

    @Test("recover-readiness: the next passing probe makes the pod ready again")
    func recoverReadiness() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1, probe: Self.probe)])
        let name = try #require(sim.pods("web-").first).metadata.name
        try sim.run("fail-readiness pod/\(name)")
        try sim.run("advance 15s")
        #expect(sim.pod(name)?.isReady == false)
        try sim.run("recover-readiness pod/\(name)")
        try sim.run("advance 5s")
        #expect(sim.pod(name)?.isReady == true)
        let settled = sim.settle()
        #expect(settled)
    }

    @Test("Without a readiness probe, fail-readiness makes the pod not ready at once")
    func failReadinessWithoutProbe() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1)])
        let name = try #require(sim.pods("web-").first).metadata.name
        try sim.run("fail-readiness pod/\(name)")
        #expect(sim.pod(name)?.isReady == false)
        try sim.run("recover-readiness pod/\(name)")
        #expect(sim.pod(name)?.isReady == true)
    }

    @Test("A readiness fault injected while the pod starts holds once its container runs")
    func failReadinessWhileStarting() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1)], settle: false)
        let name = try #require(sim.pods("web-").first).metadata.name
        try sim.run("fail-readiness pod/\(name)")
        try sim.run("settle")
        #expect(sim.pod(name)?.status.phase == .running)
        #expect(sim.pod(name)?.isReady == false)
    }

    @Test("crash: restartCount 1 and CrashLoopBackOff until the 10s back-off passes, then running and ready")
    func crash() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1)])
        let name = try #require(sim.pods("web-").first).metadata.name
        try sim.run("crash pod/\(name)")
        var status = try #require(sim.pod(name)?.status.containerStatuses.first)
        #expect(status.restartCount == 1)
        #expect(status.state == .waiting(reason: "CrashLoopBackOff", message: status.state.waitingMessage))
        #expect(sim.pod(name)?.isReady == false)
        if case .terminated(let reason, let code, _, _)? = status.lastState {
            #expect(reason == "Error" && code == 1)
        } else {
            Issue.record("lastState is terminated")
        }
        try sim.run("advance 9s")
        #expect(sim.pod(name)?.isReady == false)
        try sim.run("advance 1s")
        status = try #require(sim.pod(name)?.status.containerStatuses.first)
        if case .running = status.state {} else { Issue.record("running after the back-off, got \(status.state)") }
        #expect(status.restartCount == 1)
        #expect(sim.pod(name)?.isReady == true)
        #expect(sim.pod(name)?.metadata.name == name, "a crash restarts the container, not the pod")
    }

    @Test("crash --loop: the back-off doubles (10s, 20s, 40s …) and restartCount keeps rising")
    func crashLoop() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1)])
        let name = try #require(sim.pods("web-").first).metadata.name
        try sim.run("crash pod/\(name) --loop")
        try sim.run("advance 10s")
        #expect(sim.pod(name)?.status.containerStatuses.first?.restartCount == 2)
        try sim.run("advance 19s")
        #expect(sim.pod(name)?.status.containerStatuses.first?.restartCount == 2)
        try sim.run("advance 1s")
        #expect(sim.pod(name)?.status.containerStatuses.first?.restartCount == 3)
        #expect(sim.pod(name)?.isReady == false)
    }
}

extension ContainerStatus.State {
    var waitingMessage: String? {
        if case .waiting(_, let message) = self { return message }
        return nil
    }
}
