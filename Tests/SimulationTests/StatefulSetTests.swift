import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("StatefulSet controller")
struct StatefulSetTests {
    static func ordinals(_ sim: Simulator, active: Bool = false) -> [String] {
        (active ? sim.activePods("db-") : sim.pods("db-")).map(\.metadata.name)
    }

    @Test("Pods are named NAME-0 … NAME-(N-1) with hostname and subdomain from the governing Service")
    func ordinalNames() throws {
        let sim = Make.simulator([Make.statefulSet("db", replicas: 3),
                                  Make.service("db", selector: ["app": "db"], clusterIP: "None")])
        #expect(Self.ordinals(sim) == ["db-0", "db-1", "db-2"])
        for (i, pod) in sim.pods("db-").enumerated() {
            #expect(pod.spec.hostname == "db-\(i)")
            #expect(pod.spec.subdomain == "db")
            #expect(pod.metadata.labels["statefulset.kubernetes.io/pod-name"] == "db-\(i)")
            #expect(pod.metadata.labels["apps.kubernetes.io/pod-index"] == "\(i)")
            #expect(pod.isReady)
        }
        let sts = try #require(sim.snapshot.statefulSets.all.first)
        #expect(sts.status.replicas == 3 && sts.status.readyReplicas == 3)
    }

    @Test("OrderedReady: NAME-i is not created until NAME-(i-1) is running and ready")
    func orderedReady() throws {
        var sim = Make.simulator([Make.statefulSet("db", replicas: 3, probe: Probe(initialDelaySeconds: 5, periodSeconds: 5))],
                                 settle: false)
        #expect(Self.ordinals(sim) == ["db-0"])
        var steps = 0
        var seen: [Int] = []
        while sim.hasPendingWork && steps < 300 {
            let pods = sim.pods("db-")
            if pods.count != seen.last { seen.append(pods.count) }
            for pod in pods {
                let ordinal = Int(pod.metadata.name.dropFirst(3))!
                guard ordinal > 0 else { continue }
                let previous = sim.pod("db-\(ordinal - 1)")
                #expect(previous?.isReady == true, "at \(sim.nowMs)ms \(pod.metadata.name) exists before db-\(ordinal - 1) is ready")
            }
            sim.advance(byMs: 500)
            steps += 1
        }
        #expect(seen == [1, 2, 3])
        #expect(sim.pods("db-").allSatisfy { $0.isReady })
    }

    @Test("Parallel pod management creates every ordinal at once")
    func parallel() throws {
        let sim = Make.simulator([Make.statefulSet("db", replicas: 3, probe: Probe(initialDelaySeconds: 5), policy: .parallel)],
                                 settle: false)
        #expect(Self.ordinals(sim) == ["db-0", "db-1", "db-2"])
    }

    @Test("Scale-down removes the highest ordinal first, one at a time")
    func reverseOrderScaleDown() throws {
        var sim = Make.simulator([Make.statefulSet("db", replicas: 3)])
        try sim.run("scale statefulset/db --replicas=0")
        var order: [String] = []
        var steps = 0
        while sim.hasPendingWork && steps < 400 {
            let terminating = sim.pods("db-").filter(\.metadata.isTerminating).map(\.metadata.name)
            #expect(terminating.count <= 1, "at \(sim.nowMs)ms: \(terminating)")
            for name in terminating where order.last != name { order.append(name) }
            sim.advance(byMs: 1000)
            steps += 1
        }
        #expect(order == ["db-2", "db-1", "db-0"])
        #expect(sim.pods("db-").isEmpty)
    }

    @Test("A deleted StatefulSet pod comes back under the same name")
    func stableIdentity() throws {
        var sim = Make.simulator([Make.statefulSet("db", replicas: 2)])
        let uid = sim.pod("db-1")?.metadata.uid
        try sim.run("kill pod/db-1")
        try sim.run("settle")
        #expect(sim.pod("db-1")?.isReady == true)
        #expect(sim.pod("db-1")?.metadata.uid != uid)
    }
}
