import ClusterStore
import KubeModel
import Testing
@testable import Kubectl

/// Golden tables for every kind, against the columns and cell rules of kubectl 1.30+.
@Suite struct TablePrinterTests {
    static let now: Int64 = 600

    func render(_ type: ResourceType, _ objects: [KubeObject], wide: Bool = false, allNamespaces: Bool = false,
                state: ClusterState) -> String {
        TablePrinter.table(type, objects, options: TableOptions(wide: wide, withNamespace: allNamespaces,
                                                                now: state.now)).rendered
    }

    func listed(_ fixture: inout Fixture, _ type: ResourceType, wide: Bool = false) -> String {
        let state = fixture.state(at: Self.now)
        return render(type, state.list(type), wide: wide, state: state)
    }

    // MARK: pods

    static func podFixture() -> Fixture {
        var f = Fixture()
        var web1 = pod("web-1")
        if case .pod(var p) = web1 {
            p.spec.unmodeled["readinessGates"] = [["conditionType": "example.com/lb"]]
            p.status.conditions.append(PodCondition(type: "example.com/lb", status: true, lastTransitionTime: nil))
            web1 = .pod(p)
        }
        f.add(web1, createdAt: 300)
        f.add(pod("web-2", phase: .pending, ip: nil, node: "node-2",
                  containers: [(false, .waiting(reason: "ContainerCreating", message: nil), 0, nil)]), createdAt: 588)
        f.add(pod("web-3", containers: [(true, .running(startedAt: Fixture.at(586)), 2,
                                         .terminated(reason: "Error", exitCode: 1, startedAt: nil,
                                                     finishedAt: Fixture.at(585)))]))
        f.add(pod("crash", containers: [(false, .waiting(reason: "CrashLoopBackOff", message: "back-off 5m"), 5,
                                         .terminated(reason: "Error", exitCode: 1, startedAt: nil,
                                                     finishedAt: Fixture.at(540)))]))
        f.add(pod("done", phase: .succeeded,
                  containers: [(false, .terminated(reason: "Completed", exitCode: 0, startedAt: nil,
                                                   finishedAt: Fixture.at(10)), 0, nil)]))
        f.add(pod("err", phase: .failed,
                  containers: [(false, .terminated(reason: "Error", exitCode: 1, startedAt: nil,
                                                   finishedAt: Fixture.at(10)), 0, nil)]))
        f.add(pod("multi", containers: [(true, .running(startedAt: Fixture.t0), 0, nil),
                                        (false, .running(startedAt: Fixture.t0), 0, nil)]))
        f.add(pod("term"))
        if case .pod(var p)? = f.store.snapshot.get(.pod, ObjectKey(namespace: "default", name: "term")) {
            p.metadata.deletionTimestamp = Fixture.at(590)
            f.update(.pod(p))
        }
        return f
    }

    @Test func pods() {
        var f = Self.podFixture()
        #expect(listed(&f, .pod) == Golden.pods)
    }

    @Test func podsWide() {
        var f = Self.podFixture()
        let state = f.state(at: Self.now)
        let objects = state.list(.pod).filter { $0.metadata.name.hasPrefix("web-") && $0.metadata.name != "web-3" }
        #expect(render(.pod, objects, wide: true, state: state) == Golden.podsWide)
    }

