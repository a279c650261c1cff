import ClusterStore
import Simulation

/// Where the dashboard's cluster comes from: the live simulator (`SimulationRunner`) or a recording
/// (`ReplayRunner`). Each runs on its own thread, takes commands from the UI and publishes snapshots, waking the UI
/// through the pipe. Views never know which one they draw.
protocol ClusterSource: AnyObject, Sendable {
    func start()
    func send(_ command: SourceCommand)
    /// The newest publication; its messages are handed over once.
    func take() -> SourceUpdate
    /// Stops the thread.
    func shutdown()
}

enum SourceCommand: Sendable {
    case perform(Action)
    case setPaused(Bool)
    case setSpeed(Double)
    case seek(SeekTarget)
    case toggleRecording
    /// Trace one request to the URL through the cluster as it is now.
    case trace(String)
}

struct SourceUpdate: Sendable {
    var state: ClusterState
    var elapsedMs: Int64
    /// Results of actions and simulator warnings since the last publication.
    var messages: [Flash]
    /// Increases with every publication.
    var generation: Int
    /// Whether a recorder is writing (REC in the header).
    var recording = false
    /// Where a replay stands; nil for a live cluster.
    var timeline: TimelineStatus?
    /// The load counters (a replay has none).
    var traffic: TrafficFeed = .replay
    /// The result of a `.trace` command; handed over once, like the messages.
    var trace: Trace?
}

/// A replay's position for the timeline bar.
public struct TimelineStatus: Sendable, Hashable {
    public var positionMs: Int64
    public var startMs: Int64
    public var endMs: Int64
    public var playing: Bool
    public var speed: Double
    public var marks: [TimelineMark]

    public init(positionMs: Int64, startMs: Int64, endMs: Int64, playing: Bool, speed: Double, marks: [TimelineMark]) {
        self.positionMs = positionMs
        self.startMs = startMs
        self.endMs = endMs
        self.playing = playing
        self.speed = speed
        self.marks = marks
    }
}

/// An action in a recording, at its moment.
public struct TimelineMark: Sendable, Hashable {
    public var atMs: Int64
    public var text: String
    public init(atMs: Int64, text: String) {
        self.atMs = atMs
        self.text = text
    }
}

/// Where a seek goes.
public enum SeekTarget: Sendable, Hashable {
    case start, end
    case to(Int64)
    case by(Int64)
    case previousAction, nextAction
}

/// A recording as the replay dashboard needs it; the `Recording` module's replay provides it (wired in the
/// executable), so the dashboard does not depend on the file format.
public protocol ReplayTimeline: Sendable {
    var startMs: Int64 { get }
    var endMs: Int64 { get }
    var marks: [TimelineMark] { get }
    /// The cluster at a virtual moment (ms since the epoch).
    func state(atMs: Int64) -> ClusterState
    /// A live simulator at that moment, continuing the recorded seed stream.
    func branch(atMs: Int64) throws -> Simulator
}

/// Records an interactive session. Called on the simulator's thread only.
public protocol SessionRecording: AnyObject, Sendable {
    var isRecording: Bool { get }
    /// After an action was performed (or rejected, with `error`).
    func performed(_ action: Action, atMs: Int64, error: String?, simulator: inout Simulator)
    /// After virtual time moved.
    func advanced(simulator: inout Simulator)
    /// Pauses or resumes recording; returns the message to flash.
    func setRecording(_ on: Bool, simulator: inout Simulator) -> String
}
