import Testing
@testable import Simulation

@Suite("The router's byte-keyed hash map")
struct ByteMapTests {
    static func get(_ map: ByteMap, _ key: String) -> Int32? { map.value(key) }

    @Test("Sets, replaces and removes values; agrees with a Dictionary through growth and removals")
    func agreesWithDictionary() {
        var map = ByteMap()
        var reference: [String: Int32] = [:]
        var rng = SeededRandom(seed: 3)
        for step in 0..<5000 {
            let key = "/k\(rng.next(upperBound: 700 as UInt64))" + (step % 3 == 0 ? "/x" : "")
            if rng.next(upperBound: 4 as UInt64) == 0 {
                map.set(key, nil)
                reference[key] = nil
            } else {
                map.set(key, Int32(step))
                reference[key] = Int32(step)
            }
        }
        #expect(map.count == reference.count)
        for i in 0..<700 {
            for key in ["/k\(i)", "/k\(i)/x"] { #expect(Self.get(map, key) == reference[key], "\(key)") }
        }
        #expect(Self.get(map, "") == nil)
        #expect(Self.get(map, "/k1/x/y") == nil)
    }

    @Test("A case-folding map matches keys whatever their ASCII case; a plain one does not")
    func caseFolding() {
        var hosts = ByteMap(foldCase: true)
        hosts.set("Shop.Example.com", 1)
        #expect(Self.get(hosts, "shop.example.com") == 1)
        #expect(Self.get(hosts, "SHOP.EXAMPLE.COM") == 1)
        #expect(Self.get(hosts, "shop.example.co") == nil)
        var paths = ByteMap()
        paths.set("/Foo", 1)
        #expect(Self.get(paths, "/foo") == nil)
        #expect(Self.get(paths, "/Foo") == 1)
    }

    @Test("Keys that are not ASCII are compared byte for byte")
    func unicodeKeys() {
        var map = ByteMap()
        map.set("/café", 1)
        map.set("/cafe\u{301}", 2)  // the same text decomposed: a different path on the wire
        #expect(Self.get(map, "/café") == 1)
        #expect(Self.get(map, "/cafe\u{301}") == 2)
    }
}
