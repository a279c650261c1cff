/// Deterministic uids shaped like the API server's UUIDv4s: the same seed gives the same uids in the same order.
struct UIDGenerator: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed ^ 0x5DEE_CE66_D1CE_4E5B }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Same text as formatting the 16 bytes as 8-4-4-4-12 lowercase hex, built without intermediate strings
    /// (every Pod, Event and slice takes one).
    mutating func next() -> String {
        let hi = splitmix()
        let lo = splitmix()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: hi >> (UInt64(i) * 8))
            bytes[8 + i] = UInt8(truncatingIfNeeded: lo >> (UInt64(i) * 8))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { text.append(UInt8(ascii: "-")) }
            text.append(Self.hexDigits[Int(byte >> 4)])
            text.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func splitmix() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
