import ClusterStore
import KubeModel
import Simulation

/// The header line: context, namespace, virtual clock (time of day and elapsed), speed or PAUSED, pods ready/total,
/// REC while recording.
enum HeaderBar {
    static func draw(into frame: inout Frame, y: Int, state: ClusterState, ui: UIState, glyphs: Glyphs) {
        frame.fill(y: y, role: .body)
        var x = 1
        func put(_ s: String, _ role: StyleRole) { x += frame.put(s, x: x, y: y, role: role) }
        func gap() { x += 2 }

        put(ui.contextName, .logo)
        gap()
        put("ns ", .headerLabel)
        put(ui.namespace ?? "all", .headerValue)
        gap()
        put(clock(state.now), .headerValue)
        if let epoch = ui.epoch {
            put(" +" + elapsed(state.now.milliseconds - epoch.milliseconds), .headerLabel)
        }
        gap()
        if ui.paused {
            put(" PAUSED ", .paused)
        } else {
            put("speed ", .headerLabel)
            put(UIState.formatSpeed(ui.speed) + glyphs.times, .headerValue)
        }
        gap()
        // The store keeps these counts as pods change: the header never walks 100,000 pods.
        let ready = state.pods.countedCount(in: ui.namespace)
        let total = state.pods.count(in: ui.namespace)
        put("pods ", .headerLabel)
        put("\(ready)/\(total)", .headerValue)
        put(" ready", .headerLabel)
        if ui.recording {
            gap()
            put(" REC ", .recording)
        }
    }

    /// `09:03:12` (UTC, as the API serialises times).
    static func clock(_ t: Timestamp) -> String {
        let s = t.rfc3339
        let chars = Array(s)
        guard chars.count >= 19 else { return s }
        return String(chars[11..<19])
    }

    static func elapsed(_ ms: Int64) -> String {
        let secs = max(0, ms / 1000)
        if secs < 60 { return "\(secs)s" }
        if secs < 3600 { return "\(secs / 60)m\(String(format2: secs % 60))s" }
        return "\(secs / 3600)h\(String(format2: (secs % 3600) / 60))m"
    }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 n: Int64) { self = n < 10 ? "0\(n)" : String(n) }
}