    @Test func podSummaryStatuses() {
        var p = Pod(metadata: meta("x"), spec: PodSpec(containers: [container()]))
        #expect(PodSummary(p, now: Fixture.t0).status == "Pending")
        #expect(PodSummary(p, now: Fixture.t0).ready == "0/1")
        p.status.reason = "Evicted"
        p.status.phase = .failed
        #expect(PodSummary(p, now: Fixture.t0).status == "Evicted")
        p.status.reason = "NodeLost"
        p.metadata.deletionTimestamp = Fixture.t0
        #expect(PodSummary(p, now: Fixture.t0).status == "Unknown")
        // A finished container with no reason shows its exit code.
        p = Pod(metadata: meta("y"), spec: PodSpec(containers: [container()]))
        p.status.phase = .running
        p.status.containerStatuses = [ContainerStatus(name: "web", image: "nginx", ready: false, started: false,
                                                      restartCount: 0, state: .terminated(reason: "", exitCode: 137,
                                                                                          startedAt: nil,
                                                                                          finishedAt: Fixture.t0))]
        #expect(PodSummary(p, now: Fixture.t0).status == "ExitCode:137")
        // A terminated pod is not "Terminating", even while being deleted.
        p.status.phase = .succeeded
        p.status.containerStatuses = []
        p.metadata.deletionTimestamp = Fixture.t0
        #expect(PodSummary(p, now: Fixture.t0).status == "Succeeded")
    }

    // MARK: services and endpoints

    static func serviceFixture() -> Fixture {
        var f = Fixture()
        f.add(.service(service("frontend")))
        f.add(.service(service("api", type: .nodePort, clusterIP: "10.96.0.20",
                               ports: [ServicePort(name: "http", port: 80, nodePort: 30080),
                                       ServicePort(name: "https", port: 443, nodePort: 30443)],
                               selector: ["app": "api", "tier": "be"])))
        f.add(.service(service("lb", type: .loadBalancer, clusterIP: "10.96.0.30",
                               ports: [ServicePort(port: 80, nodePort: 31000)])))
        var lb2 = service("lb2", type: .loadBalancer, clusterIP: "10.96.0.31",
                          ports: [ServicePort(port: 80, nodePort: 31001)])
        lb2.loadBalancerIngress = [LoadBalancerIngress(ip: "203.0.113.10")]
        f.add(.service(lb2))
        var lbhost = service("lbhost", type: .loadBalancer, clusterIP: "10.96.0.32",
                             ports: [ServicePort(port: 80, nodePort: 31002)])
        lbhost.loadBalancerIngress = [LoadBalancerIngress(hostname: "a1b2c3d4e5f6-1234567890.us-east-1.elb.amazonaws.com")]
        f.add(.service(lbhost))
        f.add(.service(service("db", clusterIP: "None", ports: [ServicePort(port: 5432)], selector: ["app": "db"])))
        var ext = service("ext", type: .externalName, clusterIP: nil, ports: [], selector: nil)
        ext.spec.externalName = "db.example.com"
        f.add(.service(ext))
        return f
    }

    @Test func services() {
        var f = Self.serviceFixture()
        #expect(listed(&f, .service) == Golden.services)
    }

    @Test func servicesWide() {
        var f = Self.serviceFixture()
        let state = f.state(at: Self.now)
        let objects = state.list(.service).filter { ["api", "ext", "lbhost"].contains($0.metadata.name) }
        #expect(render(.service, objects, wide: true, state: state) == Golden.servicesWide)
    }

    @Test func endpoints() {
        var f = Fixture()
        func ep(_ name: String, _ subsets: [EndpointSubset]) -> KubeObject {
            .endpoints(Endpoints(metadata: meta(name), subsets: subsets))
        }
        let four = ["10.244.1.5", "10.244.2.3", "10.244.3.4", "10.244.1.9"].map { EndpointAddress(ip: $0) }
        f.add(ep("frontend", [EndpointSubset(addresses: four, ports: [EndpointPort(port: 8080)])]))
        f.add(ep("empty", []))
        f.add(ep("notready", [EndpointSubset(notReadyAddresses: [EndpointAddress(ip: "10.244.1.7")],
                                             ports: [EndpointPort(port: 80)])]))
        f.add(ep("headless", [EndpointSubset(addresses: [EndpointAddress(ip: "10.244.1.5")])]))
        f.add(ep("multi", [EndpointSubset(addresses: [EndpointAddress(ip: "10.0.0.1")],
                                          ports: [EndpointPort(name: "http", port: 80),
                                                  EndpointPort(name: "https", port: 443)])]))
        f.add(ep("v6", [EndpointSubset(addresses: [EndpointAddress(ip: "fd00::1")], ports: [EndpointPort(port: 80)])]))
        #expect(listed(&f, .endpoints) == Golden.endpoints)
    }

