import ClusterStore
import KubeModel
import Simulation

/// A recording opened for playback: the cluster at any moment, reached from the nearest checkpoint.
///
/// Opening decodes every entry once into ready-to-apply steps (objects decoded, patches applied) and keeps a copy of
/// the state every `checkpointEvery` steps, after every `checkpointEvery * 2 / 5` distinct objects changed, and at
/// every keyframe; a seek copies the nearest one before or after the moment (the tables are copy-on-write) and
/// applies or undoes at most half an interval's changes.
public final class Replay: Sendable {
    public struct ActionMark: Sendable, Equatable {
        public var atMs: Int64
        public var text: String
        public var error: String?
        /// Index of the action's entry.
        public var entry: Int
    }

    enum Step: Sendable {
        case put(StepObject)
        /// Takes the object away; holds its last version, whose case names the table.
        case remove(StepObject)
        /// Entries that change nothing (actions, checksums, keyframes, which restate the rolling state).
        case none
    }

    /// An object as a step writes or removes it, and its key, behind one reference: a step is copied to be read,
    /// and what a class holds in `let`s is lent to the store without a reference count (the key read out of a
    /// boxed object was copied, a cache miss on its name).
    final class StepObject: Sendable {
        let object: KubeObject
        let key: ObjectKey
        init(_ object: KubeObject) {
            self.object = object
            key = object.metadata.key
        }

        /// Puts the object into `state`, lending it from here: read into a local first, it was copied whole.
        func write(into state: inout ClusterState, keepingIndexes: Bool) {
            state.restore(object, at: key, keepingIndexes: keepingIndexes)
        }

        func remove(from state: inout ClusterState) {
            state.remove(kindOf: object, at: key)
        }
    }

    public let header: RecordingHeader
    public let warnings: [String]
    public let actions: [ActionMark]
    /// The first and last virtual moment of the recording (ms since the epoch).
    public let startMs: Int64
    public let endMs: Int64
    let steps: [Step]
    /// For every step, the object it changes, numbered densely in order of first appearance (-1: none), so a
    /// seek can find each object's last change without hashing names.
    let slots: [Int32]
    /// For every step, the previous step changing the same object (-1: none since the recording began), so a seek
    /// can also go back from the checkpoint after the moment.
    let previousOfSlot: [Int32]
    let slotCount: Int
    /// For every slot, whether its object's kind is one of `MomentLanes.secondLaneTypes`, written on a second
    /// thread while the rest of the cluster is written on this one.
    let secondLaneSlots: [Bool]
    /// For every step, whether it writes an object over its previous version leaving every index as it is (most
    /// writes are status updates), so playing it puts the object without comparing labels, owner and node.
    let keepsIndexes: [Bool]
    /// Steps whose keyframe replaces the state (the first, and one after each pause), ascending; each has a checkpoint.
    let resets: [Int]
    /// Up to this many steps past a checkpoint, a seek applies every one (see `applyLast`).
    let stepByStepLimit: Int
    let times: [Int64]
    let versions: [Int]
    /// (index of the last step applied, state after it), ascending.
    let checkpoints: [(Int, ClusterState)]
    let epoch: Timestamp
    public let keyframeCount: Int
    /// What the opening built and nothing reads any more: each object's last JSON document and decoded form. Kept
    /// rather than freed, because freeing its million small blocks at once leaves glibc's allocator a backlog of
    /// free chunks that the next allocations, the first seek's, pay to sort: 60 of a 70 ms seek at 10,000 pods.
    private let openingLeftovers: StepBuilder

    public var entryCount: Int { steps.count }
    public var durationMs: Int64 { endMs - startMs }

    /// Opens a file entry by entry, so the parsed lines are never all in memory at once.
    public convenience init(path: String, checkpointEvery: Int = 10_000,
                            stepByStepLimit: Int = Replay.defaultStepByStepLimit) throws(RecordingError) {
        var indexer: Indexer?
        let data = try RecordingReader.contents(path)
        let (header, warnings) = try RecordingReader.stream(data, onHeader: { header in
            indexer = Indexer(epoch: SimulationConfig(seed: header.seed).epoch, checkpointEvery: checkpointEvery)
        }) { (entry: RecordingEntry) throws(RecordingError) in try indexer!.add(entry) }
        self.init(header: header, warnings: warnings, indexer: indexer!, stepByStepLimit: stepByStepLimit)
    }

