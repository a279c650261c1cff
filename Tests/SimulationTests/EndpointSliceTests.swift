import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("EndpointSlice controller")
struct EndpointSliceTests {
    static func endpoint(_ sim: Simulator, service: String, pod: String) -> Endpoint? {
        sim.sliceEndpoints(service).first { $0.targetRef?.name == pod }
    }

    @Test("A ready pod is ready, serving and not terminating")
    func readyPod() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 2), Make.service("web", selector: ["app": "web"])])
        let endpoints = sim.sliceEndpoints("web")
        #expect(endpoints.count == 2)
        for e in endpoints {
            #expect(e.conditions == EndpointConditions(ready: true, serving: true, terminating: false))
            let podName = try #require(e.targetRef?.name)
            let pod = try #require(sim.pod(podName))
            #expect(e.addresses == [pod.status.podIP!])
            #expect(e.nodeName == pod.spec.nodeName)
            #expect(e.zone != nil, "zone comes from the node's topology.kubernetes.io/zone")
        }
        #expect(sim.slices(for: "web").allSatisfy { $0.addressType == .ipv4 })
    }

    @Test("A terminating pod stays with serving=true, ready=false, terminating=true")
    func terminatingPod() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2), Make.service("web", selector: ["app": "web"])])
        let victim = sim.pods("web-")[0].metadata.name
        try sim.run("delete pod/\(victim)")
        let e = try #require(Self.endpoint(sim, service: "web", pod: victim))
        #expect(e.conditions == EndpointConditions(ready: false, serving: true, terminating: true))
        try sim.run("advance 30s")
        #expect(Self.endpoint(sim, service: "web", pod: victim) == nil, "gone with the pod")
    }

    @Test("A not-ready pod is listed with ready=false and serving=false")
    func notReadyPod() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2), Make.service("web", selector: ["app": "web"])])
        let victim = sim.pods("web-")[0].metadata.name
        try sim.run("fail-readiness pod/\(victim)")
        let e = try #require(Self.endpoint(sim, service: "web", pod: victim))
        #expect(e.conditions == EndpointConditions(ready: false, serving: false, terminating: false))
    }

    @Test("publishNotReadyAddresses makes not-ready and terminating pods ready")
    func publishNotReady() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 3),
                                  Make.service("web", selector: ["app": "web"], publishNotReady: true)])
        let pods = sim.pods("web-").map(\.metadata.name)
        try sim.run("fail-readiness pod/\(pods[0])")
        try sim.run("delete pod/\(pods[1])")
        #expect(Self.endpoint(sim, service: "web", pod: pods[0])?.conditions
            == EndpointConditions(ready: true, serving: false, terminating: false))
        #expect(Self.endpoint(sim, service: "web", pod: pods[1])?.conditions
            == EndpointConditions(ready: true, serving: true, terminating: true))
    }

    @Test("Pods without an IP are not endpoints yet")
    func podsWithoutIP() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 2), Make.service("web", selector: ["app": "web"])],
                                 settle: false)
        #expect(sim.pods("web-").allSatisfy { $0.status.podIP == nil })
        #expect(sim.sliceEndpoints("web").isEmpty)
        try sim.run("settle")
        #expect(sim.sliceEndpoints("web").count == 2)
    }

    @Test("At most 100 endpoints per slice: 250 pods make 3 slices")
    func hundredPerSlice() throws {
        var sim = Make.simulator(Make.pods("web", count: 250))
        try sim.applyObject(Make.service("web", selector: ["app": "web"]))
        let slices = sim.slices(for: "web")
        #expect(slices.count == 3)
        #expect(slices.allSatisfy { $0.endpoints.count <= 100 })
        #expect(slices.map(\.endpoints.count).sorted() == [50, 100, 100])
        #expect(Set(slices.flatMap(\.endpoints).flatMap(\.addresses)).count == 250)
        // 150 pods vanish at once (as with a lost node), handled in one round of the controllers. Like Kubernetes'
        // reconciler the controller does not repack the survivors: it promises each endpoint once, at most 100 a
        // slice, and no empty slice beside them.
        for i in 100..<250 { try sim.store.delete(Pod.self, ObjectKey(namespace: "default", name: "web-\(i)")) }
        sim.runControllers()
        let left = sim.slices(for: "web")
        #expect(left.allSatisfy { !$0.endpoints.isEmpty && $0.endpoints.count <= 100 })
        #expect(Set(left.flatMap(\.endpoints).compactMap(\.targetRef?.name)) == Set((0..<100).map { "web-\($0)" }))
        #expect(left.flatMap(\.endpoints).count == 100)
    }

    @Test("A named targetPort is resolved per pod; pods are grouped into slices by resolved ports")
    func namedPortPerPod() throws {
        let sim = Make.simulator([
            Make.deployment("a", replicas: 2, labels: ["app": "a", "tier": "web"],
                            ports: [ContainerPort(name: "http", containerPort: 8080)]),
            Make.deployment("b", replicas: 3, labels: ["app": "b", "tier": "web"],
                            ports: [ContainerPort(name: "http", containerPort: 9090)]),
            Make.service("web", selector: ["tier": "web"]),
        ])
        let slices = sim.slices(for: "web")
        #expect(slices.count == 2)
        let byPort = Dictionary(grouping: slices, by: { $0.ports.first?.port ?? -1 })
        #expect(Set(byPort.keys) == [8080, 9090])
        #expect(byPort[8080]?.first?.endpoints.allSatisfy { $0.targetRef?.name?.hasPrefix("a-") == true } == true)
        #expect(byPort[9090]?.first?.endpoints.allSatisfy { $0.targetRef?.name?.hasPrefix("b-") == true } == true)
        #expect(byPort[8080]?.first?.endpoints.count == 2)
        #expect(byPort[9090]?.first?.endpoints.count == 3)
        #expect(slices.allSatisfy { $0.ports.first?.name == "http" && $0.ports.first?.protocol == "TCP" })
    }

    @Test("A named port resolves only through a container port of the same protocol")
    func namedPortProtocol() throws {
        let sim = Make.simulator([
            Make.deployment("dns", replicas: 1, ports: [ContainerPort(name: "dns", containerPort: 5353, protocol: "UDP"),
                                                        ContainerPort(name: "dns-tcp", containerPort: 5354, protocol: "TCP")]),
            Make.service("dns", selector: ["app": "dns"],
                         ports: [ServicePort(name: "dns-udp", protocol: "UDP", port: 53, targetPort: .string("dns")),
                                 ServicePort(name: "dns-tcp", protocol: "TCP", port: 53, targetPort: .string("dns"))]),
        ])
        let ports = try #require(sim.slices(for: "dns").first).ports
        // The TCP Service port names "dns", which only a UDP container port carries: it resolves to nothing.
        #expect(ports.map { "\($0.name ?? "")=\($0.port ?? 0)/\($0.protocol)" } == ["dns-udp=5353/UDP"])
    }

    @Test("A pod lacking the named port stays an endpoint, without that port")
    func podLackingNamedPort() throws {
        let sim = Make.simulator([
            Make.deployment("a", replicas: 2, labels: ["app": "a", "tier": "web"]),
            Make.deployment("c", replicas: 1, labels: ["app": "c", "tier": "web"],
                            ports: [ContainerPort(name: "metrics", containerPort: 9100)]),
            Make.service("web", selector: ["tier": "web"]),
        ])
        let c = try #require(sim.pods("c-").first)
        let slice = try #require(sim.slices(for: "web").first { $0.endpoints.contains { $0.targetRef?.name == c.metadata.name } })
        #expect(slice.ports.isEmpty)
        #expect(slice.endpoints.count == 1)
        #expect(sim.slices(for: "web").filter { $0.ports.map(\.port) == [8080] }.first?.endpoints.count == 2)
    }

    @Test("Slices carry kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by, owned by the Service")
    func labelsAndOwner() throws {
        var sim = Make.simulator([Make.deployment("web", replicas: 1), Make.service("web", selector: ["app": "web"])])
        let slice = try #require(sim.slices(for: "web").first)
        #expect(slice.metadata.labels["kubernetes.io/service-name"] == "web")
        #expect(slice.metadata.labels["endpointslice.kubernetes.io/managed-by"] == "endpointslice-controller.k8s.io")
        #expect(slice.metadata.name.hasPrefix("web-"))
        let owner = try #require(slice.metadata.ownerReferences.first)
        #expect(owner.kind == "Service" && owner.name == "web" && owner.uid == sim.service("web")?.metadata.uid)
        try sim.run("delete service/web")
        #expect(sim.slices(for: "web").isEmpty, "slices go with their Service")
    }

    @Test("A Service without a selector gets no managed slices and no Endpoints")
    func noSelector() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 2), Make.service("manual", selector: nil),
                                  Make.service("empty", selector: [:])])
        #expect(sim.slices(for: "manual").isEmpty)
        #expect(sim.slices(for: "empty").isEmpty)
        #expect(sim.endpoints("manual") == nil)
        #expect(sim.endpoints("empty") == nil)
    }

    @Test("A Service whose selector matches nothing gets exactly one empty slice")
    func placeholderSlice() throws {
        var sim = Make.simulator([Make.service("nothing", selector: ["app": "nothing"]),
                                  Make.deployment("web", replicas: 2), Make.service("web", selector: ["app": "web"])])
        let slices = sim.slices(for: "nothing")
        #expect(slices.count == 1)
        #expect(slices.first?.endpoints.isEmpty == true)
        try sim.run("scale deployment/web --replicas=0")
        try sim.run("settle")
        #expect(sim.slices(for: "web").count == 1, "scaling to zero leaves the placeholder")
        #expect(sim.slices(for: "web").first?.endpoints.isEmpty == true)
    }

    @Test("StatefulSet pods get their hostname in the slices of their governing headless Service")
    func statefulSetHostname() throws {
        let sim = Make.simulator([Make.statefulSet("db", replicas: 2),
                                  Make.service("db", selector: ["app": "db"], clusterIP: "None"),
                                  Make.service("db-read", selector: ["app": "db"])])
        let endpoints = sim.sliceEndpoints("db").sorted { ($0.hostname ?? "") < ($1.hostname ?? "") }
        #expect(endpoints.map(\.hostname) == ["db-0", "db-1"])
        #expect(sim.pod("db-0")?.spec.subdomain == "db")
        #expect(sim.sliceEndpoints("db-read").allSatisfy { $0.hostname == nil }, "only under the governing Service")
    }

    @Test("A pod change updates only the slices of Services that select it")
    func incrementalUpdates() throws {
        var sim = Make.simulator([Make.deployment("a", replicas: 2), Make.service("a", selector: ["app": "a"]),
                                  Make.deployment("b", replicas: 2), Make.service("b", selector: ["app": "b"])])
        let before = sim.slices(for: "b").map(\.metadata.resourceVersion)
        try sim.run("kill pod/\(sim.pods("a-")[0].metadata.name)")
        try sim.run("settle")
        #expect(sim.slices(for: "b").map(\.metadata.resourceVersion) == before)
        #expect(sim.sliceEndpoints("a").count == 2)
    }
}
