import Testing
@testable import KubeModel

/// Ingress validation: hosts, paths and backends, with the API server's paths and words.
@Suite struct ValidationIngressTests {
    static let rule0 = FieldPath.root.child("spec").child("rules").index(0)
    static let path0 = rule0.child("http").child("paths").index(0)

    @Test(arguments: [
        ("foo.example.com", [String]()),
        ("*.example.com", []),
        ("foo.*.com", ["spec.rules[0].host: Invalid value: \"foo.*.com\": \(ValidationNameTests.wildcardMsg)"]),
        ("*", ["spec.rules[0].host: Invalid value: \"*\": \(ValidationNameTests.wildcardMsg)"]),
        ("Foo.com", ["spec.rules[0].host: Invalid value: \"Foo.com\": \(ValidationNameTests.subdomainMsg)"]),
        ("1.2.3.4", ["spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address"]),
        ("::1", ["spec.rules[0].host: Invalid value: \"::1\": must be a DNS name, not an IP address",
                 "spec.rules[0].host: Invalid value: \"::1\": \(ValidationNameTests.subdomainMsg)"]),
    ])
    func hosts(_ host: String, _ errors: [String]) {
        #expect(Validation.ingressHost(host, at: Self.rule0.child("host")).map(\.description) == errors)
    }

    struct PathCase: Sendable, CustomTestStringConvertible {
        var path: String?
        var pathType: String?
        var errors: [String]
        var testDescription: String { "\(pathType ?? "nil") \(path ?? "nil")" }
    }

    static let p = "spec.rules[0].http.paths[0]"

    @Test(arguments: [
        PathCase(path: "/", pathType: "Prefix", errors: []),
        PathCase(path: "/api/v1", pathType: "Exact", errors: []),
        PathCase(path: "/a", pathType: nil, errors: ["\(p).pathType: Required value: pathType must be specified"]),
        PathCase(path: "api", pathType: "Prefix", errors: ["\(p).path: Invalid value: \"api\": must be an absolute path"]),
        PathCase(path: nil, pathType: "Exact", errors: ["\(p).path: Invalid value: \"\": must be an absolute path"]),
        PathCase(path: "/a//b", pathType: "Exact", errors: ["\(p).path: Invalid value: \"/a//b\": must not contain '//'"]),
        PathCase(path: "/a/./b", pathType: "Prefix", errors: ["\(p).path: Invalid value: \"/a/./b\": must not contain '/./'"]),
        PathCase(path: "/a/../b", pathType: "Prefix", errors: ["\(p).path: Invalid value: \"/a/../b\": must not contain '/../'"]),
        PathCase(path: "/a%2fb", pathType: "Prefix", errors: ["\(p).path: Invalid value: \"/a%2fb\": must not contain '%2f'"]),
        PathCase(path: "/a%2Fb", pathType: "Prefix", errors: ["\(p).path: Invalid value: \"/a%2Fb\": must not contain '%2F'"]),
        PathCase(path: "/a/..", pathType: "Prefix", errors: ["\(p).path: Invalid value: \"/a/..\": cannot end with '/..'"]),
        PathCase(path: "/a/.", pathType: "Exact", errors: ["\(p).path: Invalid value: \"/a/.\": cannot end with '/.'"]),
        PathCase(path: "/a//b", pathType: "ImplementationSpecific", errors: []),
        PathCase(path: nil, pathType: "ImplementationSpecific", errors: []),
        PathCase(path: "a", pathType: "ImplementationSpecific", errors: ["\(p).path: Invalid value: \"a\": must be an absolute path"]),
        PathCase(path: "/", pathType: "Regex", errors: [
            "\(p).pathType: Unsupported value: \"Regex\": supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\"",
        ]),
    ])
    func paths(_ c: PathCase) {
        #expect(Validation.ingressPath(c.path, pathType: c.pathType, at: Self.path0).map(\.description) == c.errors)
    }

