import ClusterStore
import KubeModel
import Manifests
import Simulation
import Testing

@testable import Dashboard

/// Describe (`d`): kubectl describe's layout per kind, the plain-language traffic summary, and the page's frames.
@Suite struct DescribeTests {
    static let sim = TestSupport.demoSimulator()

    func document(_ type: ResourceType, _ namespace: String, _ name: String, state: ClusterState = sim.snapshot) throws -> DescribeDocument {
        try #require(Describer.describe(ObjectRef(type: type, namespace: namespace, name: name), state: state))
    }

    func text(_ doc: DescribeDocument) -> String {
        (doc.summary + [""] + doc.body).joined(separator: "\n") + "\n"
    }

    func firstPod(_ prefix: String, in state: ClusterState = sim.snapshot) -> String {
        state.pods.inNamespace("shop").map(\.metadata.name).filter { $0.hasPrefix(prefix) }.sorted()[0]
    }

    // MARK: Layout

    @Test func describeTextAlignsColumnsPerBlockLikeTabwriter() {
        var t = DescribeText()
        t.line(0, "Name:", "api")
        t.line(0, "Namespace:", "shop")
        t.line(0, "IPs:")
        t.line(1, "IP:", "10.0.0.1")
        t.line(0, "Controlled By:", "ReplicaSet/api")
        t.map(0, "Labels:", ["b": "2", "a": "1"])
        #expect(t.rendered() == [
            "Name:       api",
            "Namespace:  shop",
            "IPs:",
            "  IP:           10.0.0.1",
            "Controlled By:  ReplicaSet/api",
            "Labels:         a=1",
            "                b=2",
        ])
    }

    @Test func hostileValuesCannotAddCellsOrLines() {
        var t = DescribeText()
        t.map(0, "Annotations:", ["note": "a\tb\nc\r\nd", "x": ""], separator: ": ")
        t.line(0, "Name:", "web\t\t")
        #expect(t.rendered() == [
            "Annotations:  note: a b c d",
            "              x: ",
            "Name:         web",
        ].map { $0.hasSuffix(" ") ? String($0.dropLast()) : $0 })
    }

    @Test func durationsThatAreNotDurationsSortAsText() {
        for text in ["", "5", "s", "5x", "1m2", "-3s", "1.5h", "<unknown>", "9999999999999999999999d"] {
            #expect(SortValue.duration(text) == nil || text.hasPrefix("9999"), "\(text)")
        }
        #expect(SortValue.duration("2y30d") == 65_664_000_000.0)
        #expect(SortValue("", kind: .ratio) == .text(""))
        #expect(SortValue("3/0", kind: .ratio) == .number(0, 3))
        #expect(SortValue("10.96.0", kind: .address) == .text("10.96.0"))
    }

    @Test func describeTimesAreRFC1123InUTC() {
        #expect(DescribeFormat.time(Timestamp(seconds: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(DescribeFormat.time(Timestamp(rfc3339: "2026-01-01T09:00:05Z")) == "Thu, 01 Jan 2026 09:00:05 +0000")
        #expect(DescribeFormat.time(Timestamp(rfc3339: "2024-02-29T23:59:59Z")) == "Thu, 29 Feb 2024 23:59:59 +0000")
        #expect(DescribeFormat.time(nil) == "<unset>")
    }

    // MARK: Every kind, whole text

    @Test func describeEveryKindMatchesGolden() throws {
        let s = Self.sim.snapshot
        let slice = try #require(Format.slices(s, service: ObjectKey(namespace: "shop", name: "api")).first)
        let rs = try #require(s.replicaSets.inNamespace("shop").map(\.metadata.name).sorted().first { $0.hasPrefix("api-") })
        let cases: [(String, ResourceType, String, String)] = [
            ("service-api", .service, "shop", "api"),
            ("service-ghost-admin-nodeport", .service, "blog", "ghost-admin"),
            ("service-ingress-nginx-lb", .service, "ingress-nginx", "ingress-nginx-controller"),
            ("service-payments-externalname", .service, "shop", "payments"),
            ("service-redis-headless", .service, "shop", "redis"),
            ("pod-api", .pod, "shop", firstPod("api-")),
            ("deployment-api", .deployment, "shop", "api"),
            ("replicaset-api", .replicaSet, "shop", rs),
            ("statefulset-redis", .statefulSet, "shop", "redis"),
            ("ingress-shop", .ingress, "shop", "shop"),
            ("endpointslice-api", .endpointSlice, "shop", slice.metadata.name),
            ("endpoints-api", .endpoints, "shop", "api"),
            ("node-1", .node, "", "node-1"),
            ("namespace-shop", .namespace, "", "shop"),
        ]
        for (name, type, ns, object) in cases {
            TestSupport.expectGolden(text(try document(type, ns, object)), "describe-\(name)")
        }
    }

    @Test func describeDaemonSetFromManifest() throws {
        var sim = TestSupport.demoSimulator(settle: false)
        let yaml = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: node-agent, namespace: shop}
            spec:
              selector: {matchLabels: {app: node-agent}}
              template:
                metadata: {labels: {app: node-agent}}
                spec:
                  containers:
                  - {name: agent, image: agent:1, ports: [{containerPort: 9100, name: metrics}]}
            """
        let loaded = ManifestLoader().load(name: "ds.yaml", contents: yaml)
        #expect(sim.load(loaded.objects.map(\.object)).isEmpty)
        _ = sim.settle()
        let doc = try document(.daemonSet, "shop", "node-agent", state: sim.snapshot)
        #expect(doc.summary.first == "DaemonSet node-agent runs 3 ready of 3 desired pods (one per eligible node).")
        #expect(doc.summary.contains("No Service selects its pods, so no Service traffic reaches them."))
        TestSupport.expectGolden(text(doc), "describe-daemonset")
    }

    // MARK: Traffic summary from live state

    @Test func serviceSummarySaysWhereClientsConnectAndWhichPodsAreReady() throws {
        var sim = TestSupport.demoSimulator()
        let pod = firstPod("api-", in: sim.snapshot)
        var doc = try document(.service, "shop", "api", state: sim.snapshot)
        #expect(doc.summary[0] == "ClusterIP Service: pods reach it at 10.96.0.5:80 and :9090 (api.shop.svc.cluster.local).")
        #expect(doc.summary[1].hasPrefix("It forwards to 3 of 3 pods labelled app.kubernetes.io/name=api on ports"))

        try sim.perform(ActionParser.parse("fail-readiness pod/\(pod) -n shop", defaultNamespace: "shop"))
        sim.advance(byMs: 60_000)
        doc = try document(.service, "shop", "api", state: sim.snapshot)
        #expect(doc.summary[1].contains("It forwards to 2 of 3 pods"))
        #expect(doc.summary[1].contains("; 1 is not ready (\(pod))"))
    }

    @Test func serviceSummaryWithNoEndpointsSaysConnectionsAreRefused() throws {
        var sim = TestSupport.demoSimulator()
        try sim.perform(ActionParser.parse("scale deployment/cart --replicas=0 -n shop", defaultNamespace: "shop"))
        _ = sim.settle()
        let doc = try document(.service, "shop", "cart", state: sim.snapshot)
        #expect(doc.summary[1] == "No running pod is labelled app.kubernetes.io/name=cart, so it has no endpoints and connections to it are refused.")
    }

    @Test func serviceSummarySaysTerminatingServingEndpointsGetTrafficOnlyWhenNoneIsReady() throws {
        var sim = TestSupport.demoSimulator()
        let carts = sim.snapshot.pods.inNamespace("shop").map(\.metadata.name).filter { $0.hasPrefix("cart-") }.sorted()
        for pod in carts { try sim.perform(ActionParser.parse("delete pod/\(pod) -n shop", defaultNamespace: "shop")) }
        sim.advance(byMs: 100)
        let doc = try document(.service, "shop", "cart", state: sim.snapshot)
        #expect(doc.summary[1].contains("; 2 are terminating (\(carts[0]) and \(carts[1]))"), "\(doc.summary)")
        #expect(doc.summary[1].hasSuffix(
            "; with no ready endpoint left, kube-proxy falls back to the terminating ones still serving."), "\(doc.summary)")
    }

    @Test func podSummarySaysANotReadyPodGetsNoTraffic() throws {
        var sim = TestSupport.demoSimulator()
        let pod = firstPod("api-", in: sim.snapshot)
        try sim.perform(ActionParser.parse("fail-readiness pod/\(pod) -n shop", defaultNamespace: "shop"))
        sim.advance(byMs: 60_000)
        let doc = try document(.pod, "shop", pod, state: sim.snapshot)
        #expect(doc.summary[0].hasSuffix("and is not ready (Running)."), "\(doc.summary)")
        #expect(doc.summary[1] == "Service api selects it, but it is not ready, so it gets no traffic from it.")
    }

    @Test func podSummaryNamesTheServicesThatSelectIt() throws {
        var sim = TestSupport.demoSimulator()
        let pod = firstPod("frontend-", in: sim.snapshot)
        var doc = try document(.pod, "shop", pod, state: sim.snapshot)
        #expect(doc.summary[1] == "Service frontend selects it and it receives the Service's traffic.")
        #expect(doc.summary[2].hasPrefix("Requests from outside reach it through the Ingress path"))
        try sim.perform(ActionParser.parse("delete pod/\(pod) -n shop", defaultNamespace: "shop"))
        sim.advance(byMs: 100)
        doc = try document(.pod, "shop", pod, state: sim.snapshot)
        #expect(doc.summary[0].hasSuffix("and is terminating."))
        #expect(doc.body.contains { $0.hasPrefix("Status:") && $0.contains("Terminating") })
    }

    @Test func ingressSummaryListsWhereEachPathGoes() throws {
        let doc = try document(.ingress, "shop", "shop")
        #expect(doc.summary[0] == "Ingress shop is served by the nginx ingress controller at 192.168.49.200.")
        #expect(doc.summary[1].hasPrefix("It routes shop.example.com/"))
    }

    @Test func describeListsTheObjectsEventsLast() throws {
        let doc = try document(.pod, "shop", firstPod("api-"))
        let events = try #require(doc.body.firstIndex(of: "Events:"))
        #expect(doc.body[events + 1].split(separator: " ", omittingEmptySubsequences: true) == ["Type", "Reason", "Age", "From", "Message"])
        #expect(doc.body[(events + 2)...].contains { $0.contains("Scheduled") && $0.contains("default-scheduler") })
    }

    @Test func describeOfAMissingObjectIsNil() {
        #expect(Describer.describe(ObjectRef(type: .pod, namespace: "shop", name: "nope"), state: Self.sim.snapshot) == nil)
    }
}
