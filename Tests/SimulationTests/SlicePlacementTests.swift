import ClusterStore
import KubeModel
import Testing
@testable import Simulation

/// The placement rules of kubernetes/endpointslice's reconciler, first on `SlicePlacement` alone (exact slices),
/// then in the running controller (which slices a change writes).
@Suite("EndpointSlice placement")
struct SlicePlacementTests {
    static let http = [EndpointPort(name: "http", port: 8080)]
    static let metrics = [EndpointPort(name: "metrics", port: 9100)]

    static func endpoint(_ pod: String, ready: Bool = true) -> Endpoint {
        Endpoint(addresses: ["10.0.0.\(pod.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xff })"],
                 conditions: EndpointConditions(ready: ready, serving: ready, terminating: false),
                 targetRef: ObjectReference(kind: "Pod", namespace: "default", name: pod))
    }

    static func want(_ pod: String, ports: [EndpointPort] = http, ready: Bool = true) -> DesiredEndpoint {
        DesiredEndpoint(pod: pod, ports: ports, endpoint: endpoint(pod, ready: ready))
    }

    static func slice(_ name: String, ports: [EndpointPort] = http, pods: [String]) -> EndpointSlice {
        EndpointSlice(metadata: ObjectMeta(name: name, namespace: "default"), endpoints: pods.map { endpoint($0) },
                      ports: ports)
    }

    static func podNames(_ prefix: String, _ range: Range<Int>) -> [String] {
        range.map { "\(prefix)-\(String(format: "%04d", $0))" }
    }

    static func pods(_ s: EndpointSlice) -> [String] { s.endpoints.compactMap(SlicePlacement.podName) }

    // MARK: the placement alone

    @Test("An endpoint that changed is updated in place in the slice that holds it")
    func updatedInPlace() {
        var p = SlicePlacement(existing: [Self.slice("a", pods: ["p1", "p2"]), Self.slice("b", pods: ["p3"])])
        p.place([Self.want("p3", ready: false)], scope: PodNames(["p3"]))
        #expect(p.edited == [false, true])
        #expect(p.slices[1].endpoints == [Self.endpoint("p3", ready: false)])
        #expect(p.created.isEmpty && p.deleted.isEmpty)
    }

    @Test("Endpoints outside the changed pods are neither compared nor rewritten")
    func outOfScopeUntouched() {
        var p = SlicePlacement(existing: [Self.slice("a", pods: ["p1", "p2"])])
        // p2's wanted endpoint differs, but only p1 is in question: p2 is left as it is.
        p.place([Self.want("p1"), Self.want("p2", ready: false)].filter { $0.pod == "p1" }, scope: PodNames(["p1"]))
        #expect(p.edited == [false])
    }

    @Test("New endpoints fill slices already being updated first, the fullest first")
    func fillUpdatedSlicesFirst() {
        let a = Self.slice("a", pods: Self.podNames("a", 0..<90))
        let b = Self.slice("b", pods: Self.podNames("b", 0..<50))
        let c = Self.slice("c", pods: Self.podNames("c", 0..<10))
        var p = SlicePlacement(existing: [a, b, c])
        // One pod leaves a and one leaves b (both slices are being rewritten); 16 new pods arrive.
        let new = Self.podNames("n", 0..<16)
        p.place(new.map { Self.want($0) }, scope: PodNames([Self.pods(a)[0], Self.pods(b)[0]] + new))
        #expect(p.slices[0].endpoints.count == 100, "a (89 left) is the fullest: it takes 11")
        #expect(p.slices[1].endpoints.count == 54, "b (49 left) takes the other 5")
        #expect(p.edited[2] == false, "the unchanged slice is not touched")
        #expect(p.created.isEmpty)
    }

    @Test("Fewer than a slice's worth of new endpoints go to the unchanged slice they fill most nearly")
    func bestFitUnchangedSlice() {
        var p = SlicePlacement(existing: [Self.slice("a", pods: Self.podNames("a", 0..<60)),
                                          Self.slice("b", pods: Self.podNames("b", 0..<95)),
                                          Self.slice("c", pods: Self.podNames("c", 0..<98))])
        let new = Self.podNames("n", 0..<4)
        p.place(new.map { Self.want($0) }, scope: PodNames(new))
        #expect(p.edited == [false, true, false], "b has 5 spare after 95: the closest fit; c has no room for 4")
        #expect(p.slices[1].endpoints.count == 99)
        #expect(p.created.isEmpty)
    }

