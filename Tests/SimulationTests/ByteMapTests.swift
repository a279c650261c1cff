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

    @Test("Keys kept in the slot (up to 16 bytes) and in the arena (longer) are told apart at the boundary")
    func inlineAndArenaKeys() {
        var map = ByteMap(foldCase: true)
        let keys = ["", "a", String(repeating: "a", count: 15), String(repeating: "a", count: 16),
                    String(repeating: "a", count: 17), String(repeating: "a", count: 16) + "\u{0}",
                    "App-1.Team-1.Example.com", "app-1.team-1.example.co"]
        for (i, key) in keys.enumerated() { map.set(key, Int32(i)) }
        for (i, key) in keys.enumerated() {
            #expect(Self.get(map, key) == Int32(i), "\(key.utf8.count) bytes")
            #expect(Self.get(map, key.uppercased()) == Int32(i), "\(key.utf8.count) bytes, upper-case")
        }
        #expect(Self.get(map, String(repeating: "a", count: 18)) == nil)
        for i in 0..<2000 { map.set("host-\(i).example.com", Int32(i)) }  // forces rehashes with arena keys
        #expect(Self.get(map, "App-1.team-1.example.COM") == 6)
        #expect(Self.get(map, "host-1999.example.com") == 1999)
    }
}
