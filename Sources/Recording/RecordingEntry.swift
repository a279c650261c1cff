import KubeModel

/// One line of a recording after the header.
public struct RecordingEntry: Sendable {
    public enum Kind: Sendable {
        /// The header's manifests were loaded (with the API's rejections, if any).
        case load(errors: [String])
        /// An action as the user gave it; `documents` for `apply -f`; `error` when the cluster rejected it.
        case action(text: String, documents: [JSONValue]?, error: String?)
        case put(JSONValue)
        case patch(ObjectID, JSONValue)
        case delete(ObjectID)
        case keyframe(objects: [JSONValue], sum: String)
        case checksum(sum: String, count: Int)
    }

    /// 1-based line in the file.
    public var line: Int
    /// Virtual milliseconds since the simulation's epoch.
    public var atMs: Int64
    /// The store's resourceVersion after this entry (changes, keyframes and checksums).
    public var resourceVersion: Int?
    public var kind: Kind
    /// The line as parsed, which `--verify` compares with a re-simulation's.
    public var raw: JSONValue

    init(line: Int, json: JSONValue) throws(RecordingError) {
        self.line = line
        raw = json
        guard case .object(let o) = json else { throw .badEntry(line: line, "expected an object") }
        guard let at = o["at"]?.intValue, at >= 0 else { throw .badEntry(line: line, "\"at\" is missing") }
        atMs = at
        resourceVersion = o["rv"]?.intValue.map { Int($0) }
        func need(_ key: String) throws(RecordingError) -> JSONValue {
            guard let v = o[key] else { throw .badEntry(line: line, "\"\(key)\" is missing") }
            return v
        }
        func id() throws(RecordingError) -> ObjectID {
            guard let id = ObjectID(fields: o) else {
                throw .badEntry(line: line, "the object's apiVersion, kind or name is missing")
            }
            return id
        }
        switch o["type"]?.stringValue {
        case "load":
            kind = .load(errors: o["errors"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        case "action":
            guard let text = try need("text").stringValue else { throw .badEntry(line: line, "\"text\" is not a string") }
            kind = .action(text: text, documents: o["documents"]?.arrayValue, error: o["error"]?.stringValue)
        case "put":
            kind = .put(try need("object"))
        case "patch":
            kind = .patch(try id(), try need("patch"))
        case "delete":
            kind = .delete(try id())
        case "keyframe":
            guard let objects = try need("objects").arrayValue, let sum = try need("sum").stringValue else {
                throw .badEntry(line: line, "a keyframe needs \"objects\" and \"sum\"")
            }
            kind = .keyframe(objects: objects, sum: sum)
        case "checksum":
            guard let sum = try need("sum").stringValue, let count = try need("count").intValue else {
                throw .badEntry(line: line, "a checksum needs \"sum\" and \"count\"")
            }
            kind = .checksum(sum: sum, count: Int(count))
        case let other?:
            throw .badEntry(line: line, "unknown entry type \"\(other)\"")
        case nil:
            throw .badEntry(line: line, "\"type\" is missing")
        }
    }

    public var isAction: Bool { if case .action = kind { return true }; return false }
    public var isKeyframe: Bool { if case .keyframe = kind { return true }; return false }
}