    @Test("A new slice is made only when no slice has room: a slice's worth goes to a new slice, the rest fits")
    func newSliceWhenNoRoom() {
        var p = SlicePlacement(existing: [Self.slice("a", pods: Self.podNames("a", 0..<10))])
        let new = Self.podNames("n", 0..<150)
        p.place(new.map { Self.want($0) }, scope: PodNames(new))
        #expect(p.created.map(\.endpoints.count) == [100])
        #expect(p.slices[0].endpoints.count == 60, "the other 50 fit the existing slice")
        var full = SlicePlacement(existing: [Self.slice("a", pods: Self.podNames("a", 0..<100))])
        full.place([Self.want("z")], scope: PodNames(["z"]))
        #expect(full.created.map(\.endpoints.count) == [1], "a full slice takes nothing more")
        #expect(full.edited == [false])
    }

    @Test("Endpoints are grouped by resolved ports: a pod whose ports change moves to a slice of its new ports")
    func groupedByPorts() {
        var p = SlicePlacement(existing: [Self.slice("a", pods: ["p1", "p2"]),
                                          Self.slice("b", ports: Self.metrics, pods: ["p3"])])
        p.place([Self.want("p1", ports: Self.metrics)], scope: PodNames(["p1"]))
        #expect(Self.pods(p.slices[0]) == ["p2"])
        #expect(Self.pods(p.slices[1]) == ["p1", "p3"], "kept in pod-name order")
        #expect(p.created.isEmpty && p.deleted.isEmpty)
    }

    @Test("A slice left empty is deleted, and a slice to create reuses it instead")
    func emptiedSliceDeletedOrReused() {
        var p = SlicePlacement(existing: [Self.slice("a", pods: ["p1"]), Self.slice("b", pods: ["p2"])])
        p.place([], scope: PodNames(["p1"]))
        #expect(p.deleted == [0])
        var q = SlicePlacement(existing: [Self.slice("a", pods: ["p1"]), Self.slice("b", pods: ["p2"])])
        q.place([Self.want("p1", ports: Self.metrics)], scope: PodNames(["p1"]))
        #expect(q.deleted.isEmpty && q.created.isEmpty, "the emptied slice takes the new port group")
        #expect(q.slices[0].ports == Self.metrics && Self.pods(q.slices[0]) == ["p1"])
    }

    @Test("When no endpoint is left, one empty slice stays as the placeholder, preferring the one that is already")
    func placeholderStays() {
        var p = SlicePlacement(existing: [Self.slice("a", pods: ["p1"]), Self.slice("b", pods: ["p2"])])
        p.place([], scope: nil)
        #expect(p.deleted == [1])
        #expect(p.slices[0].ports.isEmpty && p.slices[0].endpoints.isEmpty)
        var q = SlicePlacement(existing: [Self.slice("a", pods: ["p1"]), Self.slice("b", ports: [], pods: [])])
        q.place([], scope: nil)
        #expect(q.deleted == [0])
        #expect(q.slices[1].ports.isEmpty && q.slices[1].endpoints.isEmpty)
        var none = SlicePlacement(existing: [])
        none.place([], scope: nil)
        #expect(none.created.count == 1 && none.created[0].endpoints.isEmpty && none.created[0].ports.isEmpty)
    }

    @Test("A full reconcile keeps each endpoint exactly once and drops what no pod wants")
    func fullReconcileDropsDuplicatesAndStrays() {
        var stray = Self.endpoint("x")
        stray.targetRef = nil
        var a = Self.slice("a", pods: ["p1", "p2"])
        a.endpoints.append(stray)
        var p = SlicePlacement(existing: [a, Self.slice("b", pods: ["p2", "p3"])])
        p.place(["p1", "p2", "p3"].map { Self.want($0) }, scope: nil)
        let all = p.slices.flatMap(Self.pods)
        #expect(all.sorted() == ["p1", "p2", "p3"])
        #expect(p.slices[0].endpoints.count == 2 && p.slices[1].endpoints.count == 1)
    }

