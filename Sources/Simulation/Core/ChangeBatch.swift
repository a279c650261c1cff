import ClusterStore
import KubeModel

/// One write as a recorder keeps it: which object, and the object as it stood once its batch was done (nil: gone).
public struct RecordedChange: Sendable {
    public var type: ResourceType
    public var key: ObjectKey
    public var after: KubeObject?
    /// The store's resourceVersion after this object's last write in the batch.
    public var resourceVersion: Int
}

/// The writes of one controller round at one virtual instant, one per object (several writes to one object in a
/// round collapse into its final state), in the order of their last write.
public struct ChangeBatch: Sendable {
    public var atMs: Int64
    public var changes: [RecordedChange]

    init(_ log: [Change], state: ClusterState, atMs: Int64) {
        self.atMs = atMs
        var last: [ResourceKey: Int] = [:]
        for (i, change) in log.enumerated() { last[ResourceKey(type: change.resource, key: change.key)] = i }
        changes = log.enumerated().compactMap { i, change in
            guard last[ResourceKey(type: change.resource, key: change.key)] == i else { return nil }
            return RecordedChange(type: change.resource, key: change.key, after: state.get(change.resource, change.key),
                                  resourceVersion: change.resourceVersion)
        }
    }
}

/// An object's identity across kinds.
struct ResourceKey: Hashable {
    var type: ResourceType
    var key: ObjectKey
}
