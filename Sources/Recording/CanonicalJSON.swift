import KubeModel

/// Compact JSON with sorted keys, byte for byte what `JSONWriter.compact` writes (Go's escaping of `<`, `>`, `&`
/// included), but into a byte buffer: the recorder serialises every changed object, and String appends scalar by
/// scalar were most of its time.
enum CanonicalJSON {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        append(value, to: &out)
        return out
    }

    static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6e, 0x75, 0x6c, 0x6c])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .int(let i): appendInteger(i, to: &out)
        case .double(let d):
            if d.isNaN || d.isInfinite {
                out.append(contentsOf: [0x6e, 0x75, 0x6c, 0x6c])
            } else if d == d.rounded(), abs(d) < 1e15 {
                appendInteger(Int64(d), to: &out)
            } else {
                out.append(contentsOf: Array(String(d).utf8))
            }
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            // Sorted with their values, so no key is looked up again.
            for (i, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(field.key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(field.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func appendInteger(_ i: Int64, to out: inout [UInt8]) {
        if i == 0 { out.append(UInt8(ascii: "0")); return }
        if i == Int64.min { out.append(contentsOf: Array(String(i).utf8)); return }
        if i < 0 { out.append(UInt8(ascii: "-")) }
        let n = i < 0 ? -i : i
        var count = 1, scale: Int64 = 1
        while n / scale >= 10 { scale *= 10; count += 1 }
        // Digits written from the most significant, into the buffer directly.
        var rest = n
        for _ in 0..<count {
            out.append(UInt8(ascii: "0") + UInt8(rest / scale))
            rest %= scale
            scale /= 10
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape (nearly every string) are copied whole.
            var run = 0
            for (i, b) in bytes.enumerated() {
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "<")
                    || b == UInt8(ascii: ">") || b == UInt8(ascii: "&") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5c, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5c, 0x5c])
                case 0x0a: out.append(contentsOf: [0x5c, UInt8(ascii: "n")])
                case 0x0d: out.append(contentsOf: [0x5c, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5c, UInt8(ascii: "t")])
                default:
                    out.append(contentsOf: [0x5c, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hex[Int(b >> 4)], hex[Int(b & 0xf)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
