/// The non-ASCII characters frames use, with an ASCII set for terminals whose locale is not UTF-8.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var ellipsis: Character
    /// Endpoint states: ready, serving but terminating, not ready.
    public var ready: Character
    public var servingTerminating: Character
    public var notReady: Character
    public var arrow: String
    public var times: String
    /// Tree branches for the topology: a child with siblings after it, the last child, and the continuation
    /// lines drawn under each (all three columns wide).
    public var treeBranch: String
    public var treeLast: String
    public var treePipe: String
    /// The sorted column's mark in its heading, ascending and descending (k9s's ↑ and ↓).
    public var sortAscending: String
    public var sortDescending: String
    /// Sparkline levels, lowest first (the traffic view's last minute).
    public var sparkline: [Character]

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", ready: "●", servingTerminating: "◐", notReady: "○", arrow: "→", times: "×",
        treeBranch: "├─ ", treeLast: "└─ ", treePipe: "│  ", sortAscending: "↑", sortDescending: "↓",
        sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"])

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", ready: "*", servingTerminating: "~", notReady: "o", arrow: "->", times: "x",
        treeBranch: "|- ", treeLast: "`- ", treePipe: "|  ", sortAscending: "^", sortDescending: "v",
        sparkline: ["_", ".", "-", "~", "=", "+", "*", "#"])
}
