import Foundation

/// A moment in (virtual) time, in milliseconds since the Unix epoch. Serialised as RFC 3339 in UTC with second
/// precision, as the API server serialises metav1.Time.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible, JSONEncodable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public init(seconds: Int64) { self.milliseconds = seconds * 1000 }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    public func adding(milliseconds ms: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds + ms) }

    public var rfc3339: String {
        let secs = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let rem = secs - days * 86_400
        let (y, m, d) = Timestamp.civil(fromDays: days)
        // Written digit by digit: String(format:) costs more than the rest of an endpoint sync that stamps a time.
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        func put(_ value: Int64, _ width: Int) {
            let start = bytes.count
            var v = Swift.max(0, value)
            for _ in 0..<width {
                bytes.append(UInt8(ascii: "0") + UInt8(v % 10))
                v /= 10
            }
            bytes[start...].reverse()
        }
        put(y, y > 9999 ? String(y).count : 4); bytes.append(UInt8(ascii: "-")); put(m, 2); bytes.append(UInt8(ascii: "-")); put(d, 2)
        bytes.append(UInt8(ascii: "T"))
        put(rem / 3600, 2); bytes.append(UInt8(ascii: ":")); put((rem / 60) % 60, 2); bytes.append(UInt8(ascii: ":"))
        put(rem % 60, 2); bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { rfc3339 }
    public func json() -> JSONValue { .string(rfc3339) }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
    public init?(rfc3339 text: String) {
        let s = Array(text.utf8)
        guard s.count >= 20, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
              s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t") || s[10] == UInt8(ascii: " "),
              s[13] == UInt8(ascii: ":"), s[16] == UInt8(ascii: ":") else { return nil }
        func num(_ a: Int, _ b: Int) -> Int64? {
            var v: Int64 = 0
            for i in a..<b {
                guard s[i] >= 48, s[i] <= 57 else { return nil }
                v = v * 10 + Int64(s[i] - 48)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 7), let d = num(8, 10), let h = num(11, 13), let mi = num(14, 16),
              let se = num(17, 19), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, se < 61 else { return nil }
        var i = 19
        var ms: Int64 = 0
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            var scale: Int64 = 100
            while i < s.count, s[i] >= 48, s[i] <= 57 {
                ms += Int64(s[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        guard i < s.count else { return nil }
        var offset: Int64 = 0
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            guard i + 1 == s.count else { return nil }
        } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            guard i + 6 == s.count, s[i + 3] == UInt8(ascii: ":"), let oh = num(i + 1, i + 3), let om = num(i + 4, i + 6) else {
                return nil
            }
            offset = (oh * 3600 + om * 60) * (s[i] == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return nil
        }
        let days = Timestamp.days(fromCivil: y, mo, d)
        milliseconds = ((days * 86_400 + h * 3600 + mi * 60 + se) - offset) * 1000 + ms
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days since 1970-01-01 to (year, month, day), proleptic Gregorian.
    public static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