    // MARK: the controller

    /// The slice holding a pod's endpoint.
    static func holder(_ sim: Simulator, _ service: String, pod: String) -> EndpointSlice? {
        sim.slices(for: service).first { $0.endpoints.contains { $0.targetRef?.name == pod } }
    }

    static func versions(_ sim: Simulator, _ service: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: sim.slices(for: service).map { ($0.metadata.name, $0.metadata.resourceVersion) })
    }

    static func bigService() throws -> Simulator {
        var sim = Make.simulator(Make.pods("web", count: 250))
        try sim.applyObject(Make.service("web", selector: ["app": "web"]))
        return sim
    }

    @Test("A readiness change rewrites only the slice holding the pod, which keeps its endpoint")
    func readinessChangeKeepsSlice() throws {
        var sim = try Self.bigService()
        let before = Self.versions(sim, "web")
        let holder = try #require(Self.holder(sim, "web", pod: "web-42"))
        try sim.run("fail-readiness pod/web-42")
        let after = Self.versions(sim, "web")
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.filter { before[$0.key] != $0.value }.map(\.key) == [holder.metadata.name])
        let e = try #require(Self.holder(sim, "web", pod: "web-42")?.endpoints.first { $0.targetRef?.name == "web-42" })
        #expect(Self.holder(sim, "web", pod: "web-42")?.metadata.name == holder.metadata.name)
        #expect(e.conditions.ready == false)
    }

    @Test("A kill rewrites only the slice that held the pod; the replacement fills the room it left")
    func killRewritesOneSlice() throws {
        // The Service comes after its pods, so its slices are built in one go: 100 and 50.
        var sim = Make.simulator([Make.deployment("web", replicas: 150)])
        try sim.applyObject(Make.service("web", selector: ["app": "web"]))
        let before = Self.versions(sim, "web")
        #expect(sim.slices(for: "web").map(\.endpoints.count).sorted() == [50, 100])
        let victim = try #require(sim.slices(for: "web").first { $0.endpoints.count == 100 }?.endpoints.last?.targetRef?.name)
        let holder = try #require(Self.holder(sim, "web", pod: victim)).metadata.name
        try sim.run("kill pod/\(victim)")
        let after = Self.versions(sim, "web")
        #expect(after.filter { before[$0.key] != $0.value }.map(\.key) == [holder])
        #expect(Self.holder(sim, "web", pod: victim) == nil)
        try sim.run("settle")
        #expect(Set(Self.versions(sim, "web").keys) == Set(before.keys), "no new slice for the replacement")
        #expect(sim.slices(for: "web").map(\.endpoints.count).sorted() == [50, 100])
        #expect(sim.sliceEndpoints("web").count == 150)
    }

    @Test("A slice whose pods are all gone is deleted; the others are not rewritten")
    func emptiedSliceDeleted() throws {
        var sim = try Self.bigService()
        let slices = sim.slices(for: "web")
        let doomed = try #require(slices.min { $0.endpoints.count < $1.endpoints.count })
        let others = Self.versions(sim, "web").filter { $0.key != doomed.metadata.name }
        for pod in doomed.endpoints.compactMap(\.targetRef?.name) {
            try sim.store.delete(Pod.self, ObjectKey(namespace: "default", name: pod))
        }
        sim.runControllers()
        #expect(Self.versions(sim, "web") == others)
        #expect(sim.sliceEndpoints("web").count == 250 - doomed.endpoints.count)
    }

    @Test("Slices built change by change hold the same endpoints per port group as slices built from scratch")
    func incrementalAgreesWithScratch() throws {
        var sim = Make.simulator([
            Make.deployment("a", replicas: 120, labels: ["app": "a", "tier": "web"], grace: 2),
            Make.deployment("b", replicas: 30, labels: ["app": "b", "tier": "web"],
                            ports: [ContainerPort(name: "http", containerPort: 9090)]),
            Make.service("web", selector: ["tier": "web"]),
        ])
        var rng = SeededRandom(seed: 7)
        for step in 0..<40 {
            let pods = sim.activePods().map(\.metadata.name)
            let pod = pods[Int.random(in: 0..<pods.count, using: &rng)]
            let line = switch step % 4 {
            case 0: "kill pod/\(pod)"
            case 1: "fail-readiness pod/\(pod)"
            case 2: "delete pod/\(pod)"
            default: "advance \(Int.random(in: 1...20, using: &rng))s"
            }
            try sim.run(line)
            let service = try #require(sim.service("web"))
            let scratch = sim.desiredSlices(service, selector: ["tier": "web"])
            func byPorts(_ groups: [([EndpointPort], [Endpoint])]) -> [[EndpointPort]: Set<Endpoint>] {
                groups.reduce(into: [:]) { $0[$1.0, default: []].formUnion($1.1) }
            }
            let slices = sim.slices(for: "web")
            #expect(byPorts(slices.map { ($0.ports, $0.endpoints) }) == byPorts(scratch), "step \(step) '\(line)'")
            #expect(slices.flatMap(\.endpoints).count == scratch.flatMap(\.1).count, "each endpoint once — step \(step)")
            #expect(slices.allSatisfy { !$0.endpoints.isEmpty && $0.endpoints.count <= 100 }, "step \(step)")
        }
        // A recomputation from scratch finds nothing to change.
        let version = sim.snapshot.resourceVersion
        sim.noteEndpointService(ObjectKey(namespace: "default", name: "web"))
        sim.runControllers()
        #expect(sim.snapshot.resourceVersion == version)
    }

    @Test("A slice edited by someone else is reconciled from scratch on the next change")
    func foreignEditTriggersFullReconcile() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3), Make.service("web", selector: ["app": "web"])])
        var slice = try #require(sim.slices(for: "web").first)
        let edited = try #require(slice.endpoints[0].targetRef?.name)
        let victim = try #require(sim.pods("web-").map(\.metadata.name).first { $0 != edited })
        slice.endpoints[0].conditions.ready = false
        try sim.store.update(slice)
        sim.runControllers()
        try sim.run("fail-readiness pod/\(victim)")
        let endpoints = sim.sliceEndpoints("web")
        #expect(endpoints.filter { $0.conditions.ready == true }.count == 2, "the foreign edit is undone")
    }

    @Test("A write to a pod that has no IP before or after queues no Service for the endpoint controllers")
    func podWithoutIPQueuesNothing() throws {
        var sim = Make.simulator([Make.service("web", selector: ["app": "web"])])
        guard case .pod(var pod) = Make.pod("web-0", labels: ["app": "web"]) else { return }
        pod = try sim.store.create(pod)
        for change in sim.store.takeChanges() { sim.dispatch(change) }
        #expect(sim.dirty[ControllerID.endpointSlice.rawValue].isEmpty)
        #expect(sim.endpointTracker.slicePods.isEmpty)
        pod.status.podIP = "10.244.1.99"
        try sim.store.update(pod)
        for change in sim.store.takeChanges() { sim.dispatch(change) }
        #expect(sim.dirty[ControllerID.endpointSlice.rawValue] == [ObjectKey(namespace: "default", name: "web")], "an IP makes it an endpoint")
        #expect(sim.endpointTracker.slicePods[ObjectKey(namespace: "default", name: "web")] == ["web-0"])
    }

    @Test("A node's new zone reaches the endpoints of the pods on it, and only theirs")
    func nodeZoneChange() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 6), Make.service("web", selector: ["app": "web"])])
        var node = try #require(sim.snapshot.nodes.all.sorted { $0.metadata.name < $1.metadata.name }.first)
        node.metadata.labels[Node.zoneLabel] = "zone-moved"
        try sim.store.update(node)
        sim.runControllers()
        let endpoints = sim.sliceEndpoints("web")
        #expect(endpoints.contains { $0.nodeName == node.metadata.name })
        for e in endpoints {
            #expect((e.zone == "zone-moved") == (e.nodeName == node.metadata.name), "\(e.nodeName ?? "-"): \(e.zone ?? "-")")
        }
    }
}
