import KubeModel

/// A port of the parts of go-yaml v2's emitter (emitterc.go) that `kubectl -o yaml` exercises: block mappings and
/// sequences (sequences in a mapping are not indented), `{}`/`[]` for empty collections, the four scalar styles
/// and their selection, and folding of long plain and quoted scalars at spaces past column 80.
///
/// The state (column, whitespace, indention, the indent stack) follows the C/Go emitter one to one, so line breaks
/// fall where kubectl's fall.
struct YAMLEmitter {
    private enum Style { case plain, singleQuoted, doubleQuoted, literal }

    private(set) var out: [UInt8] = []
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var indent = -1
    private var indents: [Int] = []
    private var flowLevel = 0
    private var mappingContext = false
    private var simpleKeyContext = false

    private let bestIndent = 2
    private let bestWidth = 80

    init() {}

    /// Emits one document: the node, then the line break that ends it.
    mutating func emitDocument(_ value: JSONValue) {
        emitNode(value, mapping: false, simpleKey: false)
        writeIndentAtDocumentEnd()
    }

    var text: String { String(decoding: out, as: UTF8.self) }

    // MARK: nodes

    private mutating func emitNode(_ value: JSONValue, mapping: Bool, simpleKey: Bool) {
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch value {
        case .object(let fields):
            if fields.isEmpty || flowLevel > 0 { emitEmptyFlow("{", "}") } else { emitBlockMapping(fields) }
        case .array(let items):
            if items.isEmpty || flowLevel > 0 { emitEmptyFlow("[", "]") } else { emitBlockSequence(items) }
        case .null: emitScalar(Array("null".utf8), preferred: .plain)
        case .bool(let b): emitScalar(Array((b ? "true" : "false").utf8), preferred: .plain)
        case .int(let i): emitScalar(Array(String(i).utf8), preferred: .plain)
        case .double(let d): emitScalar(Array(YAMLEmitter.formatFloat(d).utf8), preferred: .plain)
        case .string(let s): emitScalar(Array(s.utf8), preferred: YAMLEmitter.stringStyle(s))
        }
    }

    /// Only empty collections are written in flow style (nothing here asks for flow style otherwise).
    private mutating func emitEmptyFlow(_ open: String, _ close: String) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        popIndent()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func emitBlockSequence(_ items: [JSONValue]) {
        increaseIndent(flow: false, indentless: mappingContext && !indention)
        for item in items {
            writeIndent()
            writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
            emitNode(item, mapping: false, simpleKey: false)
        }
        popIndent()
    }

    private mutating func emitBlockMapping(_ fields: [String: JSONValue]) {
        increaseIndent(flow: false, indentless: false)
        for key in YAMLKeyOrder.sorted(fields.keys) {
            writeIndent()
            let keyBytes = Array(key.utf8)
            if YAMLEmitter.isSimpleKey(keyBytes) {
                emitNode(.string(key), mapping: true, simpleKey: true)
                writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(.string(key), mapping: true, simpleKey: false)
                writeIndent()
                writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
            }
            emitNode(fields[key]!, mapping: true, simpleKey: false)
        }
        popIndent()
    }

    /// yaml_emitter_check_simple_key for a scalar key: single-line and at most 128 bytes.
    private static func isSimpleKey(_ key: [UInt8]) -> Bool {
        key.count <= 128 && !YAMLScalarAnalysis(key).multiline
    }

    // MARK: scalars

    /// encode.go's stringv: multi-line strings want a literal block, strings that would read as another type need
    /// double quotes, everything else starts out plain (and may still be quoted by the emitter).
    private static func stringStyle(_ s: String) -> Style {
        if s.contains("\n") { return .literal }
        return YAMLScalarResolution.needsQuotes(s) ? .doubleQuoted : .plain
    }