    @Test func endpointSlices() {
        var f = Fixture()
        let endpoints = ["10.244.1.5", "10.244.2.3", "10.244.3.4", "10.244.1.9"].map { Endpoint(addresses: [$0]) }
        f.add(.endpointSlice(EndpointSlice(metadata: meta("frontend-abc12"), endpoints: endpoints,
                                           ports: [EndpointPort(name: "http", port: 8080),
                                                   EndpointPort(name: "metrics", port: 9090)])))
        f.add(.endpointSlice(EndpointSlice(metadata: meta("empty-xyz12"))))
        #expect(listed(&f, .endpointSlice) == Golden.endpointSlices)
    }

    @Test func ingresses() {
        var f = Fixture()
        let backend = IngressBackend.service(name: "frontend", port: .number(80))
        func rule(_ host: String?) -> IngressRule {
            IngressRule(host: host, paths: [HTTPIngressPath(path: "/", pathType: .prefix, backend: backend)])
        }
        var shop = Ingress(metadata: meta("shop"), spec: IngressSpec(
            ingressClassName: "nginx", tls: [IngressTLS(hosts: ["shop.example.com"], secretName: "shop-tls")],
            rules: [rule("shop.example.com"), rule("api.example.com")]))
        shop.status.loadBalancer = [IngressLoadBalancerIngress(ip: "192.168.49.2")]
        f.add(.ingress(shop))
        f.add(.ingress(Ingress(metadata: meta("catchall"), spec: IngressSpec(rules: [rule(nil)]))))
        f.add(.ingress(Ingress(metadata: meta("many"), spec: IngressSpec(
            ingressClassName: "nginx", rules: ["a", "b", "c", "d"].map { rule("\($0).example.com") }))))
        #expect(listed(&f, .ingress) == Golden.ingresses)
    }

    @Test func ingressClasses() {
        var f = Fixture()
        f.add(.ingressClass(IngressClass(metadata: meta("nginx", ""), controller: "k8s.io/ingress-nginx")))
        var custom = IngressClass(metadata: meta("custom", ""), controller: "example.com/ctl")
        custom.parameters = ["apiGroup": "k8s.example.com", "kind": "IngressParameters", "name": "external-lb"]
        f.add(.ingressClass(custom))
        #expect(listed(&f, .ingressClass) == Golden.ingressClasses)
    }

    // MARK: workloads

    static func workloadFixture() -> Fixture {
        var f = Fixture()
        f.add(.deployment(deployment("web", replicas: 3, ready: 2, updated: 3, available: 2)))
        let d = deployment("web")
        var rs = ReplicaSet(metadata: meta("web-5d4f8"), spec: ReplicaSetSpec(
            replicas: 3, selector: LabelSelector(["app": "web", "pod-template-hash": "5d4f8"]),
            template: d.spec.template))
        rs.status.replicas = 3
        rs.status.readyReplicas = 2
        f.add(.replicaSet(rs))
        let template = PodTemplateSpec(metadata: ObjectMeta(name: ""), spec: PodSpec(containers: [container()]))
        var rc = ReplicationController(metadata: meta("legacy"), spec: ReplicationControllerSpec(
            replicas: 2, selector: ["app": "legacy"], template: template))
        rc.status.replicas = 2
        rc.status.readyReplicas = 1
        f.add(.replicationController(rc))
        var sts = StatefulSet(metadata: meta("db"), spec: StatefulSetSpec(
            serviceName: "db", replicas: 3, selector: LabelSelector(["app": "db"]), template: template))
        sts.status.readyReplicas = 1
        f.add(.statefulSet(sts))
        var agentTemplate = template
        agentTemplate.spec.nodeSelector = ["kubernetes.io/os": "linux"]
        var ds = DaemonSet(metadata: meta("agent"), spec: DaemonSetSpec(selector: LabelSelector(["app": "agent"]),
                                                                         template: agentTemplate))
        ds.status.desiredNumberScheduled = 3
        ds.status.currentNumberScheduled = 3
        ds.status.numberReady = 2
        ds.status.updatedNumberScheduled = 3
        ds.status.numberAvailable = 2
        f.add(.daemonSet(ds))
        f.add(.daemonSet(DaemonSet(metadata: meta("anywhere"), spec: DaemonSetSpec(
            selector: LabelSelector(["app": "anywhere"]), template: template))))
        return f
    }

