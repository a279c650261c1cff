import ClusterStore
import KubeModel

/// The replica-keeping loop shared by ReplicaSets and ReplicationControllers, as kube-controller-manager's
/// replica_set.go shares it: count active pods, create or delete the difference, report status.
struct ReplicaOwner {
    var type: ResourceType
    var metadata: ObjectMeta
    var desired: Int
    var template: PodTemplateSpec
    var minReadySeconds: Int
}

struct ReplicaCounts: Equatable {
    var replicas = 0
    var fullyLabeled = 0
    var ready = 0
    var available = 0
}

/// ReplicaSets and ReplicationControllers differ only in their selector's shape; the loop and status are shared.
protocol ReplicaKeeping: StoredKind {
    var replicaOwner: ReplicaOwner { get }
    var replicaStatus: ReplicaSetStatus { get set }
}

extension ReplicaSet: ReplicaKeeping {
    var replicaOwner: ReplicaOwner {
        ReplicaOwner(type: .replicaSet, metadata: metadata, desired: spec.desiredReplicas, template: spec.template,
                     minReadySeconds: spec.minReadySeconds)
    }
    var replicaStatus: ReplicaSetStatus {
        get { status }
        set { status = newValue }
    }
}

extension ReplicationController: ReplicaKeeping {
    var replicaOwner: ReplicaOwner {
        ReplicaOwner(type: .replicationController, metadata: metadata, desired: spec.desiredReplicas,
                     template: spec.template, minReadySeconds: spec.minReadySeconds)
    }
    var replicaStatus: ReplicaSetStatus {
        get { status }
        set { status = newValue }
    }
}

extension Simulator {
    mutating func reconcileReplicaSet(_ key: ObjectKey) { reconcileReplicas(ReplicaSet.self, key) }

    mutating func reconcileReplicationController(_ key: ObjectKey) {
        reconcileReplicas(ReplicationController.self, key)
    }

    private mutating func reconcileReplicas<T: ReplicaKeeping>(_ type: T.Type, _ key: ObjectKey) {
        guard var object = store.get(T.self, key) else { return }
        let counts = manageReplicas(object.replicaOwner)
        var status = object.replicaStatus
        status.replicas = counts.replicas
        status.fullyLabeledReplicas = counts.fullyLabeled
        status.readyReplicas = counts.ready
        status.availableReplicas = counts.available
        status.observedGeneration = object.metadata.generation ?? 0
        if status != object.replicaStatus {
            object.replicaStatus = status
            _ = try? store.update(object)
        }
    }

    /// Creates or deletes pods so the owner has `desired` active ones. Only active pods count (not finished, not
    /// terminating), so a replacement starts the moment a pod begins terminating. Pods are read in place through
    /// the Dispatcher's tally (or the owner index), once: only a scale-down, which must rank them, collects them.
    mutating func manageReplicas(_ owner: ReplicaOwner) -> ReplicaCounts {
        var (counts, nextAvailability) = tallyCounts(owner) ?? replicaCounts(owner)
        let diff = counts.replicas - owner.desired
        if owner.metadata.isTerminating {
            // Owner being deleted: the garbage collector, not this loop, takes the pods.
        } else if diff < 0 {
            // New pods are active, not ready, and carry the template's labels: the counts follow without a recount.
            let templateLabels = owner.template.metadata.labels
            for _ in 0..<(-diff) {
                guard let pod = createPod(for: owner) else { continue }
                counts.replicas += 1
                if Self.carriesTemplateLabels(pod.metadata.labels, templateLabels) { counts.fullyLabeled += 1 }
            }
        } else if diff > 0 {
            let pods = store.table(Pod.self)
            let active = (pods.byOwner[owner.metadata.uid] ?? []).compactMap { pods[$0] }.filter(\.isActive)
            // No need to sort first: deletionOrder is a total order.
            for pod in active.sorted(by: deletionOrder).prefix(diff) {
                try? beginTermination(pod.metadata.key, gracePeriodSeconds: nil)
                recordEvent(involved: owner.type, owner.metadata, reason: "SuccessfulDelete",
                            message: "Deleted pod: \(pod.metadata.name)", component: controllerName(owner.type))
            }
            // Scale-down is rare: count again rather than subtract each doomed pod's share.
            (counts, nextAvailability) = replicaCounts(owner)
        }
        if let at = nextAvailability {
            let controller: ControllerID = owner.type == .replicaSet ? .replicaSet : .replicationController
            schedule(.requeue(controller, owner.metadata.key), afterMs: at - now.milliseconds)
        }
        return counts
    }

