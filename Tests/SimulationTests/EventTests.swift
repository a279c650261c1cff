import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Events")
struct EventTests {
    @Test("Scheduled, Pulled, Created, Started, SuccessfulCreate and ScalingReplicaSet are recorded as kubectl shows them")
    func lifecycleEvents() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 2)])
        let rs = try #require(sim.snapshot.replicaSets.all.first)
        let pod = try #require(sim.pods("web-").first)

        let scaling = try #require(sim.events(reason: "ScalingReplicaSet").first)
        #expect(scaling.involvedObject.kind == "Deployment" && scaling.involvedObject.name == "web")
        #expect(scaling.message == "Scaled up replica set \(rs.metadata.name) from 0 to 2")
        #expect(scaling.sourceComponent == "deployment-controller")

        let created = sim.events(reason: "SuccessfulCreate").filter { $0.involvedObject.name == rs.metadata.name }
        #expect(created.count == 2)
        #expect(created.contains { $0.message == "Created pod: \(pod.metadata.name)" })
        #expect(created.allSatisfy { $0.involvedObject.kind == "ReplicaSet" && $0.sourceComponent == "replicaset-controller" })

        let scheduled = try #require(sim.events(reason: "Scheduled").first { $0.involvedObject.name == pod.metadata.name })
        #expect(scheduled.message == "Successfully assigned default/\(pod.metadata.name) to \(pod.spec.nodeName!)")
        #expect(scheduled.sourceComponent == "default-scheduler")

        for reason in ["Pulled", "Created", "Started"] {
            let e = try #require(sim.events(reason: reason).first { $0.involvedObject.name == pod.metadata.name }, "\(reason)")
            #expect(e.sourceComponent == "kubelet")
            #expect(e.type == .normal)
        }
        #expect(sim.events(reason: "Started").first { $0.involvedObject.name == pod.metadata.name }?.message
            == "Started container main")
    }

    @Test("Deleting a pod records Killing; a scale-down records SuccessfulDelete and ScalingReplicaSet")
    func deletionEvents() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2)])
        let victim = try #require(sim.pods("web-").first).metadata.name
        try sim.run("delete pod/\(victim)")
        let killing = try #require(sim.events(reason: "Killing").first { $0.involvedObject.name == victim })
        #expect(killing.message == "Stopping container main")
        try sim.run("settle")
        try sim.run("scale deployment/web --replicas=1")
        let rsName = try #require(sim.snapshot.replicaSets.all.first).metadata.name
        #expect(sim.events(reason: "ScalingReplicaSet").contains { $0.message == "Scaled down replica set \(rsName) from 2 to 1" })
        #expect(sim.events(reason: "SuccessfulDelete").contains { $0.involvedObject.name == rsName })
    }

    @Test("A repeated event increments count and moves lastTimestamp, keeping firstTimestamp")
    func repeatedEventsCount() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1, probe: Probe(initialDelaySeconds: 1, periodSeconds: 5))])
        let name = try #require(sim.pods("web-").first).metadata.name
        try sim.run("fail-readiness pod/\(name)")
        try sim.run("settle")
        let unhealthy = sim.events(reason: "Unhealthy").filter { $0.involvedObject.name == name }
        #expect(unhealthy.count == 1, "one Event object, counted")
        let e = try #require(unhealthy.first)
        #expect(e.count == 3)
        #expect(e.type == .warning)
        let first = try #require(e.firstTimestamp), last = try #require(e.lastTimestamp)
        #expect(last.milliseconds - first.milliseconds == 10_000)
    }

    @Test("Past the event cap only the newest events are kept, and the ones dropped within an instant never reach the store")
    func eventCapKeepsNewest() throws {
        var config = SimulationConfig()
        config.maxEvents = 40
        var sim = Simulator(config: config)
        _ = sim.load([Make.deployment("web", replicas: 30)])
        sim.recordChanges = true
        _ = sim.takeRecordedChanges()
        sim.settle()
        let events = sim.snapshot.events.all.sorted { $0.metadata.name < $1.metadata.name }
        #expect(events.count == 40)
        // Containers start in a few bursts of many pods at one instant: far fewer events are written than recorded.
        let written = sim.takeRecordedChanges().flatMap(\.changes).filter { $0.type == .event && $0.after != nil }.count
        #expect(written < 30 * 3, "\(written) events written for 90 recorded at container start")
        // The kept ones are the newest: every pod's Started event survives only if it came last.
        let newest = events.compactMap(\.lastTimestamp).max()
        #expect(events.contains { $0.reason == "Started" && $0.lastTimestamp == newest })
    }

    @Test("An event repeated within one instant, and again in a later one, is counted on one Event")
    func repeatedWithinInstant() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1)])
        let pod = try #require(sim.pods("web-").first)
        sim.recordEvent(for: pod, reason: "Probe", message: "same words", component: "test")
        sim.recordEvent(for: pod, reason: "Probe", message: "same words", component: "test")
        sim.runControllers()
        var probes = sim.snapshot.events.all.filter { $0.reason == "Probe" }
        #expect(probes.count == 1 && probes.first?.count == 2)
        sim.advance(byMs: 1000)
        sim.recordEvent(for: pod, reason: "Probe", message: "same words", component: "test")
        sim.runControllers()
        probes = sim.snapshot.events.all.filter { $0.reason == "Probe" }
        #expect(probes.count == 1 && probes.first?.count == 3)
        #expect(probes.first?.lastTimestamp != probes.first?.firstTimestamp)
    }
}
