import ClusterStore
import KubeModel
import Simulation

/// Records a session as it happens: the owner performs actions on its simulator and hands each one, and the
/// change batches it caused, to the recorder. Used from the simulator's thread only.
public final class Recorder {
    public let header: RecordingHeader
    private let sink: RecordingSink
    private var encoder: EntryEncoder
    public private(set) var entries = 0

    /// Writes the header and a keyframe of `simulator`'s state, and switches on its change recording.
    public init(header: RecordingHeader, sink: RecordingSink, simulator: inout Simulator) throws(RecordingError) {
        self.header = header
        self.sink = sink
        encoder = EntryEncoder(policy: header.policy)
        simulator.recordChanges = true
        _ = simulator.takeRecordedChanges()
        try sink.write(bytes: CanonicalJSON.bytes(header.json()))
        try emit(encoder.keyframe(simulator.snapshot, atMs: simulator.elapsedMs))
    }

    /// Loads the header's manifests into `simulator` and records it. Returns the rejections.
    @discardableResult
    public func load(_ objects: [KubeObject], into simulator: inout Simulator) throws(RecordingError) -> [APIError] {
        let atMs = simulator.elapsedMs
        let rejected = simulator.load(objects)
        try emit(encoder.load(atMs: atMs, errors: rejected.map(\.message)))
        try flushChanges(&simulator)
        return rejected
    }

    /// Performs `action` on `simulator` and records it with the changes it caused; an action the cluster rejects
    /// is recorded with its error (a replay expects the same rejection), then rethrown. `apply -f` reads its file
    /// now and the recording keeps the documents; a re-simulation passes them back as `documents`.
    public func perform(_ action: Action, documents given: [KubeObject]? = nil, on simulator: inout Simulator) throws {
        let atMs = simulator.elapsedMs
        var documents: [KubeObject]?
        var failure: Error?
        do {
            if case .apply(let path) = action {
                let docs = try given ?? Simulator.documents(forApply: path)
                documents = docs
                try simulator.applyDocuments(docs)
            } else {
                try simulator.perform(action)
            }
        } catch {
            failure = error
        }
        try emit(encoder.action(action.description, atMs: atMs, documents: documents,
                                error: failure.map { String(describing: $0) }))
        try flushChanges(&simulator)
        try markTime(simulator)
        if let failure { throw failure }
    }

    /// Records an action someone else performed (the dashboard's runner), with its changes.
    public func record(_ action: Action, atMs: Int64, documents: [KubeObject]? = nil, error: String? = nil,
                       simulator: inout Simulator) throws(RecordingError) {
        try emit(encoder.action(action.description, atMs: atMs, documents: documents, error: error))
        try flushChanges(&simulator)
        try markTime(simulator)
    }

    /// An action that let time pass without a change (`advance 5s` on a quiet cluster) still ends later: a
    /// checksum at the new moment keeps the recording's duration true.
    private func markTime(_ simulator: Simulator) throws(RecordingError) {
        guard simulator.elapsedMs > encoder.lastMoment else { return }
        encoder.advance(to: simulator.elapsedMs)
        try emit(encoder.checkpoint())
    }

    /// Records the changes made since the last call (time passing, timers firing) without an action.
    public func flushChanges(_ simulator: inout Simulator) throws(RecordingError) {
        var wrote = false
        for batch in simulator.takeRecordedChanges() {
            for line in encoder.changes(batch) { try emit(line); wrote = true }
        }
        if wrote { try emit(encoder.checkpoint()) }
    }

    /// Stops keeping changes (recording paused): nothing is written until `resume`.
    public func pause(_ simulator: inout Simulator) throws(RecordingError) {
        try flushChanges(&simulator)
        simulator.recordChanges = false
    }

    /// Resumes after a pause with a keyframe marked `resumed`: a replay jumps over the gap, a re-simulation cannot.
    public func resume(_ simulator: inout Simulator) throws(RecordingError) {
        simulator.recordChanges = true
        _ = simulator.takeRecordedChanges()
        try emit(encoder.keyframe(simulator.snapshot, atMs: simulator.elapsedMs, resumed: true))
    }

    private func emit(_ line: [UInt8]) throws(RecordingError) {
        try sink.write(bytes: line)
        entries += 1
    }
}
