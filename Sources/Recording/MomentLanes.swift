import ClusterStore
import Dispatch
import KubeModel

/// Applies a replayed moment's changes on two threads: pods on one, events, endpoints and workloads on the other.
///
/// Events are half of a busy cluster's changes (each pod's life writes a dozen, and as many old ones are deleted),
/// and tables share nothing, so a moment's changes to different tables can be written at once. A moment too small
/// to repay the hand-over is applied on the calling thread.
final class MomentLanes {
    private let replay: Replay
    /// Holds the state's tables of `secondLaneTypes` while a moment is applied, written only by the second lane.
    private let side = SideState()
    private var second: [Int] = []
    private var first: [Int] = []
    /// Below this many changes in either half, a moment is applied on one thread.
    let parallelMinimum: Int
    /// Moments applied on two threads so far.
    private(set) var splitMoments = 0

    /// Handing a moment to the other thread and back costs some tens of microseconds; a busy cluster's moment
    /// (a virtual second) holds hundreds of changes.
    static let parallelMinimum = 32

    /// The kinds the second thread writes; the first writes pods and the rest. Timed per thread on a recording of
    /// a 10,000-pod cluster with churn, events alone took three fifths of the time of everything else (pods
    /// mostly); with events and endpoints the second lane took seven tenths of the first's; with the workloads too
    /// the two are even.
    static let secondLaneTypes: [ResourceType] = [.event, .endpointSlice, .endpoints, .deployment, .replicaSet]

    init(_ replay: Replay, parallelMinimum: Int = MomentLanes.parallelMinimum) {
        self.replay = replay
        self.parallelMinimum = parallelMinimum
    }

    /// Applies `moment`, steps in order with each object changed once, to `state`; `keeps` is indexed by slot.
    func apply(_ moment: ReversedCollection<[Int]>, keeps: [Bool], to state: inout ClusterState) {
        second.removeAll(keepingCapacity: true)
        first.removeAll(keepingCapacity: true)
        for i in moment {
            if replay.secondLaneSlots[Int(replay.slots[i])] { second.append(i) } else { first.append(i) }
        }
        guard min(second.count, first.count) >= max(1, parallelMinimum) else {
            for i in moment { Self.apply(replay, i, keeps, to: &state) }
            return
        }
        splitMoments += 1
        state.exchangeTables(of: Self.secondLaneTypes, with: &side.state)
        let (replay, side, first, second) = (replay, side, first, second)
        withUnsafeMutablePointer(to: &state) { pointer in
            let rest = StatePointer(pointer)
            DispatchQueue.concurrentPerform(iterations: 2) { lane in
                if lane == 0 {
                    for i in first { Self.apply(replay, i, keeps, to: &rest.pointer.pointee) }
                } else {
                    for i in second { Self.apply(replay, i, keeps, to: &side.state) }
                }
            }
        }
        state.exchangeTables(of: Self.secondLaneTypes, with: &side.state)
    }

    private static func apply(_ replay: Replay, _ step: Int, _ keeps: [Bool], to state: inout ClusterState) {
        replay.apply(step: step, keepingIndexes: keeps[Int(replay.slots[step])], to: &state)
    }

    /// A state the second lane writes alone; read again once `concurrentPerform` has returned, which orders the
    /// lane's writes before that read.
    private final class SideState: @unchecked Sendable {
        var state = ClusterState()
    }

    /// The state being replayed, lent to the other lane for the duration of one `concurrentPerform`, during which
    /// nothing else touches it and the first lane writes only the tables not lent to the second.
    private struct StatePointer: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<ClusterState>
        init(_ pointer: UnsafeMutablePointer<ClusterState>) { self.pointer = pointer }
    }
}
