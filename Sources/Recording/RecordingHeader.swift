import KubeModel

/// The first line of a recording: what it is, what made it, and everything needed to re-simulate it.
public struct RecordingHeader: Sendable, Equatable {
    public var version: Int = RecordingFormat.version
    public var switchboardVersion: String = RecordingFormat.switchboardVersion
    public var seed: UInt64
    /// Virtual seconds per wall-clock second when recorded interactively (1 for headless recordings).
    public var speed: Double
    /// Wall-clock time the recording began (RFC 3339). The only field two recordings of one session differ in.
    public var createdAt: String
    public var policy: RecordingPolicy
    /// The loaded documents, as the API would serve them, so a recording needs no other file.
    public var manifests: [JSONValue]

    public init(seed: UInt64, speed: Double = 1, createdAt: String, policy: RecordingPolicy = RecordingPolicy(),
                manifests: [JSONValue]) {
        self.seed = seed
        self.speed = speed
        self.createdAt = createdAt
        self.policy = policy
        self.manifests = manifests
    }

    public func json() -> JSONValue {
        [
            "format": .string(RecordingFormat.name),
            "version": .int(Int64(version)),
            "switchboardVersion": .string(switchboardVersion),
            "seed": .int(Int64(bitPattern: seed)),
            "speed": .double(speed),
            "createdAt": .string(createdAt),
            "checksumEvery": .int(Int64(policy.checksumEvery)),
            "keyframeMinBytes": .int(Int64(policy.keyframeMinBytes)),
            "manifests": .array(manifests),
        ]
    }

    /// Reads a header line; the message says why a document is not one.
    init(json: JSONValue) throws(RecordingError) {
        guard case .object(let o) = json, o["format"]?.stringValue == RecordingFormat.name else {
            throw .notARecording
        }
        guard let version = o["version"]?.intValue else { throw .badHeader("\"version\" is missing") }
        guard version <= Int64(RecordingFormat.version) else { throw .newerVersion(Int(version)) }
        guard version >= 1 else { throw .badHeader("\"version\" \(version) is not a version") }
        guard let seed = o["seed"]?.intValue else { throw .badHeader("\"seed\" is missing") }
        guard case .array(let manifests)? = o["manifests"] else { throw .badHeader("\"manifests\" is missing") }
        self.version = Int(version)
        switchboardVersion = o["switchboardVersion"]?.stringValue ?? ""
        self.seed = UInt64(bitPattern: seed)
        speed = o["speed"].flatMap { v -> Double? in
            if case .double(let d) = v { return d }
            return v.intValue.map(Double.init)
        } ?? 1
        createdAt = o["createdAt"]?.stringValue ?? ""
        policy = RecordingPolicy(checksumEvery: Int(o["checksumEvery"]?.intValue ?? 1000),
                                 keyframeMinBytes: Int(o["keyframeMinBytes"]?.intValue ?? 256 * 1024))
        self.manifests = manifests
    }
}
