import ClusterStore
import KubeModel

/// The StatefulSet controller: pods `NAME-0..N-1` with stable hostnames under the governing Service; with
/// OrderedReady, ordinal i starts only when 0..i-1 are running and ready, and scale-down removes the highest
/// ordinal first, one at a time.
extension Simulator {
    mutating func reconcileStatefulSet(_ key: ObjectKey) {
        guard var sts = store.get(StatefulSet.self, key), !sts.metadata.isTerminating else { return }
        let desired = sts.spec.desiredReplicas
        let start = sts.spec.startOrdinal
        let revision = "\(sts.metadata.name)-\(TemplateHash.compute(sts.spec.template))"
        let owned = store.snapshot.pods.owned(by: sts.metadata.uid)
        var byOrdinal: [Int: Pod] = [:]
        for pod in owned {
            if let ordinal = Int(pod.metadata.name.dropFirst(sts.metadata.name.count + 1)) { byOrdinal[ordinal] = pod }
        }
        let ordered = sts.spec.podManagementPolicy == .orderedReady
        var owner = ReplicaOwner(type: .statefulSet, metadata: sts.metadata, desired: desired,
                                 template: sts.spec.template, minReadySeconds: sts.spec.minReadySeconds)
        owner.template.metadata.labels["controller-revision-hash"] = revision

        // Create missing ordinals in order.
        for ordinal in start..<(start + desired) {
            if let pod = byOrdinal[ordinal] {
                if ordered && !(pod.isReady && pod.isActive) { break }
                continue
            }
            var o = owner
            let name = "\(sts.metadata.name)-\(ordinal)"
            o.template.metadata.labels["statefulset.kubernetes.io/pod-name"] = name
            o.template.metadata.labels["apps.kubernetes.io/pod-index"] = String(ordinal)
            if let pod = createPod(for: o, name: name, hostname: name, subdomain: sts.spec.serviceName) {
                byOrdinal[ordinal] = pod
            }
            if ordered { break }
        }
        // Remove ordinals beyond the desired range, highest first.
        let extra = byOrdinal.keys.filter { $0 >= start + desired || $0 < start }.sorted(by: >)
        for ordinal in extra {
            let pod = byOrdinal[ordinal]!
            if pod.metadata.isTerminating {
                if ordered { break }
                continue
            }
            try? beginTermination(pod.metadata.key, gracePeriodSeconds: nil)
            recordEvent(involved: .statefulSet, sts.metadata, reason: "SuccessfulDelete",
                        message: "delete Pod \(pod.metadata.name) in StatefulSet \(sts.metadata.name) successful",
                        component: "statefulset-controller")
            if ordered { break }
        }

        let pods = store.snapshot.pods.owned(by: sts.metadata.uid).filter(\.isActive)
        var s = sts.status
        s.observedGeneration = sts.metadata.generation ?? 0
        s.replicas = pods.count
        s.readyReplicas = pods.filter(\.isReady).count
        s.availableReplicas = s.readyReplicas
        s.currentReplicas = pods.count
        s.updatedReplicas = pods.count
        s.currentRevision = revision
        s.updateRevision = revision
        if s != sts.status {
            sts.status = s
            _ = try? store.update(sts)
        }
    }
}
