import ClusterStore
import KubeModel

/// FNV-1a, 64 bits: tiny, stable across platforms and runs (unlike Swift's seeded `Hasher`).
enum FNV1a64 {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func hash(_ text: String) -> UInt64 { hash(Array(text.utf8)) }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = offsetBasis
        for b in bytes {
            h ^= UInt64(b)
            h = h &* prime
        }
        return h
    }
}

/// A state checksum: the wrapping sum of FNV-1a 64 of every object's canonical JSON (compact, keys sorted). A sum,
/// so a recorder keeps it current object by object instead of re-serialising the whole cluster.
public struct StateChecksum: Sendable, Equatable {
    public private(set) var value: UInt64 = 0
    public private(set) var objects = 0

    public init() {}

    public init(_ state: ClusterState) {
        for object in state.allObjects { add(Self.objectHash(object.json())) }
    }

    static func objectHash(_ json: JSONValue) -> UInt64 { FNV1a64.hash(CanonicalJSON.bytes(json)) }

    mutating func add(_ h: UInt64) { value = value &+ h; objects += 1 }
    mutating func remove(_ h: UInt64) { value = value &- h; objects -= 1 }

    /// Sixteen hex digits, as the file stores it.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