    private mutating func emitScalar(_ value: [UInt8], preferred: Style) {
        let analysis = YAMLScalarAnalysis(value)
        let style = selectStyle(preferred, analysis, isEmpty: value.isEmpty)
        increaseIndent(flow: true, indentless: false)
        let allowBreaks = !simpleKeyContext
        switch style {
        case .plain: writePlain(value, allowBreaks: allowBreaks)
        case .singleQuoted: writeSingleQuoted(value, allowBreaks: allowBreaks)
        case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: allowBreaks)
        case .literal: writeLiteral(value)
        }
        popIndent()
    }

    /// yaml_emitter_select_scalar_style.
    private func selectStyle(_ preferred: Style, _ a: YAMLScalarAnalysis, isEmpty: Bool) -> Style {
        var style = preferred
        if simpleKeyContext && a.multiline { style = .doubleQuoted }
        if style == .plain {
            if (flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed) {
                style = .singleQuoted
            }
            if isEmpty && (flowLevel > 0 || simpleKeyContext) { style = .singleQuoted }
        }
        if style == .singleQuoted && !a.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!a.blockAllowed || flowLevel > 0 || simpleKeyContext) { style = .doubleQuoted }
        return style
    }

    private mutating func writePlain(_ value: [UInt8], allowBreaks: Bool) {
        if !whitespace { put(UInt8(ascii: " ")) }
        var spaces = false
        var breaks = false
        var i = 0
        while i < value.count {
            if YAMLBytes.isSpace(value, i) {
                if allowBreaks && !spaces && column > bestWidth && !YAMLBytes.isSpace(value, i + 1) {
                    writeIndent()
                    i += 1
                } else {
                    write(value, &i)
                }
                spaces = true
            } else if YAMLBytes.isBreak(value, i) {
                if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(value, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &i)
                indention = false
                spaces = false
                breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        var breaks = false
        var i = 0
        while i < value.count {
            if YAMLBytes.isSpace(value, i) {
                if allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.count - 1
                    && !YAMLBytes.isSpace(value, i + 1) {
                    writeIndent()
                    i += 1
                } else {
                    write(value, &i)
                }
                spaces = true
            } else if YAMLBytes.isBreak(value, i) {
                if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(value, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if value[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                write(value, &i)
                indention = false
                spaces = false
                breaks = false
            }
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeDoubleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        var i = 0
        while i < value.count {
            let c = value[i]
            if !YAMLBytes.isPrintable(value, i) || YAMLBytes.isBOM(value, i) || YAMLBytes.isBreak(value, i)
                || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                let w = max(1, YAMLBytes.width(c))
                var v: UInt32
                switch w {
                case 1: v = UInt32(c & 0x7F)
                case 2: v = UInt32(c & 0x1F)
                case 3: v = UInt32(c & 0x0F)
                default: v = UInt32(c & 0x07)
                }
                for k in 1..<w { v = (v << 6) + UInt32(YAMLBytes.at(value, i + k) & 0x3F) }
                i += w
                put(UInt8(ascii: "\\"))
                switch v {
                case 0x00: put(UInt8(ascii: "0"))
                case 0x07: put(UInt8(ascii: "a"))
                case 0x08: put(UInt8(ascii: "b"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0B: put(UInt8(ascii: "v"))
                case 0x0C: put(UInt8(ascii: "f"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x1B: put(UInt8(ascii: "e"))
                case 0x22: put(UInt8(ascii: "\""))
                case 0x5C: put(UInt8(ascii: "\\"))
                case 0x85: put(UInt8(ascii: "N"))
                case 0xA0: put(UInt8(ascii: "_"))
                case 0x2028: put(UInt8(ascii: "L"))
                case 0x2029: put(UInt8(ascii: "P"))
                default:
                    let digits: Int
                    if v <= 0xFF {
                        put(UInt8(ascii: "x"))
                        digits = 2
                    } else if v <= 0xFFFF {
                        put(UInt8(ascii: "u"))
                        digits = 4
                    } else {
                        put(UInt8(ascii: "U"))
                        digits = 8
                    }
                    for k in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                        let digit = UInt8((v >> UInt32(k)) & 0x0F)
                        put(digit < 10 ? digit + 48 : digit + 55)
                    }
                }
                spaces = false
            } else if YAMLBytes.isSpace(value, i) {
                if allowBreaks && !spaces && column > bestWidth && i != 0 && i != value.count - 1 {
                    writeIndent()
                    if YAMLBytes.isSpace(value, i + 1) { put(UInt8(ascii: "\\")) }
                    i += 1
                } else {
                    write(value, &i)
                }
                spaces = true
            } else {
                write(value, &i)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeLiteral(_ value: [UInt8]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(value)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var i = 0
        while i < value.count {
            if YAMLBytes.isBreak(value, i) {
                writeBreak(value, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &i)
                indention = false
                breaks = false
            }
        }
    }

    /// The indentation hint (`|2`) when the text starts with a space or break, and the chomping hint: `-` without
    /// a final line break, none with exactly one, `+` with more.
    private mutating func writeBlockScalarHints(_ value: [UInt8]) {
        if YAMLBytes.isSpace(value, 0) || YAMLBytes.isBreak(value, 0) {
            writeIndicator(String(bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: String?
        if value.isEmpty {
            chomp = "-"
        } else {
            var i = value.count - 1
            while i > 0, value[i] & 0xC0 == 0x80 { i -= 1 }
            if !YAMLBytes.isBreak(value, i) {
                chomp = "-"
            } else if i == 0 {
                chomp = "+"
            } else {
                i -= 1
                while i > 0, value[i] & 0xC0 == 0x80 { i -= 1 }
                if YAMLBytes.isBreak(value, i) { chomp = "+" }
            }
        }
        if let chomp { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
    }

    // MARK: low-level writing

    private mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    private mutating func popIndent() { indent = indents.removeLast() }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) { putBreak() }
        while column < target { put(UInt8(ascii: " ")) }
        whitespace = true
        indention = true
    }

    /// yaml_emitter_emit_document_end: end the last line.
    private mutating func writeIndentAtDocumentEnd() {
        indent = -1
        writeIndent()
    }

    private mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, isWhitespace: Bool,
                                         isIndention: Bool) {
        if needWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        for b in indicator.utf8 { put(b) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    private mutating func put(_ b: UInt8) {
        out.append(b)
        column += 1
    }

    private mutating func putBreak() {
        out.append(UInt8(ascii: "\n"))
        column = 0
    }

    /// Copies one UTF-8 character; a character is one column.
    private mutating func write(_ value: [UInt8], _ i: inout Int) {
        let w = max(1, YAMLBytes.width(value[i]))
        out.append(contentsOf: value[i..<min(i + w, value.count)])
        i += w
        column += 1
    }

    private mutating func writeBreak(_ value: [UInt8], _ i: inout Int) {
        if value[i] == UInt8(ascii: "\n") {
            putBreak()
            i += 1
        } else {
            write(value, &i)
            column = 0
        }
    }

    // MARK: numbers

    /// strconv.FormatFloat(d, 'g', -1, 64) with go-yaml's spellings of the infinities and NaN.
    static func formatFloat(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d > 0 ? ".inf" : "-.inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        // Swift's description is the shortest round-tripping decimal, like Go's; re-layout its digits Go's way.
        let text = "\(abs(d))"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        var digits = Array(mantissa.filter { $0 != "." })
        var point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count) + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let sign = d < 0 ? "-" : ""
        let exp = point - 1
        if exp < -4 || exp >= 6 {  // Go's shortest %g switches to %e at precision 6
            // %e with the shortest digits: d.ddde±XX.
            var s = sign + String(digits[0])
            if digits.count > 1 { s += "." + String(digits[1...]) }
            let e = abs(exp)
            return s + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
        if point >= digits.count { return sign + String(digits) + String(repeating: "0", count: point - digits.count) }
        return sign + String(digits[..<point]) + "." + String(digits[point...])
    }
}