    public convenience init(_ file: RecordingFile, checkpointEvery: Int = 10_000,
                            stepByStepLimit: Int = Replay.defaultStepByStepLimit) throws(RecordingError) {
        var indexer = Indexer(epoch: SimulationConfig(seed: file.header.seed).epoch, checkpointEvery: checkpointEvery)
        for entry in file.entries { try indexer.add(entry) }
        self.init(header: file.header, warnings: file.warnings, indexer: indexer, stepByStepLimit: stepByStepLimit)
    }

    private init(header: RecordingHeader, warnings: [String], indexer: Indexer, stepByStepLimit: Int) {
        self.stepByStepLimit = stepByStepLimit
        self.header = header
        self.warnings = warnings
        epoch = indexer.builder.epoch
        steps = indexer.steps
        resets = indexer.resets
        slots = indexer.slots
        previousOfSlot = indexer.previousOfSlot
        keepsIndexes = indexer.builder.keepsIndexes
        slotCount = indexer.slotOf.count
        secondLaneSlots = indexer.secondLaneSlots
        checkpoints = indexer.checkpoints
        actions = indexer.actions
        times = indexer.times
        versions = indexer.builder.versions
        keyframeCount = indexer.keyframes
        openingLeftovers = indexer.builder
        startMs = indexer.times.first ?? 0
        endMs = indexer.times.max() ?? 0
    }

    /// Turns entries, in file order, into steps, action marks and checkpoints.
    struct Indexer {
        var builder: StepBuilder
        let checkpointEvery: Int
        var steps: [Step] = []
        var slots: [Int32] = []
        var previousOfSlot: [Int32] = []
        /// Each object's latest step so far, by slot.
        private var lastOfSlot: [Int32] = []
        var slotOf: [ObjectID: Int32] = [:]
        var secondLaneSlots: [Bool] = []
        var times: [Int64] = []
        var checkpoints: [(Int, ClusterState)] = []
        var actions: [ActionMark] = []
        var keyframes = 0
        /// Keyframes that replace the state (the first, and each one after a paused recording), ascending.
        var resets: [Int] = []
        private var sinceCheckpoint = 0
        /// Objects changed since the last checkpoint, each counted once (a slot's count is current when its mark
        /// equals the number of checkpoints): what a seek applies, so a checkpoint also follows every
        /// `checkpointEvery * 2 / 5` of them — while the cluster is created every entry is a new object.
        private var distinctSinceCheckpoint = 0
        private var countedAt: [Int32] = []

        init(epoch: Timestamp, checkpointEvery: Int) {
            builder = StepBuilder(epoch: epoch)
            self.checkpointEvery = checkpointEvery
        }

        private mutating func slot(of step: Step) -> Int32 {
            let type: ResourceType, key: ObjectKey
            switch step {
            case .put(let changed), .remove(let changed): (type, key) = (changed.object.resourceType, changed.key)
            case .none: return -1
            }
            let id = ObjectID(type, key)
            if let slot = slotOf[id] { return slot }
            let slot = Int32(slotOf.count)
            slotOf[id] = slot
            secondLaneSlots.append(MomentLanes.secondLaneTypes.contains(type))
            return slot
        }

        mutating func add(_ entry: RecordingEntry) throws(RecordingError) {
            let i = steps.count
            let step = try builder.step(for: entry)
            steps.append(step)
            let slot = slot(of: step)
            slots.append(slot)
            if slot >= 0 {
                if Int(slot) == lastOfSlot.count { lastOfSlot.append(-1); countedAt.append(-1) }
                if countedAt[Int(slot)] != Int32(checkpoints.count) {
                    countedAt[Int(slot)] = Int32(checkpoints.count)
                    distinctSinceCheckpoint += 1
                }
                previousOfSlot.append(lastOfSlot[Int(slot)])
                lastOfSlot[Int(slot)] = Int32(i)
            } else {
                previousOfSlot.append(-1)
            }
            times.append(entry.atMs)
            sinceCheckpoint += 1
            if case .action(let text, _, let error) = entry.kind {
                actions.append(ActionMark(atMs: entry.atMs, text: text, error: error, entry: i))
            }
            if entry.isKeyframe { keyframes += 1 }
            if entry.isKeyframe, i == 0 || entry.raw["resumed"] == true { resets.append(i) }
            if entry.isKeyframe || sinceCheckpoint >= checkpointEvery
                || distinctSinceCheckpoint >= max(1, checkpointEvery / 5 * 2) {
                checkpoints.append((i, builder.state))
                sinceCheckpoint = 0
                distinctSinceCheckpoint = 0
            }
        }
    }

