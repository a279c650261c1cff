/// Any object the store holds: one of the modelled kinds, or a generic object kept whole.
public enum KubeObject: Sendable, Equatable, JSONEncodable {
    case namespace(Namespace), node(Node), pod(Pod), service(Service), endpoints(Endpoints), endpointSlice(EndpointSlice),
         deployment(Deployment), replicaSet(ReplicaSet), replicationController(ReplicationController),
         statefulSet(StatefulSet), daemonSet(DaemonSet), ingress(Ingress), ingressClass(IngressClass), secret(Secret),
         configMap(ConfigMap), serviceAccount(ServiceAccount), event(Event), generic(GenericObject)

    public var metadata: ObjectMeta {
        get {
            switch self {
            case .namespace(let o): o.metadata
            case .node(let o): o.metadata
            case .pod(let o): o.metadata
            case .service(let o): o.metadata
            case .endpoints(let o): o.metadata
            case .endpointSlice(let o): o.metadata
            case .deployment(let o): o.metadata
            case .replicaSet(let o): o.metadata
            case .replicationController(let o): o.metadata
            case .statefulSet(let o): o.metadata
            case .daemonSet(let o): o.metadata
            case .ingress(let o): o.metadata
            case .ingressClass(let o): o.metadata
            case .secret(let o): o.metadata
            case .configMap(let o): o.metadata
            case .serviceAccount(let o): o.metadata
            case .event(let o): o.metadata
            case .generic(let o): o.metadata
            }
        }
        set {
            switch self {
            case .namespace(var o): o.metadata = newValue; self = .namespace(o)
            case .node(var o): o.metadata = newValue; self = .node(o)
            case .pod(var o): o.metadata = newValue; self = .pod(o)
            case .service(var o): o.metadata = newValue; self = .service(o)
            case .endpoints(var o): o.metadata = newValue; self = .endpoints(o)
            case .endpointSlice(var o): o.metadata = newValue; self = .endpointSlice(o)
            case .deployment(var o): o.metadata = newValue; self = .deployment(o)
            case .replicaSet(var o): o.metadata = newValue; self = .replicaSet(o)
            case .replicationController(var o): o.metadata = newValue; self = .replicationController(o)
            case .statefulSet(var o): o.metadata = newValue; self = .statefulSet(o)
            case .daemonSet(var o): o.metadata = newValue; self = .daemonSet(o)
            case .ingress(var o): o.metadata = newValue; self = .ingress(o)
            case .ingressClass(var o): o.metadata = newValue; self = .ingressClass(o)
            case .secret(var o): o.metadata = newValue; self = .secret(o)
            case .configMap(var o): o.metadata = newValue; self = .configMap(o)
            case .serviceAccount(var o): o.metadata = newValue; self = .serviceAccount(o)
            case .event(var o): o.metadata = newValue; self = .event(o)
            case .generic(var o): o.metadata = newValue; self = .generic(o)
            }
        }
    }

    public var resourceType: ResourceType {
        switch self {
        case .namespace: .namespace
        case .node: .node
        case .pod: .pod
        case .service: .service
        case .endpoints: .endpoints
        case .endpointSlice: .endpointSlice
        case .deployment: .deployment
        case .replicaSet: .replicaSet
        case .replicationController: .replicationController
        case .statefulSet: .statefulSet
        case .daemonSet: .daemonSet
        case .ingress: .ingress
        case .ingressClass: .ingressClass
        case .secret: .secret
        case .configMap: .configMap
        case .serviceAccount: .serviceAccount
        case .event: .event
        case .generic(let o): o.resourceType
        }
    }

    public func json() -> JSONValue {
        switch self {
        case .namespace(let o): o.json()
        case .node(let o): o.json()
        case .pod(let o): o.json()
        case .service(let o): o.json()
        case .endpoints(let o): o.json()
        case .endpointSlice(let o): o.json()
        case .deployment(let o): o.json()
        case .replicaSet(let o): o.json()
        case .replicationController(let o): o.json()
        case .statefulSet(let o): o.json()
        case .daemonSet(let o): o.json()
        case .ingress(let o): o.json()
        case .ingressClass(let o): o.json()
        case .secret(let o): o.json()
        case .configMap(let o): o.json()
        case .serviceAccount(let o): o.json()
        case .event(let o): o.json()
        case .generic(let o): o.json()
        }
    }

    /// Decodes one document. Throws FieldError (with field path) for wrong shapes; APIVersionError for removed versions.
    public static func decode(_ json: JSONValue, context: DecodeContext) throws -> KubeObject {
        let r = try FieldReader(json, context: context)
        let apiVersion = try r.requiredString("apiVersion")
        let kind = try r.requiredString("kind")
        let type = try servedType(kind: kind, apiVersion: apiVersion)
        switch type {
        case .namespace?: return .namespace(try Namespace(from: r))
        case .node?: return .node(try Node(from: r))
        case .pod?:
            _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
            return .pod(try Pod(from: r))
        case .service?:
            _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
            return .service(try Service(from: r))
        case .endpoints?: return .endpoints(try Endpoints(from: r))
        case .endpointSlice?: return .endpointSlice(try EndpointSlice(from: r))
        case .deployment?: return .deployment(try Deployment(from: r))
        case .replicaSet?: return .replicaSet(try ReplicaSet(from: r))
        case .replicationController?: return .replicationController(try ReplicationController(from: r))
        case .statefulSet?: return .statefulSet(try StatefulSet(from: r))
        case .daemonSet?: return .daemonSet(try DaemonSet(from: r))
        case .ingress?: return .ingress(try Ingress(from: r))
        case .ingressClass?: return .ingressClass(try IngressClass(from: r))
        case .secret?: return .secret(try Secret(from: r))
        case .configMap?: return .configMap(try ConfigMap(from: r))
        case .serviceAccount?: return .serviceAccount(try ServiceAccount(from: r))
        case .event?: return .event(try Event(from: r))
        default: return .generic(try GenericObject(from: r))
        }
    }

    /// The modelled type a document asks for; nil for kinds kept generic. Throws for versions no server serves.
    static func servedType(kind: String, apiVersion: String) throws -> ResourceType? {
        if let removed = RemovedAPIVersions.error(kind: kind, apiVersion: apiVersion) { throw removed }
        let group = apiVersion.contains("/") ? String(apiVersion.prefix { $0 != "/" }) : ""
        guard let modelled = ResourceType.modeled.first(where: { $0.kind == kind }),
              !RemovedAPIVersions.servedElsewhere.contains("\(apiVersion) \(kind)") else { return nil }
        if modelled.apiVersion == apiVersion { return modelled }
        // A custom resource may reuse a built-in kind name in its own group; a built-in group cannot gain one.
        if modelled.group == group || RemovedAPIVersions.builtInGroups.contains(group) {
            throw APIVersionError(kind: kind, apiVersion: apiVersion)
        }
        return nil
    }
}
