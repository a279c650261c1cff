import Simulation

/// What a trace found, kept in the UI state: the page shows it and the topology marks its hops.
public struct TraceResult: Sendable, Hashable {
    public var method: String
    public var url: String
    public var hops: [TraceHop]
    /// The HTTP status, or the outcome when no HTTP answer came back (`no-endpoints`, `refused` …).
    public var status: String
    public var reason: String
    public var notes: [String]
    public var succeeded: Bool

    public init(_ trace: Trace) {
        method = trace.request.method
        url = trace.request.url
        hops = trace.hops
        status = trace.statusText
        reason = trace.reason
        notes = trace.notes
        succeeded = trace.outcome.isSuccess
    }
}

/// The page `t` opens: the request, its hops one a line, the status and why, and any notes. Like describe, it
/// scrolls and Esc goes back; `x` shows the route on the topology.
public struct TracePage: Sendable, Hashable {
    public var result: TraceResult
    /// The first line shown.
    public var scroll = 0

    public init(_ result: TraceResult, scroll: Int = 0) {
        self.result = result
        self.scroll = scroll
    }

    var title: String { "Trace(\(result.url))" }
    var crumb: String { "trace: \(result.url)" }

    func lines(width: Int, glyphs: Glyphs) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = [("\(result.method) \(result.url)", .helpSection), ("", .helpText),
                                          ("client", .helpText)]
        out += result.hops.map { ("\(glyphs.arrow) \($0.text)", StyleRole.helpText) }
        out.append(("", .helpText))
        let verdict = DocumentPage.wrap("\(result.status): \(result.reason)", width: max(20, width))
        out += verdict.map { ($0, result.succeeded ? StyleRole.helpKey : .flashError) }
        for note in result.notes {
            out += DocumentPage.wrap("note: \(note)", width: max(20, width)).map { ($0, StyleRole.helpText) }
        }
        out.append(("", .helpText))
        out.append(("x shows the route on the topology; t traces another URL; Esc goes back.", .promptSuggest))
        return out
    }

    func maxScroll(cols: Int, bodyHeight: Int, glyphs: Glyphs) -> Int {
        let count = lines(width: DocumentPage.textWidth(cols: cols), glyphs: glyphs).count
        return max(0, count - max(1, bodyHeight + 1))
    }

    static func draw(into frame: inout Frame, _ g: Geometry, page: TracePage, glyphs: Glyphs) {
        TextPage.draw(into: &frame, g, lines: page.lines(width: TextPage.width(g), glyphs: glyphs), scroll: page.scroll,
                      title: page.title, glyphs: glyphs)
    }
}
