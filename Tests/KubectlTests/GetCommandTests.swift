import ClusterStore
import KubeModel
import Testing
@testable import Kubectl

/// `switchboard get` end to end: kinds, namespaces, selectors, output formats and kubectl's error messages.
@Suite struct GetCommandTests {
    static func cluster() -> ClusterState {
        var f = Fixture()
        f.add(.service(service("frontend")))
        f.add(.service(service("backend", clusterIP: "10.96.0.11", ports: [ServicePort(port: 8080)],
                               selector: ["app": "backend"])))
        f.add(.service(service("kube-dns", clusterIP: "10.96.0.53",
                               ports: [ServicePort(name: "dns", protocol: "UDP", port: 53),
                                       ServicePort(name: "dns-tcp", port: 53)],
                               selector: ["k8s-app": "kube-dns"], namespace: "kube-system")))
        let backend = IngressBackend.service(name: "frontend", port: .number(80))
        f.add(.ingress(Ingress(metadata: meta("shop"), spec: IngressSpec(
            ingressClassName: "nginx",
            rules: [IngressRule(host: "shop.example.com",
                                paths: [HTTPIngressPath(path: "/", pathType: .prefix, backend: backend)])]))))
        f.add(.deployment(deployment("web", replicas: 2, ready: 2, updated: 2, available: 2)))
        f.add(pod("web-1"))
        f.add(pod("db-0", labels: ["app": "db"]))
        f.add(.endpointSlice(EndpointSlice(metadata: meta("frontend-abc12"))))
        f.add(.secret(Secret(metadata: meta("creds"), data: ["password": "aHVudGVyMg=="])))
        f.add(.node(Node(metadata: ObjectMeta(name: "node-1"))))
        f.add(.generic(GenericObject(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler",
                                     metadata: meta("web"), body: ["spec": ["maxReplicas": 5]])))
        return f.state(at: 600)
    }

    static let state = cluster()

    func get(_ args: String..., namespace: String? = nil, allNamespaces: Bool = false, selector: String? = nil,
             output: String? = nil) -> (stdout: String, stderr: String, exitCode: Int32) {
        GetCommand.run(state: Self.state, query: GetQuery(arguments: args, namespace: namespace,
                                                          allNamespaces: allNamespaces, selector: selector,
                                                          output: output))
    }

    // MARK: tables

    /// Several kinds: one table each, a blank line between, names prefixed with the kind (and group).
    @Test func multipleKinds() {
        let r = get("svc,ing")
        #expect(r.stdout == GetGolden.getSvcIng)
        #expect(r.stderr == "")
        #expect(r.exitCode == 0)
    }

    @Test func resourceNameForm() {
        #expect(get("svc/frontend", "deploy/web").stdout == GetGolden.getTuples)
        // One kind: no prefix.
        #expect(get("svc/frontend").stdout.hasPrefix("NAME       TYPE"))
    }

    @Test func allNamespaces() {
        #expect(get("services", allNamespaces: true).stdout == GetGolden.getAllNamespacesSvc)
        #expect(get("svc", namespace: "kube-system").stdout.contains("kube-dns"))
        #expect(!get("svc").stdout.contains("kube-dns"))
    }

    @Test func allCategory() {
        #expect(get("all").stdout == GetGolden.getAll)
    }

