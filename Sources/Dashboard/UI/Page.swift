import KubeModel

/// What a drill-down restricts a view to.
public enum Scope: Sendable, Hashable {
    /// A Service's EndpointSlices (endpoints view) or the pods its selector matches (pods view).
    case service(ObjectKey)
    /// The pods a Deployment, ReplicaSet, StatefulSet or DaemonSet owns.
    case workload(ResourceType, ObjectKey)
    /// The pods on a node.
    case node(String)
    /// One object of the view's kind (a Service reached from an Ingress route).
    case object(ObjectKey)
    /// The one Service or Ingress the topology is drawn for (`:topo svc/NAME`).
    case focus(ResourceType, ObjectKey)

    var label: String {
        switch self {
        case .service(let key): "svc/\(key)"
        case .workload(let type, let key): "\(type.singular)/\(key)"
        case .node(let name): "node/\(name)"
        case .object(let key): key.description
        case .focus(let type, let key): "\(type.singular)/\(key)"
        }
    }
}

/// One page of the drill-down stack: a view, what it is restricted to, its filter and where its cursor is.
public struct Page: Sendable, Hashable {
    public var view: ViewKind
    public var scope: Scope?
    /// The `/` filter as typed: `text`, `!text` (inverse), `-l selector`.
    public var filter = ""
    /// The selected row's key, so the cursor follows the object when rows move.
    public var selectedKey: String?
    /// Where the cursor was, for when the selected object disappears.
    public var selectedIndex = 0
    /// The first visible row.
    public var top = 0
    /// The column sort chosen with a shift-letter key; nil keeps the view's own order.
    public var sort: ColumnSort?

    public init(view: ViewKind, scope: Scope? = nil) {
        self.view = view
        self.scope = scope
    }

    var crumb: String {
        guard let scope else { return view.names[0] }
        return "\(view.names[0]): \(scope.label)"
    }
}
