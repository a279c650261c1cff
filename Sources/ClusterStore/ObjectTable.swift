import KubeModel

/// A label `key=value`, the unit of the label index.
public struct LabelPair: Sendable, Hashable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// All objects of one kind, with the indexes that let controllers avoid scanning: by namespace, by label, by owner
/// (controller uid) and, for pods, by node.
public struct ObjectTable<T: APIObject>: Sendable {
    public private(set) var objects: [ObjectKey: T] = [:]
    public private(set) var byNamespace: [String: Set<ObjectKey>] = [:]
    public private(set) var byLabel: [LabelPair: Set<ObjectKey>] = [:]
    public private(set) var byOwner: [String: Set<ObjectKey>] = [:]
    public private(set) var byNode: [String: Set<ObjectKey>] = [:]
    private let nodeOf: @Sendable (T) -> String?

    public init(nodeOf: @escaping @Sendable (T) -> String? = { _ in nil }) {
        self.nodeOf = nodeOf
    }

    public var count: Int { objects.count }
    public subscript(key: ObjectKey) -> T? { objects[key] }
    public var all: Dictionary<ObjectKey, T>.Values { objects.values }

    public func inNamespace(_ namespace: String) -> [T] {
        (byNamespace[namespace] ?? []).compactMap { objects[$0] }
    }

    public func owned(by uid: String) -> [T] {
        (byOwner[uid] ?? []).compactMap { objects[$0] }
    }

    public func onNode(_ node: String) -> [T] {
        (byNode[node] ?? []).compactMap { objects[$0] }
    }

    /// Objects in `namespace` whose labels include every pair of `selector` (a map selector, as Services use).
    /// Starts from the rarest pair so the cost follows the answer, not the table.
    public func matching(_ selector: [String: String], in namespace: String) -> [T] {
        guard !selector.isEmpty else { return inNamespace(namespace) }
        var smallest: Set<ObjectKey>?
        for (k, v) in selector {
            let set = byLabel[LabelPair(k, v)] ?? []
            if smallest == nil || set.count < smallest!.count { smallest = set }
            if set.isEmpty { return [] }
        }
        return (smallest ?? []).compactMap { key in
            guard key.namespace == namespace, let obj = objects[key] else { return nil }
            for (k, v) in selector where obj.metadata.labels[k] != v { return nil }
            return obj
        }
    }

    mutating func put(_ object: T) {
        let key = object.metadata.key
        guard let old = objects.updateValue(object, forKey: key) else { return index(object) }
        // Most writes change status only: the indexes (labels, owner, node) stay as they are.
        if old.metadata.labels == object.metadata.labels,
           old.metadata.controllerRef?.uid == object.metadata.controllerRef?.uid, nodeOf(old) == nodeOf(object) {
            return
        }
        unindex(old)
        index(object)
    }

    @discardableResult
    mutating func remove(_ key: ObjectKey) -> T? {
        guard let old = objects.removeValue(forKey: key) else { return nil }
        unindex(old)
        return old
    }

    private mutating func index(_ o: T) {
        let key = o.metadata.key
        byNamespace[key.namespace, default: []].insert(key)
        for (k, v) in o.metadata.labels { byLabel[LabelPair(k, v), default: []].insert(key) }
        if let owner = o.metadata.controllerRef?.uid { byOwner[owner, default: []].insert(key) }
        if let node = nodeOf(o) { byNode[node, default: []].insert(key) }
    }

    private mutating func unindex(_ o: T) {
        let key = o.metadata.key
        Self.drop(key, from: &byNamespace, at: key.namespace)
        for (k, v) in o.metadata.labels { Self.drop(key, from: &byLabel, at: LabelPair(k, v)) }
        if let owner = o.metadata.controllerRef?.uid { Self.drop(key, from: &byOwner, at: owner) }
        if let node = nodeOf(o) { Self.drop(key, from: &byNode, at: node) }
    }

    private static func drop<K: Hashable>(_ key: ObjectKey, from index: inout [K: Set<ObjectKey>], at slot: K) {
        index[slot]?.remove(key)
        if index[slot]?.isEmpty == true { index[slot] = nil }
    }
}
