import Foundation

/// Virtual durations in milliseconds, written as Go's time.ParseDuration accepts them: `500ms`, `30s`, `2m`, `1h30m`.
public enum VirtualDuration {
    public static func parse(_ text: String) throws -> Int64 {
        let s = Array(text.trimmingCharacters(in: .whitespaces))
        guard !s.isEmpty else { throw SimulationError.invalidDuration(text) }
        var i = 0
        var total: Double = 0
        while i < s.count {
            var number = ""
            while i < s.count, s[i].isNumber || s[i] == "." {
                number.append(s[i])
                i += 1
            }
            var unit = ""
            while i < s.count, s[i].isLetter || s[i] == "µ" {
                unit.append(s[i])
                i += 1
            }
            guard let value = Double(number), !unit.isEmpty || (number == "0" && i == s.count) else {
                throw SimulationError.invalidDuration(text)
            }
            let scale: Double
            switch unit {
            case "ms": scale = 1
            case "s", "": scale = 1000
            case "m": scale = 60_000
            case "h": scale = 3_600_000
            case "us", "µs": scale = 0.001
            case "ns": scale = 0.000001
            default: throw SimulationError.invalidDuration(text)
            }
            total += value * scale
        }
        guard total.isFinite, total <= 1e15 else { throw SimulationError.invalidDuration(text) }
        return Int64(total.rounded())
    }

    /// The short form kubectl prints in the AGE column: `45s`, `3m12s`, `2d4h`.
    public static func age(_ ms: Int64) -> String {
        let secs = max(0, ms / 1000)
        if secs < 120 { return "\(secs)s" }
        let mins = secs / 60
        if mins < 10 { return secs % 60 == 0 ? "\(mins)m" : "\(mins)m\(secs % 60)s" }
        if mins < 180 { return "\(mins)m" }
        let hours = mins / 60
        if hours < 8 { return mins % 60 == 0 ? "\(hours)h" : "\(hours)h\(mins % 60)m" }
        if hours < 48 { return "\(hours)h" }
        let days = hours / 24
        if days < 8 { return hours % 24 == 0 ? "\(days)d" : "\(days)d\(hours % 24)h" }
        if days < 365 * 2 { return "\(days)d" }
        return "\(days / 365)y"
    }

    public static func format(_ ms: Int64) -> String {
        if ms % 1000 != 0 { return ms < 1000 ? "\(ms)ms" : String(format: "%.1fs", Double(ms) / 1000) }
        let secs = ms / 1000
        if secs < 60 { return "\(secs)s" }
        if secs < 3600 { return secs % 60 == 0 ? "\(secs / 60)m" : "\(secs / 60)m\(secs % 60)s" }
        return "\(secs / 3600)h\((secs % 3600) / 60)m"
    }
}
