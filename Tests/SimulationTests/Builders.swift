import ClusterStore
import KubeModel
@testable import Simulation

/// Small object builders so each test states only what matters to its rule.
enum Make {
    static func deployment(_ name: String, replicas: Int = 3, namespace: String = "default",
                           labels: [String: String]? = nil, probe: Probe? = nil,
                           ports: [ContainerPort] = [ContainerPort(name: "http", containerPort: 8080)],
                           grace: Int? = nil) -> KubeObject {
        let labels = labels ?? ["app": name]
        var container = Container(name: "main", image: "example/\(name):1", ports: ports)
        container.readinessProbe = probe
        var podSpec = PodSpec(containers: [container])
        podSpec.terminationGracePeriodSeconds = grace
        let template = PodTemplateSpec(metadata: ObjectMeta(name: "", labels: labels), spec: podSpec)
        return .deployment(Deployment(metadata: ObjectMeta(name: name, namespace: namespace),
                                      spec: DeploymentSpec(replicas: replicas, selector: LabelSelector(matchLabels: labels),
                                                           template: template)))
    }

    static func service(_ name: String, namespace: String = "default", selector: [String: String]?,
                        ports: [ServicePort] = [ServicePort(name: "http", port: 80, targetPort: .string("http"))],
                        type: ServiceSpec.ServiceType = .clusterIP, publishNotReady: Bool = false,
                        clusterIP: String? = nil) -> KubeObject {
        var spec = ServiceSpec(type: type, selector: selector, ports: ports)
        spec.publishNotReadyAddresses = publishNotReady
        spec.clusterIP = clusterIP
        return .service(Service(metadata: ObjectMeta(name: name, namespace: namespace), spec: spec))
    }

    static func simulator(_ objects: [KubeObject], seed: UInt64 = 42, settle: Bool = true) -> Simulator {
        var sim = Simulator(config: SimulationConfig(seed: seed))
        let errors = sim.load(objects)
        precondition(errors.isEmpty, "load failed: \(errors)")
        if settle { sim.settle() }
        return sim
    }
}

extension Simulator {
    func pods(_ prefix: String = "", namespace: String = "default") -> [Pod] {
        snapshot.pods.inNamespace(namespace).filter { $0.metadata.name.hasPrefix(prefix) }
            .sorted { $0.metadata.name < $1.metadata.name }
    }

    func slices(for service: String, namespace: String = "default") -> [EndpointSlice] {
        snapshot.endpointSlices.matching([EndpointSlice.serviceNameLabel: service], in: namespace)
            .sorted { $0.metadata.name < $1.metadata.name }
    }

    func endpoints(_ service: String, namespace: String = "default") -> Endpoints? {
        snapshot.endpoints[ObjectKey(namespace: namespace, name: service)]
    }
}

// MARK: - More builders (workloads other than Deployments, tweaks, actions by text)

extension Make {
    static func podTemplate(labels: [String: String], probe: Probe? = nil,
                            ports: [ContainerPort] = [ContainerPort(name: "http", containerPort: 8080)],
                            image: String = "example/app:1") -> PodTemplateSpec {
        var container = Container(name: "main", image: image, ports: ports)
        container.readinessProbe = probe
        return PodTemplateSpec(metadata: ObjectMeta(name: "", labels: labels), spec: PodSpec(containers: [container]))
    }

    static func statefulSet(_ name: String, replicas: Int = 3, serviceName: String? = nil, probe: Probe? = nil,
                            policy: StatefulSetSpec.PodManagementPolicy = .orderedReady,
                            labels: [String: String]? = nil) -> KubeObject {
        let labels = labels ?? ["app": name]
        var spec = StatefulSetSpec(serviceName: serviceName ?? name, replicas: replicas,
                                   selector: LabelSelector(matchLabels: labels),
                                   template: podTemplate(labels: labels, probe: probe, image: "example/\(name):1"))
        spec.podManagementPolicy = policy
        return .statefulSet(StatefulSet(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec))
    }

