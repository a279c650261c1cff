/// The simulation's only source of randomness: xoshiro256** seeded through SplitMix64, so a seed reproduces a run.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix(), splitmix(), splitmix(), splitmix())
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Kubernetes' name suffix alphabet (no vowels, no confusable digits), as utilrand.String uses it.
    static let nameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    public mutating func nameSuffix(length: Int = 5) -> String {
        String((0..<length).map { _ in Self.nameAlphabet[Int(next(upperBound: UInt64(Self.nameAlphabet.count)))] })
    }
}
