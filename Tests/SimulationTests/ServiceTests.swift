import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Services: allocation and types")
struct ServiceTests {
    static let serviceCIDR = IPv4CIDR("10.96.0.0/12")!

    static func nodePortService(_ name: String, nodePort: Int? = nil, type: ServiceSpec.ServiceType = .nodePort) -> KubeObject {
        Make.service(name, selector: ["app": "web"],
                     ports: [ServicePort(name: "http", port: 80, targetPort: .string("http"), nodePort: nodePort)],
                     type: type)
    }

    @Test("ClusterIPs are allocated from 10.96.0.0/12 and are unique")
    func clusterIPsUnique() throws {
        let services = (0..<40).map { Make.service("svc-\($0)", selector: ["app": "web"]) }
        let sim = Make.simulator(services)
        let ips = sim.snapshot.services.all.compactMap(\.spec.clusterIP)
        #expect(ips.count == sim.snapshot.services.count)
        #expect(Set(ips).count == ips.count)
        for ip in ips {
            let parsed = try #require(IPv4CIDR.parse(ip), "\(ip) is an IPv4 address")
            #expect(Self.serviceCIDR.contains(parsed), "\(ip) is inside the service CIDR")
        }
        for s in sim.snapshot.services.all { #expect(s.spec.clusterIPs == [s.spec.clusterIP!]) }
    }

    @Test("An explicit clusterIP is honoured; a duplicate is rejected with \"provided IP is already allocated\"")
    func explicitClusterIP() throws {
        var sim = Make.simulator([Make.service("a", selector: ["app": "a"], clusterIP: "10.96.100.100")])
        #expect(sim.service("a")?.spec.clusterIP == "10.96.100.100")
        let version = sim.snapshot.resourceVersion
        let error = try #require(throws: APIError.self) {
            try sim.applyObject(Make.service("b", selector: ["app": "b"], clusterIP: "10.96.100.100"))
        }
        #expect(error.reason == .invalid)
        #expect(error.description.hasPrefix("Service \"b\" is invalid: spec.clusterIPs"))
        #expect(error.description.contains("provided IP is already allocated"))
        #expect(sim.service("b") == nil)
        #expect(sim.snapshot.resourceVersion == version, "a rejected write changes nothing")
        // Re-applying the owner with its own IP is not a conflict.
        try sim.applyObject(Make.service("a", selector: ["app": "a2"], clusterIP: "10.96.100.100"))
        #expect(sim.service("a")?.spec.selector == ["app": "a2"])
    }