    /// The owner's active pods counted as its status reports them, and when the next one becomes available.
    func replicaCounts(_ owner: ReplicaOwner) -> (ReplicaCounts, nextAvailability: Int64?) {
        let pods = store.table(Pod.self)
        let owned = (pods.byOwner[owner.metadata.uid] ?? []).lazy.compactMap { pods[$0] }
        return replicaCounts(owned.map(ReplicaTally.Facts.init), owner)
    }

    /// Kubernetes' ActivePodsWithRanks order, most deletable first: unassigned before assigned, Pending before
    /// Running, not ready before ready, lower pod-deletion-cost first, then the newest.
    func deletionOrder(_ a: Pod, _ b: Pod) -> Bool {
        let assignedA = a.spec.nodeName != nil, assignedB = b.spec.nodeName != nil
        if assignedA != assignedB { return !assignedA }
        let rank: (Pod) -> Int = { p in
            switch p.status.phase {
            case .pending: return 0
            case .unknown: return 1
            default: return 2
            }
        }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        if a.isReady != b.isReady { return !a.isReady }
        let cost: (Pod) -> Int = { Int($0.metadata.annotations["controller.kubernetes.io/pod-deletion-cost"] ?? "") ?? 0 }
        if cost(a) != cost(b) { return cost(a) < cost(b) }
        let ta = a.metadata.creationTimestamp ?? Timestamp(milliseconds: 0)
        let tb = b.metadata.creationTimestamp ?? Timestamp(milliseconds: 0)
        if ta != tb { return ta > tb }
        return a.metadata.name > b.metadata.name
    }

    mutating func createPod(for owner: ReplicaOwner, name fixedName: String? = nil, hostname: String? = nil,
                            subdomain: String? = nil) -> Pod? {
        let ns = owner.metadata.namespace
        var name = fixedName ?? ""
        if fixedName == nil {
            repeat {
                name = "\(owner.metadata.name)-\(rng.nameSuffix())"
            } while store.get(Pod.self, ObjectKey(namespace: ns, name: name)) != nil
        }
        var meta = ObjectMeta(name: name, namespace: ns, labels: owner.template.metadata.labels,
                              annotations: owner.template.metadata.annotations)
        if fixedName == nil { meta.generateName = "\(owner.metadata.name)-" }
        meta.ownerReferences = [OwnerReference(apiVersion: owner.type.apiVersion, kind: owner.type.kind,
                                               name: owner.metadata.name, uid: owner.metadata.uid)]
        var spec = owner.template.spec
        if let hostname { spec.hostname = hostname }
        if let subdomain { spec.subdomain = subdomain }
        var pod = Pod(metadata: meta, spec: spec)
        pod.status.phase = .pending
        guard let created = try? store.create(pod) else { return nil }
        pod = created
        recordEvent(involved: owner.type, owner.metadata, reason: "SuccessfulCreate", message: "Created pod: \(name)",
                    component: controllerName(owner.type))
        return pod
    }

    func controllerName(_ type: ResourceType) -> String {
        switch type {
        case .replicaSet: return "replicaset-controller"
        case .replicationController: return "replication-controller"
        case .statefulSet: return "statefulset-controller"
        case .daemonSet: return "daemonset-controller"
        case .deployment: return "deployment-controller"
        default: return "controller-manager"
        }
    }
}
