import ClusterStore
import KubeModel

extension Simulator {
    /// Performs one action. Errors name the problem and leave the cluster unchanged.
    public mutating func perform(_ action: Action) throws {
        switch action {
        case .scale(let ref, let replicas): try scale(ref, replicas)
        case .delete(let ref, let grace):
            try requireExists(ref)
            try deleteObject(ref.type, ref.key, gracePeriodSeconds: grace)
        case .kill(let ref):
            try requireExists(ref)
            try removePod(ref.key)
        case .apply(let path): try applyFile(path)
        case .advance(let ms): advance(byMs: ms)
        case .settle: settle()
        case .failReadiness(let ref): try setReadinessFailing(try requirePod(ref), failing: true)
        case .recoverReadiness(let ref): try setReadinessFailing(try requirePod(ref), failing: false)
        case .crash(let ref, let loop): try crashContainer(try requirePod(ref), loop: loop)
        case .failNode(let n): try failNode(n)
        case .recoverNode(let n): try recoverNode(n)
        case .cordon(let n): try setCordoned(n, true)
        case .uncordon(let n): try setCordoned(n, false)
        case .drain(let n): try drainNode(n)
        case .load(let url, let rps, let ms):
            do {
                try startLoad(url: url, rps: rps, durationMs: ms)
            } catch let error as TrafficInputError {
                throw SimulationError.invalidAction("load: \(error.message)")
            }
        case .stopLoad(let url):
            do {
                try stopLoad(url: url)
            } catch let error as TrafficInputError {
                throw SimulationError.invalidAction("load stop: \(error.message)")
            }
        }
        runControllers()
    }

    private func requireExists(_ ref: ObjectRef) throws {
        guard store.snapshot.get(ref.type, ref.key) != nil else {
            throw APIError.notFound(ref.type, ref.name, namespace: ref.namespace)
        }
    }

    private func requirePod(_ ref: ObjectRef) throws -> ObjectKey {
        try requireExists(ref)
        return ref.key
    }

    private mutating func scale(_ ref: ObjectRef, _ replicas: Int) throws {
        switch ref.type {
        case .deployment:
            guard var d = store.get(Deployment.self, ref.key) else { throw notFound(ref) }
            d.spec.replicas = replicas
            try store.update(d, specChanged: true)
        case .replicaSet:
            guard var rs = store.get(ReplicaSet.self, ref.key) else { throw notFound(ref) }
            rs.spec.replicas = replicas
            try store.update(rs, specChanged: true)
        case .statefulSet:
            guard var sts = store.get(StatefulSet.self, ref.key) else { throw notFound(ref) }
            sts.spec.replicas = replicas
            try store.update(sts, specChanged: true)
        case .replicationController:
            guard var rc = store.get(ReplicationController.self, ref.key) else { throw notFound(ref) }
            rc.spec.replicas = replicas
            try store.update(rc, specChanged: true)
        default:
            throw SimulationError.unsupported("cannot scale \(ref.type.plural): only deployments, replicasets, statefulsets and replicationcontrollers scale")
        }
    }

    private func notFound(_ ref: ObjectRef) -> APIError {
        APIError.notFound(ref.type, ref.name, namespace: ref.namespace)
    }
}
