import ClusterStore
import KubeModel

/// Writes that come from people (manifests, `apply -f`, deletes): admission first, then the store, then the
/// controllers react.
extension Simulator {
    /// Loads a set of objects as `kubectl apply -f` of them would, in an order that lets them all succeed:
    /// Namespaces, then Nodes and IngressClasses, then everything else as given. A cluster without Nodes gets three;
    /// one without IngressClasses gets a default `nginx`. Returns the rejections (the rest is applied).
    @discardableResult
    public mutating func load(_ objects: [KubeObject]) -> [APIError] {
        func rank(_ o: KubeObject) -> Int {
            switch o.resourceType {
            case .namespace: return 0
            case .node, .ingressClass: return 1
            case .secret, .configMap, .serviceAccount: return 2
            case .service: return 3
            default: return 4
            }
        }
        let ordered = objects.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
        var errors: [APIError] = []
        let wasHolding = holdingEvents
        holdingEvents = true
        var hasNodes = store.snapshot.nodes.count > 0
        var hasClasses = store.snapshot.ingressClasses.count > 0
        for (_, object) in ordered {
            if rank(object) >= 2 {
                if !hasNodes { createDefaultNodes(); hasNodes = true }
                if !hasClasses { createDefaultIngressClass(); hasClasses = true }
            }
            do {
                try applyObject(object)
                if object.resourceType == .node { hasNodes = true }
                if object.resourceType == .ingressClass { hasClasses = true }
            } catch let error as APIError {
                errors.append(error)
            } catch {
                errors.append(APIError(.badRequest, String(describing: error)))
            }
        }
        if !hasNodes { createDefaultNodes() }
        if !hasClasses { createDefaultIngressClass() }
        holdingEvents = wasHolding
        runControllers()
        return errors
    }

    /// Creates or updates one object.
    public mutating func applyObject(_ object: KubeObject) throws {
        let admitted = try admit(object)
        try store.apply(admitted)
        runControllers()
    }

    /// `kubectl delete`: pods terminate gracefully; other objects go at once and the garbage collector removes
    /// what they own (background propagation).
    public mutating func deleteObject(_ type: ResourceType, _ key: ObjectKey, gracePeriodSeconds: Int? = nil) throws {
        if type == .pod {
            try beginTermination(key, gracePeriodSeconds: gracePeriodSeconds)
        } else {
            let removed = try store.delete(type, key)
            if type == .service { releaseService(key) }
            collectGarbage(ownerUID: removed.metadata.uid, namespace: key.namespace)
        }
        runControllers()
    }

    mutating func collectGarbage(ownerUID uid: String, namespace: String) {
        let state = store.snapshot
        for rs in state.replicaSets.owned(by: uid).sorted(by: { $0.metadata.name < $1.metadata.name }) {
            _ = try? store.delete(ReplicaSet.self, rs.metadata.key)
            collectGarbage(ownerUID: rs.metadata.uid, namespace: namespace)
        }
        for slice in state.endpointSlices.owned(by: uid) { _ = try? store.delete(EndpointSlice.self, slice.metadata.key) }
        for pod in state.pods.owned(by: uid).sorted(by: { $0.metadata.name < $1.metadata.name }) {
            try? beginTermination(pod.metadata.key, gracePeriodSeconds: nil)
        }
    }

    /// Three nodes in two zones, as a small cloud cluster would have.
    mutating func createDefaultNodes() {
        let zones = ["zone-a", "zone-a", "zone-b"]
        for i in 1...3 {
            var meta = ObjectMeta(name: "node-\(i)")
            meta.labels = ["kubernetes.io/hostname": "node-\(i)", "kubernetes.io/os": "linux",
                           "kubernetes.io/arch": "amd64", Node.zoneLabel: zones[i - 1],
                           "topology.kubernetes.io/region": "local"]
            var node = Node(metadata: meta)
            node.status.capacity = ["cpu": "4", "memory": "16Gi", "pods": "110"]
            node.status.allocatable = node.status.capacity
            _ = try? applyObject(.node(node))
        }
    }

    mutating func createDefaultIngressClass() {
        var meta = ObjectMeta(name: "nginx")
        meta.annotations[IngressClass.isDefaultAnnotation] = "true"
        meta.labels["app.kubernetes.io/name"] = "ingress-nginx"
        _ = try? applyObject(.ingressClass(IngressClass(metadata: meta, controller: "k8s.io/ingress-nginx")))
    }
}
