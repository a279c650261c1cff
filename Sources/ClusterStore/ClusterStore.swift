import KubeModel

/// The single source of truth: a versioned store of objects that sets the fields the API server owns (uid,
/// resourceVersion, creationTimestamp, generation) and records every write in a change log.
public struct ClusterStore: Sendable {
    public private(set) var state = ClusterState()
    private var pendingChanges: [Change] = []
    private var uids: UIDGenerator

    public init(seed: UInt64 = 1) {
        uids = UIDGenerator(seed: seed)
    }

    /// An immutable view for readers (views, printers, the router). Cheap: the tables are copy-on-write.
    public var snapshot: ClusterState { state }
    public var now: Timestamp { state.now }

    /// Virtual time moves only when the simulation says so.
    public mutating func setTime(_ t: Timestamp) { state.now = t }

    /// Hands the writes since the last call to the one consumer (the simulation's dispatcher).
    public mutating func takeChanges() -> [Change] {
        defer { pendingChanges.removeAll(keepingCapacity: true) }
        return pendingChanges
    }

    public var hasPendingChanges: Bool { !pendingChanges.isEmpty }

    // MARK: typed access

    public func get<T: StoredKind>(_ type: T.Type, _ key: ObjectKey) -> T? { state[keyPath: T.table][key] }

    public func table<T: StoredKind>(_ type: T.Type) -> ObjectTable<T> { state[keyPath: T.table] }

    @discardableResult
    public mutating func create<T: StoredKind>(_ object: T) throws -> T {
        var o = object
        if o.metadata.name.isEmpty, let prefix = o.metadata.generateName {
            o.metadata.name = prefix + uids.next().prefix(5)
        }
        guard state[keyPath: T.table][o.metadata.key] == nil else {
            throw APIError.alreadyExists(T.resourceType, o.metadata.name)
        }
        o.metadata.uid = uids.next()
        o.metadata.creationTimestamp = state.now
        o.metadata.deletionTimestamp = nil
        if Self.hasGeneration(T.resourceType) { o.metadata.generation = 1 }
        stamp(&o.metadata)
        state[keyPath: T.table].put(o)
        log(.added, T.resourceType, o.metadata.key, before: nil)
        return o
    }

    /// Replaces an existing object. `specChanged` bumps metadata.generation, as a spec write does on the API server.
    @discardableResult
    public mutating func update<T: StoredKind>(_ object: T, specChanged: Bool = false) throws -> T {
        let key = object.metadata.key
        let version = state.resourceVersion + 1
        guard let (old, new) = state[keyPath: T.table].replace(key, { old in
            var o = object
            o.metadata.uid = old.metadata.uid
            o.metadata.creationTimestamp = old.metadata.creationTimestamp
            if specChanged, let g = old.metadata.generation { o.metadata.generation = g + 1 }
            o.metadata.resourceVersion = String(version)
            return o
        }) else { throw APIError.notFound(T.resourceType, key.name) }
        state.resourceVersion = version
        log(.modified, T.resourceType, key, before: old.wrapped())
        return new
    }

    /// Writes `object` only if it differs from what is stored, so an idempotent reconciler writes nothing when the
    /// world already matches. Returns whether a write happened.
    @discardableResult
    public mutating func updateIfChanged<T: StoredKind>(_ object: T) throws -> Bool {
        guard let old = state[keyPath: T.table][object.metadata.key] else {
            throw APIError.notFound(T.resourceType, object.metadata.name)
        }
        var candidate = object
        candidate.metadata.resourceVersion = old.metadata.resourceVersion
        if candidate == old { return false }
        try update(object)
        return true
    }

    @discardableResult
    public mutating func delete<T: StoredKind>(_ type: T.Type, _ key: ObjectKey) throws -> T {
        guard let old = state[keyPath: T.table].remove(key) else { throw APIError.notFound(T.resourceType, key.name) }
        state.resourceVersion += 1
        log(.deleted, T.resourceType, key, before: old.wrapped())
        return old
    }

    // MARK: any kind

    /// Creates or replaces any object, as `kubectl apply` would: returns whether it was created.
    @discardableResult
    public mutating func apply(_ object: KubeObject) throws -> Bool {
        switch object {
        case .namespace(let o): return try applyTyped(o)
        case .node(let o): return try applyTyped(o)
        case .pod(let o): return try applyTyped(o)
        case .service(let o): return try applyTyped(o)
        case .endpoints(let o): return try applyTyped(o)
        case .endpointSlice(let o): return try applyTyped(o)
        case .deployment(let o): return try applyTyped(o)
        case .replicaSet(let o): return try applyTyped(o)
        case .replicationController(let o): return try applyTyped(o)
        case .statefulSet(let o): return try applyTyped(o)
        case .daemonSet(let o): return try applyTyped(o)
        case .ingress(let o): return try applyTyped(o)
        case .ingressClass(let o): return try applyTyped(o)
        case .secret(let o): return try applyTyped(o)
        case .configMap(let o): return try applyTyped(o)
        case .serviceAccount(let o): return try applyTyped(o)
        case .event(let o): return try applyTyped(o)
        case .generic(let o): return applyGeneric(o)
        }
    }

