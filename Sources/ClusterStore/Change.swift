import KubeModel

/// One write to the store, as a watch event would report it.
public struct Change: Sendable {
    public enum Kind: String, Sendable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED" }

    public var resourceVersion: Int
    public var kind: Kind
    public var resource: ResourceType
    public var key: ObjectKey
    /// The object before a modification or deletion: controllers need the old labels to know whom it concerned.
    public var before: KubeObject?
}
