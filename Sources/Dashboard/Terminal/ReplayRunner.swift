import ClusterStore
import Foundation
import KubeModel
import Simulation

/// Plays a recording: the position moves with the wall clock × speed while playing, seeks jump, and every
/// publication is the recorded cluster at the position. Read-only: actions are refused with a hint to branch.
final class ReplayRunner: ClusterSource, @unchecked Sendable {
    static let tick = 0.05

    private let timeline: ReplayTimeline
    private let pipe: WakePipe
    private let mailbox: SourceMailbox
    // Owned by the runner's thread.
    private var position: Int64
    private var playing: Bool
    private var speed: Double
    /// The cluster last published.
    private var shown: ClusterState

    init(timeline: ReplayTimeline, playing: Bool, speed: Double, pipe: WakePipe) {
        self.timeline = timeline
        self.pipe = pipe
        self.playing = playing
        self.speed = speed
        position = timeline.startMs
        shown = timeline.state(atMs: timeline.startMs)
        var first = SourceUpdate(state: shown, elapsedMs: timeline.startMs, messages: [], generation: 0)
        first.timeline = Self.status(timeline, position: position, playing: playing, speed: speed)
        mailbox = SourceMailbox(first)
    }

    private static func status(_ timeline: ReplayTimeline, position: Int64, playing: Bool,
                               speed: Double) -> TimelineStatus {
        TimelineStatus(positionMs: position, startMs: timeline.startMs, endMs: timeline.endMs, playing: playing,
                       speed: speed, marks: timeline.marks)
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "switchboard-replay"
        thread.start()
    }

    func send(_ command: SourceCommand) { mailbox.send(command) }

    func take() -> SourceUpdate { mailbox.take() }

    func shutdown() { mailbox.stop() }

    /// Where a seek lands, clamped to the recording.
    static func target(_ seek: SeekTarget, from position: Int64, start: Int64, end: Int64,
                       marks: [TimelineMark]) -> Int64 {
        let t: Int64
        switch seek {
        case .start: t = start
        case .end: t = end
        case .to(let ms): t = ms
        case .by(let ms): t = position + ms
        case .nextAction: t = marks.first { $0.atMs > position }?.atMs ?? end
        case .previousAction: t = marks.last { $0.atMs < position }?.atMs ?? start
        }
        return min(max(t, start), end)
    }

    private func loop() {
        var lastWall = DispatchTime.now().uptimeNanoseconds
        var carryMs = 0.0
        var shownPosition = position
        var cached = shown
        while true {
            guard let commands = mailbox.receive(waitingUpTo: playing ? Self.tick : 3600) else { return }

            var messages: [Flash] = []
            var trace: Trace?
            var changed = !commands.isEmpty
            var jumped = false
            for command in commands {
                switch command {
                case .perform:
                    messages.append(Flash(ReplayRunner.readOnly, level: .error))
                case .setPaused(let p):
                    playing = !p
                    if playing, position >= timeline.endMs { position = timeline.startMs; jumped = true }
                case .setSpeed(let s): speed = s
                case .seek(let seek):
                    position = Self.target(seek, from: position, start: timeline.startMs, end: timeline.endMs,
                                           marks: timeline.marks)
                    jumped = true
                case .toggleRecording:
                    messages.append(Flash("a replay is not recorded; press b to branch and record that", level: .error))
                case .trace(let url):
                    // The recorded cluster at this moment, as a throwaway live simulator: the replay itself is
                    // unchanged.
                    do {
                        let request = try HTTPRequest.parse(url)
                        var probe = try timeline.branch(atMs: position)
                        trace = probe.trace(request)
                    } catch {
                        messages.append(Flash("trace: \(error)", level: .error))
                    }
                }
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if playing, !jumped {
                carryMs += Double(now &- lastWall) / 1_000_000 * speed
                let step = Int64(carryMs)
                carryMs -= Double(step)
                position = min(timeline.endMs, position + step)
                if position >= timeline.endMs {
                    playing = false
                    messages.append(Flash("end of the recording: 0 goes back to the start, b branches from here"))
                    changed = true
                }
            }
            lastWall = now
            if position != shownPosition {
                // A new cluster only when time crossed an entry; otherwise the clock alone moves.
                let next = timeline.state(atMs: position)
                if next.resourceVersion != cached.resourceVersion || jumped { cached = next }
                cached.restoreClock(to: next.now)
                if position / 1000 != shownPosition / 1000 || jumped { changed = true }
                if next.resourceVersion != shown.resourceVersion { changed = true }
                shownPosition = position
            }
            guard changed else { continue }
            var update = SourceUpdate(state: cached, elapsedMs: position, messages: messages, generation: 0)
            update.timeline = Self.status(timeline, position: position, playing: playing, speed: speed)
            update.trace = trace
            _ = mailbox.publish { _ in update }
            shown = cached
            pipe.wake()
        }
    }

    static let readOnly = "a replay is read-only: press b to branch into a live simulation from this moment"
}

extension ClusterState {
    /// Moves only the clock (ages in the views), keeping every object.
    mutating func restoreClock(to now: Timestamp) { restore(resourceVersion: resourceVersion, now: now) }
}
