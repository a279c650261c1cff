import KubeModel

/// Rebuilding a state from a recording: objects go in exactly as recorded (uid, resourceVersion and timestamps
/// included), which the store's API deliberately never allows.
extension ClusterState {
    /// Puts `object` as it is, replacing any object of the same kind and key. `keepingIndexes`: the caller knows
    /// the write leaves every index as it is (`writeKeepsIndexes`), so none is compared.
    public mutating func restore(_ object: KubeObject, keepingIndexes: Bool = false) {
        restore(object, at: object.metadata.key, keepingIndexes: keepingIndexes)
    }

    /// `restore`, for a caller that keeps each object's key beside it (a replay): the key is not read out of the
    /// object, which for a boxed kind copies it.
    public mutating func restore(_ object: KubeObject, at key: ObjectKey, keepingIndexes: Bool) {
        switch object {
        case .namespace(let o): namespaces.put(o, at: key, keepingIndexes: keepingIndexes)
        case .node(let o): nodes.put(o, at: key, keepingIndexes: keepingIndexes)
        case .pod(let o): pods.put(o, at: key, keepingIndexes: keepingIndexes)
        case .service(let o): services.put(o, at: key, keepingIndexes: keepingIndexes)
        case .endpoints(let o): endpoints.put(o, at: key, keepingIndexes: keepingIndexes)
        case .endpointSlice(let o): endpointSlices.put(o, at: key, keepingIndexes: keepingIndexes)
        case .deployment(let o): deployments.put(o, at: key, keepingIndexes: keepingIndexes)
        case .replicaSet(let o): replicaSets.put(o, at: key, keepingIndexes: keepingIndexes)
        case .replicationController(let o): replicationControllers.put(o, at: key, keepingIndexes: keepingIndexes)
        case .statefulSet(let o): statefulSets.put(o, at: key, keepingIndexes: keepingIndexes)
        case .daemonSet(let o): daemonSets.put(o, at: key, keepingIndexes: keepingIndexes)
        case .ingress(let o): ingresses.put(o, at: key, keepingIndexes: keepingIndexes)
        case .ingressClass(let o): ingressClasses.put(o, at: key, keepingIndexes: keepingIndexes)
        case .secret(let o): secrets.put(o, at: key, keepingIndexes: keepingIndexes)
        case .configMap(let o): configMaps.put(o, at: key, keepingIndexes: keepingIndexes)
        case .serviceAccount(let o): serviceAccounts.put(o, at: key, keepingIndexes: keepingIndexes)
        case .event(let o): events.put(o, at: key, keepingIndexes: keepingIndexes)
        case .generic(let o): generic[o.resourceType, default: [:]][key] = o
        }
    }

    /// Removes the object at `key` of the same kind as `object` (a version of it), choosing the table by the
    /// object's case rather than by comparing resource types.
    public mutating func remove(kindOf object: KubeObject, at key: ObjectKey) {
        switch object {
        case .namespace: namespaces.remove(key)
        case .node: nodes.remove(key)
        case .pod: pods.remove(key)
        case .service: services.remove(key)
        case .endpoints: endpoints.remove(key)
        case .endpointSlice: endpointSlices.remove(key)
        case .deployment: deployments.remove(key)
        case .replicaSet: replicaSets.remove(key)
        case .replicationController: replicationControllers.remove(key)
        case .statefulSet: statefulSets.remove(key)
        case .daemonSet: daemonSets.remove(key)
        case .ingress: ingresses.remove(key)
        case .ingressClass: ingressClasses.remove(key)
        case .secret: secrets.remove(key)
        case .configMap: configMaps.remove(key)
        case .serviceAccount: serviceAccounts.remove(key)
        case .event: events.remove(key)
        case .generic(let o): generic[o.resourceType]?.removeValue(forKey: key)
        }
    }

    /// Whether writing `new` over `old`, two versions of one object, leaves every index of its table as it is: each
    /// table answers for itself (the pods table also indexes the node and counts readiness). Kinds kept whole
    /// (`generic`) have no index.
    public func writeKeepsIndexes(from old: KubeObject, to new: KubeObject) -> Bool {
        switch (old, new) {
        case let (.namespace(a), .namespace(b)): namespaces.indexesAgree(a, b)
        case let (.node(a), .node(b)): nodes.indexesAgree(a, b)
        case let (.pod(a), .pod(b)): pods.indexesAgree(a, b)
        case let (.service(a), .service(b)): services.indexesAgree(a, b)
        case let (.endpoints(a), .endpoints(b)): endpoints.indexesAgree(a, b)
        case let (.endpointSlice(a), .endpointSlice(b)): endpointSlices.indexesAgree(a, b)
        case let (.deployment(a), .deployment(b)): deployments.indexesAgree(a, b)
        case let (.replicaSet(a), .replicaSet(b)): replicaSets.indexesAgree(a, b)
        case let (.replicationController(a), .replicationController(b)): replicationControllers.indexesAgree(a, b)
        case let (.statefulSet(a), .statefulSet(b)): statefulSets.indexesAgree(a, b)
        case let (.daemonSet(a), .daemonSet(b)): daemonSets.indexesAgree(a, b)
        case let (.ingress(a), .ingress(b)): ingresses.indexesAgree(a, b)
        case let (.ingressClass(a), .ingressClass(b)): ingressClasses.indexesAgree(a, b)
        case let (.secret(a), .secret(b)): secrets.indexesAgree(a, b)
        case let (.configMap(a), .configMap(b)): configMaps.indexesAgree(a, b)
        case let (.serviceAccount(a), .serviceAccount(b)): serviceAccounts.indexesAgree(a, b)
        case let (.event(a), .event(b)): events.indexesAgree(a, b)
        case (.generic, .generic): true
        default: false
        }
    }

