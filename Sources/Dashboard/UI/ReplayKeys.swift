import ClusterStore
import KubeModel
import Simulation

/// Keys of the replay dashboard, on top of the ordinary ones: ←/→ previous/next action, `[`/`]` ±10 s, `0`/`$`
/// start/end, `b` branch, `:goto 1m30s`. Keys that would change the cluster explain that a replay is read-only.
extension UIState {
    static let replayJumpMs: Int64 = 10_000

    /// nil: not a replay key, handle it as usual.
    mutating func handleReplayKey(_ key: Key) -> [Effect]? {
        switch key {
        case .left: return [.seek(.previousAction)]
        case .right: return [.seek(.nextAction)]
        case .char("["): return [.seek(.by(-Self.replayJumpMs))]
        case .char("]"): return [.seek(.by(Self.replayJumpMs))]
        case .char("0"): return [.seek(.start)]
        case .char("$"): return [.seek(.end)]
        case .char("b"): return [.branch]
        case .ctrl("k"), .ctrl("d"), .char("s"), .char("+"), .char("="), .char("-"), .char("_"):
            flash = Flash(Self.readOnlyMessage, level: .error)
            return []
        case .ctrl("r"):
            flash = Flash("a replay is not recorded; press b to branch, then record the branch with ctrl-r", level: .error)
            return []
        default: return nil
        }
    }

    /// In a replay nothing may change the cluster: an action from the prompt is refused with the same hint.
    mutating func readOnly(_ effects: [Effect]) -> [Effect] {
        let kept = effects.filter { if case .perform = $0 { false } else { true } }
        if kept.count != effects.count { flash = Flash(Self.readOnlyMessage, level: .error) }
        return kept
    }

    /// `:goto 1m30s` (from the start of the recording).
    mutating func goto(_ text: String) -> [Effect] {
        guard let timeline else {
            flash = Flash(":goto moves through a replay (switchboard replay FILE)", level: .error)
            return []
        }
        guard let offset = try? VirtualDuration.parse(text) else {
            flash = Flash("goto: expected a time from the start, e.g. :goto 1m30s", level: .error)
            return []
        }
        flash = Flash("goto \(VirtualDuration.format(offset))")
        return [.seek(.to(timeline.startMs + offset))]
    }

    static let readOnlyMessage = "a replay is read-only: press b to branch into a live simulation from this moment"
}