    static func daemonSet(_ name: String, labels: [String: String]? = nil) -> KubeObject {
        let labels = labels ?? ["app": name]
        return .daemonSet(DaemonSet(metadata: ObjectMeta(name: name, namespace: "default"),
                                    spec: DaemonSetSpec(selector: LabelSelector(matchLabels: labels),
                                                        template: podTemplate(labels: labels, image: "example/\(name):1"))))
    }

    /// A Deployment changed in place: `Make.deployment("web") { $0.spec.strategy.type = .recreate }`.
    static func deployment(_ name: String, replicas: Int = 3, labels: [String: String]? = nil, probe: Probe? = nil,
                           ports: [ContainerPort] = [ContainerPort(name: "http", containerPort: 8080)],
                           _ change: (inout Deployment) -> Void) -> KubeObject {
        guard case .deployment(var d) = deployment(name, replicas: replicas, labels: labels, probe: probe, ports: ports)
        else { fatalError("Make.deployment builds a Deployment") }
        change(&d)
        return .deployment(d)
    }

    /// A Service changed in place: `Make.service("db", selector: nil) { $0.spec.externalName = "db.example.com" }`.
    static func service(_ name: String, selector: [String: String]?,
                        ports: [ServicePort] = [ServicePort(name: "http", port: 80, targetPort: .string("http"))],
                        type: ServiceSpec.ServiceType = .clusterIP, _ change: (inout Service) -> Void) -> KubeObject {
        guard case .service(var s) = service(name, selector: selector, ports: ports, type: type)
        else { fatalError("Make.service builds a Service") }
        change(&s)
        return .service(s)
    }
}

extension Simulator {
    /// Performs one action written in the action language, as `-e` or a script line would.
    mutating func run(_ line: String) throws {
        try perform(ActionParser.parse(line))
    }

    func deployment(_ name: String) -> Deployment? { snapshot.deployments[ObjectKey(namespace: "default", name: name)] }

    func service(_ name: String) -> Service? { snapshot.services[ObjectKey(namespace: "default", name: name)] }

    func pod(_ name: String) -> Pod? { snapshot.pods[ObjectKey(namespace: "default", name: name)] }

    /// Pods not terminating and not finished, as a ReplicaSet counts them.
    func activePods(_ prefix: String = "") -> [Pod] { pods(prefix).filter(\.isActive) }

    func events(reason: String) -> [Event] {
        snapshot.events.all.filter { $0.reason == reason }.sorted { $0.metadata.name < $1.metadata.name }
    }

    /// `kubectl annotate pod NAME KEY=VALUE --overwrite`.
    mutating func annotate(pod name: String, _ key: String, _ value: String) throws {
        guard var pod = self.pod(name) else { throw SimulationError.notFound("pod \"\(name)\" not found") }
        pod.metadata.annotations[key] = value
        try store.update(pod)
        runControllers()
    }

    /// Every endpoint of a Service across its slices.
    func sliceEndpoints(_ service: String) -> [Endpoint] { slices(for: service).flatMap(\.endpoints) }
}

extension Make {
    /// A bare pod (no controller), for clusters where only the pods' number matters: large counts settle much faster
    /// without a ReplicaSet re-listing them on every change.
    static func pod(_ name: String, labels: [String: String],
                    ports: [ContainerPort] = [ContainerPort(name: "http", containerPort: 8080)]) -> KubeObject {
        .pod(Pod(metadata: ObjectMeta(name: name, namespace: "default", labels: labels),
                 spec: PodSpec(containers: [Container(name: "main", image: "example/app:1", ports: ports)])))
    }

    static func pods(_ prefix: String, count: Int, labels: [String: String]? = nil) -> [KubeObject] {
        (0..<count).map { pod("\(prefix)-\($0)", labels: labels ?? ["app": prefix]) }
    }

    /// A Node as a manifest would declare it; admission fills in its pod CIDR, address and Ready condition.
    static func node(_ name: String, podCIDR: String? = nil, labels: [String: String] = [:]) -> KubeObject {
        var node = Node(metadata: ObjectMeta(name: name, labels: labels))
        if let podCIDR { node.spec.podCIDRs = [podCIDR] }
        node.status.capacity = ["cpu": "4", "memory": "16Gi", "pods": "110"]
        node.status.allocatable = node.status.capacity
        return .node(node)
    }
}
