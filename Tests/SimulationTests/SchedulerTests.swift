import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Scheduler")
struct SchedulerTests {
    static func perNode(_ pods: [Pod]) -> [String: Int] {
        Dictionary(grouping: pods.compactMap(\.spec.nodeName), by: { $0 }).mapValues(\.count)
    }

    @Test("Without Nodes in the manifests the cluster has node-1..3 with pod CIDRs and zones")
    func defaultNodes() throws {
        let sim = Make.simulator([])
        let nodes = sim.snapshot.nodes.all.sorted { $0.metadata.name < $1.metadata.name }
        #expect(nodes.map(\.metadata.name) == ["node-1", "node-2", "node-3"])
        #expect(nodes.allSatisfy { $0.isReady && $0.zone != nil && $0.internalIP != nil })
        #expect(Set(nodes.compactMap(\.spec.podCIDR)).count == 3)
    }

    @Test("The scheduler spreads pods: the node with the fewest pods first")
    func spreads() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 6)])
        #expect(Self.perNode(sim.pods("web-")) == ["node-1": 2, "node-2": 2, "node-3": 2])
    }

    @Test("Spreading counts pods created on a named node and forgets pods that left, between scheduler rounds")
    func spreadsAcrossRounds() throws {
        var pinned = Pod(metadata: ObjectMeta(name: "pinned", namespace: "default", labels: ["app": "pinned"]),
                         spec: PodSpec(containers: [Container(name: "c", image: "nginx")]))
        pinned.spec.nodeName = "node-1"
        var sim = Make.simulator([Make.deployment("web", replicas: 3), .pod(pinned)])
        // node-1 holds a web pod and the pinned one: the next two go to node-2 and node-3.
        try sim.run("scale deployment/web --replicas=5")
        sim.settle()
        var counts = Self.perNode(sim.snapshot.pods.all.filter(\.isActive))
        #expect(counts == ["node-1": 2, "node-2": 2, "node-3": 2])
        // Two pods leave node-2: the next two replicas fill it again rather than the others.
        let onNode2 = sim.pods("web-").filter { $0.spec.nodeName == "node-2" }.map(\.metadata.name)
        for name in onNode2 { try sim.run("kill pod/\(name)") }
        sim.settle()
        counts = Self.perNode(sim.snapshot.pods.all.filter(\.isActive))
        #expect(counts == ["node-1": 2, "node-2": 2, "node-3": 2])
    }

    @Test("Pod IPs come from the node's pod CIDR")
    func podIPsFromNodeCIDR() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 6)])
        for pod in sim.pods("web-") {
            let node = try #require(sim.snapshot.nodes[ObjectKey(namespace: "", name: pod.spec.nodeName!)])
            let podCIDR = try #require(node.spec.podCIDR)
            let cidr = try #require(IPv4CIDR(podCIDR))
            let ip = try #require(pod.status.podIP.flatMap(IPv4CIDR.parse))
            #expect(cidr.contains(ip))
            #expect(pod.status.hostIP == node.internalIP)
        }
    }

    @Test("nodeSelector is honoured")
    func nodeSelector() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 4) {
            $0.spec.template.spec.nodeSelector = ["topology.kubernetes.io/zone": "zone-b"]
        }])
        #expect(Self.perNode(sim.pods("web-")) == ["node-3": 4])
    }

    @Test("A pod that fits no node stays Pending with PodScheduled=False and a FailedScheduling event")
    func unschedulable() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 1) {
            $0.spec.template.spec.nodeSelector = ["disktype": "ssd"]
        }])
        let pod = try #require(sim.pods("web-").first)
        #expect(pod.status.phase == .pending)
        #expect(pod.spec.nodeName == nil)
        let condition = try #require(pod.status.condition("PodScheduled"))
        #expect(condition.status == "False" && condition.reason == "Unschedulable")
        let event = try #require(sim.events(reason: "FailedScheduling").first { $0.involvedObject.name == pod.metadata.name })
        #expect(event.type == .warning)
        #expect(event.sourceComponent == "default-scheduler")
        #expect(event.message?.hasPrefix("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector") == true)
    }

    @Test("A cordoned node gets no new pods; its running pods stay")
    func cordon() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3)])
        try sim.run("cordon node/node-1")
        #expect(sim.snapshot.nodes[ObjectKey(namespace: "", name: "node-1")]?.spec.unschedulable == true)
        try sim.run("scale deployment/web --replicas=9")
        try sim.run("settle")
        #expect(Self.perNode(sim.pods("web-")) == ["node-1": 1, "node-2": 4, "node-3": 4])
        try sim.run("uncordon node/node-1")
        try sim.run("scale deployment/web --replicas=12")
        try sim.run("settle")
        #expect(Self.perNode(sim.pods("web-"))["node-1"] == 4)
    }

    @Test("A pod that could not be scheduled is placed as soon as a node can take it")
    func pendingPodScheduledLater() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1)])
        for node in ["node-1", "node-2", "node-3"] { try sim.run("cordon node/\(node)") }
        try sim.run("scale deployment/web --replicas=2")
        try sim.run("settle")
        #expect(sim.pods("web-").filter { $0.spec.nodeName == nil }.count == 1)
        try sim.run("uncordon node/node-2")
        try sim.run("settle")
        #expect(sim.pods("web-").allSatisfy { $0.spec.nodeName != nil && $0.isReady })
    }

    @Test("The scheduler places no more pods on a node than its allocatable pods")
    func nodePodCapacity() throws {
        var node = Make.node("small")
        if case .node(var n) = node {
            n.status.allocatable["pods"] = "3"
            n.status.capacity["pods"] = "3"
            node = .node(n)
        }
        let sim = Make.simulator([node] + Make.pods("web", count: 4))
        let pending = sim.pods("web").filter { $0.spec.nodeName == nil }
        #expect(sim.pods("web").filter { $0.spec.nodeName == "small" }.count == 3)
        #expect(pending.count == 1)
        #expect(sim.events(reason: "FailedScheduling").contains { $0.message?.contains("Too many pods") == true })
    }

    @Test("A pod runs only with an IP: when the node's pod CIDR is exhausted it stays in ContainerCreating")
    func podCIDRExhausted() throws {
        // A /29 leaves 5 pod addresses (.2–.6) once the network and bridge addresses are set aside.
        let sim = Make.simulator([Make.node("tiny", podCIDR: "10.244.9.0/29")] + Make.pods("web", count: 6))
        let pods = sim.pods("web")
        #expect(pods.filter { $0.status.podIP != nil }.count == 5)
        for pod in pods where pod.status.phase == .running {
            #expect(pod.status.podIP != nil, "\(pod.metadata.name) is Running without an IP")
        }
        #expect(pods.filter { $0.status.phase == .running }.count == 5)
    }

    @Test("A pod without an address waits in ContainerCreating with FailedCreatePodSandBox, and starts once an IP is freed")
    func podCIDRExhaustedRetries() throws {
        var sim = Make.simulator([Make.node("tiny", podCIDR: "10.244.9.0/29")] + Make.pods("web", count: 6))
        let waiting = try #require(sim.pods("web").first { $0.status.podIP == nil })
        #expect(waiting.status.phase == .pending)
        #expect(waiting.status.containerStatuses.first?.state == .waiting(reason: "ContainerCreating", message: nil))
        #expect(sim.events(reason: "FailedCreatePodSandBox").contains { $0.type == .warning })
        let running = try #require(sim.pods("web").first { $0.status.podIP != nil })
        try sim.run("kill pod/\(running.metadata.name)")
        try sim.run("settle")
        let started = try #require(sim.pod(waiting.metadata.name))
        #expect(started.status.phase == .running)
        #expect(started.status.podIP == running.status.podIP)
        #expect(sim.pods("web").filter { $0.status.podIP != nil }.count == 5)
    }
}
