// A port of k8s.io/apimachinery/pkg/labels' Parser (see SelectorLexer for its lexer), token for token, so that what kubectl accepts we
// accept, what it rejects we reject, and the messages are its messages. Kept deliberately: `a in ()` means
// `a in ("")`, `a=` means `a=""`, `in` and `notin` are valid keys and values, and `>=` lexes as `>` then `=`.
// One deliberate difference: Go's lexer treats a NUL byte as the end of input and silently drops the rest; a
// NUL is rejected here instead.

/// A selector string kubectl would refuse, with its message and where the offending token starts.
public struct SelectorParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// kubectl's wording, e.g. `unable to parse requirement: found '', expected: ',' or ')'`.
    public var message: String
    /// Offset in characters from the start of the input to the offending token (the input's length at the end).
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}

extension SelectorQuery {
    /// Parses kubectl's `-l` syntax: comma-separated requirements `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
    /// `k notin (a,b)`, `k`, `!k`, `k>N`, `k<N`, whitespace between tokens ignored. Keys must be qualified names
    /// and values label values, as the API server requires.
    public init(parsing text: String) throws(SelectorParseError) {
        var parser = SelectorParser(text)
        self.init(try parser.parse())
    }

    public static func parse(_ text: String) throws(SelectorParseError) -> SelectorQuery {
        try SelectorQuery(parsing: text)
    }
}

/// Context for lookahead/consume: in `Values`, the keywords `in`/`notin` are plain identifiers.
private enum Context { case keyAndOperator, values }

private typealias Token = SelectorLexer.Token

private struct SelectorParser {
    let bytes: [UInt8]
    var items: [SelectorLexer.Item] = []
    var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    private func lookahead(_ context: Context) -> (Token, String) {
        let item = items[position]
        return (mapped(item.token, context), item.literal)
    }

    private mutating func consume(_ context: Context) -> (Token, String) {
        let item = items[position]
        position += 1
        return (mapped(item.token, context), item.literal)
    }

    private func mapped(_ token: Token, _ context: Context) -> Token {
        context == .values && (token == .in || token == .notIn) ? .identifier : token
    }

    /// The character offset of item `index`, for error carets.
    private func offset(ofItem index: Int) -> Int {
        let byteOffset = items[min(index, items.count - 1)].offset
        return String(decoding: bytes[..<byteOffset], as: UTF8.self).count
    }

    private func error(_ message: String, item: Int) -> SelectorParseError {
        SelectorParseError(message, offset: offset(ofItem: item))
    }

    mutating func parse() throws(SelectorParseError) -> [SelectorQuery.Requirement] {
        if let nul = bytes.firstIndex(of: 0) {
            let at = String(decoding: bytes[..<nul], as: UTF8.self).count
            throw SelectorParseError("unable to parse requirement: found a NUL byte at offset \(at)", offset: at)
        }
        items = SelectorLexer.lex(bytes)
        var requirements: [SelectorQuery.Requirement] = []
        while true {
            let (token, literal) = lookahead(.values)
            switch token {
            case .identifier, .doesNotExist:
                let start = position
                let requirement: SelectorQuery.Requirement
                do {
                    requirement = try parseRequirement()
                } catch let e {
                    throw SelectorParseError("unable to parse requirement: " + e.message,
                                             offset: e.offset < 0 ? offset(ofItem: start) : e.offset)
                }
                requirements.append(requirement)
                let here = position
                let (t, l) = consume(.values)
                switch t {
                case .end:
                    return requirements
                case .comma:
                    let (t2, l2) = lookahead(.values)
                    if t2 != .identifier && t2 != .doesNotExist {
                        throw error("found '\(l2)', expected: identifier after ','", item: position)
                    }
                default:
                    throw error("found '\(l)', expected: ',' or 'end of string'", item: here)
                }
            case .end:
                return requirements
            default:
                throw error("found '\(literal)', expected: !, identifier, or 'end of string'", item: position)
            }
        }
    }

    private mutating func parseRequirement() throws(SelectorParseError) -> SelectorQuery.Requirement {
        let (key, inferred) = try parseKeyAndInferOperator()
        if let inferred {
            return try newRequirement(key, inferred, [])
        }
        let op = try parseOperator()
        let values: Set<String>
        switch op {
        case .in, .notIn: values = try parseValues()
        default: values = try parseExactValue()
        }
        return try newRequirement(key, op, values.sorted())
    }

    /// Reads `[!]KEY`; returns the operator when it is already decided (`!k`, or `k` followed by `,` or the end).
    private mutating func parseKeyAndInferOperator() throws(SelectorParseError)
        -> (String, SelectorQuery.Requirement.Operator?)
    {
        var op: SelectorQuery.Requirement.Operator?
        var (token, literal) = consume(.values)
        if token == .doesNotExist {
            op = .doesNotExist
            (token, literal) = consume(.values)
        }
        if token != .identifier {
            throw error("found '\(literal)', expected: identifier", item: position - 1)
        }
        let keyErrors = Validation.isQualifiedName(literal)
        if !keyErrors.isEmpty {
            throw error("Invalid value: \(goQuote(literal)): " + keyErrors.joined(separator: "; "), item: position - 1)
        }
        let (next, _) = lookahead(.values)
        if (next == .end || next == .comma) && op == nil { op = .exists }
        return (literal, op)
    }

