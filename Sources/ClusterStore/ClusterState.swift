import KubeModel

/// Every object in the cluster, by kind. A value: copying it is how readers get an immutable snapshot.
public struct ClusterState: Sendable {
    public internal(set) var namespaces = ObjectTable<Namespace>()
    public internal(set) var nodes = ObjectTable<Node>()
    /// Counts ready pods that are not terminating, so the dashboard's header needs no scan of every pod.
    public internal(set) var pods = ObjectTable<Pod>(nodeOf: { $0.spec.nodeName },
                                                     counts: { $0.isReadyAndNotTerminating })
    public internal(set) var services = ObjectTable<Service>()
    public internal(set) var endpoints = ObjectTable<Endpoints>()
    public internal(set) var endpointSlices = ObjectTable<EndpointSlice>()
    public internal(set) var deployments = ObjectTable<Deployment>()
    public internal(set) var replicaSets = ObjectTable<ReplicaSet>()
    public internal(set) var replicationControllers = ObjectTable<ReplicationController>()
    public internal(set) var statefulSets = ObjectTable<StatefulSet>()
    public internal(set) var daemonSets = ObjectTable<DaemonSet>()
    public internal(set) var ingresses = ObjectTable<Ingress>()
    public internal(set) var ingressClasses = ObjectTable<IngressClass>()
    public internal(set) var secrets = ObjectTable<Secret>()
    public internal(set) var configMaps = ObjectTable<ConfigMap>()
    public internal(set) var serviceAccounts = ObjectTable<ServiceAccount>()
    public internal(set) var events = ObjectTable<Event>(indexesNamespaces: false)
    /// Kinds the simulation does not model (custom resources, HPA, NetworkPolicy …), kept whole.
    public internal(set) var generic: [ResourceType: [ObjectKey: GenericObject]] = [:]

    /// The resourceVersion of the newest write.
    public internal(set) var resourceVersion: Int = 0
    /// Virtual time as of this state.
    public internal(set) var now = Timestamp(milliseconds: 0)

    public init() {}

    /// Kinds present in the store that the simulation does not model, for `get` by name.
    public var genericTypes: [ResourceType] { Array(generic.keys).sorted { $0.qualifiedPlural < $1.qualifiedPlural } }

    /// Every object of one kind as a `KubeObject`, sorted by namespace and name (kubectl's order).
    public func list(_ type: ResourceType) -> [KubeObject] {
        func sorted<T: APIObject>(_ table: ObjectTable<T>, _ wrap: (T) -> KubeObject) -> [KubeObject] {
            table.all.sorted { $0.metadata.key < $1.metadata.key }.map(wrap)
        }
        switch type {
        case .namespace: return sorted(namespaces, KubeObject.namespace)
        case .node: return sorted(nodes, KubeObject.node)
        case .pod: return sorted(pods, KubeObject.pod)
        case .service: return sorted(services, KubeObject.service)
        case .endpoints: return sorted(endpoints, KubeObject.endpoints)
        case .endpointSlice: return sorted(endpointSlices, KubeObject.endpointSlice)
        case .deployment: return sorted(deployments, KubeObject.deployment)
        case .replicaSet: return sorted(replicaSets, KubeObject.replicaSet)
        case .replicationController: return sorted(replicationControllers, KubeObject.replicationController)
        case .statefulSet: return sorted(statefulSets, KubeObject.statefulSet)
        case .daemonSet: return sorted(daemonSets, KubeObject.daemonSet)
        case .ingress: return sorted(ingresses, KubeObject.ingress)
        case .ingressClass: return sorted(ingressClasses, KubeObject.ingressClass)
        case .secret: return sorted(secrets, KubeObject.secret)
        case .configMap: return sorted(configMaps, KubeObject.configMap)
        case .serviceAccount: return sorted(serviceAccounts, KubeObject.serviceAccount)
        case .event: return sorted(events, KubeObject.event)
        default:
            return (generic[type] ?? [:]).values.sorted { $0.metadata.key < $1.metadata.key }.map(KubeObject.generic)
        }
    }

    public func get(_ type: ResourceType, _ key: ObjectKey) -> KubeObject? {
        switch type {
        case .namespace: return namespaces[key].map(KubeObject.namespace)
        case .node: return nodes[key].map(KubeObject.node)
        case .pod: return pods[key].map(KubeObject.pod)
        case .service: return services[key].map(KubeObject.service)
        case .endpoints: return endpoints[key].map(KubeObject.endpoints)
        case .endpointSlice: return endpointSlices[key].map(KubeObject.endpointSlice)
        case .deployment: return deployments[key].map(KubeObject.deployment)
        case .replicaSet: return replicaSets[key].map(KubeObject.replicaSet)
        case .replicationController: return replicationControllers[key].map(KubeObject.replicationController)
        case .statefulSet: return statefulSets[key].map(KubeObject.statefulSet)
        case .daemonSet: return daemonSets[key].map(KubeObject.daemonSet)
        case .ingress: return ingresses[key].map(KubeObject.ingress)
        case .ingressClass: return ingressClasses[key].map(KubeObject.ingressClass)
        case .secret: return secrets[key].map(KubeObject.secret)
        case .configMap: return configMaps[key].map(KubeObject.configMap)
        case .serviceAccount: return serviceAccounts[key].map(KubeObject.serviceAccount)
        case .event: return events[key].map(KubeObject.event)
        default: return generic[type]?[key].map(KubeObject.generic)
        }
    }

    /// Total number of objects, for figures and the header.
    public var objectCount: Int {
        namespaces.count + nodes.count + pods.count + services.count + endpoints.count + endpointSlices.count
            + deployments.count + replicaSets.count + replicationControllers.count + statefulSets.count
            + daemonSets.count + ingresses.count + ingressClasses.count + secrets.count + configMaps.count
            + serviceAccounts.count + events.count + generic.values.reduce(0) { $0 + $1.count }
    }
}
