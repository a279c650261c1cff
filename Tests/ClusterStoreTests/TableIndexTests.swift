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
}
