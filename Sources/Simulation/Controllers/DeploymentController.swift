import ClusterStore
import KubeModel

/// The Deployment controller: one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`), rolled with
/// RollingUpdate (maxSurge rounded up, maxUnavailable rounded down, as Kubernetes rounds them) or Recreate.
extension Simulator {
    mutating func reconcileDeployment(_ key: ObjectKey) {
        guard let deployment = store.get(Deployment.self, key), !deployment.metadata.isTerminating else { return }
        let hash = templateHash(deployment)
        var owned = store.snapshot.replicaSets.owned(by: deployment.metadata.uid)
            .sorted { ($0.metadata.creationTimestamp ?? now, $0.metadata.name) < ($1.metadata.creationTimestamp ?? now, $1.metadata.name) }
        var newRS = owned.first { $0.metadata.labels[TemplateHash.label] == hash }
        let oldRSs = owned.filter { $0.metadata.labels[TemplateHash.label] != hash }
        let desired = deployment.spec.desiredReplicas

        if newRS == nil, !deployment.spec.paused {
            newRS = createReplicaSet(for: deployment, hash: hash, revision: nextRevision(owned),
                                     replicas: initialReplicas(deployment, oldRSs: oldRSs))
            if let rs = newRS { owned.append(rs) }
        }
        if let rs = newRS, !deployment.spec.paused {
            if deployment.spec.strategy.type == .recreate {
                rolloutRecreate(deployment, newRS: rs, oldRSs: oldRSs)
            } else {
                rolloutRolling(deployment, newRS: rs, oldRSs: oldRSs, desired: desired)
            }
        }
        updateDeploymentStatus(key, hash: hash)
    }

    private func nextRevision(_ owned: [ReplicaSet]) -> Int {
        (owned.compactMap { Int($0.metadata.annotations["deployment.kubernetes.io/revision"] ?? "") }.max() ?? 0) + 1
    }

    private func limits(_ d: Deployment) -> (surge: Int, unavailable: Int) {
        let desired = d.spec.desiredReplicas
        let l = d.spec.strategy.rollingUpdate ?? DeploymentStrategy.defaultLimits
        var surge = l.maxSurge.scaled(total: desired, roundUp: true) ?? 0
        var unavailable = l.maxUnavailable.scaled(total: desired, roundUp: false) ?? 0
        if surge == 0 && unavailable == 0 { unavailable = 1 }
        surge = max(0, surge)
        unavailable = max(0, min(unavailable, desired))
        return (surge, unavailable)
    }

    private func initialReplicas(_ d: Deployment, oldRSs: [ReplicaSet]) -> Int {
        let desired = d.spec.desiredReplicas
        let current = oldRSs.reduce(0) { $0 + $1.spec.desiredReplicas }
        if d.spec.strategy.type == .recreate { return current == 0 ? desired : 0 }
        if current == 0 { return desired }
        let maxTotal = desired + limits(d).surge
        return max(0, min(maxTotal - current, desired))
    }

