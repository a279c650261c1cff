import Foundation
import KubeModel

/// The `/` filter, as k9s reads it: text matches any cell (case-insensitively; a regular expression when it is
/// one), `-l selector` matches labels (kubectl syntax), and a leading `!` inverts either.
struct RowFilter {
    enum Matcher {
        case all
        case text(String)
        case regex(Regex<AnyRegexOutput>)
        case labels(SelectorQuery)
    }

    var matcher: Matcher
    var inverted: Bool
    /// Why the filter could not be used (it then matches nothing).
    var error: String?

    init(_ raw: String) {
        var text = raw.trimmingCharacters(in: .whitespaces)
        inverted = false
        error = nil
        if text.hasPrefix("!") {
            inverted = true
            text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        if text.isEmpty {
            matcher = .all
            if inverted { inverted = false }
            return
        }
        if text.hasPrefix("-l") && (text.count == 2 || text.dropFirst(2).first == " " || text.dropFirst(2).first == "=") {
            var rest = text.dropFirst(2)
            if rest.first == "=" { rest = rest.dropFirst() }
            do {
                matcher = .labels(try SelectorQuery.parse(rest.trimmingCharacters(in: .whitespaces)))
            } catch {
                matcher = .labels(SelectorQuery())
                self.error = "bad selector: \(error.message)"
            }
            return
        }
        let special = CharacterSet(charactersIn: "\\^$.|?*+()[]{}")
        if text.unicodeScalars.contains(where: { special.contains($0) }), let regex = try? Regex(text).ignoresCase() {
            matcher = .regex(regex)
        } else {
            matcher = .text(text.lowercased())
        }
    }

    var isActive: Bool {
        if case .all = matcher { return false }
        return true
    }

    func matches(_ row: Row) -> Bool {
        if error != nil { return false }
        let hit: Bool
        switch matcher {
        case .all: return true
        case .text(let needle): hit = row.cells.contains { $0.lowercased().contains(needle) }
        case .regex(let regex): hit = row.cells.contains { (try? regex.firstMatch(in: $0)) != nil }
        case .labels(let query): hit = query.matches(row.labels)
        }
        return hit != inverted
    }

    func apply(_ rows: [Row]) -> [Row] {
        isActive ? rows.filter(matches) : rows
    }

    /// Filters keyed rows on their namespace (when shown) and name, or their labels, without formatting them.
    func apply(_ keyed: KeyedRows) -> KeyedRows {
        guard isActive else { return keyed }
        var out = keyed
        if error != nil {
            out.keys = []
            return out
        }
        let inverted = self.inverted
        switch matcher {
        case .all: break
        case .text(let needle):
            let bytes = Array(needle.utf8)
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            out.keys = keyed.keys.filter { k in
                let hit = (keyed.showsNamespace && Self.contains(k.namespace, bytes, ascii: ascii, needle: needle))
                    || Self.contains(k.name, bytes, ascii: ascii, needle: needle)
                return hit != inverted
            }
        case .regex(let regex):
            out.keys = keyed.keys.filter { k in
                let hit = (keyed.showsNamespace && (try? regex.firstMatch(in: k.namespace)) != nil)
                    || (try? regex.firstMatch(in: k.name)) != nil
                return hit != inverted
            }
        case .labels(let query):
            out.keys = keyed.keys.filter { query.matches(keyed.labels($0)) != inverted }
        }
        return out
    }

    /// Case-insensitive substring test; a byte loop for ASCII (names nearly always are), else `lowercased()`.
    static func contains(_ haystack: String, _ needle: [UInt8], ascii: Bool, needle text: String) -> Bool {
        guard ascii else { return haystack.lowercased().contains(text) }
        if needle.isEmpty { return true }
        var h = haystack
        return h.withUTF8 { buf -> Bool? in
            let n = needle.count
            guard buf.count >= n else { return false }
            let first = needle[0]
            var i = 0
            let last = buf.count - n
            while i <= last {
                var c = buf[i]
                if c >= 0x80 { return nil }
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c == first {
                    var j = 1
                    while j < n {
                        var d = buf[i + j]
                        if d >= 0x41 && d <= 0x5A { d |= 0x20 }
                        if d != needle[j] { break }
                        j += 1
                    }
                    if j == n { return true }
                }
                i += 1
            }
            // Non-ASCII bytes in the tail: fall back to be safe.
            return buf[(last + 1)...].contains { $0 >= 0x80 } ? nil : false
        } ?? haystack.lowercased().contains(text)
    }
}
