import ClusterStore
import KubeModel
import Testing
@testable import Simulation

/// A small shop: an nginx IngressClass, Deployments `web` (3) and `cart` (2) with their Services, and an Ingress
/// for shop.example.com: `/` to web by port name, `/cart` to cart by port number.
enum Shop {
    static func ingress(_ name: String = "shop", host: String = "shop.example.com", className: String? = "nginx",
                        tls: Bool = false) -> KubeObject {
        let rule = IngressRule(host: host, paths: [
            HTTPIngressPath(path: "/", pathType: .prefix, backend: .service(name: "web", port: .name("http"))),
            HTTPIngressPath(path: "/cart", pathType: .prefix, backend: .service(name: "cart", port: .number(80))),
        ])
        let spec = IngressSpec(ingressClassName: className, tls: tls ? [IngressTLS(hosts: [host], secretName: "c")] : [],
                               rules: [rule])
        return .ingress(Ingress(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec))
    }

    static let ingressClass = KubeObject.ingressClass(IngressClass(metadata: ObjectMeta(name: "nginx"),
                                                                   controller: "k8s.io/ingress-nginx"))

    static func objects(webReplicas: Int = 3) -> [KubeObject] {
        [ingressClass,
         Make.deployment("web", replicas: webReplicas), Make.service("web", selector: ["app": "web"]),
         Make.deployment("cart", replicas: 2), Make.service("cart", selector: ["app": "cart"]),
         ingress()]
    }

    static func simulator(_ extra: [KubeObject] = [], webReplicas: Int = 3, mode: ProxyMode = .iptables) -> Simulator {
        var config = SimulationConfig()
        config.proxyMode = mode
        var sim = Simulator(config: config)
        let errors = sim.load(objects(webReplicas: webReplicas) + extra)
        precondition(errors.isEmpty, "load failed: \(errors)")
        sim.settle()
        sim.advance(byMs: 2000)  // kube-proxy has caught up with the settled slices
        return sim
    }
}

extension Simulator {
    mutating func trace(_ url: String, headers: [String] = [], from client: TraceClient = .external) throws -> Trace {
        trace(try HTTPRequest.parse(url, headers: headers), from: client)
    }
}

