import ClusterStore
import KubeModel
import Simulation

/// Turns a session (actions, change batches) into recording lines, keeping what it needs for compact diffs, the
/// running checksum and keyframes. Pure: the same session gives the same lines, which is what `--verify` checks.
struct EntryEncoder {
    let policy: RecordingPolicy
    private var known: [ObjectID: (json: JSONValue, hash: UInt64)] = [:]
    private var checksum = StateChecksum()
    private var resourceVersion = 0
    private var lastAtMs: Int64 = 0
    private var changesSinceChecksum = 0
    private var bytesSinceKeyframe = 0
    private var lastKeyframeBytes = 0

    init(policy: RecordingPolicy) { self.policy = policy }

    /// A full snapshot, which also resets the encoder to it. The first entry of every recording.
    mutating func keyframe(_ state: ClusterState, atMs: Int64, resumed: Bool = false) -> String {
        known = [:]
        checksum = StateChecksum()
        for object in state.allObjects {
            let json = object.json()
            guard let id = ObjectID(object: json) else { continue }
            let h = StateChecksum.objectHash(json)
            known[id] = (json, h)
            checksum.add(h)
        }
        resourceVersion = state.resourceVersion
        lastAtMs = atMs
        return keyframeLine(resumed: resumed)
    }

    private mutating func keyframeLine(resumed: Bool = false) -> String {
        let objects = known.keys.sorted().map { known[$0]!.json }
        var entry: [String: JSONValue] = [
            "at": .int(lastAtMs), "type": "keyframe", "rv": .int(Int64(resourceVersion)),
            "sum": .string(checksum.hex), "objects": .array(objects),
        ]
        if resumed { entry["resumed"] = true }
        let line = JSONWriter.compact(.object(entry))
        lastKeyframeBytes = line.utf8.count
        bytesSinceKeyframe = 0
        changesSinceChecksum = 0
        return line
    }

    /// The moment the header's manifests were loaded.
    mutating func load(atMs: Int64, errors: [String]) -> String {
        lastAtMs = atMs
        var entry: [String: JSONValue] = ["at": .int(atMs), "type": "load"]
        if !errors.isEmpty { entry["errors"] = .array(errors.map { .string($0) }) }
        return JSONWriter.compact(.object(entry))
    }

    /// An action as the user gave it (canonical text); `documents` for `apply -f`, whose file a replay cannot read.
    mutating func action(_ text: String, atMs: Int64, documents: [KubeObject]? = nil, error: String? = nil) -> String {
        lastAtMs = atMs
        var entry: [String: JSONValue] = ["at": .int(atMs), "type": "action", "text": .string(text)]
        if let documents { entry["documents"] = .array(documents.map { $0.json() }) }
        if let error { entry["error"] = .string(error) }
        return JSONWriter.compact(.object(entry))
    }

    /// One line per changed object, then a checksum or keyframe line when one is due.
    mutating func changes(_ batch: ChangeBatch) -> [String] {
        var lines: [String] = []
        lastAtMs = batch.atMs
        for change in batch.changes {
            let id = ObjectID(change.type, change.key)
            resourceVersion = change.resourceVersion
            var entry: [String: JSONValue] = ["at": .int(batch.atMs), "rv": .int(Int64(change.resourceVersion))]
            if let after = change.after {
                let json = after.json()
                let text = JSONWriter.compact(json)
                let h = FNV1a64.hash(text)
                let prior = known[id]
                if let prior { checksum.remove(prior.hash) }
                checksum.add(h)
                known[id] = (json, h)
                if let prior, let patch = JSONPatch.diff(prior.json, json),
                   JSONWriter.compact(patch).utf8.count < text.utf8.count {
                    entry.merge(id.fields) { a, _ in a }
                    entry["type"] = "patch"
                    entry["patch"] = patch
                } else {
                    entry["type"] = "put"
                    entry["object"] = json
                }
            } else {
                if let prior = known.removeValue(forKey: id) { checksum.remove(prior.hash) }
                entry.merge(id.fields) { a, _ in a }
                entry["type"] = "delete"
            }
            let line = JSONWriter.compact(.object(entry))
            bytesSinceKeyframe += line.utf8.count
            changesSinceChecksum += 1
            lines.append(line)
            if changesSinceChecksum >= policy.checksumEvery { lines.append(checkpoint()) }
        }
        return lines
    }

    /// The moment of the newest entry.
    var lastMoment: Int64 { lastAtMs }

    /// Moves the moment the next checkpoint is written at (time passed without a change).
    mutating func advance(to atMs: Int64) { lastAtMs = max(lastAtMs, atMs) }

    /// A keyframe when the changes since the last one outweigh it, else a checksum: written after every action.
    mutating func checkpoint() -> String {
        if bytesSinceKeyframe >= max(policy.keyframeMinBytes, lastKeyframeBytes) { return keyframeLine() }
        changesSinceChecksum = 0
        return JSONWriter.compact([
            "at": .int(lastAtMs), "type": "checksum", "rv": .int(Int64(resourceVersion)),
            "sum": .string(checksum.hex), "count": .int(Int64(checksum.objects)),
        ])
    }
}
