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
}
