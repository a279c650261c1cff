import ClusterStore
import KubeModel
import Testing

/// The writes a replay makes: objects put as recorded under a key it keeps, removals by an object's kind, and the
/// events table lent to another state while a moment is applied on two threads.
@Suite("Restoring recorded objects")
struct RestoreTests {
    func pod(_ name: String, labels: [String: String] = ["app": "web"]) -> Pod {
        Pod(metadata: ObjectMeta(name: name, namespace: "shop", labels: labels), spec: PodSpec(containers: []))
    }

    func event(_ name: String) -> Event {
        Event(metadata: ObjectMeta(name: name, namespace: "shop"), involvedObject: ObjectReference(kind: "Pod"),
              reason: "Started", message: nil, at: nil)
    }

    @Test("a put under a given key indexes a new object and reindexes a replaced one, as a plain put does")
    func putAtKey() {
        var byKey = ClusterState(), plain = ClusterState()
        let objects: [KubeObject] = [.pod(pod("a")), .pod(pod("b")), .pod(pod("a", labels: ["app": "api"])),
                                     .event(event("e"))]
        for object in objects {
            byKey.restore(object, at: object.metadata.key, keepingIndexes: false)
            plain.restore(object)
        }
        #expect(byKey.pods.byLabel == plain.pods.byLabel)
        #expect(byKey.pods.byLabel[LabelPair("app", "api")] == [ObjectKey(namespace: "shop", name: "a")])
        #expect(byKey.pods.byLabel[LabelPair("app", "web")] == [ObjectKey(namespace: "shop", name: "b")])
        #expect(byKey.allObjects == plain.allObjects && byKey.objectCount == 4 - 1)
    }

    @Test("a removal by an object's kind takes it from that kind's table only, and from its indexes")
    func removeByKind() {
        var state = ClusterState()
        let web = pod("web")
        let key = web.metadata.key
        state.restore(.pod(web))
        state.restore(.event(event("web")))
        state.restore(.generic(GenericObject(apiVersion: "example.com/v1", kind: "Widget",
                                             metadata: ObjectMeta(name: "web", namespace: "shop"))))
        state.remove(kindOf: .pod(web), at: key)
        #expect(state.pods[key] == nil && state.pods.byLabel.isEmpty && state.pods.membership.version == 2)
        #expect(state.events[key] != nil, "an event of the same name stays")
        state.remove(kindOf: .event(event("web")), at: key)
        #expect(state.events.count == 0)
        #expect(state.genericTypes.count == 1 && state.objectCount == 1)
        state.remove(kindOf: .pod(web), at: key)
        #expect(state.objectCount == 1, "removing what is not there changes nothing")
    }

    @Test("exchanging tables moves them whole, indexes and journal included, and back; other tables stay")
    func exchangeTables() {
        var state = ClusterState(), side = ClusterState()
        state.restore(.pod(pod("a")))
        state.restore(.event(event("e1")))
        let endpoints = Endpoints(metadata: ObjectMeta(name: "web", namespace: "shop", labels: ["app": "web"]))
        state.restore(.endpoints(endpoints))
        let journal = state.events.membership.version
        let lent: [ResourceType] = [.event, .endpoints]
        state.exchangeTables(of: lent, with: &side)
        #expect(state.events.count == 0 && state.endpoints.count == 0 && state.pods.count == 1)
        #expect(side.events.count == 1 && side.endpoints.byLabel.count == 1 && side.pods.count == 0)
        side.restore(.event(event("e2")))
        state.restore(.pod(pod("b")))
        state.exchangeTables(of: lent, with: &side)
        #expect(state.events.count == 2 && state.endpoints.count == 1 && state.pods.count == 2)
        #expect(side.objectCount == 0)
        #expect(state.events.membership.version == journal + 1)
    }
}