    /// The cluster after entry `index` (-1: before the first, which is the initial keyframe, so: empty).
    public func state(throughEntry index: Int) -> ClusterState {
        state(throughEntry: index, stepByStepLimit: stepByStepLimit)
    }

    /// As `state(throughEntry:)`, choosing how far past a checkpoint steps are applied one by one (the benchmark
    /// compares `Int.max`, every step, with the default).
    public func state(throughEntry index: Int, stepByStepLimit: Int) -> ClusterState {
        guard index >= 0 else { return ClusterState() }
        let index = min(index, steps.count - 1)
        let best = checkpoints.partitionPoint { $0.0 <= index } - 1
        let from = best >= 0 ? checkpoints[best].0 + 1 : 0
        var state: ClusterState
        if index - from >= stepByStepLimit, best + 1 < checkpoints.count,
           checkpoints[best + 1].0 - index < index - from, !isReset(checkpoints[best + 1].0) {
            state = checkpoints[best + 1].1
            undo(after: index, through: checkpoints[best + 1].0, to: &state)
        } else {
            state = best >= 0 ? checkpoints[best].1 : ClusterState()
            applyLast(from: from, through: index, to: &state, stepByStepLimit: stepByStepLimit)
        }
        state.restore(resourceVersion: versions[index], now: epoch.adding(milliseconds: times[index]))
        return state
    }

    /// The cluster at virtual moment `atMs` (ms since the epoch): every entry up to and including that moment.
    public func state(atMs: Int64) -> ClusterState {
        var state = state(throughEntry: lastEntry(atOrBefore: atMs))
        state.restore(resourceVersion: state.resourceVersion, now: epoch.adding(milliseconds: max(atMs, startMs)))
        return state
    }

    /// The cluster once action `k` and what it caused are done (just before the next action, or at the end).
    public func state(afterAction k: Int) -> ClusterState {
        let next = k + 1 < actions.count ? actions[k + 1].entry - 1 : steps.count - 1
        return state(throughEntry: next)
    }

    /// The last entry at or before `atMs`, or -1.
    public func lastEntry(atOrBefore atMs: Int64) -> Int {
        times.partitionPoint { $0 <= atMs } - 1
    }

    /// Walks the recording once from the start, calling `body` with the cluster at the end of every virtual moment
    /// at which something changed (and at the first moment).
    ///
    /// Nobody sees the cluster inside a moment, so each moment applies only each object's last change in it (found
    /// walking the moment backwards): an object often changes several times in one moment (a pod created,
    /// scheduled and started; an EndpointSlice rewritten per pod). The membership journal then records each
    /// moment's net additions and removals, consistent along this walk but not with other paths, hence a new one.
    public func forEachMoment(_ body: (Int64, ClusterState) throws -> Void) rethrows {
        try forEachMoment(parallelMinimum: MomentLanes.parallelMinimum, body)
    }

    /// `forEachMoment`, splitting between two threads every moment with at least `parallelMinimum` changes on
    /// each side of `MomentLanes` (tests split small moments too); returns how many moments were split.
    @discardableResult
    func forEachMoment(parallelMinimum: Int, _ body: (Int64, ClusterState) throws -> Void) rethrows -> Int {
        let lanes = MomentLanes(self, parallelMinimum: parallelMinimum)
        _ = try walkMoments(lanes: lanes, body)
        return lanes.splitMoments
    }

