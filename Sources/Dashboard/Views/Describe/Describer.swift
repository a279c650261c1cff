import ClusterStore
import KubeModel
import Simulation

/// A describe page: the plain-language summary, then kubectl describe's text.
struct DescribeDocument: Sendable, Hashable {
    /// `Describe(shop/api)`.
    var title: String
    var summary: [String]
    var body: [String]
}

/// `kubectl describe` for the objects the dashboard shows, from a snapshot. Pure.
enum Describer {
    static func describe(_ ref: ObjectRef, state: ClusterState) -> DescribeDocument? {
        guard let object = state.get(ref.type, ref.key) else { return nil }
        let title = "Describe(\(ref.key))"
        var text = DescribeText()
        let summary: [String]
        switch object {
        case .service(let s):
            summary = TrafficSummary.service(s, state: state)
            NetworkDescriber.service(s, state: state, into: &text)
        case .ingress(let i):
            summary = TrafficSummary.ingress(i, state: state)
            NetworkDescriber.ingress(i, state: state, into: &text)
        case .endpointSlice(let e):
            summary = TrafficSummary.endpointSlice(e)
            NetworkDescriber.endpointSlice(e, state: state, into: &text)
        case .endpoints(let e):
            summary = TrafficSummary.endpoints(e)
            NetworkDescriber.endpoints(e, state: state, into: &text)
        case .pod(let p):
            summary = TrafficSummary.pod(p, state: state)
            WorkloadDescriber.pod(p, state: state, into: &text)
        case .deployment(let d):
            let rs = WorkloadDescriber.replicaSets(of: d, state: state)
            let pods = rs.flatMap { state.pods.owned(by: $0.metadata.uid) }
            let newest = WorkloadDescriber.newReplicaSet(rs)
            summary = TrafficSummary.workload(
                kind: "Deployment", meta: d.metadata, template: d.spec.template.metadata.labels, pods: pods,
                desired: d.spec.desiredReplicas, extra: newest.map { "ReplicaSet \($0.metadata.name)" }, state: state)
            WorkloadDescriber.deployment(d, replicaSets: rs, state: state, into: &text)
        case .replicaSet(let r):
            summary = TrafficSummary.workload(
                kind: "ReplicaSet", meta: r.metadata, template: r.spec.template.metadata.labels,
                pods: state.pods.owned(by: r.metadata.uid), desired: r.spec.desiredReplicas,
                extra: r.metadata.controllerRef.map { "owned by \($0.kind) \($0.name)" }, state: state)
            WorkloadDescriber.replicaSet(r, state: state, into: &text)
        case .statefulSet(let s):
            summary = TrafficSummary.workload(
                kind: "StatefulSet", meta: s.metadata, template: s.spec.template.metadata.labels,
                pods: state.pods.owned(by: s.metadata.uid), desired: s.spec.desiredReplicas,
                extra: s.spec.serviceName.map { "governing Service \($0)" }, state: state)
            WorkloadDescriber.statefulSet(s, state: state, into: &text)
        case .daemonSet(let d):
            summary = TrafficSummary.workload(
                kind: "DaemonSet", meta: d.metadata, template: d.spec.template.metadata.labels,
                pods: state.pods.owned(by: d.metadata.uid), desired: d.status.desiredNumberScheduled,
                extra: "one per eligible node", state: state)
            WorkloadDescriber.daemonSet(d, state: state, into: &text)
        case .node(let n):
            summary = TrafficSummary.node(n, state: state)
            ClusterDescriber.node(n, state: state, into: &text)
        case .namespace(let n):
            summary = TrafficSummary.namespace(n, state: state)
            ClusterDescriber.namespace(n, state: state, into: &text)
        default:
            summary = []
            ClusterDescriber.generic(object, type: ref.type, state: state, into: &text)
        }
        return DescribeDocument(title: title, summary: summary, body: text.rendered())
    }
}