    @Test func workloads() {
        var f = Self.workloadFixture()
        #expect(listed(&f, .deployment) == Golden.workloads)
        #expect(listed(&f, .deployment, wide: true) == Golden.deploymentsWide)
        #expect(listed(&f, .replicaSet, wide: true) == Golden.replicaSetsWide)
        #expect(listed(&f, .replicationController) == Golden.replicationControllers)
        #expect(listed(&f, .replicationController, wide: true) == Golden.replicationControllersWide)
        #expect(listed(&f, .statefulSet) == Golden.statefulSets)
        #expect(listed(&f, .statefulSet, wide: true) == Golden.statefulSetsWide)
        #expect(listed(&f, .daemonSet) == Golden.daemonSets)
        let state = f.state(at: Self.now)
        let agent = state.list(.daemonSet).filter { $0.metadata.name == "agent" }
        #expect(render(.daemonSet, agent, wide: true, state: state) == Golden.daemonSetsWide)
    }

    // MARK: cluster

    @Test func nodes() {
        var f = Fixture()
        var n1 = Node(metadata: ObjectMeta(name: "node-1", labels: ["node-role.kubernetes.io/control-plane": ""]),
                      status: NodeStatus(addresses: [NodeAddress(type: "InternalIP", address: "192.168.49.2")],
                                         conditions: [NodeCondition(type: "Ready", status: true)]))
        n1.status.nodeInfo = ["kubeletVersion": "v1.30.2", "osImage": "Ubuntu 22.04.4 LTS",
                              "kernelVersion": "5.15.0-105-generic", "containerRuntimeVersion": "containerd://1.7.13"]
        f.add(.node(n1))
        f.add(.node(Node(metadata: ObjectMeta(name: "node-2"), spec: NodeSpec(unschedulable: true),
                         status: NodeStatus(conditions: [NodeCondition(type: "Ready", status: false)]))))
        f.add(.node(Node(metadata: ObjectMeta(name: "node-3", labels: ["kubernetes.io/role": "worker"]),
                         status: NodeStatus(addresses: [NodeAddress(type: "InternalIP", address: "192.168.49.4"),
                                                        NodeAddress(type: "ExternalIP", address: "203.0.113.5")]))))
        #expect(listed(&f, .node) == Golden.nodes)
        #expect(listed(&f, .node, wide: true) == Golden.nodesWide)
    }

    @Test func namespaces() {
        var f = Fixture()
        f.add(.namespace(Namespace(metadata: ObjectMeta(name: "default"))))
        f.add(.namespace(Namespace(metadata: ObjectMeta(name: "kube-system"))))
        var old = Namespace(metadata: ObjectMeta(name: "old"))
        old.status.phase = .terminating
        f.add(.namespace(old))
        #expect(listed(&f, .namespace) == Golden.namespaces)
    }

