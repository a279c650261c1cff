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
            for (i, key) in fields.keys.sorted().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(fields[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func appendInteger(_ i: Int64, to out: inout [UInt8]) {
        if i == 0 { out.append(UInt8(ascii: "0")); return }
        if i == Int64.min { out.append(contentsOf: Array(String(i).utf8)); return }
        var n = i < 0 ? -i : i
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        while n > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        }
        if i < 0 { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: digits.reversed())
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            for b in bytes {
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5c, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5c, 0x5c])
                case 0x0a: out.append(contentsOf: [0x5c, UInt8(ascii: "n")])
                case 0x0d: out.append(contentsOf: [0x5c, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5c, UInt8(ascii: "t")])
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                    out.append(contentsOf: [0x5c, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hex[Int(b >> 4)], hex[Int(b & 0xf)]])
                default: out.append(b)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
