import KubeModel

/// Rebuilding a state from a recording: objects go in exactly as recorded (uid, resourceVersion and timestamps
/// included), which the store's API deliberately never allows.
extension ClusterState {
    /// Puts `object` as it is, replacing any object of the same kind and key.
    public mutating func restore(_ object: KubeObject) {
        switch object {
        case .namespace(let o): namespaces.put(o)
        case .node(let o): nodes.put(o)
        case .pod(let o): pods.put(o)
        case .service(let o): services.put(o)
        case .endpoints(let o): endpoints.put(o)
        case .endpointSlice(let o): endpointSlices.put(o)
        case .deployment(let o): deployments.put(o)
        case .replicaSet(let o): replicaSets.put(o)
        case .replicationController(let o): replicationControllers.put(o)
        case .statefulSet(let o): statefulSets.put(o)
        case .daemonSet(let o): daemonSets.put(o)
        case .ingress(let o): ingresses.put(o)
        case .ingressClass(let o): ingressClasses.put(o)
        case .secret(let o): secrets.put(o)
        case .configMap(let o): configMaps.put(o)
        case .serviceAccount(let o): serviceAccounts.put(o)
        case .event(let o): events.put(o)
        case .generic(let o): generic[o.resourceType, default: [:]][o.metadata.key] = o
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
