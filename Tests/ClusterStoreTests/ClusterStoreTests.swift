import ClusterStore
import KubeModel
import Testing

@Suite("The store sets what the API server owns and records every write")
struct ClusterStoreTests {
    func pod(_ name: String, labels: [String: String] = ["app": "web"], node: String? = nil, owner: String? = nil) -> Pod {
        var meta = ObjectMeta(name: name, namespace: "default", labels: labels)
        if let owner {
            meta.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: owner)]
        }
        var spec = PodSpec(containers: [Container(name: "c", image: "nginx")])
        spec.nodeName = node
        return Pod(metadata: meta, spec: spec)
    }

    @Test("create sets uid, resourceVersion and creationTimestamp; resourceVersion increases with every write")
    func serverOwnedFields() throws {
        var store = ClusterStore(seed: 1)
        store.setTime(Timestamp(seconds: 1_000))
        let a = try store.create(pod("a"))
        let b = try store.create(pod("b"))
        #expect(a.metadata.uid.count == 36)
        #expect(a.metadata.uid != b.metadata.uid)
        #expect(Int(a.metadata.resourceVersion)! < Int(b.metadata.resourceVersion)!)
        #expect(a.metadata.creationTimestamp == Timestamp(seconds: 1_000))
        var changed = a
        changed.metadata.labels["tier"] = "front"
        let updated = try store.update(changed)
        #expect(Int(updated.metadata.resourceVersion)! > Int(b.metadata.resourceVersion)!)
        #expect(updated.metadata.uid == a.metadata.uid)
        #expect(store.snapshot.resourceVersion == Int(updated.metadata.resourceVersion)!)
    }

    @Test("uids are deterministic for a seed")
    func deterministicUIDs() throws {
        var s1 = ClusterStore(seed: 9), s2 = ClusterStore(seed: 9), s3 = ClusterStore(seed: 10)
        #expect(try s1.create(pod("a")).metadata.uid == s2.create(pod("a")).metadata.uid)
        #expect(try s1.create(pod("b")).metadata.uid != s3.create(pod("b")).metadata.uid)
    }

    @Test("creating an existing object is rejected as AlreadyExists; updating a missing one as NotFound")
    func conflicts() throws {
        var store = ClusterStore()
        try store.create(pod("a"))
        #expect(throws: APIError.alreadyExists(.pod, "a")) { try store.create(pod("a")) }
        #expect(throws: APIError.notFound(.pod, "zz")) { try store.update(pod("zz")) }
        #expect(throws: APIError.notFound(.pod, "zz")) { try store.delete(Pod.self, ObjectKey(namespace: "default", name: "zz")) }
    }

    @Test("the change log reports added, modified and deleted, with the object as it was before")
    func changeLog() throws {
        var store = ClusterStore()
        let a = try store.create(pod("a"))
        var m = a
        m.metadata.labels["x"] = "y"
        try store.update(m)
        try store.delete(Pod.self, a.metadata.key)
        let changes = store.takeChanges()
        #expect(changes.map(\.kind) == [.added, .modified, .deleted])
        #expect(changes.allSatisfy { $0.key == a.metadata.key && $0.resource == .pod })
        if case .pod(let before)? = changes[1].before { #expect(before.metadata.labels["x"] == nil) } else {
            Issue.record("modified change lacks the old object")
        }
        #expect(store.takeChanges().isEmpty)
    }

    @Test("updateIfChanged writes nothing when the object is unchanged (idempotent reconcilers)")
    func noOpUpdate() throws {
        var store = ClusterStore()
        let a = try store.create(pod("a"))
        _ = store.takeChanges()
        #expect(try store.updateIfChanged(a) == false)
        #expect(store.takeChanges().isEmpty)
        var m = a
        m.metadata.annotations["k"] = "v"
        #expect(try store.updateIfChanged(m) == true)
    }

    @Test("indexes by label, owner and node follow updates and deletes")
    func indexes() throws {
        var store = ClusterStore()
        try store.create(pod("a", labels: ["app": "web"], node: "n1", owner: "rs-1"))
        try store.create(pod("b", labels: ["app": "api"], node: "n2", owner: "rs-1"))
        let table = store.table(Pod.self)
        #expect(table.matching(["app": "web"], in: "default").map(\.metadata.name) == ["a"])
        #expect(table.matching(["app": "web"], in: "other").isEmpty)
        #expect(Set(table.owned(by: "rs-1").map(\.metadata.name)) == ["a", "b"])
        #expect(table.onNode("n2").map(\.metadata.name) == ["b"])
        var b = try #require(store.get(Pod.self, ObjectKey(namespace: "default", name: "b")))
        b.metadata.labels = ["app": "web"]
        b.spec.nodeName = "n1"
        try store.update(b)
        try store.delete(Pod.self, ObjectKey(namespace: "default", name: "a"))
        let after = store.table(Pod.self)
        #expect(after.matching(["app": "web"], in: "default").map(\.metadata.name) == ["b"])
        #expect(after.matching(["app": "api"], in: "default").isEmpty)
        #expect(after.onNode("n1").map(\.metadata.name) == ["b"])
        #expect(after.onNode("n2").isEmpty)
        #expect(after.owned(by: "rs-1").map(\.metadata.name) == ["b"])
    }

    @Test("a snapshot does not change when the store is written afterwards")
    func snapshotsAreImmutable() throws {
        var store = ClusterStore()
        try store.create(pod("a"))
        let snap = store.snapshot
        try store.create(pod("b"))
        #expect(snap.pods.count == 1)
        #expect(store.snapshot.pods.count == 2)
    }

    @Test("apply creates, then updates keeping uid and status; a spec change bumps generation")
    func applySemantics() throws {
        var store = ClusterStore()
        let labels = ["app": "web"]
        let template = PodTemplateSpec(metadata: ObjectMeta(name: "", labels: labels),
                                       spec: PodSpec(containers: [Container(name: "c", image: "nginx:1")]))
        var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"),
                           spec: DeploymentSpec(replicas: 2, selector: LabelSelector(matchLabels: labels), template: template))
        #expect(try store.apply(.deployment(d)) == true)
        let first = try #require(store.get(Deployment.self, d.metadata.key))
        #expect(first.metadata.generation == 1)
        d.spec.replicas = 5
        #expect(try store.apply(.deployment(d)) == false)
        let second = try #require(store.get(Deployment.self, d.metadata.key))
        #expect(second.metadata.uid == first.metadata.uid)
        #expect(second.metadata.generation == 2)
    }
}
