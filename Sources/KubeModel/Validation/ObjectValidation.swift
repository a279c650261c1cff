// One entry point for any stored object: what `switchboard validate` and the store's admission call.

extension Validation {
    /// Every rule for this object's kind. Kinds the simulation does not model (`generic`) are never rejected.
    public static func validate(_ object: KubeObject,
                                nodePortRange: ClosedRange<Int> = defaultNodePortRange) -> [FieldError] {
        switch object {
        case .namespace(let o): return objectMeta(o.metadata, namespaced: false, nameRule: .dns1123Label)
        case .node(let o): return objectMeta(o.metadata, namespaced: false, nameRule: .dns1123Subdomain)
        case .pod(let o): return pod(o)
        case .service(let o): return service(o, nodePortRange: nodePortRange)
        case .endpoints(let o): return endpoints(o)
        case .endpointSlice(let o): return endpointSlice(o)
        case .deployment(let o): return deployment(o)
        case .replicaSet(let o): return replicaSet(o)
        case .replicationController(let o): return replicationController(o)
        case .statefulSet(let o): return statefulSet(o)
        case .daemonSet(let o): return daemonSet(o)
        case .ingress(let o): return ingress(o)
        case .ingressClass(let o): return ingressClass(o)
        case .secret(let o): return secret(o)
        case .configMap(let o): return configMap(o)
        case .serviceAccount(let o): return objectMeta(o.metadata, namespaced: true, nameRule: .dns1123Subdomain)
        case .event(let o): return objectMeta(o.metadata, namespaced: true, nameRule: .dns1123Subdomain)
        case .generic: return []
        }
    }
}

/// Validates any stored object with the API server's rules; empty when the object would be accepted.
public func validate(_ object: KubeObject) -> [FieldError] {
    Validation.validate(object)
}