    private mutating func parseOperator() throws(SelectorParseError) -> SelectorQuery.Requirement.Operator {
        let (token, literal) = consume(.keyAndOperator)
        switch token {
        case .in: return .in
        case .equals: return .equals
        case .doubleEquals: return .doubleEquals
        case .greaterThan: return .greaterThan
        case .lessThan: return .lessThan
        case .notIn: return .notIn
        case .notEquals: return .notEquals
        default:
            throw error("found '\(literal)', expected: in, notin, =, ==, !=, gt, lt", item: position - 1)
        }
    }

    /// `( v1, v2, … )`; empty entries are the empty value, so `()` and `(a,)` both contain "".
    private mutating func parseValues() throws(SelectorParseError) -> Set<String> {
        let (open, openLiteral) = consume(.values)
        if open != .openPar { throw error("found '\(openLiteral)' expected: '('", item: position - 1) }
        let (token, literal) = lookahead(.values)
        switch token {
        case .identifier, .comma:
            let values = try parseIdentifiersList()
            if consume(.values).0 != .closedPar {
                throw error("found '\(literal)', expected: ')'", item: position - 1)
            }
            return values
        case .closedPar:
            _ = consume(.values)
            return [""]
        default:
            throw error("found '\(literal)', expected: ',', ')' or identifier", item: position)
        }
    }

    private mutating func parseIdentifiersList() throws(SelectorParseError) -> Set<String> {
        var values = Set<String>()
        while true {
            let (token, literal) = consume(.values)
            switch token {
            case .identifier:
                values.insert(literal)
                let (next, nextLiteral) = lookahead(.values)
                switch next {
                case .comma: continue
                case .closedPar: return values
                default: throw error("found '\(nextLiteral)', expected: ',' or ')'", item: position)
                }
            case .comma:
                if values.isEmpty { values.insert("") }  // "(,"
                let (next, _) = lookahead(.values)
                if next == .closedPar {
                    values.insert("")  // ",)"
                    return values
                }
                if next == .comma {
                    _ = consume(.values)
                    values.insert("")  // ",,"
                }
            default:
                throw error("found '\(literal)', expected: ',', or identifier", item: position - 1)
            }
        }
    }

    /// The single value after `=`, `==`, `!=`, `>` or `<`; nothing before `,` or the end means "".
    private mutating func parseExactValue() throws(SelectorParseError) -> Set<String> {
        let (next, _) = lookahead(.values)
        if next == .end || next == .comma { return [""] }
        let (token, literal) = consume(.values)
        if token == .identifier { return [literal] }
        throw error("found '\(literal)', expected: identifier", item: position - 1)
    }

    /// `labels.NewRequirement`'s checks on operator arity, integer values for gt/lt, and label values. Several
    /// problems are reported together as Go's aggregate error prints them: `[first, second]`.
    private func newRequirement(_ key: String, _ op: SelectorQuery.Requirement.Operator, _ values: [String])
        throws(SelectorParseError) -> SelectorQuery.Requirement
    {
        var errs: [String] = []
        switch op {
        case .in, .notIn:
            if values.isEmpty { errs.append("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty") }
        case .equals, .doubleEquals, .notEquals:
            if values.count != 1 { errs.append("values: Invalid value: \(goStrings(values)): exact-match compatibility requires one single value") }
        case .exists, .doesNotExist:
            if !values.isEmpty { errs.append("values: Invalid value: \(goStrings(values)): values set must be empty for exists and does not exist") }
        case .greaterThan, .lessThan:
            if values.count != 1 { errs.append("values: Invalid value: \(goStrings(values)): for 'Gt', 'Lt' operators, exactly one value is required") }
            for (i, v) in values.enumerated() where Int64(v) == nil {
                errs.append("values[\(i)]: Invalid value: \(goQuote(v)): for 'Gt', 'Lt' operators, the value must be an integer")
            }
        }
        for (i, v) in values.enumerated() {
            let msgs = Validation.isValidLabelValue(v)
            if !msgs.isEmpty {
                errs.append("values[\(i)][\(key)]: Invalid value: \(goQuote(v)): " + msgs.joined(separator: "; "))
            }
        }
        var unique: [String] = []
        for e in errs where !unique.contains(e) { unique.append(e) }
        switch unique.count {
        case 0: return SelectorQuery.Requirement(key: key, op: op, values: values)
        case 1: throw SelectorParseError(unique[0], offset: -1)
        default: throw SelectorParseError("[" + unique.joined(separator: ", ") + "]", offset: -1)
        }
    }

    private func goStrings(_ values: [String]) -> String {
        "[]string{" + values.map(goQuote).joined(separator: ", ") + "}"
    }
}
