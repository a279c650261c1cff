import ClusterStore
import Dispatch

/// Applies a replayed moment's changes on two threads: the events on one, everything else on the other.
///
/// Events are half of a busy cluster's changes (each pod's life writes a dozen, and as many old ones are deleted),
/// and the events table shares nothing with the others, so the two halves of a moment can be written at once. A
/// moment too small to repay the hand-over is applied on the calling thread.
final class MomentLanes {
    private let replay: Replay
    /// Holds the state's events table while a moment is applied, written only by the events lane.
    private let side = SideState()
    private var events: [Int] = []
    private var others: [Int] = []
    /// Below this many changes in either half, a moment is applied on one thread.
    let parallelMinimum: Int
    /// Moments applied on two threads so far.
    private(set) var splitMoments = 0

    /// Handing a moment to the other thread and back costs some tens of microseconds; a busy cluster's moment
    /// (a virtual second) holds hundreds of changes.
    static let parallelMinimum = 32

    init(_ replay: Replay, parallelMinimum: Int = MomentLanes.parallelMinimum) {
        self.replay = replay
        self.parallelMinimum = parallelMinimum
    }

    /// Applies `moment`, steps in order with each object changed once, to `state`; `keeps` is indexed by slot.
    func apply(_ moment: ReversedCollection<[Int]>, keeps: [Bool], to state: inout ClusterState) {
        events.removeAll(keepingCapacity: true)
        others.removeAll(keepingCapacity: true)
        for i in moment {
            if replay.eventSlots[Int(replay.slots[i])] { events.append(i) } else { others.append(i) }
        }
        guard min(events.count, others.count) >= max(1, parallelMinimum) else {
            for i in moment { Self.apply(replay, i, keeps, to: &state) }
            return
        }
        splitMoments += 1
        state.exchangeEvents(with: &side.state)
        let (replay, side, events, others) = (replay, side, events, others)
        withUnsafeMutablePointer(to: &state) { pointer in
            let rest = StatePointer(pointer)
            DispatchQueue.concurrentPerform(iterations: 2) { lane in
                if lane == 0 {
                    for i in others { Self.apply(replay, i, keeps, to: &rest.pointer.pointee) }
                } else {
                    for i in events { Self.apply(replay, i, keeps, to: &side.state) }
                }
            }
        }
        state.exchangeEvents(with: &side.state)
    }

    private static func apply(_ replay: Replay, _ step: Int, _ keeps: [Bool], to state: inout ClusterState) {
        replay.apply(step: step, keepingIndexes: keeps[Int(replay.slots[step])], to: &state)
    }

    /// A state the events lane writes alone; read again once `concurrentPerform` has returned, which orders the
    /// lane's writes before that read.
    private final class SideState: @unchecked Sendable {
        var state = ClusterState()
    }

    /// The state being replayed, lent to the other lane for the duration of one `concurrentPerform`, during which
    /// nothing else touches it and that lane writes only its tables other than events.
    private struct StatePointer: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<ClusterState>
        init(_ pointer: UnsafeMutablePointer<ClusterState>) { self.pointer = pointer }
    }
}
