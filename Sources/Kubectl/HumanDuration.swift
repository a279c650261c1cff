import KubeModel

/// Durations as kubectl prints ages: k8s.io/apimachinery/pkg/util/duration.HumanDuration.
public enum HumanDuration {
    /// `45s`, `3m12s`, `5m`, `2h30m`, `14h`, `2d4h`, `30d`, `2y45d`, `9y`; `0s` for up to a second in the future
    /// (clock skew), `<invalid>` beyond that.
    public static func format(milliseconds ms: Int64) -> String {
        let seconds = ms / 1000  // truncates toward zero, as Go's int(d.Seconds()) does
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 60 * 2 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 {
            let s = seconds % 60
            return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
        }
        if minutes < 60 * 3 { return "\(minutes)m" }
        let hours = seconds / 3600
        if hours < 8 {
            let m = minutes % 60
            return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let h = hours % 24
            return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let dy = (hours / 24) % 365
            return dy == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(dy)d"
        }
        return "\(hours / 24 / 365)y"
    }

    /// kubectl's `translateTimestampSince`: the age of `timestamp` at `now`, `<unknown>` when there is none.
    public static func since(_ timestamp: Timestamp?, now: Timestamp) -> String {
        guard let timestamp else { return "<unknown>" }
        return format(milliseconds: now.milliseconds - timestamp.milliseconds)
    }
}
