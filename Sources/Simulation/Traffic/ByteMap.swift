/// A hash map from byte strings (UTF-8 host names and paths) to small integers, for the router's hot path: FNV-1a
/// hashes that a caller can compute incrementally while it walks a request path, open addressing over flat arrays,
/// and byte comparison (optionally ASCII case-folded), so a lookup neither allocates nor goes through String's
/// Unicode-aware hashing and comparison.
struct ByteMap: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        /// Keys of up to 16 bytes live in the slot itself (one cache line for hash, key and value); longer ones in
        /// `arena` at `offset`.
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var offset: Int32 = 0
        /// Part of the key: lets one map hold every host's paths (the tag is the host's slot).
        var tag: Int32 = 0
        /// -1: never used; -2: removed (probing continues past it).
        var length: Int32 = -1
        var value: Int32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 8)
    private var arena: [UInt8] = []
    private var used = 0
    private(set) var count = 0
    let foldCase: Bool

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash to start from for keys with `tag` (the tag's four bytes come first).
    @inline(__always)
    static func seed(tag: Int32) -> UInt64 {
        var h = seed
        var t = UInt32(bitPattern: tag)
        for _ in 0..<4 {
            h = (h ^ UInt64(t & 0xff)) &* 0x100_0000_01b3
            t >>= 8
        }
        return h
    }

    init(foldCase: Bool = false) { self.foldCase = foldCase }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    static func step(_ h: UInt64, _ byte: UInt8, foldCase: Bool) -> UInt64 {
        let b = foldCase && byte &- 65 < 26 ? byte | 0x20 : byte
        return (h ^ UInt64(b)) &* 0x100_0000_01b3
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, foldCase: Bool, tag: Int32 = 0) -> UInt64 {
        var h = seed(tag: tag)
        for b in bytes { h = step(h, b, foldCase: foldCase) }
        return h
    }

    @inline(__always)
    private static func slotIndex(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) & mask }

    static let inlineLimit = 16

    /// A short key's bytes packed into two words, zero-padded (and case-folded when the map folds case).
    @inline(__always)
    static func words(_ bytes: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> (UInt64, UInt64) {
        var w0: UInt64 = 0, w1: UInt64 = 0
        for k in 0..<bytes.count {
            let byte = bytes[k]
            let b = UInt64(foldCase && byte &- 65 < 26 ? byte | 0x20 : byte)
            if k < 8 { w0 |= b << UInt64(k * 8) } else { w1 |= b << UInt64((k - 8) * 8) }
        }
        return (w0, w1)
    }

    /// The value for `bytes`, whose hash (from `hash` or a running `step`) is `h`.
    func value(hash h: UInt64, tag: Int32 = 0, bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var i = Self.slotIndex(h, mask)
        let short = bytes.count <= Self.inlineLimit
        let (w0, w1) = short ? Self.words(bytes, foldCase: foldCase) : (0, 0)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let s = slots[i]
                if s.length == -1 { return nil }
                if s.hash == h, Int(s.length) == bytes.count, s.tag == tag {
                    if short {
                        if s.w0 == w0 && s.w1 == w1 { return s.value }
                    } else if arena.withUnsafeBufferPointer({ equal($0, Int(s.offset), bytes) }) {
                        return s.value
                    }
                }
                i = (i + 1) & mask
            }
        }
    }

    func value(_ key: String, tag: Int32 = 0) -> Int32? {
        var key = key
        return key.withUTF8 { value(hash: Self.hash($0, foldCase: foldCase, tag: tag), tag: tag, bytes: $0) }
    }

    private func matches(_ s: Slot, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count <= Self.inlineLimit {
            let (w0, w1) = Self.words(bytes, foldCase: foldCase)
            return s.w0 == w0 && s.w1 == w1
        }
        return arena.withUnsafeBufferPointer { equal($0, Int(s.offset), bytes) }
    }

    @inline(__always)
    private func equal(_ arena: UnsafeBufferPointer<UInt8>, _ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if foldCase {
            for k in 0..<bytes.count {
                let b = bytes[k]
                if arena[offset + k] != (b &- 65 < 26 ? b | 0x20 : b) { return false }
            }
            return true
        }
        for k in 0..<bytes.count where arena[offset + k] != bytes[k] { return false }
        return true
    }

    /// Sets (or, with nil, removes) the value for `key`. Keys are stored case-folded when the map folds case.
    mutating func set(_ key: String, tag: Int32 = 0, _ value: Int32?) {
        var key = key
        key.withUTF8 { bytes in
            let h = Self.hash(bytes, foldCase: foldCase, tag: tag)
            let mask = slots.count - 1
            var i = Self.slotIndex(h, mask)
            var reusable: Int?
            while slots[i].length != -1 {
                let s = slots[i]
                if s.length == -2 {
                    if reusable == nil { reusable = i }
                } else if s.hash == h, Int(s.length) == bytes.count, s.tag == tag, matches(s, bytes) {
                    if let value {
                        slots[i].value = value
                    } else {
                        slots[i].length = -2
                        count -= 1
                    }
                    return
                }
                i = (i + 1) & mask
            }
            guard let value else { return }
            var slot = Slot(hash: h, tag: tag, length: Int32(bytes.count), value: value)
            if bytes.count <= Self.inlineLimit {
                (slot.w0, slot.w1) = Self.words(bytes, foldCase: foldCase)
            } else {
                slot.offset = Int32(arena.count)
                arena.append(contentsOf: bytes.map { foldCase && $0 &- 65 < 26 ? $0 | 0x20 : $0 })
            }
            let target = reusable ?? i
            if reusable == nil { used += 1 }
            slots[target] = slot
            count += 1
        }
        if used * 2 > slots.count { rehash() }
    }

    /// Doubles the table (or just sweeps removed slots) and compacts the key bytes.
    private mutating func rehash() {
        let old = slots, oldArena = arena
        let size = max(8, (count * 4).nextPowerOfTwo)
        slots = [Slot](repeating: Slot(), count: size)
        arena = []
        used = 0
        count = 0
        let mask = size - 1
        for s in old where s.length >= 0 {
            var i = Self.slotIndex(s.hash, mask)
            while slots[i].length != -1 { i = (i + 1) & mask }
            var moved = s
            if Int(s.length) > Self.inlineLimit {
                moved.offset = Int32(arena.count)
                arena.append(contentsOf: oldArena[Int(s.offset)..<Int(s.offset + s.length)])
            }
            slots[i] = moved
            used += 1
            count += 1
        }
    }
}

extension Int {
    fileprivate var nextPowerOfTwo: Int {
        var n = 1
        while n < self { n <<= 1 }
        return n
    }
}
