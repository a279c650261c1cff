import ClusterStore
import KubeModel

/// What each pod contributes to its owner's replica status, kept by the Dispatcher as pods change, so a ReplicaSet
/// reconcile (several per pod kill) adds up small values instead of copying every owned pod out of the store.
struct ReplicaTally: Sendable {
    struct Facts: Sendable {
        var active: Bool
        var ready: Bool
        /// The Ready condition's lastTransitionTime, if it has one.
        var readySinceMs: Int64?
        var labels: [String: String]

        init(_ pod: Pod) {
            active = pod.isActive
            ready = pod.isReady
            readySinceMs = pod.status.condition("Ready")?.lastTransitionTime?.milliseconds
            labels = pod.metadata.labels
        }
    }

    /// Per owner (controller uid), per pod.
    private(set) var byOwner: [String: [ObjectKey: Facts]] = [:]

    mutating func note(_ key: ObjectKey, before: Pod?, after: Pod?) {
        if let owner = before?.metadata.controllerRef?.uid, owner != after?.metadata.controllerRef?.uid {
            byOwner[owner]?[key] = nil
            if byOwner[owner]?.isEmpty == true { byOwner[owner] = nil }
        }
        guard let pod = after, let owner = pod.metadata.controllerRef?.uid else { return }
        byOwner[owner, default: [:]][key] = Facts(pod)
    }
}

extension Simulator {
    /// The owner's replica counts from the tally, or nil when the tally does not cover exactly the pods the store
    /// says the owner has (then the caller counts from the store).
    func tallyCounts(_ owner: ReplicaOwner) -> (ReplicaCounts, nextAvailability: Int64?)? {
        let uid = owner.metadata.uid
        let facts = replicaTally.byOwner[uid] ?? [:]
        guard facts.count == store.table(Pod.self).byOwner[uid]?.count ?? 0 else { return nil }
        return replicaCounts(facts.values, owner)
    }

    /// Replica counts as a ReplicaSet's status reports them, from its pods' facts, and when the next ready pod
    /// becomes available (minReadySeconds after it became ready).
    func replicaCounts(_ pods: some Sequence<ReplicaTally.Facts>, _ owner: ReplicaOwner)
        -> (ReplicaCounts, nextAvailability: Int64?) {
        var counts = ReplicaCounts()
        let templateLabels = owner.template.metadata.labels
        let nowMs = now.milliseconds
        var nextAvailability: Int64?
        for pod in pods where pod.active {
            counts.replicas += 1
            if Self.carriesTemplateLabels(pod.labels, templateLabels) { counts.fullyLabeled += 1 }
            guard pod.ready else { continue }
            counts.ready += 1
            let availableAt = (pod.readySinceMs ?? nowMs) + Int64(owner.minReadySeconds) * 1000
            if availableAt <= nowMs {
                counts.available += 1
            } else {
                nextAvailability = min(nextAvailability ?? availableAt, availableAt)
            }
        }
        return (counts, nextAvailability)
    }

    /// Whether a pod's labels include every label of its owner's template (status.fullyLabeledReplicas). Pods made
    /// from the template share its labels' storage, so the comparison is usually immediate.
    static func carriesTemplateLabels(_ labels: [String: String], _ templateLabels: [String: String]) -> Bool {
        labels == templateLabels || templateLabels.allSatisfy { labels[$0.key] == $0.value }
    }
}
