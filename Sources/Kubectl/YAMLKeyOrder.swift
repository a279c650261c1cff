/// The order go-yaml v2 writes mapping keys in (sorter.go's keyList.Less, for string keys): rune by rune,
/// non-letters before letters, and runs of digits compared as numbers, so `a2` < `a10` and `a_` < `aZ`.
enum YAMLKeyOrder {
    static func sorted(_ keys: some Sequence<String>) -> [String] {
        keys.map { (key: $0, runes: Array($0.unicodeScalars)) }
            .sorted { less($0.runes, $1.runes) }
            .map(\.key)
    }

    static func less(_ a: String, _ b: String) -> Bool { less(Array(a.unicodeScalars), Array(b.unicodeScalars)) }

    static func less(_ ar: [Unicode.Scalar], _ br: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] {
                i += 1
                continue
            }
            let al = isLetter(ar[i])
            let bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0, isDigit(ar[j]) {
                    if ar[j] != "0" {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count, isDigit(ar[ai]) {
                an = an &* 10 &+ Int64(ar[ai].value) &- 48
                ai += 1
            }
            var bi = i
            while bi < br.count, isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi].value) &- 48
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    /// Go's unicode.IsLetter: general category L.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's unicode.IsDigit: general category Nd.
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s >= "0" && s <= "9" }
        return s.properties.generalCategory == .decimalNumber
    }
}
