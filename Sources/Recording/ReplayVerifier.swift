import ClusterStore
import KubeModel
import Simulation

/// `replay FILE --verify`: re-simulates a recording from its header (manifests, seed) and its actions, at their
/// recorded times, and checks that every change comes out the same and every checksum matches the state.
public enum ReplayVerifier {
    public struct Report: Sendable, Equatable {
        public var entries: Int
        public var checksums: Int
        /// Nil when everything matched; otherwise the first divergence, naming the moment and the object.
        public var divergence: String?
    }

    public static func verify(_ file: RecordingFile) throws -> Report {
        let resim = try resimulate(file)
        var tracker = ChecksumTracker()
        var checksums = 0
        var expected = resim.makeIterator()
        var lastLine = 0
        for entry in file.entries {
            lastLine = entry.line
            let moment = VirtualDuration.format(entry.atMs)
            switch entry.kind {
            case .checksum(let sum, let count):
                checksums += 1
                if sum != tracker.checksum.hex || count != tracker.checksum.objects {
                    return Report(entries: file.entries.count, checksums: checksums, divergence:
                        "checksum at \(moment) (line \(entry.line)) does not match the state: recorded \(sum) for \(count) objects, "
                        + "re-simulated \(tracker.checksum.hex) for \(tracker.checksum.objects); every change before it matched, so the checksum line was edited")
                }
                continue
            case .keyframe(let objects, let sum):
                checksums += 1
                if entry.raw["resumed"] == true {
                    return Report(entries: file.entries.count, checksums: checksums, divergence:
                        "recording was paused before \(moment) (line \(entry.line)): the actions in the gap are not in the file, so it can be verified only up to there")
                }
                if entry.line > 2 || tracker.isEmpty {
                    if !tracker.isEmpty, let mismatch = tracker.firstDifference(fromKeyframe: objects) {
                        return Report(entries: file.entries.count, checksums: checksums, divergence:
                            "keyframe at \(moment) (line \(entry.line)) differs from the state in \(mismatch)")
                    }
                    tracker.reset(to: objects)
                }
                if sum != tracker.checksum.hex {
                    return Report(entries: file.entries.count, checksums: checksums, divergence:
                        "keyframe checksum at \(moment) (line \(entry.line)) does not match its objects: recorded \(sum), computed \(tracker.checksum.hex)")
                }
                if entry.line == 2 {
                    // The initial state is the simulator's own before anything happened: compare it too.
                    guard let first = expected.next(), case .keyframe(let simObjects, _) = first.kind else { continue }
                    if let mismatch = ChecksumTracker(objects: simObjects).firstDifference(fromKeyframe: objects) {
                        return Report(entries: file.entries.count, checksums: checksums, divergence:
                            "the initial keyframe (line \(entry.line)) differs from a fresh simulation in \(mismatch)")
                    }
                }
                continue
            default:
                break
            }
            guard let sim = expected.next() else {
                return Report(entries: file.entries.count, checksums: checksums, divergence:
                    "diverged at \(moment) (line \(entry.line)): the recording has \(describe(entry)), re-simulation has nothing more")
            }
            if sim.raw != entry.raw {
                return Report(entries: file.entries.count, checksums: checksums, divergence:
                    "diverged at \(moment) (line \(entry.line)): \(difference(recorded: entry, resimulated: sim))")
            }
            tracker.apply(entry)
        }
        if let extra = expected.next() {
            return Report(entries: file.entries.count, checksums: checksums, divergence:
                "diverged at \(VirtualDuration.format(extra.atMs)) (after line \(lastLine)): re-simulation goes on with \(describe(extra)), the recording ends")
        }
        return Report(entries: file.entries.count, checksums: checksums, divergence: nil)
    }

    /// The re-simulation's entries without checksums (where they fall depends on how time was cut into steps,
    /// which an interactive session decides), but with the initial keyframe first.
    static func resimulate(_ file: RecordingFile) throws -> [RecordingEntry] {
        let header = file.header
        var sim = Simulator(config: SimulationConfig(seed: header.seed))
        let sink = MemorySink()
        let recorder = try Recorder(header: header, sink: sink, simulator: &sim)
        for entry in file.entries {
            if entry.atMs > sim.elapsedMs {
                sim.advance(byMs: entry.atMs - sim.elapsedMs)
                try recorder.flushChanges(&sim)
            }
            switch entry.kind {
            case .load:
                try recorder.load(try header.manifests.map(decodeManifest), into: &sim)
            case .action(let text, let documents, _):
                let action = try ActionParser.parse(text)
                try? recorder.perform(action, documents: try documents?.map(decodeManifest), on: &sim)
            default:
                break
            }
        }
        if let end = file.entries.last?.atMs, end > sim.elapsedMs {
            sim.advance(byMs: end - sim.elapsedMs)
            try recorder.flushChanges(&sim)
        }
        var entries: [RecordingEntry] = []
        for (i, line) in sink.lines.enumerated().dropFirst() {
            let entry = try RecordingEntry(line: i + 1, json: try JSONParser.parse(line))
            switch entry.kind {
            case .checksum: continue
            case .keyframe where i > 1: continue
            default: entries.append(entry)
            }
        }
        return entries
    }

