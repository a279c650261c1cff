import ClusterStore
import KubeModel
import Simulation

/// A headless session (`switchboard record`): load the manifests, settle, then each action in turn, all recorded.
public struct ScriptedSession: Sendable {
    public var manifests: [KubeObject]
    public var seed: UInt64
    public var settle: Bool
    public var actions: [Action]
    public var policy: RecordingPolicy

    public init(manifests: [KubeObject], seed: UInt64 = SimulationConfig().seed, settle: Bool = true,
                actions: [Action] = [], policy: RecordingPolicy = RecordingPolicy()) {
        self.manifests = manifests
        self.seed = seed
        self.settle = settle
        self.actions = actions
        self.policy = policy
    }

    public enum Failure: Error {
        case rejected([APIError])
        case action(Action, Error)
    }

    /// Records the session into `sink`. On a rejected manifest or action the recording stops there (what was
    /// written stays a valid recording) and the failure is thrown. Returns the simulator as the session left it.
    @discardableResult
    public func record(to sink: RecordingSink, createdAt: String) throws -> Simulator {
        var sim = Simulator(config: SimulationConfig(seed: seed))
        let header = RecordingHeader(seed: seed, speed: 1, createdAt: createdAt, policy: policy,
                                     manifests: manifests.map { $0.json() })
        let recorder = try Recorder(header: header, sink: sink, simulator: &sim)
        let rejected = try recorder.load(manifests, into: &sim)
        if !rejected.isEmpty { throw Failure.rejected(rejected) }
        if settle { try recorder.perform(.settle, on: &sim) }
        for action in actions {
            do { try recorder.perform(action, on: &sim) } catch { throw Failure.action(action, error) }
        }
        return sim
    }
}
