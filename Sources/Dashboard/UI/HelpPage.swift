import Simulation

/// The `?` page: every key, the views and their aliases, and the actions `:` accepts.
enum HelpPage {
    static let sections: [(String, [(String, String)])] = [
        ("Navigation", [
            ("j k ↑ ↓", "move"), ("g G", "first / last row"), ("PgUp PgDn", "page up / down"),
            ("enter", "open: service → endpoints → pods, deployment/node → pods, route → service"),
            ("esc", "clear the filter, then back"),
        ]),
        ("Views", [
            (":svc :po :ep :ing", "services, pods, endpoints, ingress routes"),
            (":deploy :rs :sts :ds", "workloads"), (":no :ev :ns", "nodes, events, namespaces"),
            (":ns NAME", "switch namespace (:ns all for every one)"),
            ("/TEXT", "filter rows (regex when it is one)"), ("/-l app=web", "filter by labels"),
            ("/!TEXT", "inverse filter"),
        ]),
        ("Cluster", [
            ("ctrl-k", "kill the selected pod at once"), ("ctrl-d", "delete gracefully (asks first)"),
            ("s", "scale the selected workload"), ("+ -", "one replica more / fewer"),
            ("space", "pause / resume time"), ("< >", "slower / faster (0.25× … 16×)"),
            ("? q :q", "help, quit"),
        ]),
    ]

    static func draw(into frame: inout Frame, _ g: Geometry) {
        let x0 = g.innerX + 1
        let width = g.innerWidth - 2
        var y = g.columnHeaderY
        let bottom = g.bodyY + g.bodyHeight
        for y in g.columnHeaderY..<bottom { frame.fill(x: g.innerX, y: y, width: g.innerWidth, role: .helpText) }
        frame.put(" Help", x: 0 + (g.compact ? 0 : max(1, (g.cols - 6) / 2)), y: g.titleY, role: .title)
        let keyWidth = 22
        func line(_ key: String, _ text: String) {
            guard y < bottom else { return }
            frame.put(key, x: x0 + 2, y: y, role: .helpKey, width: keyWidth)
            frame.put(text, x: x0 + 2 + keyWidth, y: y, role: .helpText, width: max(0, width - keyWidth - 2))
            y += 1
        }
        for (title, items) in sections {
            guard y < bottom else { return }
            frame.put(title, x: x0, y: y, role: .helpSection, width: width)
            y += 1
            for (key, text) in items { line(key, text) }
        }
        guard y + 1 < bottom else { return }
        frame.put("Actions (type after :)", x: x0, y: y, role: .helpSection, width: width)
        y += 1
        for (syntax, text) in Action.reference { line(syntax, text) }
    }
}