    private mutating func createReplicaSet(for d: Deployment, hash: String, revision: Int, replicas: Int) -> ReplicaSet? {
        var template = d.spec.template
        template.metadata.labels[TemplateHash.label] = hash
        var selector = d.spec.selector
        selector.matchLabels[TemplateHash.label] = hash
        var meta = ObjectMeta(name: "\(d.metadata.name)-\(hash)", namespace: d.metadata.namespace,
                              labels: template.metadata.labels)
        meta.annotations = [
            "deployment.kubernetes.io/revision": String(revision),
            "deployment.kubernetes.io/desired-replicas": String(d.spec.desiredReplicas),
            "deployment.kubernetes.io/max-replicas": String(d.spec.desiredReplicas + limits(d).surge),
        ]
        meta.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name,
                                               uid: d.metadata.uid)]
        var spec = ReplicaSetSpec(replicas: replicas, selector: selector, template: template)
        spec.minReadySeconds = d.spec.minReadySeconds
        guard let rs = try? store.create(ReplicaSet(metadata: meta, spec: spec)) else { return nil }
        recordEvent(involved: .deployment, d.metadata, reason: "ScalingReplicaSet",
                    message: "Scaled up replica set \(rs.metadata.name) from 0 to \(replicas)",
                    component: "deployment-controller")
        return rs
    }

    /// Sets a ReplicaSet's replicas and records the ScalingReplicaSet event kubectl describe shows.
    @discardableResult
    mutating func scaleReplicaSet(_ rs: ReplicaSet, to replicas: Int, for d: Deployment) -> ReplicaSet {
        let from = rs.spec.desiredReplicas
        guard from != replicas else { return rs }
        var updated = rs
        updated.spec.replicas = replicas
        updated.metadata.annotations["deployment.kubernetes.io/desired-replicas"] = String(d.spec.desiredReplicas)
        guard let written = try? store.update(updated, specChanged: true) else { return rs }
        let verb = replicas > from ? "up" : "down"
        recordEvent(involved: .deployment, d.metadata, reason: "ScalingReplicaSet",
                    message: "Scaled \(verb) replica set \(rs.metadata.name) from \(from) to \(replicas)",
                    component: "deployment-controller")
        return written
    }

    private mutating func rolloutRolling(_ d: Deployment, newRS: ReplicaSet, oldRSs: [ReplicaSet], desired: Int) {
        let (surge, maxUnavailable) = limits(d)
        var newRS = newRS
        let oldActive = oldRSs.filter { $0.spec.desiredReplicas > 0 }
        if oldActive.isEmpty {
            scaleReplicaSet(newRS, to: desired, for: d)
            return
        }
        // Scale up the new ReplicaSet as far as maxSurge allows.
        let allCount = oldRSs.reduce(0) { $0 + $1.spec.desiredReplicas } + newRS.spec.desiredReplicas
        let maxTotal = desired + surge
        if newRS.spec.desiredReplicas < desired, allCount < maxTotal {
            let target = min(desired, newRS.spec.desiredReplicas + (maxTotal - allCount))
            newRS = scaleReplicaSet(newRS, to: target, for: d)
        } else if newRS.spec.desiredReplicas > desired {
            newRS = scaleReplicaSet(newRS, to: desired, for: d)
        }
        // Scale down old ReplicaSets as far as maxUnavailable allows, counting only available pods.
        let total = oldRSs.reduce(0) { $0 + $1.spec.desiredReplicas } + newRS.spec.desiredReplicas
        let minAvailable = desired - maxUnavailable
        let newUnavailable = max(0, newRS.spec.desiredReplicas - newRS.status.availableReplicas)
        var budget = total - minAvailable - newUnavailable
        guard budget > 0 else { return }
        // Unhealthy old replicas go first: they cost no availability.
        for rs in oldActive where budget > 0 {
            let unhealthy = rs.spec.desiredReplicas - rs.status.availableReplicas
            guard unhealthy > 0 else { continue }
            let cut = min(unhealthy, budget)
            scaleReplicaSet(rs, to: rs.spec.desiredReplicas - cut, for: d)
            budget -= cut
        }
        let refreshed = oldActive.compactMap { store.get(ReplicaSet.self, $0.metadata.key) }.filter { $0.spec.desiredReplicas > 0 }
        for rs in refreshed where budget > 0 {
            let cut = min(rs.spec.desiredReplicas, budget)
            scaleReplicaSet(rs, to: rs.spec.desiredReplicas - cut, for: d)
            budget -= cut
        }
    }

    private mutating func rolloutRecreate(_ d: Deployment, newRS: ReplicaSet, oldRSs: [ReplicaSet]) {
        for rs in oldRSs where rs.spec.desiredReplicas > 0 { scaleReplicaSet(rs, to: 0, for: d) }
        // Recreate waits until every old pod is gone before the new ones start.
        let oldPodsLeft = oldRSs.contains { !store.snapshot.pods.owned(by: $0.metadata.uid).isEmpty }
        if !oldPodsLeft { scaleReplicaSet(newRS, to: d.spec.desiredReplicas, for: d) }
    }

    /// Hashing serialises the whole template: done once per spec generation, not on every status change.
    private mutating func templateHash(_ d: Deployment) -> String {
        let generation = d.metadata.generation, collisions = d.status.collisionCount
        if let cached = templateHashes[d.metadata.uid], cached.generation == generation,
           cached.collisions == collisions {
            return cached.hash
        }
        let hash = TemplateHash.compute(d.spec.template, collisionCount: collisions)
        templateHashes[d.metadata.uid] = (generation, collisions, hash)
        return hash
    }

    private mutating func updateDeploymentStatus(_ key: ObjectKey, hash: String) {
        guard var d = store.get(Deployment.self, key) else { return }
        let all = store.snapshot.replicaSets.owned(by: d.metadata.uid)
        let newRS = all.first { $0.metadata.labels[TemplateHash.label] == hash }
        let desired = d.spec.desiredReplicas
        var s = d.status
        s.observedGeneration = d.metadata.generation ?? 0
        s.replicas = all.reduce(0) { $0 + $1.status.replicas }
        s.updatedReplicas = newRS?.status.replicas ?? 0
        s.readyReplicas = all.reduce(0) { $0 + $1.status.readyReplicas }
        s.availableReplicas = all.reduce(0) { $0 + $1.status.availableReplicas }
        s.unavailableReplicas = max(0, s.replicas - s.availableReplicas, desired - s.availableReplicas)
        let minAvailable = desired - limits(d).unavailable
        setCondition(&s.conditions, "Available", s.availableReplicas >= minAvailable,
                     reason: s.availableReplicas >= minAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                     message: s.availableReplicas >= minAvailable ? "Deployment has minimum availability."
                        : "Deployment does not have minimum availability.")
        let complete = s.updatedReplicas == desired && s.replicas == desired && s.availableReplicas == desired
        let rsName = newRS?.metadata.name ?? "\(d.metadata.name)-\(hash)"
        setCondition(&s.conditions, "Progressing", true,
                     reason: complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                     message: complete ? "ReplicaSet \"\(rsName)\" has successfully progressed."
                        : "ReplicaSet \"\(rsName)\" is progressing.")
        if s != d.status {
            d.status = s
            _ = try? store.update(d)
        }
    }

    /// Updates a condition, moving lastTransitionTime only when the status flips (lastUpdateTime on any change).
    func setCondition(_ conditions: inout [WorkloadCondition], _ type: String, _ value: Bool, reason: String,
                      message: String) {
        let t = now
        if let i = conditions.firstIndex(where: { $0.type == type }) {
            var c = conditions[i]
            guard c.isTrue != value || c.reason != reason || c.message != message else { return }
            if c.isTrue != value { c.lastTransitionTime = t }
            c.status = value ? "True" : "False"
            c.reason = reason
            c.message = message
            c.lastUpdateTime = t
            conditions[i] = c
        } else {
            conditions.append(WorkloadCondition(type: type, status: value, lastUpdateTime: t, lastTransitionTime: t,
                                                reason: reason, message: message))
        }
    }
}