    static func eventFixture() -> Fixture {
        var f = Fixture()
        var scheduled = Event(metadata: meta("web-1.17a2b3c4d5e6f7a8"),
                              involvedObject: ObjectReference(kind: "Pod", namespace: "default", name: "web-1"),
                              reason: "Scheduled", message: "Successfully assigned default/web-1 to node-1",
                              at: Fixture.at(590))
        scheduled.reportingComponent = "default-scheduler"
        f.add(.event(scheduled))
        var backoff = Event(metadata: meta("crash.17a2b3c4d5e6f7b9", "shop"),
                            involvedObject: ObjectReference(kind: "Pod", namespace: "shop", name: "crash",
                                                            fieldPath: "spec.containers{web}"),
                            type: .warning, reason: "BackOff",
                            message: "Back-off restarting failed container\nweb in pod crash",
                            sourceComponent: "kubelet", sourceHost: "node-1", at: Fixture.at(300))
        backoff.lastTimestamp = Fixture.at(540)
        backoff.count = 7
        f.add(.event(backoff))
        return f
    }

    @Test func events() {
        var f = Self.eventFixture()
        let state = f.state(at: Self.now)
        // Listed in the order given (by namespace here), NAMESPACE first with -A; messages cut at a line break.
        let ordered = state.list(.event)
        #expect(render(.event, ordered, allNamespaces: true, state: state) == Golden.eventsAllNamespaces)
        #expect(render(.event, ordered, wide: true, state: state) == Golden.eventsWide)
    }

    // MARK: config

    @Test func secretsShowNoValues() {
        var f = Fixture()
        f.add(.secret(Secret(metadata: meta("tls-cert"), type: "kubernetes.io/tls",
                             data: ["tls.crt": "c2VjcmV0LWNlcnQ=", "tls.key": "c2VjcmV0LWtleQ=="])))
        f.add(.secret(Secret(metadata: meta("opaque"), data: ["password": "aHVudGVyMg=="])))
        let text = listed(&f, .secret)
        #expect(text == Golden.secrets)
        #expect(!text.contains("aHVudGVyMg") && !text.contains("c2VjcmV0"))
    }

    @Test func configMapsServiceAccountsAndGenericKinds() {
        var f = Fixture()
        var cm = ConfigMap(metadata: meta("app-config"), data: ["a": "1", "b": "2"])
        cm.binaryData = ["blob": "AAEC"]
        f.add(.configMap(cm))
        f.add(.serviceAccount(ServiceAccount(metadata: meta("default"))))
        var builder = ServiceAccount(metadata: meta("builder"))
        builder.secrets = [ObjectReference(name: "builder-token")]
        f.add(.serviceAccount(builder))
        let hpa = GenericObject(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: meta("web"),
                                body: ["spec": ["maxReplicas": 5]])
        f.add(.generic(hpa))
        #expect(listed(&f, .configMap) == Golden.configMaps)
        #expect(listed(&f, .serviceAccount) == Golden.serviceAccounts)
        #expect(listed(&f, hpa.resourceType) == Golden.generic)
    }

    // MARK: decoration

    @Test func namespaceColumnAndKindPrefix() {
        var f = Self.serviceFixture()
        let state = f.state(at: Self.now)
        let objects = state.list(.service).filter { $0.metadata.name == "frontend" }
        let table = TablePrinter.table(.service, objects,
                                       options: TableOptions(withNamespace: true, withKind: true, now: state.now))
        #expect(table.headers == ["NAMESPACE", "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"])
        #expect(table.rows == [["default", "service/frontend", "ClusterIP", "10.96.0.10", "<none>", "80/TCP", "10m"]])
        // Cluster-scoped kinds never get a NAMESPACE column.
        #expect(TablePrinter.table(.node, [], options: TableOptions(withNamespace: true)).headers.first == "NAME")
        #expect(TablePrinter.kindPrefix(.deployment) == "deployment.apps")
        #expect(TablePrinter.kindPrefix(.ingress) == "ingress.networking.k8s.io")
        #expect(TablePrinter.headers(.pod, wide: false) == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"])
    }

    @Test func emptyTableHasNoHeader() {
        #expect(TablePrinter.table(.pod, [], options: TableOptions()).rendered == "")
    }
}
