import KubeModel

/// A synthetic cluster for the benchmark and the scale tests: `deployments` Deployments of `replicas` pods, one
/// Service per Deployment (up to `services`), and `ingresses` Ingresses routing hosts to them.
public struct ScaleScenario: Sendable {
    public var deployments: Int
    public var replicas: Int
    public var services: Int
    public var ingresses: Int
    public var namespaces: Int

    public init(deployments: Int, replicas: Int, services: Int, ingresses: Int, namespaces: Int = 10) {
        self.deployments = deployments
        self.replicas = replicas
        self.services = services
        self.ingresses = ingresses
        self.namespaces = max(1, namespaces)
    }

    func namespace(_ i: Int) -> String { "team-\(i % namespaces)" }

    /// Enough Nodes for every pod at about 100 a node (110 allocatable, as the kubelet's default), at least three.
    public var nodeCount: Int { max(3, (deployments * replicas + 99) / 100) }

    /// Nodes with unique /24 pod CIDRs (`10.244.0.0/24`, `10.244.1.0/24` … `10.245.0.0/24` …) and InternalIPs.
    public func nodes() -> [KubeObject] {
        let zones = ["zone-a", "zone-b", "zone-c"]
        let width = String(nodeCount).count
        return (0..<nodeCount).map { i in
            let digits = String(i + 1)
            let name = "node-" + String(repeating: "0", count: max(0, width - digits.count)) + digits
            var meta = ObjectMeta(name: name)
            meta.labels = ["kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
                           Node.zoneLabel: zones[i % zones.count], "topology.kubernetes.io/region": "local"]
            var node = Node(metadata: meta)
            node.spec.podCIDRs = ["10.\(244 + i / 256).\(i % 256).0/24"]
            node.status.addresses = [NodeAddress(type: "InternalIP", address: "172.18.\(i / 250).\(i % 250 + 2)"),
                                     NodeAddress(type: "Hostname", address: name)]
            node.status.capacity = ["cpu": "32", "memory": "128Gi", "pods": "110"]
            node.status.allocatable = node.status.capacity
            return .node(node)
        }
    }

    public func objects() -> [KubeObject] {
        var result: [KubeObject] = []
        result.reserveCapacity(namespaces + nodeCount + deployments + services + ingresses)
        for n in 0..<namespaces { result.append(.namespace(Namespace(metadata: ObjectMeta(name: "team-\(n)")))) }
        result.append(contentsOf: nodes())
        for i in 0..<deployments {
            let name = "app-\(i)"
            let labels = ["app": name]
            var container = Container(name: "web", image: "nginx:1.27",
                                      ports: [ContainerPort(name: "http", containerPort: 8080)])
            if i % 2 == 0 { container.readinessProbe = Probe(initialDelaySeconds: 2, periodSeconds: 5) }
            let template = PodTemplateSpec(metadata: ObjectMeta(name: "", labels: labels),
                                           spec: PodSpec(containers: [container]))
            let spec = DeploymentSpec(replicas: replicas, selector: LabelSelector(matchLabels: labels), template: template)
            result.append(.deployment(Deployment(metadata: ObjectMeta(name: name, namespace: namespace(i)), spec: spec)))
        }
        for i in 0..<services {
            let name = "app-\(i % max(1, deployments))"
            let svcName = i < deployments ? name : "\(name)-alt-\(i)"
            let spec = ServiceSpec(selector: ["app": name],
                                   ports: [ServicePort(name: "http", port: 80, targetPort: .string("http"))])
            result.append(.service(Service(metadata: ObjectMeta(name: svcName, namespace: namespace(i % max(1, deployments))),
                                           spec: spec)))
        }
        for i in 0..<ingresses {
            let target = i % max(1, min(services, deployments))
            let backend = IngressBackend.service(name: "app-\(target)", port: .number(80))
            let rule = IngressRule(host: "app-\(i).example.com",
                                   paths: [HTTPIngressPath(path: "/", pathType: .prefix, backend: backend),
                                           HTTPIngressPath(path: "/api", pathType: .prefix, backend: backend)])
            var spec = IngressSpec(rules: [rule])
            spec.ingressClassName = "nginx"
            result.append(.ingress(Ingress(metadata: ObjectMeta(name: "ing-\(i)", namespace: namespace(target)), spec: spec)))
        }
        return result
    }
}