    /// `forEachMoment`, returning the final cluster (keeping a copy in `body` would make every moment copy the
    /// tables it changes).
    private func walkMoments(lanes: MomentLanes,
                             _ body: (Int64, ClusterState) throws -> Void) rethrows -> ClusterState {
        guard !steps.isEmpty else { return ClusterState() }
        var state = ClusterState()
        // seenIn[slot] == a: the object's last change in the moment starting at step `a` is already taken, and
        // keeps[slot] says whether that change and every earlier one in the moment left the indexes alone.
        var seenIn = [Int](repeating: -1, count: slotCount)
        var keeps = [Bool](repeating: false, count: slotCount)
        var last: [Int] = []
        var nextReset = 0
        var a = 0
        while a < steps.count {
            var b = a
            while b + 1 < steps.count, times[b + 1] == times[a] { b += 1 }
            // A keyframe that replaces the state (step 0 always is one) restarts from its checkpoint.
            var from = a
            var reset = false
            while nextReset < resets.count, resets[nextReset] <= b {
                from = resets[nextReset] + 1
                reset = true
                nextReset += 1
            }
            if reset {
                state = checkpointState(atStep: from - 1)
                state.forgetMembership()
            }
            last.removeAll(keepingCapacity: true)
            var i = b
            while i >= from {
                let slot = Int(slots[i])
                if slot >= 0 {
                    if seenIn[slot] != a {
                        seenIn[slot] = a
                        keeps[slot] = keepsIndexes[i]
                        last.append(i)
                    } else if !keepsIndexes[i] {
                        keeps[slot] = false
                    }
                }
                i -= 1
            }
            lanes.apply(last.reversed(), keeps: keeps, to: &state)
            if reset || !last.isEmpty {
                state.restore(resourceVersion: versions[b], now: epoch.adding(milliseconds: times[b]))
                try body(times[b], state)
            }
            a = b + 1
        }
        return state
    }

    /// The checkpoint taken right after step `index` (every resetting keyframe has one).
    private func checkpointState(atStep index: Int) -> ClusterState {
        checkpoints[min(checkpoints.partitionPoint { $0.0 < index }, checkpoints.count - 1)].1
    }

    /// Applies every step from the start in order, as replay did before `forEachMoment` applied only each moment's
    /// last changes: the benchmark's point of comparison.
    public func applyEveryStep() -> (steps: Int, state: ClusterState) {
        var state = ClusterState()
        for i in steps.indices {
            if resets.contains(i) { state = checkpointState(atStep: i) } else { apply(step: i, to: &state) }
        }
        return (steps.count, state)
    }

    /// Replays every entry from the start, moment by moment as `forEachMoment` does, for the throughput benchmark.
    /// Returns the number of entries processed and the final cluster.
    public func replayAll() -> (steps: Int, state: ClusterState) {
        let final = walkMoments(lanes: MomentLanes(self)) { _, _ in }
        return (steps.count, final)
    }

    /// Steps `from...through` applied to `state` (the state after step `from - 1`). A short run is applied step by
    /// step; a longer one only as each object's last change in it, found walking back, which gives the same objects
    /// for a fraction of the work (an object changes many times between checkpoints). The tables' membership
    /// journals then describe another path, so they start afresh.
    func applyLast(from: Int, through index: Int, to state: inout ClusterState, stepByStepLimit: Int) {
        guard from <= index else { return }
        if index - from < stepByStepLimit {
            for i in from...index { apply(step: i, to: &state) }
            return
        }
        // Before the changes, so they are journaled in a new journal instead of a copy of the checkpoint's.
        state.forgetMembership()
        var seen = [Bool](repeating: false, count: slotCount)
        var last: [Int] = []
        var i = index
        while i >= from {
            let slot = Int(slots[i])
            if slot >= 0, !seen[slot] {
                seen[slot] = true
                last.append(i)
            }
            i -= 1
        }
        for i in last.reversed() { apply(step: i, to: &state) }
    }

    /// Whether step `index` is a keyframe that replaces the state.
    private func isReset(_ index: Int) -> Bool {
        let i = resets.partitionPoint { $0 < index }
        return i < resets.count && resets[i] == index
    }

    /// Takes `state`, the cluster after step `end`, back to the cluster after step `index`: every object changed in
    /// `index + 1 ... end` goes back to its last change at or before `index` (its earlier change's `previousOfSlot`),
    /// or, with none since the keyframe the state started from, to that keyframe's copy (or away, if it had none).
    /// No keyframe in the range replaces the state (the caller checks), so that keyframe is the same at both ends.
    func undo(after index: Int, through end: Int, to state: inout ClusterState) {
        guard index < end else { return }
        let after = resets.partitionPoint { $0 <= index }
        let reset = after > 0 ? resets[after - 1] : -1
        state.forgetMembership()
        var seen = [Bool](repeating: false, count: slotCount)
        var base: ClusterState?
        for j in (index + 1)...end {
            let slot = Int(slots[j])
            guard slot >= 0, !seen[slot] else { continue }
            seen[slot] = true
            let prior = Int(previousOfSlot[j])
            if prior > reset {
                apply(step: prior, to: &state)
                continue
            }
            // Unchanged since the keyframe: as that keyframe had it.
            let (type, key) = identity(of: steps[j])
            if base == nil { base = checkpointState(atStep: max(reset, 0)) }
            if let object = base!.get(type, key) { state.restore(object) } else { state.remove(type, key) }
        }
    }

