import ClusterStore
import KubeModel

/// Sort values for keyed (large) tables read straight from the objects, so sorting 100,000 pods by a column costs a
/// lookup per pod rather than formatting every row. Each value orders as the column's formatted cell would.
enum KeyedSort {
    static func value(view: ViewKind, column: String, state: ClusterState) -> ((ObjectKey) -> SortValue?)? {
        guard view == .pods else { return nil }
        let now = state.now.milliseconds
        let pods = state.pods
        switch column {
        case "NAME": return { .text($0.name.lowercased()) }
        case "NAMESPACE": return { .text($0.namespace.lowercased()) }
        case "AGE":
            return { key in
                guard let created = pods[key]?.metadata.creationTimestamp else { return .text("<unknown>") }
                return .number(Double(now - created.milliseconds), 0)
            }
        case "READY":
            return { key in
                guard let pod = pods[key] else { return nil }
                return SortValue(Format.podReady(pod), kind: .ratio)
            }
        case "STATUS":
            return { key in pods[key].map { .text(Format.podStatus($0).lowercased()) } }
        case "RESTARTS":
            return { key in
                pods[key].map { .number(Double($0.status.containerStatuses.reduce(0) { $0 + $1.restartCount }), 0) }
            }
        case "IP":
            return { key in pods[key].map { SortValue(Format.orNone($0.status.podIP), kind: .address) } }
        case "NODE":
            return { key in pods[key].map { .text(Format.orNone($0.spec.nodeName).lowercased()) } }
        default:
            return nil
        }
    }
}