    @Test("A clusterIP outside the service CIDR is rejected")
    func clusterIPOutOfRange() throws {
        var sim = Make.simulator([])
        let error = try #require(throws: APIError.self) {
            try sim.applyObject(Make.service("b", selector: ["app": "b"], clusterIP: "10.200.0.1"))
        }
        #expect(error.description.contains("is not in the valid range"))
    }

    @Test("NodePorts are allocated from 30000–32767 and are unique cluster-wide")
    func nodePortsUnique() throws {
        let services = (0..<30).map { i in
            Make.service("np-\(i)", selector: ["app": "web"],
                         ports: [ServicePort(name: "http", port: 80), ServicePort(name: "https", port: 443)],
                         type: i % 2 == 0 ? .nodePort : .loadBalancer)
        }
        let sim = Make.simulator(services)
        let ports = sim.snapshot.services.all.flatMap { $0.spec.ports.compactMap(\.nodePort) }
        #expect(ports.count == 60)
        #expect(Set(ports).count == 60)
        #expect(ports.allSatisfy { (30000...32767).contains($0) })
    }

    @Test("An explicit nodePort is honoured; a duplicate is rejected with the API server's message")
    func explicitNodePort() throws {
        var sim = Make.simulator([Self.nodePortService("x1", nodePort: 30080)])
        #expect(sim.service("x1")?.spec.ports[0].nodePort == 30080)
        let version = sim.snapshot.resourceVersion
        let error = try #require(throws: APIError.self) {
            try sim.applyObject(Self.nodePortService("x2", nodePort: 30080))
        }
        #expect(error.description
            == #"Service "x2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated"#)
        #expect(sim.service("x2") == nil)
        #expect(sim.snapshot.resourceVersion == version)
        // An automatically allocated port never collides with an explicit one.
        try sim.applyObject(Self.nodePortService("x3"))
        #expect(sim.service("x3")?.spec.ports[0].nodePort != 30080)
    }

    @Test("Re-applying a Service manifest without clusterIP or nodePort keeps the allocated ones")
    func reapplyKeepsAllocations() throws {
        let manifest = Make.service("web", selector: ["app": "web"], type: .loadBalancer)
        var sim = Make.simulator([Make.service("first", selector: ["app": "x"]), manifest])
        let before = try #require(sim.service("web"))
        try sim.applyObject(Make.service("web", selector: ["app": "web2"], type: .loadBalancer))
        try sim.applyObject(Make.service("other", selector: ["app": "y"]))
        let after = try #require(sim.service("web"))
        #expect(after.spec.selector == ["app": "web2"])
        #expect(after.spec.clusterIP == before.spec.clusterIP)
        #expect(after.spec.ports[0].nodePort == before.spec.ports[0].nodePort)
        #expect(after.loadBalancerIngress == before.loadBalancerIngress)
        #expect(sim.service("other")?.spec.clusterIP != before.spec.clusterIP)
    }

    @Test("A nodePort outside 30000–32767 is rejected")
    func nodePortOutOfRange() throws {
        var sim = Make.simulator([])
        let error = try #require(throws: APIError.self) { try sim.applyObject(Self.nodePortService("x", nodePort: 80)) }
        #expect(error.description.contains("provided port is not in the valid range. The range of valid ports is 30000-32767"))
    }

    @Test("Deleting a Service releases its ClusterIP and NodePort for reuse")
    func deleteReleases() throws {
        var sim = Make.simulator([Make.service("a", selector: ["app": "a"],
                                               ports: [ServicePort(name: "http", port: 80, nodePort: 30100)],
                                               type: .nodePort, clusterIP: "10.96.5.5")])
        try sim.run("delete service/a")
        #expect(sim.service("a") == nil)
        try sim.applyObject(Make.service("b", selector: ["app": "b"],
                                         ports: [ServicePort(name: "http", port: 80, nodePort: 30100)],
                                         type: .nodePort, clusterIP: "10.96.5.5"))
        #expect(sim.service("b")?.spec.clusterIP == "10.96.5.5")
        #expect(sim.service("b")?.spec.ports[0].nodePort == 30100)
    }

    @Test("A LoadBalancer Service gets a NodePort, a ClusterIP and status.loadBalancer.ingress[].ip from the pool")
    func loadBalancer() throws {
        let sim = Make.simulator([Self.nodePortService("lb", type: .loadBalancer), Self.nodePortService("lb2", type: .loadBalancer)])
        let pool = IPv4CIDR("192.168.49.200/29")!
        var seen: Set<String> = []
        for name in ["lb", "lb2"] {
            let s = try #require(sim.service(name))
            #expect(s.spec.clusterIP != nil)
            #expect(s.spec.ports[0].nodePort.map { (30000...32767).contains($0) } == true)
            let ip = try #require(s.loadBalancerIngress.first?.ip)
            let parsed = try #require(IPv4CIDR.parse(ip))
            #expect(pool.contains(parsed))
            seen.insert(ip)
        }
        #expect(seen.count == 2, "each LoadBalancer gets its own address")
    }

    @Test("type defaults to ClusterIP, protocol to TCP and targetPort to port")
    func defaults() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 1),
                                  Make.service("web", selector: ["app": "web"], ports: [ServicePort(port: 8080)])])
        let s = try #require(sim.service("web"))
        #expect(s.spec.type == .clusterIP)
        #expect(s.spec.ports[0].protocol == "TCP")
        #expect(s.spec.ports[0].targetPort == .int(8080))
        #expect(sim.slices(for: "web").first?.ports.map(\.port) == [8080])
    }

    @Test("clusterIP: None makes a headless Service: no ClusterIP, endpoints still published")
    func headless() throws {
        let sim = Make.simulator([Make.deployment("web", replicas: 2),
                                  Make.service("web", selector: ["app": "web"], clusterIP: "None")])
        let s = try #require(sim.service("web"))
        #expect(s.spec.clusterIP == "None")
        #expect(s.spec.clusterIPs == ["None"])
        #expect(sim.sliceEndpoints("web").count == 2)
        #expect(sim.slices(for: "web").allSatisfy { $0.metadata.labels["service.kubernetes.io/headless"] == "" })
    }

    @Test("An ExternalName Service has no ClusterIP and no endpoints")
    func externalName() throws {
        let sim = Make.simulator([
            Make.deployment("web", replicas: 2),
            Make.service("ext", selector: ["app": "web"], type: .externalName) { $0.spec.externalName = "db.example.com" },
        ])
        let s = try #require(sim.service("ext"))
        #expect(s.spec.clusterIP == nil)
        #expect(s.spec.clusterIPs.isEmpty)
        #expect(sim.slices(for: "ext").isEmpty)
        #expect(sim.endpoints("ext") == nil)
    }
}