    struct BackendCase: Sendable, CustomTestStringConvertible {
        var name: String
        var number: Int?
        var portName: String?
        var errors: [String]
        var testDescription: String { "\(name) \(number.map(String.init) ?? "-") \(portName ?? "-")" }
    }

    static let b = "spec.rules[0].http.paths[0].backend"

    @Test(arguments: [
        BackendCase(name: "web", number: 80, errors: []),
        BackendCase(name: "web", portName: "http", errors: []),
        BackendCase(name: "", number: 80, errors: ["\(b).service.name: Required value"]),
        BackendCase(name: "Web_1", number: 80, errors: ["\(b).service.name: Invalid value: \"Web_1\": \(ValidationNameTests.dns1035Msg)"]),
        BackendCase(name: "web", number: 80, portName: "http", errors: ["\(b): Invalid value: \"\": cannot set both port name & port number"]),
        BackendCase(name: "web", errors: ["\(b): Required value: port name or number is required"]),
        BackendCase(name: "web", number: 70000, errors: ["\(b).service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive"]),
        BackendCase(name: "web", portName: "80", errors: ["\(b).service.port.name: Invalid value: \"80\": must contain at least one letter (a-z)"]),
    ])
    func serviceBackends(_ c: BackendCase) {
        let errs = Validation.ingressServiceBackend(name: c.name, portNumber: c.number, portName: c.portName,
                                                    at: Self.path0.child("backend"))
        #expect(errs.map(\.description) == c.errors)
    }

    @Test func resourceBackendNeedsKindAndName() {
        let backend = IngressBackend.resource(["apiGroup": "k8s.example.com", "name": "static/assets"])
        #expect(Validation.ingressBackend(backend, at: FieldPath.root.child("spec").child("defaultBackend")).map(\.description) == [
            "spec.defaultBackend.resource.kind: Required value: kind is required",
            "spec.defaultBackend.resource.name: Invalid value: \"static/assets\": may not contain '/'",
        ])
    }

    static func ingress(_ spec: IngressSpec) -> Ingress {
        Ingress(metadata: ObjectMeta(name: "web", namespace: "default"), spec: spec)
    }

    static let toWeb = IngressBackend.service(name: "web", port: .number(80))

    @Test func wholeIngress() {
        let good = Self.ingress(IngressSpec(ingressClassName: "nginx", tls: [IngressTLS(hosts: ["*.example.com"], secretName: "tls")],
                                            rules: [IngressRule(host: "a.example.com", paths: [HTTPIngressPath(path: "/", pathType: .prefix, backend: Self.toWeb)])]))
        #expect(Validation.ingress(good).isEmpty)

        #expect(Validation.ingress(Self.ingress(IngressSpec())).map(\.description) == [
            "spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified",
        ])

        let bad = Self.ingress(IngressSpec(
            tls: [IngressTLS(hosts: ["a.*.com"])],
            rules: [IngressRule(host: "foo.*.com", paths: [HTTPIngressPath(path: "/a//b", pathType: .exact, backend: Self.toWeb)]),
                    IngressRule(paths: [])]))
        #expect(Validation.ingress(bad).map(\.description) == [
            "spec.rules[0].host: Invalid value: \"foo.*.com\": \(ValidationNameTests.wildcardMsg)",
            "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b\": must not contain '//'",
            "spec.rules[1].http.paths: Required value",
            "spec.tls[0].hosts[0]: Invalid value: \"a.*.com\": \(ValidationNameTests.wildcardMsg)",
        ])
    }

    @Test func ingressClassController() {
        let meta = ObjectMeta(name: "nginx")
        #expect(Validation.ingressClass(IngressClass(metadata: meta, controller: "k8s.io/ingress-nginx")).isEmpty)
        #expect(Validation.ingressClass(IngressClass(metadata: meta)).map(\.description) == ["spec.controller: Required value"])
        #expect(Validation.ingressClass(IngressClass(metadata: meta, controller: "nginx")).map(\.description) == [
            "spec.controller: Invalid value: \"nginx\": must be a domain-prefixed path (such as \"acme.io/foo\")",
        ])
    }
}
