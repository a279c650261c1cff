import KubeModel
import Testing

@Suite("Object keys: hashed once, equal exactly when namespace and name are")
struct ObjectKeyTests {
    @Test("equal keys hash alike and find each other in sets and dictionaries")
    func equalKeysHashAlike() {
        let names = ["a", "web-0", "app-75-66ffcf777f.18868fc9a477dafd", "ünïcødé-名前",
                     String(repeating: "x", count: 300)]
        for name in names {
            let a = ObjectKey(namespace: "team-5", name: name)
            let b = ObjectKey(namespace: "team-" + "5", name: String(name.reversed().reversed()))
            #expect(a == b && a.hashValue == b.hashValue, "\(name)")
            #expect(Set([a]).contains(b))
        }
    }

    @Test("where one string ends and the next begins is part of the key")
    func boundariesMatter() {
        #expect(ObjectKey(namespace: "ab", name: "c") != ObjectKey(namespace: "a", name: "bc"))
        #expect(ObjectKey(namespace: "", name: "abc") != ObjectKey(namespace: "abc", name: ""))
        #expect(ObjectKey(namespace: "team-12345678", name: "x") != ObjectKey(namespace: "team-1234567", name: "8x"))
        let keys = (0..<2000).map { ObjectKey(namespace: "ns-\($0 % 7)", name: "pod-\($0)") }
        #expect(Set(keys).count == 2000)
    }

    @Test("changing a key's name or namespace rehashes it, and a metadata's key follows its name and namespace")
    func mutationKeepsTheHashCurrent() {
        var key = ObjectKey(namespace: "default", name: "a")
        key.name = "b"
        key.namespace = "shop"
        let fresh = ObjectKey(namespace: "shop", name: "b")
        #expect(key == fresh && key.hashValue == fresh.hashValue)
        #expect([fresh: 1][key] == 1)
        var meta = ObjectMeta(name: "a", namespace: "default")
        meta.name = "b"
        meta.namespace = "shop"
        #expect(meta.key == fresh && meta.name == "b" && meta.namespace == "shop")
    }

    @Test("keys still sort by namespace, then name, as kubectl lists")
    func orderIsUnchanged() {
        let keys = [ObjectKey(namespace: "b", name: "a"), ObjectKey(namespace: "a", name: "z"),
                    ObjectKey(namespace: "a", name: "b")]
        #expect(keys.sorted().map(\.description) == ["a/b", "a/z", "b/a"])
    }
}
