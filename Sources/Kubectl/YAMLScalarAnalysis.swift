/// go-yaml v2's `yaml_emitter_analyze_scalar` (emitterc.go): which styles can represent a scalar's bytes.
struct YAMLScalarAnalysis {
    var multiline = false
    var flowPlainAllowed = true
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true

    init(_ value: [UInt8]) {
        if value.isEmpty {
            flowPlainAllowed = false
            blockAllowed = false
            return
        }
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false
        var previousSpace = false
        var previousBreak = false

        if value.count >= 3,
           (value[0] == UInt8(ascii: "-") && value[1] == UInt8(ascii: "-") && value[2] == UInt8(ascii: "-"))
            || (value[0] == UInt8(ascii: ".") && value[1] == UInt8(ascii: ".") && value[2] == UInt8(ascii: ".")) {
            blockIndicators = true
            flowIndicators = true
        }

        var precededByWhitespace = true
        var i = 0
        while i < value.count {
            let w = max(1, YAMLBytes.width(value[i]))
            let followedByWhitespace = i + w >= value.count || YAMLBytes.isBlank(value, i + w)
            let c = value[i]
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                     UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                     UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                     UInt8(ascii: "`"):
                    flowIndicators = true
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            } else {
                switch c {
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                     UInt8(ascii: "}"):
                    flowIndicators = true
                case UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            }

            if !YAMLBytes.isPrintable(value, i) { specialCharacters = true }
            if c == UInt8(ascii: " ") {
                if i == 0 { leadingSpace = true }
                if i + w == value.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if YAMLBytes.isBreak(value, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == value.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = YAMLBytes.isBlankOrBreak(value, i)
            i += w
        }

        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
            blockAllowed = false
        }
        if lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flowIndicators { flowPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }
}

/// The byte-class helpers of go-yaml's yamlprivateh.go, over UTF-8 bytes.
enum YAMLBytes {
    static func width(_ b: UInt8) -> Int {
        if b & 0x80 == 0x00 { return 1 }
        if b & 0xE0 == 0xC0 { return 2 }
        if b & 0xF0 == 0xE0 { return 3 }
        if b & 0xF8 == 0xF0 { return 4 }
        return 0
    }

    static func at(_ b: [UInt8], _ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

    static func isSpace(_ b: [UInt8], _ i: Int) -> Bool { at(b, i) == UInt8(ascii: " ") }
    static func isBlank(_ b: [UInt8], _ i: Int) -> Bool { at(b, i) == UInt8(ascii: " ") || at(b, i) == UInt8(ascii: "\t") }

    static func isBreak(_ b: [UInt8], _ i: Int) -> Bool {
        let c = at(b, i)
        return c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
            || (c == 0xC2 && at(b, i + 1) == 0x85)
            || (c == 0xE2 && at(b, i + 1) == 0x80 && (at(b, i + 2) == 0xA8 || at(b, i + 2) == 0xA9))
    }

    /// is_blankz: blank, break, or NUL (the end).
    static func isBlankOrBreak(_ b: [UInt8], _ i: Int) -> Bool { isBlank(b, i) || isBreak(b, i) || at(b, i) == 0 }

    static func isBOM(_ b: [UInt8], _ i: Int) -> Bool {
        at(b, i) == 0xEF && at(b, i + 1) == 0xBB && at(b, i + 2) == 0xBF
    }

    /// is_printable: LF, ASCII 0x20–0x7E, and BMP characters except surrogates, BOM, U+FFFE and U+FFFF. Characters
    /// outside the BMP (emoji) are not "printable" to go-yaml v2, so they are escaped in double quotes.
    static func isPrintable(_ b: [UInt8], _ i: Int) -> Bool {
        let c = at(b, i)
        return c == 0x0A
            || (c >= 0x20 && c <= 0x7E)
            || (c == 0xC2 && at(b, i + 1) >= 0xA0)
            || (c > 0xC2 && c < 0xED)
            || (c == 0xED && at(b, i + 1) < 0xA0)
            || c == 0xEE
            || (c == 0xEF && !(at(b, i + 1) == 0xBB && at(b, i + 2) == 0xBF)
                && !(at(b, i + 1) == 0xBF && (at(b, i + 2) == 0xBE || at(b, i + 2) == 0xBF)))
    }
}
