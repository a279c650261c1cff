import ClusterStore
import KubeModel
import Simulation

/// Turns a session (actions, change batches) into recording lines, keeping what it needs for compact diffs, the
/// running checksum and keyframes: each object's JSON, its serialised bytes (a keyframe is their concatenation) and
/// their hash. Pure: the same session gives the same lines, which is what `--verify` checks. Lines are written as
/// `JSONWriter.compact` would write them (keys sorted), assembled from pieces so each object is serialised once.
struct EntryEncoder {
    typealias Line = [UInt8]

    private struct Known {
        var json: JSONValue
        var bytes: [UInt8]
        var hash: UInt64
    }

    let policy: RecordingPolicy
    private var known: [ObjectID: Known] = [:]
    private var checksum = StateChecksum()
    private var resourceVersion = 0
    private var lastAtMs: Int64 = 0
    private var changesSinceChecksum = 0
    private var bytesSinceKeyframe = 0
    private var lastKeyframeBytes = 0

    init(policy: RecordingPolicy) { self.policy = policy }

    /// A full snapshot, which also resets the encoder to it. The first entry of every recording.
    mutating func keyframe(_ state: ClusterState, atMs: Int64, resumed: Bool = false) -> Line {
        known = [:]
        checksum = StateChecksum()
        for object in state.allObjects {
            let json = object.json()
            guard let id = ObjectID(object: json) else { continue }
            let bytes = CanonicalJSON.bytes(json)
            let h = FNV1a64.hash(bytes)
            known[id] = Known(json: json, bytes: bytes, hash: h)
            checksum.add(h)
        }
        resourceVersion = state.resourceVersion
        lastAtMs = atMs
        return keyframeLine(resumed: resumed)
    }

    private mutating func keyframeLine(resumed: Bool = false) -> Line {
        var line: Line = []
        line.reserveCapacity(known.values.reduce(64) { $0 + $1.bytes.count + 1 })
        field("at", first: true, &line)
        CanonicalJSON.appendInteger(lastAtMs, to: &line)
        field("objects", &line)
        line.append(UInt8(ascii: "["))
        for (i, id) in known.keys.sorted().enumerated() {
            if i > 0 { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: known[id]!.bytes)
        }
        line.append(UInt8(ascii: "]"))
        if resumed {
            field("resumed", &line)
            line.append(contentsOf: Array("true".utf8))
        }
        field("rv", &line)
        CanonicalJSON.appendInteger(Int64(resourceVersion), to: &line)
        field("sum", &line)
        CanonicalJSON.appendString(checksum.hex, to: &line)
        field("type", &line)
        CanonicalJSON.appendString("keyframe", to: &line)
        line.append(UInt8(ascii: "}"))
        lastKeyframeBytes = line.count
        bytesSinceKeyframe = 0
        changesSinceChecksum = 0
        return line
    }

    /// The moment the header's manifests were loaded.
    mutating func load(atMs: Int64, errors: [String]) -> Line {
        lastAtMs = atMs
        var entry: [String: JSONValue] = ["at": .int(atMs), "type": "load"]
        if !errors.isEmpty { entry["errors"] = .array(errors.map { .string($0) }) }
        return CanonicalJSON.bytes(.object(entry))
    }

    /// An action as the user gave it (canonical text); `documents` for `apply -f`, whose file a replay cannot read.
    mutating func action(_ text: String, atMs: Int64, documents: [KubeObject]? = nil, error: String? = nil) -> Line {
        lastAtMs = atMs
        var entry: [String: JSONValue] = ["at": .int(atMs), "type": "action", "text": .string(text)]
        if let documents { entry["documents"] = .array(documents.map { $0.json() }) }
        if let error { entry["error"] = .string(error) }
        return CanonicalJSON.bytes(.object(entry))
    }

    /// One line per changed object, then a checksum or keyframe line when one is due.
    mutating func changes(_ batch: ChangeBatch) -> [Line] {
        var lines: [Line] = []
        lastAtMs = batch.atMs
        for change in batch.changes {
            let id = ObjectID(change.type, change.key)
            resourceVersion = change.resourceVersion
            var line: Line = []
            if let after = change.after {
                let json = after.json()
                let bytes = CanonicalJSON.bytes(json)
                let h = FNV1a64.hash(bytes)
                let prior = known[id]
                if let prior { checksum.remove(prior.hash) }
                checksum.add(h)
                known[id] = Known(json: json, bytes: bytes, hash: h)
                if let prior, let patch = JSONPatch.diff(prior.json, json),
                   case let patchBytes = CanonicalJSON.bytes(patch), patchBytes.count < bytes.count {
                    identity(id, atMs: batch.atMs, &line)
                    field("patch", &line)
                    line.append(contentsOf: patchBytes)
                    tail(change.resourceVersion, type: "patch", &line)
                } else {
                    field("at", first: true, &line)
                    CanonicalJSON.appendInteger(batch.atMs, to: &line)
                    field("object", &line)
                    line.append(contentsOf: bytes)
                    tail(change.resourceVersion, type: "put", &line)
                }
            } else {
                if let prior = known.removeValue(forKey: id) { checksum.remove(prior.hash) }
                identity(id, atMs: batch.atMs, &line)
                tail(change.resourceVersion, type: "delete", &line)
            }
            bytesSinceKeyframe += line.count
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
    mutating func checkpoint() -> Line {
        if bytesSinceKeyframe >= max(policy.keyframeMinBytes, lastKeyframeBytes) { return keyframeLine() }
        changesSinceChecksum = 0
        return CanonicalJSON.bytes([
            "at": .int(lastAtMs), "type": "checksum", "rv": .int(Int64(resourceVersion)),
            "sum": .string(checksum.hex), "count": .int(Int64(checksum.objects)),
        ])
    }

    // MARK: line pieces, in sorted key order

    /// `{"apiVersion":…,"at":…,"kind":…,"name":…,"namespace":…` (namespace only when there is one).
    private func identity(_ id: ObjectID, atMs: Int64, _ line: inout Line) {
        field("apiVersion", first: true, &line)
        CanonicalJSON.appendString(id.apiVersion, to: &line)
        field("at", &line)
        CanonicalJSON.appendInteger(atMs, to: &line)
        field("kind", &line)
        CanonicalJSON.appendString(id.kind, to: &line)
        field("name", &line)
        CanonicalJSON.appendString(id.name, to: &line)
        if !id.namespace.isEmpty {
            field("namespace", &line)
            CanonicalJSON.appendString(id.namespace, to: &line)
        }
    }

    /// `,"rv":N,"type":"…"}`
    private func tail(_ rv: Int, type: String, _ line: inout Line) {
        field("rv", &line)
        CanonicalJSON.appendInteger(Int64(rv), to: &line)
        field("type", &line)
        CanonicalJSON.appendString(type, to: &line)
        line.append(UInt8(ascii: "}"))
    }

    private func field(_ name: String, first: Bool = false, _ line: inout Line) {
        line.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        CanonicalJSON.appendString(name, to: &line)
        line.append(UInt8(ascii: ":"))
    }
}