    /// Removes the object of `type` at `key`, if there is one.
    public mutating func remove(_ type: ResourceType, _ key: ObjectKey) {
        switch type {
        case .namespace: namespaces.remove(key)
        case .node: nodes.remove(key)
        case .pod: pods.remove(key)
        case .service: services.remove(key)
        case .endpoints: endpoints.remove(key)
        case .endpointSlice: endpointSlices.remove(key)
        case .deployment: deployments.remove(key)
        case .replicaSet: replicaSets.remove(key)
        case .replicationController: replicationControllers.remove(key)
        case .statefulSet: statefulSets.remove(key)
        case .daemonSet: daemonSets.remove(key)
        case .ingress: ingresses.remove(key)
        case .ingressClass: ingressClasses.remove(key)
        case .secret: secrets.remove(key)
        case .configMap: configMaps.remove(key)
        case .serviceAccount: serviceAccounts.remove(key)
        case .event: events.remove(key)
        default:
            // Like the store, an emptied kind stays known.
            generic[type]?.removeValue(forKey: key)
        }
    }

    /// Gives every table a new membership journal, so readers that patch sorted key lists start over. A replay
    /// that reaches a moment by applying only each object's last change records different additions and removals
    /// than one that applied every change, so their journal versions must never compare.
    public mutating func forgetMembership() {
        namespaces.forgetMembership(); nodes.forgetMembership(); pods.forgetMembership()
        services.forgetMembership(); endpoints.forgetMembership(); endpointSlices.forgetMembership()
        deployments.forgetMembership(); replicaSets.forgetMembership(); replicationControllers.forgetMembership()
        statefulSets.forgetMembership(); daemonSets.forgetMembership(); ingresses.forgetMembership()
        ingressClasses.forgetMembership(); secrets.forgetMembership(); configMaps.forgetMembership()
        serviceAccounts.forgetMembership(); events.forgetMembership()
    }

    /// Swaps the tables of `types` between two states, so that one thread can write those tables of a state while
    /// another writes the rest of it (a replay applying a moment), and put them back after. Kinds kept whole
    /// (`generic`) stay where they are.
    public mutating func exchangeTables(of types: [ResourceType], with other: inout ClusterState) {
        for type in types {
            switch type {
            case .namespace: swap(&namespaces, &other.namespaces)
            case .node: swap(&nodes, &other.nodes)
            case .pod: swap(&pods, &other.pods)
            case .service: swap(&services, &other.services)
            case .endpoints: swap(&endpoints, &other.endpoints)
            case .endpointSlice: swap(&endpointSlices, &other.endpointSlices)
            case .deployment: swap(&deployments, &other.deployments)
            case .replicaSet: swap(&replicaSets, &other.replicaSets)
            case .replicationController: swap(&replicationControllers, &other.replicationControllers)
            case .statefulSet: swap(&statefulSets, &other.statefulSets)
            case .daemonSet: swap(&daemonSets, &other.daemonSets)
            case .ingress: swap(&ingresses, &other.ingresses)
            case .ingressClass: swap(&ingressClasses, &other.ingressClasses)
            case .secret: swap(&secrets, &other.secrets)
            case .configMap: swap(&configMaps, &other.configMaps)
            case .serviceAccount: swap(&serviceAccounts, &other.serviceAccounts)
            case .event: swap(&events, &other.events)
            default: break
            }
        }
    }

    /// Sets the newest resourceVersion and the virtual time, as recorded.
    public mutating func restore(resourceVersion: Int, now: Timestamp) {
        self.resourceVersion = resourceVersion
        self.now = now
    }

    /// Every object, kinds in a fixed order and objects sorted by key: the canonical order for checksums and
    /// keyframes.
    public var allObjects: [KubeObject] {
        ResourceType.modeled.flatMap { list($0) } + genericTypes.flatMap { list($0) }
    }
}