@Suite("Tracing a request through Ingress, Service and kube-proxy")
struct TraceTests {
    @Test("A host name enters through the ingress controller and reaches a pod: Ingress → Service → EndpointSlice → Pod")
    func ingressToPod() throws {
        var sim = Shop.simulator()
        let t = try sim.trace("http://shop.example.com/cart/items")
        #expect(t.status == 200)
        #expect(t.outcome == .delivered)
        #expect(t.hops.map(\.kind) == ["Ingress", "Service", "EndpointSlice", "Pod"])
        #expect(t.hops[0] == .ingress(ObjectKey(namespace: "default", name: "shop"), host: "shop.example.com",
                                      path: "/cart", pathType: .prefix))
        #expect(t.hops[1] == .service(ObjectKey(namespace: "default", name: "cart"), port: 80))
        guard case .pod(let pod, let ip, let port, let node) = t.hops[3] else {
            Issue.record("last hop is not a pod")
            return
        }
        let stored = try #require(sim.snapshot.pods[pod])
        #expect(pod.name.hasPrefix("cart-"))
        #expect(ip == stored.status.podIP)
        #expect(port == 8080)
        #expect(node == stored.spec.nodeName)
        #expect(t.text.hasPrefix("client → Ingress default/shop (shop.example.com /cart Prefix) → Service default/cart:80 → EndpointSlice cart-"))
    }

    @Test("An Ingress backend names its Service port by name")
    func backendByPortName() throws {
        var sim = Shop.simulator()
        let t = try sim.trace("http://shop.example.com/")
        #expect(t.hops[1] == .service(ObjectKey(namespace: "default", name: "web"), port: 80))
        #expect(t.status == 200)
    }

    @Test("No Ingress rule for the host and no default backend: 404, said in words")
    func noRuleIs404() throws {
        var sim = Shop.simulator()
        let t = try sim.trace("http://foo.com/")
        #expect(t.status == 404)
        #expect(t.outcome == .noRoute)
        #expect(t.reason == "no Ingress rule for host foo.com and no default backend: 404")
        #expect(t.hops.isEmpty)
    }

    @Test("A Host header picks the virtual host, as with curl -H")
    func hostHeader() throws {
        var sim = Shop.simulator()
        #expect(try sim.trace("http://foo.com/", headers: ["Host: shop.example.com"]).status == 200)
    }

    @Test("An Ingress whose IngressClass does not exist is served by nobody")
    func unknownClassServedByNobody() throws {
        var sim = Shop.simulator([Shop.ingress("ghost", host: "ghost.example.com", className: "traefik")])
        let t = try sim.trace("http://ghost.example.com/")
        #expect(t.status == 404)
        #expect(t.reason == "no Ingress rule for host ghost.example.com and no default backend: 404 (Ingress default/ghost names IngressClass \"traefik\", which does not exist, so no controller serves it)")
        #expect(sim.snapshot.ingresses[ObjectKey(namespace: "default", name: "ghost")]?.status.loadBalancer.isEmpty == true)
    }

    @Test("https to a host without spec.tls: ingress-nginx presents its default fake certificate")
    func httpsWithoutTLS() throws {
        var sim = Shop.simulator()
        let t = try sim.trace("https://shop.example.com/")
        #expect(t.notes.contains { $0.contains("Kubernetes Ingress Controller Fake Certificate") })
        var withTLS = Shop.simulator([Shop.ingress("secure", host: "secure.example.com", tls: true)])
        let s = try withTLS.trace("https://secure.example.com/")
        #expect(s.notes == ["TLS terminated at the ingress controller for secure.example.com"])
        let plain = try withTLS.trace("http://secure.example.com/")
        #expect(plain.notes == ["secure.example.com has TLS, so ingress-nginx answers plain http with a 308 redirect to https by default (ssl-redirect); traced as the https request that follows"])
        #expect(try withTLS.trace("http://shop.example.com/").notes.isEmpty)
    }

    @Test("Ingresses are re-indexed when they change")
    func indexFollowsChanges() throws {
        var sim = Shop.simulator()
        #expect(try sim.trace("http://new.example.com/").status == 404)
        _ = sim.load([Shop.ingress("second", host: "new.example.com")])
        #expect(try sim.trace("http://new.example.com/").status == 200)
        try sim.run("delete ingress/second")
        #expect(try sim.trace("http://new.example.com/").status == 404)
    }

    @Test("Entry by ClusterIP, svc.ns, svc.ns.svc.cluster.local; a short name only from a pod of the namespace")
    func serviceEntries() throws {
        var sim = Shop.simulator()
        let ip = try #require(sim.service("cart")?.spec.clusterIP)
        for url in ["http://\(ip)/", "http://cart.default/", "http://cart.default.svc.cluster.local/", "http://cart.default.svc/"] {
            let t = try sim.trace(url)
            #expect(t.status == 200, "\(url): \(t.reason)")
            #expect(t.hops.first == .service(ObjectKey(namespace: "default", name: "cart"), port: 80), "\(url)")
        }
        let short = try sim.trace("http://cart/")
        #expect(short.outcome == .unreachable)
        #expect(short.reason == "cart is a short Service name, which resolves only from a pod in the Service's namespace: use cart.NAMESPACE or trace from a pod")
        let pod = sim.pods("web-")[0]
        let client = TraceClient(namespace: "default", node: pod.spec.nodeName, ip: pod.status.podIP!)
        #expect(try sim.trace("http://cart/", from: client).status == 200)
        let missing = try sim.trace("http://nope.default.svc.cluster.local/")
        #expect(missing.reason == "DNS: no Service default/nope (nope.default.svc.cluster.local does not exist, NXDOMAIN)")
    }

    @Test("A Service port the Service does not have: connection refused")
    func wrongPortRefused() throws {
        var sim = Shop.simulator()
        let t = try sim.trace("http://cart.default:8081/")
        #expect(t.outcome == .refused)
        #expect(t.reason == "Service default/cart has no port 8081: connection refused")
    }

    @Test("Entry by a node's InternalIP and nodePort, and by a LoadBalancer address")
    func nodePortAndLoadBalancer() throws {
        var sim = Shop.simulator([Make.service("edge", selector: ["app": "web"],
                                               ports: [ServicePort(name: "http", port: 80, targetPort: .string("http"), nodePort: 30080)],
                                               type: .loadBalancer)])
        let node = try #require(sim.snapshot.nodes.all.sorted { $0.metadata.name < $1.metadata.name }.first)
        let viaNode = try sim.trace("http://\(node.internalIP!):30080/")
        #expect(viaNode.status == 200)
        #expect(viaNode.hops.first == .node(name: node.metadata.name, address: node.internalIP!, nodePort: 30080))
        let lb = try #require(sim.service("edge")?.loadBalancerIngress.first?.ip)
        let viaLB = try sim.trace("http://\(lb)/")
        #expect(viaLB.status == 200)
        #expect(viaLB.hops.first == .loadBalancer(address: lb, port: 80))
        #expect(try sim.trace("http://\(node.internalIP!):31999/").reason
            == "no Service has nodePort 31999 on node \(node.metadata.name) (\(node.internalIP!)): connection refused")
    }

    @Test("Entry by pod IP reaches the pod without a Service")
    func podIP() throws {
        var sim = Shop.simulator()
        let pod = sim.pods("cart-")[0]
        let t = try sim.trace("http://\(pod.status.podIP!):8080/")
        #expect(t.hops == [.pod(pod.metadata.key, ip: pod.status.podIP!, port: 8080, node: pod.spec.nodeName)])
        #expect(t.status == 200)
        #expect(try sim.trace("http://10.1.2.3/").outcome == .unreachable)
    }

    @Test("A headless Service has no virtual IP: DNS gives pod addresses, the client connects directly")
    func headless() throws {
        var sim = Shop.simulator([Make.service("web-headless", selector: ["app": "web"], clusterIP: "None")])
        let t = try sim.trace("http://web-headless.default/")
        #expect(t.status == 200)
        #expect(t.reason.contains("no virtual IP"))
        #expect(t.hops.last?.kind == "Pod")
    }

    @Test("ExternalName resolves to its name and the request leaves the cluster")
    func externalNameLeaves() throws {
        var sim = Shop.simulator([Make.service("pay", selector: nil, type: .externalName) { $0.spec.externalName = "pay.example.net" }])
        let t = try sim.trace("http://pay.default/")
        #expect(t.outcome == .leftCluster)
        #expect(t.status == nil)
        #expect(t.reason == "Service default/pay is ExternalName: DNS answers CNAME pay.example.net and the request leaves the cluster (no proxying)")
    }

    @Test("An ExternalName pointing back into the cluster is followed")
    func externalNameIntoCluster() throws {
        var sim = Shop.simulator([Make.service("alias", selector: nil, type: .externalName) {
            $0.spec.externalName = "cart.default.svc.cluster.local"
        }])
        let t = try sim.trace("http://alias.default/")
        #expect(t.status == 200)
        #expect(t.hops.map(\.kind) == ["Service", "Service", "EndpointSlice", "Pod"])
    }

    @Test("ExternalName Services that point at each other: the loop is detected and reported")
    func externalNameLoop() throws {
        var sim = Shop.simulator([
            Make.service("a", selector: nil, type: .externalName) { $0.spec.externalName = "b.default.svc.cluster.local" },
            Make.service("b", selector: nil, type: .externalName) { $0.spec.externalName = "a.default.svc.cluster.local" },
        ])
        let t = try sim.trace("http://a.default/")
        #expect(t.outcome == .loop)
        #expect(t.reason == "ExternalName loop: Service default/a is reached again through b.default.svc.cluster.local")
    }

    @Test("A Deployment scaled to zero: the Ingress answers 503 once its pods are gone")
    func scaledToZeroIs503() throws {
        var sim = Shop.simulator()
        try sim.run("scale deployment/cart --replicas=0")
        try sim.run("advance 60s")
        let t = try sim.trace("http://shop.example.com/cart")
        #expect(t.status == 503)
        #expect(t.outcome == .noEndpoints)
        #expect(t.reason == "Service default/cart has 0 ready endpoints: 503")
        #expect(try sim.trace("http://cart.default/").reason == "Service default/cart has 0 ready endpoints: connection refused")
    }

    @Test("Through the Ingress, a Service with only terminating endpoints that no longer serve: 503 naming them")
    func terminatingNotServingIs503() throws {
        var sim = Shop.simulator()
        // The pods' readiness fails (serving=false), then they terminate: nothing is left to send to.
        for pod in sim.pods("cart-") { try sim.run("fail-readiness pod/\(pod.metadata.name)") }
        try sim.run("scale deployment/cart --replicas=0")
        try sim.run("advance 2s")
        let t = try sim.trace("http://shop.example.com/cart")
        #expect(t.reason == "Service default/cart has 0 ready endpoints (2 terminating): 503")
    }
}
