import ClusterStore
import Dashboard
import KubeModel
import Recording
import Simulation

/// `switchboard --record FILE`: hands the dashboard's actions and the changes they and time cause to a recorder,
/// on the simulator's thread (the only thread that calls it). A write error stops recording, never the session.
final class SessionRecorder: SessionRecording, @unchecked Sendable {
    private let recorder: Recorder
    private(set) var isRecording = true
    private var failure: String?

    init(recorder: Recorder) { self.recorder = recorder }

    func performed(_ action: Action, atMs: Int64, error: String?, simulator: inout Simulator) {
        guard isRecording else { return }
        var documents: [KubeObject]?
        if case .apply(let path) = action, error == nil { documents = try? Simulator.documents(forApply: path) }
        attempt(&simulator) { sim throws(RecordingError) in
            try recorder.record(action, atMs: atMs, documents: documents, error: error, simulator: &sim)
        }
    }

    func advanced(simulator: inout Simulator) {
        guard isRecording else { return }
        attempt(&simulator) { sim throws(RecordingError) in try recorder.flushChanges(&sim) }
    }

    func setRecording(_ on: Bool, simulator: inout Simulator) -> String {
        if let failure { return "recording stopped: \(failure)" }
        if on == isRecording { return on ? "recording" : "recording paused" }
        attempt(&simulator) { sim throws(RecordingError) in
            if on { try recorder.resume(&sim) } else { try recorder.pause(&sim) }
        }
        isRecording = on && failure == nil
        return failure.map { "recording stopped: \($0)" } ?? (on ? "recording resumed" : "recording paused (R resumes)")
    }

    private func attempt(_ simulator: inout Simulator, _ body: (inout Simulator) throws(RecordingError) -> Void) {
        do { try body(&simulator) } catch {
            failure = error.description
            isRecording = false
            simulator.recordChanges = false
        }
    }
}
