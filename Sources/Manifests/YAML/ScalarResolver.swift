import KubeModel

/// Types scalars as kubectl does: sigs.k8s.io/yaml decodes with go-yaml v2 (YAML 1.1 flavoured) into `interface{}`.
///
/// * Only plain scalars are typed; quoted and block scalars are strings unless explicitly tagged.
/// * Booleans include YAML 1.1's `y/yes/on` and `n/no/off` (the classic `country: NO` trap; kubectl has it too).
/// * Integers follow Go's `strconv.ParseInt(s, 0, 64)` after removing `_`: `0x1F`, `0o17`, `017`, `0b11`, signs.
/// * Floats match `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, plus `.inf`, `-.inf`, `.nan`.
/// * Timestamps (`2024-01-02`) stay strings, as go-yaml v2 keeps them when decoding into `interface{}`.
///
/// Error messages never quote the value: it may be Secret data.
enum ScalarResolver {
    enum Resolved {
        case value(JSONValue)
        /// `.inf` and `.nan`: YAML floats that JSON (and so kubectl) cannot carry.
        case nonFinite(String)
    }

    static func resolve(_ value: String, style: YAMLScalarStyle, tag: String?) -> Result<Resolved, ResolveError> {
        guard let tag else {
            return .success(style == .plain ? resolvePlain(value) : .value(.string(value)))
        }
        return resolveTagged(value, tag: tag)
    }

    struct ResolveError: Error {
        var message: String
    }

    // MARK: - Plain scalars

    static func resolvePlain(_ value: String) -> Resolved {
        var text = value  // withUTF8 needs a mutable copy; for native strings it is only a retain
        let typed: Resolved? = text.withUTF8 { bytes in
            guard let first = bytes.first else { return .value(.null) }
            switch first {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return number(bytes)
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                return keyword(bytes) ?? number(bytes)
            case UInt8(ascii: "."):
                if let special = keyword(bytes) { return special }
                if isFloatSyntax(bytes), let d = parseDouble(bytes) { return .value(.double(d)) }
                return nil
            case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
                 UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
                 UInt8(ascii: "~"):
                return keyword(bytes)
            default:
                return nil
            }
        }
        return typed ?? .value(.string(value))
    }

    /// go-yaml v2's resolve table: exact spellings only (`True` is a boolean, `tRUE` a string).
    private static func keyword(_ bytes: UnsafeBufferPointer<UInt8>) -> Resolved? {
        guard bytes.count <= 6 else { return nil }
        switch String(decoding: bytes, as: UTF8.self) {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .value(.bool(true))
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .value(.bool(false))
        case "~", "null", "Null", "NULL": return .value(.null)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .nonFinite("+Inf")
        case "-.inf", "-.Inf", "-.INF": return .nonFinite("-Inf")
        case ".nan", ".NaN", ".NAN": return .nonFinite("NaN")
        default: return nil
        }
    }

    /// An integer (signed, then unsigned beyond Int64), else a float, else nil: go-yaml v2's order.
    private static func number(_ raw: UnsafeBufferPointer<UInt8>) -> Resolved? {
        // Underscores are removed before parsing, anywhere in the text ("1_000" is 1000).
        if raw.contains(UInt8(ascii: "_")) {
            let plain = raw.filter { $0 != UInt8(ascii: "_") }
            return plain.withUnsafeBufferPointer { number(withoutUnderscores: $0) }
        }
        return number(withoutUnderscores: raw)
    }

