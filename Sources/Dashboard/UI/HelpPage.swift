import Simulation

/// The `?` page: every key, the views and their aliases, and the actions `:` accepts.
enum HelpPage {
    static let sections: [(String, [(String, String)])] = [
        ("Navigation", [
            ("j k ↑ ↓", "move"), ("g G", "first / last row"), ("PgUp PgDn", "page up / down"),
            ("enter", "open: service → endpoints → pods, route → service"),
            ("esc", "clear the filter, then back"),
            ("d", "describe: what it does for traffic, then kubectl's text"),
            ("y", "the selected object's YAML, as the API serves it"),
            ("w", "on describe and YAML: wrap long lines"),
            ("N A", "sort by name, age (shift-letter; again reverses)"),
            ("R S T", "sort by ready, status, restarts (or type)"),
            ("I O P U L", "sort by IP, node, namespace, up-to-date, available"),
        ]),
        ("Views", [
            (":svc :po :ep :ing", "services, pods, endpoints, ingress routes"),
            (":deploy :rs :sts :ds", "workloads"), (":no :ev :ns", "nodes, events, namespaces"),
            (":topo :xray", "topology: Internet → Ingress → Service → pods"),
            (":topo svc/NAME", "the topology of one Service or Ingress (ing/NAME)"),
            (":traffic", "requests per Service and pod: rate, errors, success, last minute"),
            ("tab  ↑ ↓", "at the prompt: accept the suggestion, choose another"),
            (":ns NAME", "switch namespace (:ns all for every one)"),
            ("/TEXT", "filter rows (regex when it is one)"), ("/-l app=web", "filter by labels"),
            ("/!TEXT", "inverse filter"),
        ]),
        ("Cluster", [
            ("ctrl-k", "kill the selected pod at once"), ("ctrl-d", "delete gracefully (asks first)"),
            ("s", "scale the selected workload"), ("+ -", "one replica more / fewer"),
            ("t", "trace a URL: its hops, status and why (x: the route on the topology)"),
            (":load URL --rps N", "send load; :traffic shows what it does"),
            ("space", "pause / resume time"), ("< >", "slower / faster (0.25× … 16×)"),
            ("? q :q", "help, quit"),
        ]),
    ]

    /// After the actions: recording and the replay dashboard's keys.
    static let replaySection: (String, [(String, String)]) = ("Recording and replay", [
        ("ctrl-r", "pause / resume recording (switchboard --record FILE)"),
        ("space < >", "replay: play / pause, slower / faster"),
        ("← →", "replay: previous / next action"), ("[ ]", "replay: 10 s back / forward"),
        ("0 $", "replay: start / end"), (":goto 1m30s", "replay: jump to a moment"),
        ("b", "replay: branch into a live simulation from here"),
    ])

    /// The lines of the page: (text, role) pairs per line; keys and descriptions in two columns.
    static func lines(width: Int) -> [[(String, StyleRole, Int)]] {
        var out: [[(String, StyleRole, Int)]] = []
        func add(_ items: [(String, String)], keyWidth: Int) {
            for (key, text) in items { out.append([(key, .helpKey, 2), (text, .helpText, 2 + keyWidth)]) }
        }
        for (title, items) in sections {
            out.append([(title, .helpSection, 0)])
            add(items, keyWidth: 22)
        }
        out.append([("Actions (type after :)", .helpSection, 0)])
        add(Action.reference, keyWidth: min(width / 2, (Action.reference.map { $0.0.count }.max() ?? 20) + 2))
        out.append([(replaySection.0, .helpSection, 0)])
        add(replaySection.1, keyWidth: 22)
        return out
    }

    static func draw(into frame: inout Frame, _ g: Geometry, scroll: Int, glyphs: Glyphs) {
        let x0 = g.innerX + 1
        let width = g.innerWidth - 2
        let top = g.columnHeaderY
        let height = g.bodyY + g.bodyHeight - top
        for y in top..<(top + height) { frame.fill(x: g.innerX, y: y, width: g.innerWidth, role: .helpText) }
        let all = lines(width: width)
        let first = max(0, min(scroll, all.count - height))
        for (i, line) in all.dropFirst(first).prefix(height).enumerated() {
            for (text, role, x) in line {
                frame.put(text, x: x0 + x, y: top + i, role: role, width: max(0, width - x))
            }
        }
        var title = " Help "
        if first + height < all.count { title = " Help (j/k: more) " }
        frame.put(title, x: g.compact ? 0 : max(1, (g.cols - title.count) / 2), y: g.titleY, role: .title)
    }
}
