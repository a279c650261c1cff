import ClusterStore
import KubeModel

/// The API server's part of a write: validation, defaulting and allocation, before the store sees the object.
extension Simulator {
    mutating func admit(_ object: KubeObject) throws -> KubeObject {
        var o = object
        let type = o.resourceType
        if type.namespaced {
            if o.metadata.namespace.isEmpty { o.metadata.namespace = "default" }
        } else {
            o.metadata.namespace = ""
        }
        let errors = Validation.validate(o)
        if !errors.isEmpty { throw APIError.invalid(type.kind, o.metadata.name, errors) }
        if type.namespaced, store.get(Namespace.self, ObjectKey(namespace: "", name: o.metadata.namespace)) == nil {
            // A real API server refuses this; manifests from Helm or kustomize often assume the namespace exists,
            // so the simulator creates it and says so.
            _ = try store.create(Namespace(metadata: ObjectMeta(name: o.metadata.namespace)))
            warnings.append("namespace \"\(o.metadata.namespace)\" did not exist and was created for \(type.kind.lowercased()) \"\(o.metadata.name)\"")
        }
        switch o {
        case .service(let s): o = .service(try admitService(s))
        case .ingress(var ing):
            if ing.effectiveClassName == nil,
               let cls = store.snapshot.ingressClasses.all.filter(\.isDefault).min(by: { $0.metadata.name < $1.metadata.name }) {
                ing.spec.ingressClassName = cls.metadata.name
            }
            o = .ingress(ing)
        case .node(let n): o = .node(admitNode(n))
        case .pod(var p):
            p.status = PodStatus()
            o = .pod(p)
        default: break
        }
        return o
    }

    /// A Node from a manifest may lack what its kubelet and the node IPAM controller would fill in.
    private mutating func admitNode(_ node: Node) -> Node {
        var n = node
        let nodes = store.snapshot.nodes
        if let existing = nodes[n.metadata.key] {
            // The node IPAM controller never moves a node's pod CIDR, nor does a manifest re-register addresses.
            if n.spec.podCIDRs.isEmpty { n.spec.podCIDRs = existing.spec.podCIDRs }
            if n.status.addresses.isEmpty { n.status.addresses = existing.status.addresses }
            if n.status.conditions.isEmpty { n.status.conditions = existing.status.conditions }
        }
        // Only a node lacking a CIDR or an address needs the others' (a scan of every node).
        guard n.spec.podCIDRs.isEmpty || n.internalIP == nil else { return finishNode(n) }
        let usedCIDRs = Set(nodes.all.flatMap(\.spec.podCIDRs))
        let usedIPs = Set(nodes.all.compactMap(\.internalIP))
        var index = 1
        while usedCIDRs.contains("10.244.\(index).0/24") || usedIPs.contains("192.168.49.\(index + 1)") { index += 1 }
        if n.spec.podCIDRs.isEmpty { n.spec.podCIDRs = ["10.244.\(index).0/24"] }
        if n.internalIP == nil {
            n.status.addresses.append(NodeAddress(type: "InternalIP", address: "192.168.49.\(index + 1)"))
            n.status.addresses.append(NodeAddress(type: "Hostname", address: n.metadata.name))
        }
        return finishNode(n)
    }

    private func finishNode(_ node: Node) -> Node {
        var n = node
        if n.status.condition("Ready") == nil {
            n.status.conditions.append(NodeCondition(type: "Ready", status: true, lastHeartbeatTime: now,
                                                     lastTransitionTime: now, reason: "KubeletReady",
                                                     message: "kubelet is posting ready status"))
        }
        n.metadata.labels["kubernetes.io/hostname"] = n.metadata.labels["kubernetes.io/hostname"] ?? n.metadata.name
        n.metadata.labels["kubernetes.io/os"] = n.metadata.labels["kubernetes.io/os"] ?? "linux"
        return n
    }
}
