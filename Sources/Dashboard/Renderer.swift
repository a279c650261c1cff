import ClusterStore
import KubeModel
import Simulation

/// Errors the dashboard reports to the command line.
public struct DashboardError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Headless frames for `switchboard render VIEW`: the same frame the dashboard draws, as text.
public enum Renderer {
    /// Names `render` accepts: every view name and alias, `help`, and `describe`/`yaml` (with an object).
    public static var viewNames: [String] { ViewKind.allCases.flatMap(\.names) + ["help", "describe", "yaml"] }

    /// The frame of `view` (`svc`, `pods`, `endpoints`, `ing`, … or `help`) for a snapshot, as text. With `color`,
    /// ANSI SGR codes from `theme` (default: the default theme) for a 256-colour terminal.
    public static func render(view: String, state: ClusterState, size: (cols: Int, rows: Int), color: Bool,
                              theme: Theme?) throws -> String {
        try render(view: view, state: state, size: size, color: color, theme: theme, namespace: nil)
    }

    /// The same, with the dashboard's namespace (nil: all), a `/` filter, virtual time zero for the header's
    /// elapsed clock and the load counters for the traffic view.
    public static func render(view: String, state: ClusterState, size: (cols: Int, rows: Int), color: Bool,
                              theme: Theme?, namespace: String?, filter: String = "", epoch: Timestamp? = nil,
                              ascii: Bool = false, contextName: String = "switchboard", object: String? = nil,
                              traffic: TrafficFeed = .none) throws -> String {
        var ui = try uiState(view: view, namespace: namespace, object: object, state: state)
        ui.contextName = contextName
        ui.traffic = traffic
        ui.page.filter = filter
        ui.epoch = epoch
        guard (1...2000).contains(size.cols), (1...1000).contains(size.rows) else {
            throw DashboardError("invalid size \(size.cols)x\(size.rows): expected COLSxROWS, e.g. 120x40")
        }
        let frame = renderFrame(state: state, ui: ui, cols: size.cols, rows: size.rows,
                                glyphs: ascii ? .ascii : .unicode)
        if color { return TextBackend.ansi(frame, theme: theme ?? Themes.standard, depth: .palette256) }
        return TextBackend.plain(frame)
    }

    /// The frame for a UI state (tests and tools that drive the dashboard's state directly).
    public static func renderFrame(state: ClusterState, ui: UIState, cols: Int, rows: Int,
                                   glyphs: Glyphs = .unicode) -> Frame {
        Screen.render(state: state, ui: ui, cols: cols, rows: rows, glyphs: glyphs,
                      suggestion: Completion.suggestion(for: ui, state: state)).frame
    }

    /// `svc/api` (kubectl's kind names) in `namespace` (default `default`), which must exist.
    static func objectRef(_ text: String, namespace: String?, state: ClusterState) throws -> ObjectRef {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw DashboardError("invalid object \"\(text)\": expected KIND/NAME, e.g. svc/api")
        }
        guard let type = ResourceType.lookup(parts[0].lowercased()) else {
            throw DashboardError("the server doesn't have a resource type \"\(parts[0])\"")
        }
        let ref = ObjectRef(type: type, namespace: namespace ?? "default", name: parts[1])
        guard state.get(type, ref.key) != nil else {
            let place = type.namespaced ? " in namespace \(ref.namespace)" : ""
            throw DashboardError("\(type.plural) \"\(parts[1])\" not found\(place)")
        }
        return ref
    }

    /// Parses `--size COLSxROWS` (`120x40`).
    public static func parseSize(_ text: String) throws -> (cols: Int, rows: Int) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let cols = Int(parts[0]), let rows = Int(parts[1]), (1...2000).contains(cols),
              (1...1000).contains(rows) else {
            throw DashboardError("invalid size \"\(text)\": expected COLSxROWS, e.g. 120x40")
        }
        return (cols, rows)
    }

    static func uiState(view: String, namespace: String?, object: String? = nil, state: ClusterState? = nil) throws -> UIState {
        let name = view.lowercased()
        if name == "describe" || name == "yaml" {
            guard let object, let state else {
                throw DashboardError("render \(name) needs an object: KIND/NAME, e.g. render \(name) svc/api -n shop")
            }
            let ref = try objectRef(object, namespace: namespace, state: state)
            let base = ViewKind.allCases.first { $0.names.contains(ref.type.plural) || $0.names.contains(ref.type.singular) }
            var ui = UIState(view: base ?? .services, namespace: namespace)
            ui.mode = .document(DocumentPage(kind: name == "describe" ? .describe : .yaml, ref: ref))
            return ui
        }
        if let object { throw DashboardError("unexpected argument \"\(object)\": only describe and yaml take an object") }
        if name == "help" || name == "?" {
            var ui = UIState(view: .services, namespace: namespace)
            ui.mode = .help
            return ui
        }
        guard let kind = ViewKind.named(name) else {
            throw DashboardError("unknown view \"\(view)\"; views: \(ViewKind.allCases.map { $0.names[0] }.joined(separator: ", ")), help")
        }
        return UIState(view: kind, namespace: namespace)
    }
}
