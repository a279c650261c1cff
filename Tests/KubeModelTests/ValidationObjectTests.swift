import Testing
@testable import KubeModel

/// `validate(_:)` over every kind: each kind gets its own name rule and checks; unmodelled kinds pass.
@Suite struct ValidationObjectTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var object: KubeObject
        var errors: [String]
        var testDescription: String { name }
    }

    static func meta(_ name: String, _ namespace: String = "default") -> ObjectMeta {
        ObjectMeta(name: name, namespace: namespace)
    }

    static let cases: [Case] = [
        Case(name: "namespace names are DNS-1123 labels", object: .namespace(Namespace(metadata: meta("team.a", ""))),
             errors: ["metadata.name: Invalid value: \"team.a\": must not contain dots"]),
        Case(name: "node names are subdomains", object: .node(Node(metadata: meta("node-1.example", ""))), errors: []),
        Case(name: "service names are DNS-1035 labels",
             object: .service(Service(metadata: meta("web.v2"), spec: ServiceSpec(selector: ["app": "web"], ports: [ServicePort(port: 80)]))),
             errors: ["metadata.name: Invalid value: \"web.v2\": \(ValidationNameTests.dns1035Msg)"]),
        Case(name: "deployment names may have dots",
             object: .deployment(Deployment(metadata: meta("web.v2"), spec: DeploymentSpec(
                 selector: LabelSelector(["app": "web"]), template: ValidationWorkloadTests.template(["app": "web"])))),
             errors: []),
        Case(name: "unmodelled kinds are never rejected",
             object: .generic(GenericObject(apiVersion: "example.com/v1", kind: "Widget", metadata: meta("Not_A_DNS_Name"))),
             errors: []),
        Case(name: "config keys",
             object: .configMap(ConfigMap(metadata: meta("cfg"), data: ["app.conf": "x", "bad key": "y", "..x": "z"])),
             errors: ["data...x: Invalid value: \"..x\": must not start with '..'",
                      "data.bad key: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]),
        Case(name: "TLS secrets need a certificate and key",
             object: .secret(Secret(metadata: meta("tls"), type: "kubernetes.io/tls", data: ["tls.crt": "Zm9v"])),
             errors: ["data.tls.key: Required value"]),
        Case(name: "endpoints addresses are IPs and several ports are named",
             object: .endpoints(Endpoints(metadata: meta("web"), subsets: [EndpointSubset(
                 addresses: [EndpointAddress(ip: "10.0.0.1"), EndpointAddress(ip: "pod-a")],
                 ports: [EndpointPort(name: "http", port: 80), EndpointPort(port: 443)])])),
             errors: ["subsets[0].addresses[1].ip: Invalid value: \"pod-a\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                      "subsets[0].ports[1].name: Required value"]),
        Case(name: "slice addresses follow the address type",
             object: .endpointSlice(EndpointSlice(metadata: meta("web-abc"), addressType: .ipv4, endpoints: [
                 Endpoint(addresses: ["10.0.0.1"]), Endpoint(addresses: ["fd00::1"]), Endpoint(addresses: []),
             ])),
             errors: ["endpoints[1].addresses[0]: Invalid value: \"fd00::1\": must be a valid IPv4 address",
                      "endpoints[2].addresses: Required value: must contain at least 1 address"]),
        Case(name: "ingress classes need a controller", object: .ingressClass(IngressClass(metadata: meta("nginx", ""))),
             errors: ["spec.controller: Required value"]),
        Case(name: "service accounts", object: .serviceAccount(ServiceAccount(metadata: meta("Builder"))),
             errors: ["metadata.name: Invalid value: \"Builder\": \(ValidationNameTests.subdomainMsg)"]),
    ]

    @Test(arguments: cases)
    func object(_ c: Case) {
        #expect(validate(c.object).map(\.description) == c.errors)
        #expect(Validation.validate(c.object) == validate(c.object))
    }
}