    private func identity(of step: Step) -> (ResourceType, ObjectKey) {
        switch step {
        case .put(let changed), .remove(let changed): return (changed.object.resourceType, changed.key)
        case .none: preconditionFailure("a step without an object has no slot")
        }
    }

    /// Short runs keep the membership journal continuous, so a dashboard playing forward patches its sorted lists
    /// instead of re-sorting them.
    public static let defaultStepByStepLimit = 256

    func apply(step i: Int, keepingIndexes: Bool = false, to state: inout ClusterState) {
        switch steps[i] {
        case .put(let changed): changed.write(into: &state, keepingIndexes: keepingIndexes)
        case .remove(let changed): changed.remove(from: &state)
        case .none: break
        }
    }

    /// Virtual milliseconds as people read them, relative to the recording's start: `1m30s`.
    public func offset(_ atMs: Int64) -> String { VirtualDuration.format(max(0, atMs - startMs)) }
}

/// Decodes entries into steps in file order, tracking each object's JSON (to apply patches) and the rolling state.
struct StepBuilder {
    let epoch: Timestamp
    var state = ClusterState()
    /// Each object's latest JSON (to apply patches to) and its decoded form (to decode the next version from).
    var known: [ObjectID: (json: JSONValue, object: KubeObject)] = [:]
    var versions: [Int] = []
    /// Per step, as `Replay.keepsIndexes`.
    var keepsIndexes: [Bool] = []
    private var resourceVersion = 0

    init(epoch: Timestamp) { self.epoch = epoch }

    mutating func step(for entry: RecordingEntry) throws(RecordingError) -> Replay.Step {
        if let rv = entry.resourceVersion { resourceVersion = rv }
        var keeps = false
        defer {
            versions.append(resourceVersion)
            keepsIndexes.append(keeps)
        }
        switch entry.kind {
        case .load, .action, .checksum:
            return .none
        case .keyframe(let objects, _):
            // Read from the start, a later keyframe restates the rolling state (`--verify` checks that it does);
            // only the first, or one after a paused recording, says something new.
            if !versions.isEmpty, entry.raw["resumed"] != true { return .none }
            state = ClusterState()
            known = [:]
            for json in objects { _ = try put(json, line: entry.line) }
            state.restore(resourceVersion: resourceVersion, now: epoch.adding(milliseconds: entry.atMs))
            return .none
        case .put(let json):
            return try putStep(json, line: entry.line, keepsIndexes: &keeps)
        case .patch(let id, let patch):
            guard let prior = known[id] else {
                throw .badEntry(line: entry.line, "patch for \(id.description), which the recording never created")
            }
            let json: JSONValue
            do { json = try JSONPatch.apply(patch, to: prior.json) } catch {
                throw .badEntry(line: entry.line, "patch for \(id.description): \(error.message)")
            }
            return try putStep(json, line: entry.line, keepsIndexes: &keeps)
        case .delete(let id):
            guard let prior = known.removeValue(forKey: id) else { return .none }
            // The object's own key, not one made from the entry: the table's key shares its strings, so finding
            // it compares two pointers instead of reading both names.
            let removed = Replay.StepObject(prior.object)
            removed.remove(from: &state)
            return .remove(removed)
        }
    }

    private mutating func putStep(_ json: JSONValue, line: Int,
                                  keepsIndexes: inout Bool) throws(RecordingError) -> Replay.Step {
        let (object, kept) = try put(json, line: line)
        keepsIndexes = kept
        return .put(Replay.StepObject(object))
    }

    /// Decodes and stores one object; returns it, and whether it left every index as its previous version had it.
    private mutating func put(_ json: JSONValue, line: Int) throws(RecordingError) -> (KubeObject, keepsIndexes: Bool) {
        let id = ObjectID(object: json)
        let object: KubeObject
        let previous = id.flatMap { known[$0] }
        do {
            object = try ReusingDecoder.decode(json, previous: previous)
        } catch {
            throw .badEntry(line: line, "\(id?.description ?? "an object"): \(error)")
        }
        guard let id else { throw .badEntry(line: line, "an object without a name") }
        known[id] = (json, object)
        let keepsIndexes = previous.map { state.writeKeepsIndexes(from: $0.object, to: object) } ?? false
        state.restore(object, keepingIndexes: keepsIndexes)
        return (object, keepsIndexes)
    }
}
