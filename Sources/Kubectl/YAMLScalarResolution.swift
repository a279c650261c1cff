/// Which strings go-yaml v2 must quote because, written plain, they would read back as another type
/// (`resolve()` in resolve.go plus `isBase60Float` in encode.go). Such strings are written double-quoted.
enum YAMLScalarResolution {
    /// The strings resolve.go's table maps to booleans, null, NaN and infinities.
    static let resolveMap: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
        "", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ]

    private enum Hint { case sign, digit, map, dot }

    private static func hint(_ first: UInt8) -> Hint? {
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return .sign
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "."): return .dot
        default:
            return "yYnNtTfFoO~".utf8.contains(first) ? .map : nil
        }
    }

    /// True when `s` written as a plain scalar would not read back as the same string: encode.go's
    /// `rtag != yaml_STR_TAG || isBase60Float(s)`.
    static func needsQuotes(_ s: String) -> Bool {
        resolvesToNonString(s) || isBase60Float(s)
    }

    static func resolvesToNonString(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return true }  // "" is null
        guard let hint = hint(first) else { return false }
        if resolveMap.contains(s) { return true }
        switch hint {
        case .map:
            return false
        case .dot:
            return isDecimalFloat(s)
        case .digit, .sign:
            if isTimestamp(s) { return true }
            let plain = s.replacingUnderscores()
            if isGoInteger(plain) { return true }
            if isYAMLStyleFloat(plain), let d = Double(plain), d.isFinite { return true }
            return false
        }
    }

    // MARK: numbers

    /// strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeding: optional sign (ParseInt only), then `0x`, `0o`,
    /// `0b` or a leading `0` (octal) prefix, or decimal; the value must fit.
    static func isGoInteger(_ s: String) -> Bool {
        var bytes = Array(s.utf8)[...]
        var sign: UInt8?
        if let c = bytes.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            sign = c
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return false }
        var base: UInt64 = 10
        if bytes.count >= 2, bytes.first == UInt8(ascii: "0") {
            switch bytes[bytes.startIndex + 1] | 0x20 {
            case UInt8(ascii: "x"): base = 16; bytes = bytes.dropFirst(2)
            case UInt8(ascii: "o"): base = 8; bytes = bytes.dropFirst(2)
            case UInt8(ascii: "b"): base = 2; bytes = bytes.dropFirst(2)
            default: base = 8; bytes = bytes.dropFirst(1)
            }
            guard !bytes.isEmpty else { return false }
        }
        var value: UInt64 = 0
        for c in bytes {
            let digit: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(c - UInt8(ascii: "A") + 10)
            default: return false
            }
            guard digit < base else { return false }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(digit)
            if o1 || o2 { return false }
            value = a
        }
        switch sign {
        case UInt8(ascii: "-"): return value <= UInt64(Int64.max) + 1
        case UInt8(ascii: "+"): return value <= UInt64(Int64.max)
        default: return true
        }
    }

    /// resolve.go's yamlStyleFloat: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                _ = digits()
            }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == b.count
    }

    /// strconv.ParseFloat succeeding on a string that starts with `.` (`.5`, `.5e3`).
    static func isDecimalFloat(_ s: String) -> Bool {
        isYAMLStyleFloat(s) && (Double(s)?.isFinite ?? false)
    }

    /// encode.go's isBase60Float: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$` (`1:20`, `190:20:30.15`).
    static func isBase60Float(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard let c = b.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || (c >= 48 && c <= 57),
              b.contains(UInt8(ascii: ":")) else { return false }
        func isDigit(_ x: UInt8) -> Bool { x >= 48 && x <= 57 }
        var i = 0
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, isDigit(b[i]) else { return false }
        i += 1
        while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]: one digit, or two with the first in 0-5.
            guard i < b.count, isDigit(b[i]) else { return false }
            if i + 1 < b.count, isDigit(b[i + 1]), b[i] <= UInt8(ascii: "5") { i += 2 } else { i += 1 }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == b.count
    }

    // MARK: timestamps

    /// resolve.go's parseTimestamp: `2006-1-2T15:4:5.999999999Z07:00` (also lower-case `t`),
    /// `2006-1-2 15:4:5.999999999` and `2006-1-2`, as Go's time.Parse accepts them.
    static func isTimestamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func isDigit(_ at: Int) -> Bool { at < b.count && b[at] >= 48 && b[at] <= 57 }
        /// One or two digits, as Go's getnum(value, false) reads them.
        func number() -> Int? {
            guard isDigit(i) else { return nil }
            var v = Int(b[i] - 48)
            i += 1
            if isDigit(i) {
                v = v * 10 + Int(b[i] - 48)
                i += 1
            }
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        while isDigit(i) { i += 1 }
        guard i == 4, i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        let year = Int(String(decoding: b[0..<4], as: UTF8.self))!
        i += 1
        guard let month = number(), (1...12).contains(month), expect("-"), let day = number() else { return false }
        guard day >= 1, day <= daysIn(month: month, year: year) else { return false }
        if i == b.count { return true }
        let separator = b[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else {
            return false
        }
        i += 1
        guard let h = number(), h < 24, expect(":"), let m = number(), m < 60, expect(":"), let sec = number(),
              sec < 60 else { return false }
        if i + 1 < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ","), isDigit(i + 1) {
            i += 1
            while isDigit(i) { i += 1 }
        }
        if separator == UInt8(ascii: " ") { return i == b.count }
        // Z07:00: "Z", or ±hh:mm.
        if i < b.count, b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard isDigit(i), isDigit(i + 1) else { return false }
        i += 2
        guard expect(":"), isDigit(i), isDigit(i + 1) else { return false }
        i += 2
        return i == b.count
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        contains("_") ? String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) : self
    }
}
