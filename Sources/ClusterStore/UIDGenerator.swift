/// Deterministic uids shaped like the API server's UUIDv4s: the same seed gives the same uids in the same order.
struct UIDGenerator: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed ^ 0x5DEE_CE66_D1CE_4E5B }

    mutating func next() -> String {
        let hi = splitmix()
        let lo = splitmix()
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: hi >> (UInt64($0) * 8)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: lo >> (UInt64($0) * 8)) }
        var b = bytes
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { byte -> String in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }
        return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-"
            + hex[8..<10].joined() + "-" + hex[10..<16].joined()
    }

    private mutating func splitmix() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
