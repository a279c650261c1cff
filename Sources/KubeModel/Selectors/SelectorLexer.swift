// The lexer of k8s.io/apimachinery/pkg/labels, over UTF-8 bytes as Go's is: identifiers run until whitespace or
// one of `=!(),<>`, and operators are the longest run of those that is still a token.

enum SelectorLexer {
    enum Token: Equatable {
        case end, closedPar, comma, doesNotExist, doubleEquals, equals, greaterThan, identifier, `in`, lessThan
        case notEquals, notIn, openPar

        static let literals: [String: Token] = [
            ")": .closedPar, ",": .comma, "!": .doesNotExist, "==": .doubleEquals, "=": .equals, ">": .greaterThan,
            "in": .in, "<": .lessThan, "!=": .notEquals, "notin": .notIn, "(": .openPar,
        ]
    }

    struct Item {
        var token: Token
        var literal: String
        var offset: Int  // UTF-8 byte offset
    }

    static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    static func isSpecial(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","),
             UInt8(ascii: ">"), UInt8(ascii: "<"):
            return true
        default:
            return false
        }
    }

    static func lex(_ bytes: [UInt8]) -> [Item] {
        var out: [Item] = []
        var i = 0
        while true {
            while i < bytes.count, isWhitespace(bytes[i]) { i += 1 }
            guard i < bytes.count else {
                out.append(Item(token: .end, literal: "", offset: bytes.count))
                return out
            }
            let start = i
            if isSpecial(bytes[i]) {
                // Longest run of special characters that is still a token: "!=" and "==" but "=(" is "=" then "(".
                var token = Token.end
                var end = i
                var j = i
                while j < bytes.count, isSpecial(bytes[j]) {
                    let candidate = String(decoding: bytes[i...j], as: UTF8.self)
                    guard let t = Token.literals[candidate] else { break }
                    token = t
                    end = j + 1
                    j += 1
                }
                out.append(Item(token: token, literal: String(decoding: bytes[start..<end], as: UTF8.self), offset: start))
                i = end
            } else {
                while i < bytes.count, !isSpecial(bytes[i]), !isWhitespace(bytes[i]) { i += 1 }
                let literal = String(decoding: bytes[start..<i], as: UTF8.self)
                let token = Token.literals[literal] ?? .identifier
                out.append(Item(token: token, literal: literal, offset: start))
            }
        }
    }
}
