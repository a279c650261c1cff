import KubeModel
import Simulation

/// A message on the flash line.
public struct Flash: Sendable, Hashable {
    public enum Level: Sendable, Hashable { case info, error }
    public var text: String
    public var level: Level
    public init(_ text: String, level: Level = .info) {
        self.text = text
        self.level = level
    }
}

/// What the person at the keyboard is doing.
public enum InputMode: Sendable, Hashable {
    case normal
    /// The `:` prompt.
    case command(LineEditor)
    /// The `/` prompt (the filter applies as it is typed).
    case filter(LineEditor)
    /// A yes/no question before a destructive action.
    case confirm(message: String, action: Action)
    /// The `?` page.
    case help
    /// Describe (`d`) or YAML (`y`) of one object, over the page it was opened from.
    case document(DocumentPage)
    /// The URL prompt `t` opens.
    case tracePrompt(LineEditor)
    /// A trace's result, over the page it was started from.
    case trace(TracePage)
}

extension InputMode {
    var isDocument: Bool {
        switch self {
        case .document, .trace: return true
        default: return false
        }
    }
}

/// Everything the dashboard shows besides the cluster: the page stack, namespace, prompt, flash, clock controls and
/// recent changes. Views are pure functions of (snapshot, UIState, size).
public struct UIState: Sendable {
    /// The drill-down stack; never empty, the last page is on screen.
    public var pages: [Page]
    /// nil shows every namespace.
    public var namespace: String?
    public var mode: InputMode = .normal
    public var flash: Flash?
    public var paused = false
    public var speed: Double = 1
    /// The cluster's name in the header.
    public var contextName = "switchboard"
    /// Shows REC in the header.
    public var recording = false
    /// Where a replay stands (the timeline bar replaces the key hints); nil for a live cluster.
    public var timeline: TimelineStatus?
    /// Virtual time zero, for the elapsed clock in the header (nil: show the time of day only).
    public var epoch: Timestamp?
    /// The first line shown on the help page.
    public var helpScroll = 0
    /// When rows last changed, for highlighting.
    public var changes = ChangeTracker()
    /// The load counters published with the snapshot, for the traffic view.
    public var traffic: TrafficFeed = .none
    /// The last trace, whose route the topology marks until Esc clears it there.
    public var trace: TraceResult?

    public init(view: ViewKind = .services, namespace: String? = nil) {
        pages = [Page(view: view)]
        self.namespace = namespace
    }

    /// Shows a trace's result (it arrives from the simulator's thread after `t`).
    public mutating func show(_ trace: Trace) {
        let result = TraceResult(trace)
        self.trace = result
        mode = .trace(TracePage(result))
    }

    public var page: Page {
        get { pages[pages.count - 1] }
        set { pages[pages.count - 1] = newValue }
    }

    /// The speeds `<` and `>` step through.
    public static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16]

    static func formatSpeed(_ speed: Double) -> String {
        if speed == speed.rounded() { return "\(Int(speed))" }
        return String(speed)
    }
}
