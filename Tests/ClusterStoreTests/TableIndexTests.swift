import ClusterStore
import KubeModel
import Testing

@Suite("Table indexes kept by writes: counted objects and the membership journal")
struct TableIndexTests {
    func pod(_ name: String, namespace: String = "default", ready: Bool) -> Pod {
        var p = Pod(metadata: ObjectMeta(name: name, namespace: namespace),
                    spec: PodSpec(containers: [Container(name: "c", image: "nginx")]))
        p.status.conditions = [PodCondition(type: "Ready", status: ready, lastTransitionTime: nil)]
        return p
    }

    @Test("ready pods are counted per namespace through creates, status updates, deletion marks and removals")
    func readyCountFollowsWrites() throws {
        var store = ClusterStore()
        try store.create(pod("a", ready: true))
        var b = try store.create(pod("b", ready: false))
        try store.create(pod("c", namespace: "shop", ready: true))
        #expect(store.snapshot.pods.countedCount(in: "default") == 1)
        #expect(store.snapshot.pods.countedCount(in: nil) == 2)
        b.status.conditions = [PodCondition(type: "Ready", status: true, lastTransitionTime: nil)]
        b = try store.update(b)
        #expect(store.snapshot.pods.countedCount(in: "default") == 2)
        b.metadata.deletionTimestamp = Timestamp(seconds: 5)
        try store.update(b)
        #expect(store.snapshot.pods.countedCount(in: "default") == 1, "a terminating pod is not counted ready")
        try store.delete(Pod.self, ObjectKey(namespace: "shop", name: "c"))
        #expect(store.snapshot.pods.countedCount(in: "shop") == 0)
        #expect(store.snapshot.pods.countedCount(in: nil) == 1)
        #expect(store.snapshot.pods.count(in: "default") == 2)
        #expect(store.snapshot.pods.count(in: "nowhere") == 0)
    }

    @Test("the journal lists additions and removals since a version, and nil once it has forgotten them")
    func journalSinceVersion() throws {
        var store = ClusterStore()
        try store.create(pod("a", ready: true))
        let seen = store.snapshot.pods.membership.version
        var a = store.snapshot.pods[ObjectKey(namespace: "default", name: "a")]!
        a.metadata.labels["x"] = "y"
        try store.update(a)
        try store.create(pod("b", ready: true))
        try store.delete(Pod.self, ObjectKey(namespace: "default", name: "a"))
        let changes = try #require(store.snapshot.pods.membership.changes(since: seen))
        #expect(changes.map(\.key.name) == ["b", "a"])
        #expect(changes.map(\.added) == [true, false])
        #expect(store.snapshot.pods.membership.changes(since: store.snapshot.pods.membership.version)?.isEmpty == true)
        #expect(store.snapshot.pods.membership.changes(since: -1) == nil)
        #expect(store.snapshot.pods.membership.changes(since: store.snapshot.pods.membership.version + 1) == nil)
        for i in 0..<5000 { try store.create(pod("p\(i)", ready: false)) }
        #expect(store.snapshot.pods.membership.changes(since: seen) == nil, "forgotten past the journal's capacity")
    }

    @Test("a write keeps the indexes only when labels, controller, node and readiness are all unchanged")
    func writeKeepsIndexesOnlyForIndexNeutralChanges() {
        let state = ClusterState()
        var base = pod("a", ready: true)
        base.metadata.labels = ["app": "web"]
        base.spec.nodeName = "node-1"
        func keeps(_ change: (inout Pod) -> Void) -> Bool {
            var next = base
            change(&next)
            return state.writeKeepsIndexes(from: .pod(base), to: .pod(next))
        }
        #expect(keeps { $0.status.podIP = "10.0.0.9" }, "a status-only write")
        #expect(keeps { $0.metadata.resourceVersion = "7" })
        #expect(!keeps { $0.metadata.labels["tier"] = "fe" }, "a label added")
        #expect(!keeps { $0.spec.nodeName = "node-2" }, "scheduled elsewhere")
        #expect(!keeps { $0.status.conditions = [PodCondition(type: "Ready", status: false, lastTransitionTime: nil)] },
                "turned not ready: the header's count changes")
        #expect(!keeps { $0.metadata.deletionTimestamp = Timestamp(seconds: 3) }, "a ready pod marked for deletion")
        var notReady = base
        notReady.status.conditions = []
        var deleting = notReady
        deleting.metadata.deletionTimestamp = Timestamp(seconds: 3)
        #expect(state.writeKeepsIndexes(from: .pod(notReady), to: .pod(deleting)),
                "a pod that was not counted and still is not")
        #expect(!keeps {
            $0.metadata.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs",
                                                          uid: "u-1")]
        }, "a new controller")
        var service = Service(metadata: ObjectMeta(name: "s", namespace: "default", labels: ["a": "1"]),
                              spec: ServiceSpec(selector: ["app": "web"]))
        let before = KubeObject.service(service)
        service.spec.selector = ["app": "other"]
        #expect(state.writeKeepsIndexes(from: before, to: .service(service)), "a spec change of another kind")
        service.metadata.labels = [:]
        #expect(!state.writeKeepsIndexes(from: before, to: .service(service)))
    }

    @Test("a put that keeps the indexes leaves them exactly as a full put does")
    func keepingIndexesPutMatchesFullPut() {
        var full = ClusterState(), fast = ClusterState()
        var p = pod("a", ready: true)
        p.metadata.labels = ["app": "web"]
        p.spec.nodeName = "node-1"
        full.restore(.pod(p))
        fast.restore(.pod(p))
        var next = p
        next.status.podIP = "10.0.0.1"
        #expect(full.writeKeepsIndexes(from: .pod(p), to: .pod(next)))
        full.restore(.pod(next))
        fast.restore(.pod(next), keepingIndexes: true)
        #expect(fast.pods[p.metadata.key]?.status.podIP == "10.0.0.1")
        #expect(fast.pods.byLabel == full.pods.byLabel && fast.pods.byNode == full.pods.byNode)
        #expect(fast.pods.byNamespace == full.pods.byNamespace && fast.pods.countedCount(in: nil) == 1)
        #expect(fast.pods.membership.version == full.pods.membership.version)
    }

    @Test("the events table keeps no namespace index and answers namespace questions by scanning")
    func eventsAnswerNamespaceQuestionsWithoutAnIndex() throws {
        var store = ClusterStore()
        for (i, namespace) in ["default", "shop", "shop"].enumerated() {
            try store.create(Event(metadata: ObjectMeta(name: "e\(i)", namespace: namespace),
                                   involvedObject: ObjectReference(), reason: "Test", message: nil,
                                   at: Timestamp(seconds: 1)))
        }
        let events = store.snapshot.events
        #expect(events.byNamespace.isEmpty)
        #expect(events.count(in: "shop") == 2 && events.count(in: "default") == 1 && events.count(in: "none") == 0)
        #expect(events.count(in: nil) == 3)
        #expect(events.keys(in: "shop").sorted().map(\.name) == ["e1", "e2"])
        #expect(events.inNamespace("default").map(\.metadata.name) == ["e0"])
        // Tables that do index namespaces answer the same questions from the index.
        try store.create(pod("p", namespace: "shop", ready: true))
        #expect(store.snapshot.pods.keys(in: "shop").map(\.name) == ["p"])
        #expect(store.snapshot.pods.byNamespace["shop"]?.count == 1)
    }
}
