import ClusterStore
import KubeModel
import Simulation

/// What a view is built from: the snapshot, the namespace and the drill-down scope.
struct ViewContext {
    var state: ClusterState
    /// nil: all namespaces.
    var namespace: String?
    var scope: Scope?
    var glyphs: Glyphs
    /// The load counters published with the snapshot (traffic view).
    var traffic: TrafficFeed = .none
    /// The hops of the trace on screen, highlighted in the topology; empty when there is none.
    var traceHops: [TraceHop] = []

    var now: Timestamp { state.now }
    /// Whether a NAMESPACE column is needed (every namespace is shown, as with `kubectl get -A`).
    var showsNamespace: Bool { namespace == nil && scopeNamespace == nil }

    var scopeNamespace: String? {
        switch scope {
        case .service(let k)?, .workload(_, let k)?, .object(let k)?, .focus(_, let k)?: k.namespace
        case .node?, nil: nil
        }
    }

    var scopeLabel: String { scope?.label ?? namespace ?? "all" }

    /// The objects of a table in the current namespace, sorted by namespace and name.
    func objects<T: APIObject>(_ table: ObjectTable<T>) -> [T] {
        sortedKeys(table).compactMap { table[$0] }
    }

    /// The keys of a table in the current namespace, sorted by namespace and name.
    func sortedKeys<T: APIObject>(_ table: ObjectTable<T>) -> [ObjectKey] {
        SortedKeyCache.shared.sortedKeys(table, namespace: namespace)
    }

    /// The first cells of a row: the namespace when every namespace is shown, then the name.
    func leading(_ meta: ObjectMeta) -> [String] {
        showsNamespace ? [meta.namespace, meta.name] : [meta.name]
    }

    func leadingColumns(_ name: String = "NAME") -> [Column] {
        let nameColumn = Column(name, flexible: true)
        return showsNamespace ? [Column("NAMESPACE", flexible: true), nameColumn] : [nameColumn]
    }
}
