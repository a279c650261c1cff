import Simulation

/// How `switchboard` (the dashboard) starts.
public struct DashboardOptions: Sendable {
    /// nil: the default theme. Colour is dropped anyway when NO_COLOR is set or the terminal has none.
    public var theme: Theme?
    /// Virtual seconds per wall-clock second (0.25 … 16).
    public var speed: Double
    public var paused: Bool
    /// Shows REC in the header.
    public var recording: Bool
    /// The cluster's name in the header.
    public var contextName: String
    /// The first view (a name or alias, e.g. `svc`); nil: Services.
    public var view: String?
    /// The first namespace; nil: all namespaces.
    public var namespace: String?
    /// Called on the simulator thread after each action the dashboard applied (for a recorder), with the virtual
    /// time in milliseconds since the start.
    public var onAction: (@Sendable (Action, Int64) -> Void)?
    /// Records the session (`--record FILE`); ctrl-r pauses and resumes it.
    public var recorder: SessionRecording?

    public init(theme: Theme? = nil, speed: Double = 1, paused: Bool = false, recording: Bool = false,
                contextName: String = "switchboard", view: String? = nil, namespace: String? = nil,
                onAction: (@Sendable (Action, Int64) -> Void)? = nil, recorder: SessionRecording? = nil) {
        self.recorder = recorder
        self.theme = theme
        self.speed = speed
        self.paused = paused
        self.recording = recording
        self.contextName = contextName
        self.view = view
        self.namespace = namespace
        self.onAction = onAction
    }
}
