import ClusterStore
import Foundation
import KubeModel
import Simulation

/// Runs the simulator on its own thread, advancing virtual time with the wall clock × speed (pausable), applying
/// actions sent from the UI, and publishing snapshots behind a lock; each publication wakes the UI through the pipe.
/// The simulator value is only ever touched by that thread.
final class SimulationRunner: ClusterSource, @unchecked Sendable {
    typealias Command = SourceCommand
    typealias Published = SourceUpdate

    /// How often virtual time moves while running, in wall-clock seconds.
    static let tick = 0.05
    /// At most this much virtual time per step, so a slow step cannot snowball.
    static let maxStepMs: Int64 = 5000

    private let mailbox: SourceMailbox
    private var simulator: Simulator
    private var paused: Bool
    private var speed: Double
    private let pipe: WakePipe
    private let onAction: (@Sendable (Action, Int64) -> Void)?
    private let recorder: SessionRecording?

    init(simulator: Simulator, paused: Bool, speed: Double, pipe: WakePipe,
         onAction: (@Sendable (Action, Int64) -> Void)?, recorder: SessionRecording? = nil) {
        self.simulator = simulator
        self.paused = paused
        self.speed = speed
        self.pipe = pipe
        self.onAction = onAction
        self.recorder = recorder
        mailbox = SourceMailbox(Published(state: simulator.snapshot, elapsedMs: simulator.elapsedMs, messages: [], generation: 0,
                              recording: recorder?.isRecording ?? false,
                              traffic: .counters(simulator.traffic, elapsedMs: simulator.elapsedMs)))
    }

    func shutdown() { _ = stop() }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "switchboard-simulator"
        thread.start()
    }

    func send(_ command: Command) { mailbox.send(command) }

    /// The newest snapshot; its messages are handed over once.
    func take() -> Published { mailbox.take() }

    /// Stops the thread and returns the simulator as it ended.
    func stop() -> Simulator {
        mailbox.stop()
        return simulator
    }

    private func loop() {
        var lastWall = DispatchTime.now().uptimeNanoseconds
        var carryMs = 0.0
        var lastSecond = simulator.elapsedMs / 1000
        var warningsSeen = simulator.warnings.count
        while true {
            guard let commands = mailbox.receive(waitingUpTo: paused ? 3600 : Self.tick) else { return }

            var messages: [Flash] = []
            var trace: Trace?
            let hadCommands = !commands.isEmpty
            for command in commands {
                switch command {
                case .perform(let action):
                    let atMs = simulator.elapsedMs
                    do {
                        try simulator.perform(action)
                        onAction?(action, simulator.elapsedMs)
                        recorder?.performed(action, atMs: atMs, error: nil, simulator: &simulator)
                    } catch {
                        messages.append(Flash("\(action): \(error)", level: .error))
                        recorder?.performed(action, atMs: atMs, error: String(describing: error), simulator: &simulator)
                    }
                case .setPaused(let p): paused = p
                case .setSpeed(let s): speed = s
                case .toggleRecording:
                    if let recorder {
                        messages.append(Flash(recorder.setRecording(!recorder.isRecording, simulator: &simulator)))
                    } else {
                        messages.append(Flash("not recording: start with --record FILE to record a session",
                                              level: .error))
                    }
                case .seek:
                    messages.append(Flash("seeking works in a replay (switchboard replay FILE)", level: .error))
                case .trace(let url):
                    do {
                        // On a copy: the trace draws from the traffic random stream, which the real load keeps.
                        var probe = simulator
                        trace = probe.trace(try HTTPRequest.parse(url))
                    } catch {
                        messages.append(Flash("trace: \(error)", level: .error))
                    }
                }
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if !paused {
                carryMs += Double(now &- lastWall) / 1_000_000 * speed
                let step = min(Self.maxStepMs, Int64(carryMs))
                carryMs = min(carryMs - Double(step), Double(Self.maxStepMs))
                if step > 0 {
                    simulator.advance(byMs: step)
                    recorder?.advanced(simulator: &simulator)
                }
            }
            lastWall = now
            if simulator.warnings.count > warningsSeen {
                messages += simulator.warnings[warningsSeen...].map { Flash($0) }
                warningsSeen = simulator.warnings.count
            }
            let second = simulator.elapsedMs / 1000
            let state = simulator.snapshot
            let published = mailbox.publish { current in
                guard hadCommands || state.resourceVersion != current.state.resourceVersion || second != lastSecond
                        || !messages.isEmpty else { return nil }
                return Published(state: state, elapsedMs: simulator.elapsedMs, messages: messages, generation: 0,
                                 recording: recorder?.isRecording ?? false,
                                 traffic: .counters(simulator.traffic, elapsedMs: simulator.elapsedMs), trace: trace)
            }
            lastSecond = second
            if published { pipe.wake() }
        }
    }
}