    static func decodeManifest(_ json: JSONValue) throws -> KubeObject {
        try KubeObject.decode(json, context: DecodeContext())
    }

    static func describe(_ entry: RecordingEntry) -> String {
        switch entry.kind {
        case .load: return "the load of the manifests"
        case .action(let text, _, _): return "action \"\(text)\""
        case .put(let json): return "\(ObjectID(object: json)?.description ?? "an object") written"
        case .patch(let id, _): return "\(id.description) changed"
        case .delete(let id): return "\(id.description) deleted"
        case .keyframe: return "a keyframe"
        case .checksum: return "a checksum"
        }
    }

    static func difference(recorded: RecordingEntry, resimulated: RecordingEntry) -> String {
        switch (recorded.kind, resimulated.kind) {
        case (.action(let a, _, let e1), .action(let b, _, let e2)) where a == b:
            return "action \"\(a)\" \(e1.map { "failed in the recording (\($0))" } ?? "succeeded in the recording") but "
                + (e2.map { "failed on re-simulation (\($0))" } ?? "succeeded on re-simulation")
        default:
            break
        }
        let recordedID = objectID(recorded)
        let simID = objectID(resimulated)
        if let recordedID, recordedID == simID {
            let field = firstDifferingField(recorded.raw, resimulated.raw).map { " (first difference: \($0))" } ?? ""
            return "\(recordedID.description) differs: the recording has \(describe(recorded)), re-simulation has \(describe(resimulated))\(field)"
        }
        return "the recording has \(describe(recorded)), re-simulation has \(describe(resimulated))"
    }

    static func objectID(_ entry: RecordingEntry) -> ObjectID? {
        switch entry.kind {
        case .put(let json): return ObjectID(object: json)
        case .patch(let id, _), .delete(let id): return id
        default: return nil
        }
    }

    /// The path of the first field where two documents differ, in key order: `object.status.podIP`.
    static func firstDifferingField(_ a: JSONValue, _ b: JSONValue, path: String = "") -> String? {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys).sorted() where x[key] != y[key] {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let xv = x[key], let yv = y[key] else { return child }
                return firstDifferingField(xv, yv, path: child) ?? child
            }
            return nil
        case (.array(let x), .array(let y)):
            for i in 0..<min(x.count, y.count) where x[i] != y[i] {
                return firstDifferingField(x[i], y[i], path: "\(path)[\(i)]") ?? "\(path)[\(i)]"
            }
            return x.count == y.count ? nil : path
        default:
            return a == b ? nil : path
        }
    }
}

/// The running checksum of a recording's own entries, with each object's JSON to apply patches.
struct ChecksumTracker {
    private var known: [ObjectID: (json: JSONValue, hash: UInt64)] = [:]
    private(set) var checksum = StateChecksum()

    init() {}

    init(objects: [JSONValue]) { reset(to: objects) }

    var isEmpty: Bool { known.isEmpty }

    mutating func reset(to objects: [JSONValue]) {
        known = [:]
        checksum = StateChecksum()
        for json in objects { put(json) }
    }

    mutating func apply(_ entry: RecordingEntry) {
        switch entry.kind {
        case .put(let json): put(json)
        case .patch(let id, let patch):
            if let prior = known[id], let json = try? JSONPatch.apply(patch, to: prior.json) { put(json) }
        case .delete(let id):
            if let prior = known.removeValue(forKey: id) { checksum.remove(prior.hash) }
        default: break
        }
    }

    private mutating func put(_ json: JSONValue) {
        guard let id = ObjectID(object: json) else { return }
        if let prior = known[id] { checksum.remove(prior.hash) }
        let h = StateChecksum.objectHash(json)
        known[id] = (json, h)
        checksum.add(h)
    }

    /// The first object (in canonical order) that a keyframe has differently from this state.
    func firstDifference(fromKeyframe objects: [JSONValue]) -> String? {
        var theirs: [ObjectID: JSONValue] = [:]
        for json in objects { if let id = ObjectID(object: json) { theirs[id] = json } }
        for id in Set(known.keys).union(theirs.keys).sorted() where known[id]?.json != theirs[id] {
            if known[id] == nil { return "\(id.description) (only in the keyframe)" }
            guard let other = theirs[id] else { return "\(id.description) (missing from the keyframe)" }
            let field = ReplayVerifier.firstDifferingField(known[id]!.json, other).map { ": \($0)" } ?? ""
            return "\(id.description)\(field)"
        }
        return nil
    }
}
