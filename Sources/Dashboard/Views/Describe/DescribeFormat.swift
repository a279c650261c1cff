import ClusterStore
import KubeModel

/// Field formats kubectl describe uses: RFC 1123 times, selectors, the Events table.
enum DescribeFormat {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Thu, 01 Jan 2026 09:00:00 +0000` (Go's time.RFC1123Z, in UTC as the simulation has no time zones).
    static func time(_ t: Timestamp?) -> String {
        guard let t else { return "<unset>" }
        let secs = t.milliseconds >= 0 ? t.milliseconds / 1000 : (t.milliseconds - 999) / 1000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let rem = secs - days * 86_400
        let (y, m, d) = Timestamp.civil(fromDays: days)
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekday), \(two(d)) \(months[Int(m) - 1]) \(y) \(two(rem / 3600)):\(two((rem / 60) % 60)):\(two(rem % 60)) +0000"
    }

    /// `app=web,tier in (a,b)` as kubectl prints a LabelSelector; `<none>` when it selects everything.
    static func selector(_ s: LabelSelector) -> String {
        var parts = s.matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for r in s.matchExpressions {
            switch r.op.rawValue {
            case "In": parts.append("\(r.key) in (\(r.values.sorted().joined(separator: ",")))")
            case "NotIn": parts.append("\(r.key) notin (\(r.values.sorted().joined(separator: ",")))")
            case "Exists": parts.append(r.key)
            default: parts.append("!\(r.key)")
            }
        }
        return parts.isEmpty ? "<none>" : parts.joined(separator: ",")
    }

    static func selector(_ map: [String: String]?) -> String {
        guard let map, !map.isEmpty else { return "<none>" }
        return map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    static func age(_ t: Timestamp?, now: Timestamp) -> String { Format.age(t, now: now) }

    /// The events about one object, oldest first, as kubectl describe lists them.
    static func events(for meta: ObjectMeta, kind: String, state: ClusterState) -> [Event] {
        let candidates = meta.namespace.isEmpty ? Array(state.events.all) : state.events.inNamespace(meta.namespace)
        return candidates.filter { e in
            let o = e.involvedObject
            if let uid = o.uid, !uid.isEmpty, !meta.uid.isEmpty { return uid == meta.uid }
            return o.name == meta.name && (o.kind ?? kind) == kind && (o.namespace ?? "") == meta.namespace
        }.sorted { a, b in
            let ta = a.lastTimestamp ?? a.firstTimestamp ?? a.metadata.creationTimestamp
            let tb = b.lastTimestamp ?? b.firstTimestamp ?? b.metadata.creationTimestamp
            if ta != tb { return (ta?.milliseconds ?? 0) < (tb?.milliseconds ?? 0) }
            return a.metadata.name < b.metadata.name
        }
    }

    /// The closing `Events:` section: `<none>`, or the Type/Reason/Age/From/Message table.
    static func addEvents(_ text: inout DescribeText, meta: ObjectMeta, kind: String, state: ClusterState) {
        let list = events(for: meta, kind: kind, state: state)
        guard !list.isEmpty else {
            text.line(0, "Events:", "<none>")
            return
        }
        text.line(0, "Events:")
        text.line(1, "Type", "Reason", "Age", "From", "Message")
        text.line(1, "----", "------", "----", "----", "-------")
        for e in list {
            let last = e.lastTimestamp ?? e.firstTimestamp ?? e.metadata.creationTimestamp
            var age = Format.age(last, now: state.now)
            if e.count > 1, let first = e.firstTimestamp {
                age += " (x\(e.count) over \(Format.age(first, now: state.now)))"
            }
            var from = e.sourceComponent ?? e.reportingComponent ?? ""
            if let host = e.sourceHost, !host.isEmpty { from += ", \(host)" }
            let message = (e.message ?? "").replacingOccurrences(of: "\n", with: " ")
            text.line(1, e.type.rawValue, e.reason ?? "", age, from, message)
        }
    }

    /// `Name:`, `Namespace:` and the metadata lines most kinds start with.
    static func addHeader(_ text: inout DescribeText, _ meta: ObjectMeta, namespaced: Bool = true) {
        text.line(0, "Name:", meta.name)
        if namespaced { text.line(0, "Namespace:", meta.namespace) }
    }
}
