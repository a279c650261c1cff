import ClusterStore
import KubeModel

/// A replay as an asciicast v2 file (https://docs.asciinema.org/manual/asciicast/v2/): a header line, then one
/// `[seconds, "o", text]` output event per moment the cluster changed, each redrawing the whole screen. Times are
/// virtual seconds from the recording's start. The frames come from `render`, so this stays free of the dashboard.
public enum CastExport {
    public static func lines(_ replay: Replay, width: Int, height: Int, title: String,
                             render: (ClusterState) throws -> String) rethrows -> [String] {
        var header: [String: JSONValue] = [
            "version": 2, "width": .int(Int64(width)), "height": .int(Int64(height)), "title": .string(title),
            "env": ["TERM": "xterm-256color"],
        ]
        if let created = Timestamp(rfc3339: replay.header.createdAt) {
            header["timestamp"] = .int(created.milliseconds / 1000)
        }
        var lines = [JSONWriter.compact(.object(header))]
        var previous = ""
        try replay.forEachMoment { atMs, state in
            var text = try render(state)
            if text.hasSuffix("\n") { text.removeLast() }
            guard text != previous else { return }
            previous = text
            // Cursor home and clear, then the frame; a terminal in raw mode needs CR LF between lines.
            let screen = "\u{1b}[H\u{1b}[2J" + text.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\r\n")
            let seconds = Double(atMs - replay.startMs) / 1000
            lines.append(JSONWriter.compact([.double(seconds), "o", .string(screen)]))
        }
        return lines
    }
}
