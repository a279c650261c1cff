import KubeModel

/// Ties each modelled type to its table, so the store's typed API is generic without casts.
public protocol StoredKind: APIObject {
    static var table: WritableKeyPath<ClusterState, ObjectTable<Self>> { get }
    func wrapped() -> KubeObject
}

extension Namespace: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Namespace>> { \.namespaces }
    public func wrapped() -> KubeObject { .namespace(self) }
}
extension Node: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Node>> { \.nodes }
    public func wrapped() -> KubeObject { .node(self) }
}
extension Pod: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Pod>> { \.pods }
    public func wrapped() -> KubeObject { .pod(self) }
}
extension Service: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Service>> { \.services }
    public func wrapped() -> KubeObject { .service(self) }
}
extension Endpoints: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Endpoints>> { \.endpoints }
    public func wrapped() -> KubeObject { .endpoints(self) }
}
extension EndpointSlice: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<EndpointSlice>> { \.endpointSlices }
    public func wrapped() -> KubeObject { .endpointSlice(self) }
}
extension Deployment: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Deployment>> { \.deployments }
    public func wrapped() -> KubeObject { .deployment(self) }
}
extension ReplicaSet: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<ReplicaSet>> { \.replicaSets }
    public func wrapped() -> KubeObject { .replicaSet(self) }
}
extension ReplicationController: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<ReplicationController>> {
        \.replicationControllers
    }
    public func wrapped() -> KubeObject { .replicationController(self) }
}
extension StatefulSet: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<StatefulSet>> { \.statefulSets }
    public func wrapped() -> KubeObject { .statefulSet(self) }
}
extension DaemonSet: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<DaemonSet>> { \.daemonSets }
    public func wrapped() -> KubeObject { .daemonSet(self) }
}
extension Ingress: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Ingress>> { \.ingresses }
    public func wrapped() -> KubeObject { .ingress(self) }
}
extension IngressClass: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<IngressClass>> { \.ingressClasses }
    public func wrapped() -> KubeObject { .ingressClass(self) }
}
extension Secret: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Secret>> { \.secrets }
    public func wrapped() -> KubeObject { .secret(self) }
}
extension ConfigMap: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<ConfigMap>> { \.configMaps }
    public func wrapped() -> KubeObject { .configMap(self) }
}
extension ServiceAccount: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<ServiceAccount>> { \.serviceAccounts }
    public func wrapped() -> KubeObject { .serviceAccount(self) }
}
extension Event: StoredKind {
    public static var table: WritableKeyPath<ClusterState, ObjectTable<Event>> { \.events }
    public func wrapped() -> KubeObject { .event(self) }
}