    private static func number(withoutUnderscores s: UnsafeBufferPointer<UInt8>) -> Resolved? {
        if let i = GoInt.parseInt(s) { return .value(.int(i)) }
        if let u = GoInt.parseUint(s) { return .value(.double(Double(u))) }  // > Int64.max: JSON has one number type
        if isFloatSyntax(s), let d = parseDouble(s) { return .value(.double(d)) }
        return nil
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, matched by hand (no regex on the hot path).
    static func isFloatSyntax(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        func digits() -> Int {
            let start = i
            while i < n, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if i < n, s[i] == UInt8(ascii: ".") {
                i += 1
                _ = digits()
            }
        }
        if i < n, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == n
    }

    /// Go's ParseFloat fails on overflow (and go-yaml then keeps the text as a string); Swift returns infinity.
    private static func parseDouble(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let d = Double(String(decoding: s, as: UTF8.self)), d.isFinite else { return nil }
        return d
    }

    // MARK: - Tagged scalars

    /// Explicit tags as go-yaml v2 honours them: `!!str` forces a string, `!!int`/`!!float`/`!!bool`/`!!null`
    /// demand that type (a float tag accepts an integer), `!!binary` is base64, unknown tags leave a string.
    private static func resolveTagged(_ value: String, tag: String) -> Result<Resolved, ResolveError> {
        switch tag {
        case YAMLTag.str:
            return .success(.value(.string(value)))
        case YAMLTag.binary:
            guard let bytes = Base64.decode(value) else {
                return .failure(ResolveError(message: "!!binary value contains invalid base64 data"))
            }
            return .success(.value(.string(String(decoding: bytes, as: UTF8.self))))
        case YAMLTag.int, YAMLTag.float, YAMLTag.bool, YAMLTag.null, YAMLTag.timestamp:
            let resolved = resolvePlain(value)
            let actual = tagName(of: resolved, text: value)
            if actual == tag { return .success(resolved) }
            if tag == YAMLTag.float, case .value(.int(let i)) = resolved { return .success(.value(.double(Double(i)))) }
            if tag == YAMLTag.timestamp, actual == YAMLTag.str, looksLikeTimestamp(value) {
                return .success(.value(.string(value)))
            }
            return .failure(ResolveError(message: "cannot decode \(YAMLTag.short(actual)) as \(YAMLTag.short(tag))"))
        default:
            return .success(.value(.string(value)))
        }
    }

    private static func tagName(of resolved: Resolved, text: String) -> String {
        switch resolved {
        case .nonFinite: return YAMLTag.float
        case .value(.null): return YAMLTag.null
        case .value(.bool): return YAMLTag.bool
        case .value(.int): return YAMLTag.int
        case .value(.double):
            // Unsigned integers beyond Int64 are carried as doubles but are integers to YAML.
            return text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? YAMLTag.float : YAMLTag.int
        default: return YAMLTag.str
        }
    }

    /// go-yaml's quick check before trying its timestamp layouts: four digits and a dash.
    private static func looksLikeTimestamp(_ s: String) -> Bool {
        let u = Array(s.utf8.prefix(5))
        return u.count == 5 && u[0..<4].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && u[4] == UInt8(ascii: "-")
    }
}

/// Go's `strconv.ParseInt(s, 0, 64)` and `ParseUint(s, 0, 64)`: base from the prefix (`0x`, `0o`, `0b`, or a
/// leading `0` for octal), sign only for ParseInt, nil on syntax or range errors.
enum GoInt {
    static func parseInt(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let first = s.first else { return nil }
        var negative = false
        var body = UnsafeBufferPointer(rebasing: s[...])
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            body = UnsafeBufferPointer(rebasing: s[1...])
        }
        guard let magnitude = parseUint(body) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    static func parseUint(_ s: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !s.isEmpty else { return nil }
        var base: UInt64 = 10
        var i = 0
        if s[0] == UInt8(ascii: "0") {
            let second = s.count >= 3 ? s[1] | 0x20 : 0  // lower-cased
            switch second {
            case UInt8(ascii: "b"): base = 2; i = 2
            case UInt8(ascii: "o"): base = 8; i = 2
            case UInt8(ascii: "x"): base = 16; i = 2
            default: base = 8; i = 1  // "0" alone parses as 0 with no digits left, as in Go
            }
        }
        var n: UInt64 = 0
        while i < s.count {
            let c = s[i]
            let digit: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < base else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            n = a
            i += 1
        }
        return n
    }
}

/// Standard base64 for `!!binary` (whitespace ignored, as YAML block scalars wrap it), without Foundation.
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        for c in text.utf8 {
            let v: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(c - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(c - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): v = 62
            case UInt8(ascii: "/"): v = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            default: return nil
            }
            guard padding == 0 else { return nil }  // data after padding
            accumulator = accumulator << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return padding <= 2 ? out : nil
    }
}
