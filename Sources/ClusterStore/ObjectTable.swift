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
    /// Empty in a table that does not index namespaces: `keys(in:)` and `inNamespace` answer for both.
    public private(set) var byNamespace: [String: Set<ObjectKey>] = [:]
    public private(set) var byLabel: [LabelPair: Set<ObjectKey>] = [:]
    public private(set) var byOwner: [String: Set<ObjectKey>] = [:]
    public private(set) var byNode: [String: Set<ObjectKey>] = [:]
    /// Objects for which `counts` holds, per namespace (for pods: ready and not terminating, the header's figure).
    public private(set) var countedByNamespace: [String: Int] = [:]
    public private(set) var countedTotal = 0
    /// Which keys came and went, so a reader holding a sorted list of keys can patch it instead of re-sorting.
    public private(set) var membership = MembershipJournal()
    private let nodeOf: @Sendable (T) -> String?
    private let counts: @Sendable (T) -> Bool
    /// Whether `byNamespace` is kept. A table written far more often than it is read by namespace (events: a pod's
    /// life writes a dozen, and the oldest are deleted as fast) answers those reads by scanning instead.
    private let indexesNamespaces: Bool

    public init(nodeOf: @escaping @Sendable (T) -> String? = { _ in nil },
                counts: @escaping @Sendable (T) -> Bool = { _ in false }, indexesNamespaces: Bool = true) {
        self.nodeOf = nodeOf
        self.counts = counts
        self.indexesNamespaces = indexesNamespaces
    }

    /// How many objects in `namespace` (all namespaces when nil) satisfy the table's `counts` predicate.
    public func countedCount(in namespace: String?) -> Int {
        namespace.map { countedByNamespace[$0] ?? 0 } ?? countedTotal
    }

    public func count(in namespace: String?) -> Int {
        guard let namespace else { return objects.count }
        guard indexesNamespaces else { return objects.keys.reduce(0) { $0 + ($1.namespace == namespace ? 1 : 0) } }
        return byNamespace[namespace]?.count ?? 0
    }

    /// The keys of the objects in `namespace`, in no particular order.
    public func keys(in namespace: String) -> [ObjectKey] {
        guard indexesNamespaces else { return objects.keys.filter { $0.namespace == namespace } }
        return Array(byNamespace[namespace] ?? [])
    }

    public var count: Int { objects.count }
    public subscript(key: ObjectKey) -> T? { objects[key] }
    public var all: Dictionary<ObjectKey, T>.Values { objects.values }

    public func inNamespace(_ namespace: String) -> [T] {
        guard indexesNamespaces else { return objects.values.filter { $0.metadata.namespace == namespace } }
        return (byNamespace[namespace] ?? []).compactMap { objects[$0] }
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

    /// `keepingIndexes`: the caller knows that `object` has the labels, controller, node and counted state of the
    /// object it replaces (a replay works this out once, when it opens the recording), so no index is compared.
    mutating func put(_ object: T, keepingIndexes: Bool = false) {
        put(object, at: object.key, keepingIndexes: keepingIndexes)
    }

    /// `put`, with `object`'s key given by a caller that keeps it (a replay's steps): an object already stored is
    /// swapped in its slot without its key being read out of it, which retained the key's name, a cache miss per
    /// write when a replay puts objects nothing has touched for a while.
    mutating func put(_ object: T, at key: ObjectKey, keepingIndexes: Bool) {
        guard let slot = objects.index(forKey: key) else {
            objects[key] = object
            membership.record(key, added: true)
            return index(object)
        }
        var old = object
        swap(&old, &objects.values[slot])
        if keepingIndexes {
            assert(indexesAgree(old, object), "a put keeping indexes over \(key) moved it in an index")
        } else {
            reindex(key, from: old, to: object)
        }
    }

    /// Whether `a` and `b`, two versions of one object, sit in the same place in every index of this table.
    public func indexesAgree(_ a: T, _ b: T) -> Bool {
        let fieldsA = a.indexedFields, fieldsB = b.indexedFields
        return fieldsA.labels == fieldsB.labels && fieldsA.controllerUID == fieldsB.controllerUID
            && nodeOf(a) == nodeOf(b) && counts(a) == counts(b)
    }

    /// Replaces the object stored under `key` with `make(old)`, finding its slot once (a store update hashes the
    /// key one time, not once to read and again to write). Returns the old and new objects; nil if there is none.
    mutating func replace(_ key: ObjectKey, _ make: (T) -> T) -> (old: T, new: T)? {
        guard let slot = objects.index(forKey: key) else { return nil }
        let old = objects.values[slot]
        let new = make(old)
        objects.values[slot] = new
        reindex(key, from: old, to: new)
        return (old, new)
    }

    /// Starts a new journal (a new lineage): for a state rebuilt by a path whose journal would not match the
    /// versions a reader remembers from another path.
    mutating func forgetMembership() { membership = MembershipJournal() }

    @discardableResult
    mutating func remove(_ key: ObjectKey) -> T? {
        guard let old = objects.removeValue(forKey: key) else { return nil }
        membership.record(key, added: false)
        unindex(old)
        return old
    }

    private mutating func index(_ o: T) {
        index(o.indexedFields, node: nodeOf(o), counted: counts(o))
    }

    private mutating func index(_ fields: IndexedFields, node: String?, counted: Bool) {
        let key = fields.key
        if indexesNamespaces { byNamespace[key.namespace, default: []].insert(key) }
        for (k, v) in fields.labels { byLabel[LabelPair(k, v), default: []].insert(key) }
        if let owner = fields.controllerUID { byOwner[owner, default: []].insert(key) }
        if let node { byNode[node, default: []].insert(key) }
        if counted { tally(key.namespace, +1) }
    }

    private mutating func tally(_ namespace: String, _ delta: Int) {
        countedByNamespace[namespace, default: 0] += delta
        countedTotal += delta
    }

    /// Most writes are status updates that leave labels, owner and node alone: touch only the index entries
    /// that changed, so such a write costs no hashing of the object's labels.
    private mutating func reindex(_ key: ObjectKey, from old: T, to new: T) {
        let oldFields = old.indexedFields, newFields = new.indexedFields
        if oldFields.labels != newFields.labels {
            for (k, v) in oldFields.labels where newFields.labels[k] != v {
                Self.drop(key, from: &byLabel, at: LabelPair(k, v))
            }
            for (k, v) in newFields.labels where oldFields.labels[k] != v {
                byLabel[LabelPair(k, v), default: []].insert(key)
            }
        }
        if oldFields.controllerUID != newFields.controllerUID {
            if let oldOwner = oldFields.controllerUID { Self.drop(key, from: &byOwner, at: oldOwner) }
            if let newOwner = newFields.controllerUID { byOwner[newOwner, default: []].insert(key) }
        }
        let oldNode = nodeOf(old), newNode = nodeOf(new)
        if oldNode != newNode {
            if let oldNode { Self.drop(key, from: &byNode, at: oldNode) }
            if let newNode { byNode[newNode, default: []].insert(key) }
        }
        let wasCounted = counts(old), isCounted = counts(new)
        if wasCounted != isCounted { tally(key.namespace, isCounted ? +1 : -1) }
    }

    private mutating func unindex(_ o: T) {
        let fields = o.indexedFields, key = fields.key
        if indexesNamespaces { Self.drop(key, from: &byNamespace, at: key.namespace) }
        for (k, v) in fields.labels { Self.drop(key, from: &byLabel, at: LabelPair(k, v)) }
        if let owner = fields.controllerUID { Self.drop(key, from: &byOwner, at: owner) }
        if let node = nodeOf(o) { Self.drop(key, from: &byNode, at: node) }
        if counts(o) { tally(key.namespace, -1) }
    }

    private static func drop<K: Hashable>(_ key: ObjectKey, from index: inout [K: Set<ObjectKey>], at slot: K) {
        index[slot]?.remove(key)
        if index[slot]?.isEmpty == true { index[slot] = nil }
    }
}

/// The recent additions and removals of a table's keys, numbered. A reader that remembers the version it last saw
/// asks for what changed since; when the journal no longer reaches back that far it gets nil and starts over.
public struct MembershipJournal: Sendable {
    public struct Entry: Sendable, Equatable {
        public var key: ObjectKey
        public var added: Bool
    }

    /// Tells tables apart: versions of two different tables (another simulation, a replay) never compare.
    public final class Lineage: Sendable {}

    public let lineage = Lineage()
    /// Bumped by every addition or removal.
    public private(set) var version = 0
    private var entries: [Entry] = []
    /// The version before `entries[0]`.
    private var base = 0
    static let capacity = 4096

    mutating func record(_ key: ObjectKey, added: Bool) {
        if entries.count >= Self.capacity {
            let dropped = entries.count / 2
            entries.removeFirst(dropped)
            base += dropped
        }
        entries.append(Entry(key: key, added: added))
        version += 1
    }

    /// The additions and removals after `version`, oldest first; nil if the journal has forgotten some of them.
    public func changes(since old: Int) -> ArraySlice<Entry>? {
        guard old >= base, old <= version else { return nil }
        return entries[(old - base)...]
    }
}