    private mutating func applyTyped<T: StoredKind>(_ object: T) throws -> Bool {
        guard let old = state[keyPath: T.table][object.metadata.key] else {
            try create(object)
            return true
        }
        var merged = object
        // Apply does not let a manifest overwrite what the cluster owns (status, server-set metadata).
        merged.metadata.resourceVersion = old.metadata.resourceVersion
        merged.metadata.generation = old.metadata.generation
        merged.metadata.deletionTimestamp = old.metadata.deletionTimestamp
        merged.metadata.ownerReferences = object.metadata.ownerReferences.isEmpty
            ? old.metadata.ownerReferences : object.metadata.ownerReferences
        let specChanged = Self.specJSON(merged) != Self.specJSON(old)
        try update(Self.keepingStatus(of: old, in: merged), specChanged: specChanged)
        return false
    }

    private mutating func applyGeneric(_ object: GenericObject) -> Bool {
        var o = object
        let key = o.metadata.key
        let old = state.generic[o.resourceType]?[key]
        if let old {
            o.metadata.uid = old.metadata.uid
            o.metadata.creationTimestamp = old.metadata.creationTimestamp
        } else {
            o.metadata.uid = uids.next()
            o.metadata.creationTimestamp = state.now
        }
        stamp(&o.metadata)
        state.generic[o.resourceType, default: [:]][key] = o
        log(old == nil ? .added : .modified, o.resourceType, key, before: old.map(KubeObject.generic))
        return old == nil
    }

    /// Removes any object by kind and key.
    @discardableResult
    public mutating func delete(_ type: ResourceType, _ key: ObjectKey) throws -> KubeObject {
        switch type {
        case .namespace: return try delete(Namespace.self, key).wrapped()
        case .node: return try delete(Node.self, key).wrapped()
        case .pod: return try delete(Pod.self, key).wrapped()
        case .service: return try delete(Service.self, key).wrapped()
        case .endpoints: return try delete(Endpoints.self, key).wrapped()
        case .endpointSlice: return try delete(EndpointSlice.self, key).wrapped()
        case .deployment: return try delete(Deployment.self, key).wrapped()
        case .replicaSet: return try delete(ReplicaSet.self, key).wrapped()
        case .replicationController: return try delete(ReplicationController.self, key).wrapped()
        case .statefulSet: return try delete(StatefulSet.self, key).wrapped()
        case .daemonSet: return try delete(DaemonSet.self, key).wrapped()
        case .ingress: return try delete(Ingress.self, key).wrapped()
        case .ingressClass: return try delete(IngressClass.self, key).wrapped()
        case .secret: return try delete(Secret.self, key).wrapped()
        case .configMap: return try delete(ConfigMap.self, key).wrapped()
        case .serviceAccount: return try delete(ServiceAccount.self, key).wrapped()
        case .event: return try delete(Event.self, key).wrapped()
        default:
            guard let old = state.generic[type]?.removeValue(forKey: key) else {
                throw APIError.notFound(type, key.name)
            }
            state.resourceVersion += 1
            log(.deleted, type, key, before: .generic(old))
            return .generic(old)
        }
    }

    // MARK: internals

    private mutating func stamp(_ meta: inout ObjectMeta) {
        state.resourceVersion += 1
        meta.resourceVersion = String(state.resourceVersion)
    }

    private mutating func log(_ kind: Change.Kind, _ type: ResourceType, _ key: ObjectKey, before: KubeObject?) {
        pendingChanges.append(Change(resourceVersion: state.resourceVersion, kind: kind, resource: type, key: key,
                                     before: before))
    }

    /// Kinds whose metadata.generation the API server maintains for spec changes.
    static func hasGeneration(_ type: ResourceType) -> Bool {
        switch type {
        case .deployment, .replicaSet, .replicationController, .statefulSet, .daemonSet, .ingress, .pod: return true
        default: return false
        }
    }

    static func specJSON<T: APIObject>(_ o: T) -> JSONValue? { o.json()["spec"] }

    /// Status belongs to the cluster: an applied manifest keeps the live object's status.
    static func keepingStatus<T: APIObject>(of old: T, in new: T) -> T {
        switch (old as Any, new as Any) {
        case (let o as Pod, var n as Pod):
            n.status = o.status
            n.spec.nodeName = n.spec.nodeName ?? o.spec.nodeName
            return n as! T
        case (let o as Service, var n as Service):
            n.loadBalancerIngress = o.loadBalancerIngress
            if n.spec.clusterIP == nil { n.spec.clusterIP = o.spec.clusterIP; n.spec.clusterIPs = o.spec.clusterIPs }
            for i in n.spec.ports.indices where n.spec.ports[i].nodePort == nil {
                n.spec.ports[i].nodePort = o.spec.ports.first { $0.port == n.spec.ports[i].port }?.nodePort
            }
            return n as! T
        default:
            return new
        }
    }
}
