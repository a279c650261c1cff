import ClusterStore
import KubeModel

extension Simulator {
    /// Turns one write into the keys each controller must look at again, the way informers' event handlers enqueue
    /// work in kube-controller-manager.
    mutating func dispatch(_ change: Change) {
        let key = change.key
        switch change.resource {
        case .pod:
            let pod = store.get(Pod.self, key)
            var before: Pod?
            if case .pod(let p)? = change.before { before = p }
            replicaTally.note(key, before: before, after: pod)
            // A status write leaves labels and owner alone: the old pod then concerns no one the new one doesn't.
            var concerned = pod.map { [$0] } ?? []
            if let before, pod.map({ !Self.sameRouting($0, before) }) ?? true { concerned.append(before) }
            for p in concerned {
                if let owner = p.metadata.controllerRef {
                    enqueueOwner(owner, namespace: key.namespace)
                    // A Recreate rollout waits for old pods to be gone, which changes nothing on their ReplicaSet
                    // (the Deployment controller's deletePod handler).
                    if change.kind == .deleted, owner.kind == "ReplicaSet",
                       let rsOwner = store.get(ReplicaSet.self, ObjectKey(namespace: key.namespace, name: owner.name))?
                           .metadata.controllerRef {
                        enqueueOwner(rsOwner, namespace: key.namespace)
                    }
                }
                guard Self.mayChangeEndpoints(before, pod) else { continue }
                for service in servicesSelecting(p.metadata.labels, namespace: key.namespace) {
                    noteEndpointPod(key.name, service: service)
                }
            }
            if let pod, !pod.metadata.isTerminating, pod.spec.nodeName == nil || kubelet[key]?.bound != true {
                markDirty(.scheduler, key)
            }
            if let pod, !pod.metadata.isTerminating, pod.spec.nodeName == nil {
                unscheduledPods.insert(key)
            } else {
                unscheduledPods.remove(key)
            }
            if change.kind == .deleted { forgetPod(key, before: before) }
            // A pod created on a named node counts there at once (the heap counts the scheduler's own bindings).
            if change.kind == .added, let node = pod?.spec.nodeName { nodePicker?.placed(onNodeNamed: node) }
            if let node = before?.spec.nodeName {
                let removed = pod?.spec.nodeName != node
                if removed || (pod.map(Self.isFinished) ?? false) != Self.isFinished(before!),
                   nodePicker?.left(nodeNamed: node, removed: removed) == false {
                    nodePicker = nil
                }
            }
        case .service:
            reindexServiceSelector(key)
            noteEndpointService(key)
            markDirty(.service, key)
            for ingress in store.snapshot.ingresses.all { markDirty(.ingress, ingress.metadata.key) }
        case .deployment:
            markDirty(.deployment, key)
        case .replicaSet:
            markDirty(.replicaSet, key)
            let rs = store.get(ReplicaSet.self, key)
            var before: ReplicaSet?
            if case .replicaSet(let r)? = change.before { before = r }
            for owner in [rs?.metadata.controllerRef, before?.metadata.controllerRef].compactMap({ $0 }) {
                enqueueOwner(owner, namespace: key.namespace)
            }
        case .replicationController: markDirty(.replicationController, key)
        case .statefulSet: markDirty(.statefulSet, key)
        case .daemonSet: markDirty(.daemonSet, key)
        case .node:
            nodeRanking = nil
            nodePicker = nil
            markDirty(.node, key)
            noteNodeZoneChange(change)
            for ds in store.snapshot.daemonSets.all { markDirty(.daemonSet, ds.metadata.key) }
            for pod in unscheduledPods { markDirty(.scheduler, pod) }
        case .ingress:
            markDirty(.ingress, key)
            if dataPath.ingressIndex != nil { dataPath.dirtyIngresses.insert(key) }
        case .ingressClass:
            for ingress in store.snapshot.ingresses.all { markDirty(.ingress, ingress.metadata.key) }
            dataPath.ingressIndex = nil
        case .endpointSlice:
            noteEndpointSliceChange(change)
        default:
            break
        }
    }

    static func isFinished(_ pod: Pod) -> Bool { pod.status.phase == .succeeded || pod.status.phase == .failed }

    /// Whether two versions of a pod are owned and selected alike.
    static func sameRouting(_ a: Pod, _ b: Pod) -> Bool {
        guard a.metadata.labels == b.metadata.labels else { return false }
        // Usually the very same owner list (one buffer, compared without copying a reference out of it).
        return a.metadata.ownerReferences == b.metadata.ownerReferences
            || a.metadata.controllerRef?.uid == b.metadata.controllerRef?.uid
    }

    mutating func enqueueOwner(_ owner: OwnerReference, namespace: String) {
        let ownerKey = ObjectKey(namespace: namespace, name: owner.name)
        switch owner.kind {
        case "ReplicaSet": markDirty(.replicaSet, ownerKey)
        case "Deployment": markDirty(.deployment, ownerKey)
        case "ReplicationController": markDirty(.replicationController, ownerKey)
        case "StatefulSet": markDirty(.statefulSet, ownerKey)
        case "DaemonSet": markDirty(.daemonSet, ownerKey)
        default: break
        }
    }

    /// Services in `namespace` whose selector matches `labels`.
    func servicesSelecting(_ labels: [String: String], namespace: String) -> [ObjectKey] {
        // Usually one Service or none: an array, sorted and deduplicated only when it holds more, costs less than a
        // Set per pod write. A Service found through two of its pairs is checked twice and listed once.
        var found: [ObjectKey] = []
        for (k, v) in labels {
            guard let candidates = servicesBySelectorPair[LabelPair(k, v)] else { continue }
            for service in candidates where service.namespace == namespace {
                if let selector = serviceSelectors[service], selector.allSatisfy({ labels[$0.key] == $0.value }) {
                    found.append(service)
                }
            }
        }
        guard found.count > 1 else { return found }
        found.sort()
        var unique: [ObjectKey] = [found[0]]
        for service in found.dropFirst() where service != unique[unique.count - 1] { unique.append(service) }
        return unique
    }

    mutating func reindexServiceSelector(_ key: ObjectKey) {
        if let old = serviceSelectors.removeValue(forKey: key) {
            for (k, v) in old {
                servicesBySelectorPair[LabelPair(k, v)]?.remove(key)
            }
        }
        // The API server stores `selector: {}` as no selector, so such a Service gets no managed endpoints either.
        guard let service = store.get(Service.self, key), let selector = service.spec.selector, !selector.isEmpty else {
            return
        }
        serviceSelectors[key] = selector
        for (k, v) in selector { servicesBySelectorPair[LabelPair(k, v), default: []].insert(key) }
    }
}