    @Test func namedObjectsAndShortNames() {
        let r = get("po", "web-1")
        #expect(r.stdout == "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          10m\n")
        #expect(get("deployments.apps", "web").stdout
            == "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           10m\n")
        #expect(get("no", "node-1").stdout.hasPrefix("NAME     STATUS    ROLES    AGE   VERSION\nnode-1   Unknown"))
    }

    @Test func selectors() {
        #expect(get("pods", selector: "app=web").stdout.contains("web-1"))
        #expect(!get("pods", selector: "app=web").stdout.contains("db-0"))
        let both = get("pods", selector: "app in (web,db)").stdout
        #expect(both.contains("web-1") && both.contains("db-0"))
        #expect(get("pods", selector: "  ").stdout.contains("db-0"))  // blank selector selects everything
        let none = get("pods", selector: "app=nothing")
        #expect(none.stdout == "" && none.stderr == "No resources found in default namespace.\n" && none.exitCode == 0)
    }

    @Test func secretsNeverInTables() {
        let r = get("secrets")
        #expect(r.stdout == GetGolden.getSecrets)
        #expect(!r.stdout.contains("aHVudGVyMg"))
    }

    @Test func genericKinds() {
        #expect(get("horizontalpodautoscalers").stdout == "NAME   AGE\nweb    10m\n")
        #expect(get("horizontalpodautoscalers", output: "name").stdout == "horizontalpodautoscaler.autoscaling/web\n")
    }

    // MARK: empty results

    @Test func noResourcesMessages() {
        let namespaced = get("pods", namespace: "kube-system")
        #expect(namespaced.stdout == "")
        #expect(namespaced.stderr == "No resources found in kube-system namespace.\n")
        #expect(namespaced.exitCode == 0)
        #expect(get("ingressclasses").stderr == "No resources found\n")
        #expect(get("pods", allNamespaces: true, selector: "app=nothing").stderr == "No resources found\n")
        #expect(get("deploy,ingressclasses", namespace: "kube-system").stderr == "No resources found\n")
        #expect(GetCommand.noResourcesMessage(namespace: "shop") == "No resources found in shop namespace.")
        #expect(GetCommand.noResourcesMessage(namespace: nil) == "No resources found")
    }

    /// An empty listing as JSON is an empty List, with no message.
    @Test func emptyListAsJSON() {
        let r = get("pods", namespace: "kube-system", output: "json")
        #expect(r.stdout == """
            {
                "apiVersion": "v1",
                "items": [],
                "kind": "List",
                "metadata": {
                    "resourceVersion": ""
                }
            }

            """)
        #expect(r.stderr == "" && r.exitCode == 0)
        #expect(get("pods", namespace: "kube-system", output: "name") == ("", "", 0))
    }

    // MARK: output formats

    @Test func outputName() {
        let r = get("svc,deploy,ing,endpointslices,no", output: "name")
        #expect(r.stdout == """
            service/backend
            service/frontend
            deployment.apps/web
            ingress.networking.k8s.io/shop
            endpointslice.discovery.k8s.io/frontend-abc12
            node/node-1

            """)
    }

    @Test func jsonOfOneNamedObjectIsTheObject() throws {
        let r = get("svc", "frontend", output: "json")
        let object = try #require(Self.state.get(.service, ObjectKey(namespace: "default", name: "frontend")))
        #expect(r.stdout == JSONWriter.pretty(object.json()) + "\n")
        #expect(r.stdout.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Service\",\n"))
        // The same through KIND/NAME.
        #expect(get("svc/frontend", output: "json").stdout == r.stdout)
    }

    @Test func jsonOfAListingIsAList() {
        let r = get("svc", output: "json")
        #expect(r.stdout.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n"))
        #expect(r.stdout.hasSuffix("    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"))
        #expect(r.stdout.components(separatedBy: "\"kind\": \"Service\"").count == 3)
        // Two names: a List too.
        #expect(get("svc", "frontend", "backend", output: "json").stdout.contains("\"kind\": \"List\""))
    }

    @Test func yamlOfOneNamedObject() throws {
        let object = try #require(Self.state.get(.service, ObjectKey(namespace: "default", name: "frontend")))
        let r = get("svc", "frontend", output: "yaml")
        #expect(r.stdout == """
            apiVersion: v1
            kind: Service
            metadata:
              creationTimestamp: "2023-11-14T22:13:20Z"
              labels:
                app: frontend
              name: frontend
              namespace: default
              resourceVersion: "\(object.metadata.resourceVersion)"
              uid: \(object.metadata.uid)
            spec:
              clusterIP: 10.96.0.10
              clusterIPs:
              - 10.96.0.10
              ports:
              - port: 80
                protocol: TCP
                targetPort: 80
              selector:
                app: web
              sessionAffinity: None
              type: ClusterIP
            status:
              loadBalancer: {}

            """)
    }

    @Test func yamlListing() {
        let r = get("ing", output: "yaml")
        #expect(r.stdout.hasPrefix("apiVersion: v1\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: Ingress\n"))
        #expect(r.stdout.hasSuffix("kind: List\nmetadata:\n  resourceVersion: \"\"\n"))
    }

    /// What the user asked for: -o json/yaml show a Secret's data, as kubectl does.
    @Test func secretDataInJSONAndYAML() {
        #expect(get("secret", "creds", output: "yaml").stdout.contains("data:\n  password: aHVudGVyMg==\n"))
        #expect(get("secret", "creds", output: "json").stdout.contains("\"password\": \"aHVudGVyMg==\""))
    }

    @Test func wideOutput() {
        let r = get("svc", "frontend", output: "wide")
        #expect(r.stdout.hasPrefix("NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR\n"))
        #expect(r.stdout.hasSuffix("10m   app=web\n"))
    }

    // MARK: errors

    @Test func badOutputFormat() {
        let r = get("pods", output: "xml")
        #expect(r == ("", "error: unable to match a printer suitable for the output format \"xml\", allowed formats are: json,name,wide,yaml\n", 1))
        #expect(throws: KubectlError.self) { try OutputFormat.parse("table") }
        #expect((try? OutputFormat.parse(nil)) == .table)
        #expect((try? OutputFormat.parse("")) == .table)
    }

    @Test func unknownResourceType() {
        #expect(get("foo") == ("", "error: the server doesn't have a resource type \"foo\"\n", 1))
        #expect(get("svc,foo").stderr == "error: the server doesn't have a resource type \"foo\"\n")
        #expect(get("foo/bar").stderr == "error: the server doesn't have a resource type \"foo\"\n")
    }

    @Test func notFound() {
        #expect(get("pods", "missing") == ("", "Error from server (NotFound): pods \"missing\" not found\n", 1))
        #expect(get("deploy", "missing").stderr == "Error from server (NotFound): deployments.apps \"missing\" not found\n")
        #expect(get("svc", "missing", output: "json") == ("", "Error from server (NotFound): services \"missing\" not found\n", 1))
        // What was found is printed; the errors follow on stderr.
        let partial = get("pods", "web-1", "missing")
        #expect(partial.stdout.contains("web-1"))
        #expect(partial.stderr == "Error from server (NotFound): pods \"missing\" not found\n")
        #expect(partial.exitCode == 1)
        // A name in another namespace is not found.
        #expect(get("svc", "kube-dns").exitCode == 1)
    }

    @Test func argumentErrors() {
        #expect(get().stderr == "error: Required resource not specified.\n")
        #expect(get("pods", "web-1", selector: "app=web").stderr
            == "error: name cannot be provided when a selector is specified\n")
        #expect(get("svc,ing", "frontend").stderr == "error: you must specify only one resource\n")
        #expect(get("pods", "web-1", allNamespaces: true).stderr
            == "error: a resource cannot be retrieved by name across all namespaces\n")
        #expect(get("nodes", "node-1", allNamespaces: true).exitCode == 0)
        #expect(get("svc", "deploy/web").stderr.hasPrefix("error: there is no need to specify a resource type"))
        #expect(get("svc/a/b").stderr == "error: arguments in resource/name form may not have more than one slash\n")
        #expect(get("svc/").stderr == "error: arguments in resource/name form must have a single resource and name\n")
    }

    @Test func invalidSelectorIsABadRequest() {
        let r = get("pods", selector: "a in")
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("Error from server (BadRequest): unable to parse requirement: "))
        #expect(r.exitCode == 1)
    }

    @Test func freeFunctionMatches() {
        let query = GetQuery(kinds: "svc,ing")
        #expect(Kubectl.run(state: Self.state, query: query) == GetCommand.run(state: Self.state, query: query))
    }
}
