import ClusterStore
import KubeModel
import Simulation

/// `b` in the replay dashboard: a live simulator at a moment of a recording, continuing the recorded seed stream.
/// Re-simulates from the header (fast: the simulator is what made the file) and stops at the moment; an action
/// still running then (`settle`, `advance`) is cut short there, which is the same as advancing to it.
public enum ReplayBranch {
    public struct GapError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func simulator(_ file: RecordingFile, atMs: Int64) throws -> Simulator {
        // After a paused recording the file lacks what happened in the gap: a re-simulation would be another cluster.
        if let gap = file.entries.first(where: { $0.atMs <= atMs && $0.isKeyframe && $0.raw["resumed"] == true }) {
            throw GapError(description: "the recording was paused before \(VirtualDuration.format(gap.atMs)) (line \(gap.line)); branch from a moment before that")
        }
        var sim = Simulator(config: SimulationConfig(seed: file.header.seed))
        for entry in file.entries where entry.atMs <= atMs {
            if entry.atMs > sim.elapsedMs { sim.advance(byMs: entry.atMs - sim.elapsedMs) }
            switch entry.kind {
            case .load:
                sim.load(try file.header.manifests.map(ReplayVerifier.decodeManifest))
            case .action(let text, let documents, _):
                let action = try ActionParser.parse(text)
                switch action {
                case .settle:
                    // Settling stops early at the moment if the recording shows it was still busy then.
                    let limit = atMs - sim.elapsedMs
                    var probe = sim
                    probe.settle()
                    if probe.elapsedMs > atMs { sim.advance(byMs: limit) } else { sim = probe }
                case .advance(let ms):
                    sim.advance(byMs: min(ms, atMs - sim.elapsedMs))
                case .apply:
                    try? sim.applyDocuments(try (documents ?? []).map(ReplayVerifier.decodeManifest))
                default:
                    try? sim.perform(action)
                }
            default:
                break
            }
        }
        if atMs > sim.elapsedMs { sim.advance(byMs: atMs - sim.elapsedMs) }
        return sim
    }
}
