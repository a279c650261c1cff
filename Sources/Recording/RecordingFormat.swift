/// The constants of the recording file format (docs/recording-format.md).
public enum RecordingFormat {
    public static let name = "switchboard-recording"
    public static let version = 1
    /// The program that wrote a recording, for people reading the header.
    public static let switchboardVersion = "0.1.0"
}

/// How often a recorder writes checkpoints. Part of the header, so a re-simulation writes the same entries.
public struct RecordingPolicy: Sendable, Equatable {
    /// A state checksum after every action and after this many change entries.
    public var checksumEvery: Int
    /// A keyframe once the change entries since the last one take at least as many bytes as that keyframe did
    /// (at least `keyframeMinBytes`): reaching any moment then reads at most about two snapshots' worth, and
    /// keyframes take at most about half the file.
    public var keyframeMinBytes: Int

    public init(checksumEvery: Int = 1000, keyframeMinBytes: Int = 256 * 1024) {
        self.checksumEvery = max(1, checksumEvery)
        self.keyframeMinBytes = max(1, keyframeMinBytes)
    }
}
