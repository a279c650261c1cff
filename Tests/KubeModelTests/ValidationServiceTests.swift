import Testing
@testable import KubeModel

/// Service validation, one rule per case, with the API server's paths and words.
@Suite struct ValidationServiceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var service: Service
        var errors: [String]
        var testDescription: String { name }
    }

    static func svc(_ name: String = "web", type: ServiceSpec.ServiceType = .clusterIP,
                    ports: [ServicePort] = [ServicePort(port: 80)], edit: (inout ServiceSpec) -> Void = { _ in }) -> Service {
        var spec = ServiceSpec(type: type, selector: ["app": "web"], ports: ports)
        edit(&spec)
        return Service(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec)
    }

    static let dupPort = "core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"

    static let cases: [Case] = [
        Case(name: "a plain ClusterIP service is valid", service: svc(), errors: []),
        Case(name: "ports are required", service: svc(ports: []), errors: ["spec.ports: Required value"]),
        Case(name: "a headless service needs no ports",
             service: svc(ports: []) { $0.clusterIP = "None" }, errors: []),
        Case(name: "ExternalName needs no ports but needs externalName",
             service: svc(type: .externalName, ports: []), errors: ["spec.externalName: Required value"]),
        Case(name: "ExternalName with a fully qualified name",
             service: svc(type: .externalName, ports: []) { $0.externalName = "db.example.com." }, errors: []),
        Case(name: "ExternalName must be a DNS subdomain",
             service: svc(type: .externalName, ports: []) { $0.externalName = "Db_Host" },
             errors: ["spec.externalName: Invalid value: \"Db_Host\": \(ValidationNameTests.subdomainMsg)"]),
        Case(name: "ExternalName may not have a clusterIP",
             service: svc(type: .externalName, ports: []) { $0.externalName = "db.example.com"; $0.clusterIP = "None" },
             errors: ["spec.clusterIPs: Forbidden: may not be set for ExternalName services"]),
        Case(name: "names are DNS-1035 labels",
             service: svc("1web"),
             errors: ["metadata.name: Invalid value: \"1web\": \(ValidationNameTests.dns1035Msg)"]),
        Case(name: "port names are required when there are several",
             service: svc(ports: [ServicePort(name: "http", port: 80), ServicePort(port: 443)]),
             errors: ["spec.ports[1].name: Required value"]),
        Case(name: "every unnamed port is reported",
             service: svc(ports: [ServicePort(port: 80), ServicePort(port: 443)]),
             errors: ["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"]),
        Case(name: "port names are unique",
             service: svc(ports: [ServicePort(name: "http", port: 80), ServicePort(name: "http", port: 8080)]),
             errors: ["spec.ports[1].name: Duplicate value: \"http\""]),
        Case(name: "port and protocol pairs are unique",
             service: svc(ports: [ServicePort(name: "a", port: 80), ServicePort(name: "b", port: 80)]),
             errors: ["spec.ports[1]: Duplicate value: \(dupPort)"]),
        Case(name: "the same port over TCP and UDP is fine",
             service: svc(ports: [ServicePort(name: "dns", port: 53), ServicePort(name: "dns-udp", protocol: "UDP", port: 53)]),
             errors: []),
        Case(name: "port names are DNS-1123 labels",
             service: svc(ports: [ServicePort(name: "HTTP", port: 80)]),
             errors: ["spec.ports[0].name: Invalid value: \"HTTP\": \(ValidationNameTests.labelMsg)"]),
        Case(name: "port range",
             service: svc(ports: [ServicePort(port: 0, targetPort: .int(80))]),
             errors: ["spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"]),
        Case(name: "protocol values",
             service: svc(ports: [ServicePort(protocol: "HTTP", port: 80)]),
             errors: ["spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""]),
        Case(name: "targetPort number range",
             service: svc(ports: [ServicePort(port: 80, targetPort: .int(70000))]),
             errors: ["spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive"]),
        Case(name: "targetPort names are IANA service names",
             service: svc(ports: [ServicePort(port: 80, targetPort: .string("my--port"))]),
             errors: ["spec.ports[0].targetPort: Invalid value: \"my--port\": must not contain consecutive hyphens"]),
        Case(name: "nodePort is forbidden for ClusterIP",
             service: svc(ports: [ServicePort(port: 80, nodePort: 30080)]),
             errors: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]),
        Case(name: "nodePort in range for NodePort",
             service: svc(type: .nodePort, ports: [ServicePort(port: 80, nodePort: 30080)]), errors: []),
        Case(name: "nodePort out of range",
             service: svc(type: .loadBalancer, ports: [ServicePort(port: 80, nodePort: 80)]),
             errors: ["spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767"]),
        Case(name: "nodePorts are unique per protocol",
             service: svc(type: .nodePort, ports: [ServicePort(name: "a", port: 80, nodePort: 30080),
                                                   ServicePort(name: "b", port: 81, nodePort: 30080)]),
             errors: ["spec.ports[1].nodePort: Duplicate value: 30080"]),
        Case(name: "headless NodePort is invalid",
             service: svc(type: .nodePort) { $0.clusterIP = "None" },
             errors: ["spec.clusterIP: Invalid value: \"None\": may not be set to 'None' for NodePort services"]),
        Case(name: "headless LoadBalancer is invalid",
             service: svc(type: .loadBalancer) { $0.clusterIP = "None" },
             errors: ["spec.clusterIP: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"]),
        Case(name: "clusterIP must be an IP",
             service: svc { $0.clusterIP = "10.96.0.300" },
             errors: ["spec.clusterIPs[0]: Invalid value: \"10.96.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"]),
        Case(name: "sessionAffinity values",
             service: svc { $0.sessionAffinity = "Sticky" },
             errors: ["spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\""]),
        Case(name: "ClientIP timeout range",
             service: svc { $0.sessionAffinity = "ClientIP"; $0.sessionAffinityTimeoutSeconds = 0 },
             errors: ["spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400"]),
        Case(name: "selector labels are validated",
             service: svc { $0.selector = ["app": "my web"] },
             errors: ["spec.selector: Invalid value: \"my web\": \(ValidationNameTests.labelValueMsg)"]),
        Case(name: "traffic policy values",
             service: svc(type: .nodePort) { $0.externalTrafficPolicy = "Nearest" },
             errors: ["spec.externalTrafficPolicy: Unsupported value: \"Nearest\": supported values: \"Cluster\", \"Local\""]),
    ]

    @Test(arguments: cases)
    func service(_ c: Case) {
        #expect(Validation.service(c.service).map(\.description) == c.errors)
    }

    @Test func typeValuesAsWritten() {
        #expect(Validation.serviceType("NodePort").isEmpty)
        #expect(Validation.serviceType("nodeport").map(\.description) == [
            "spec.type: Unsupported value: \"nodeport\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"",
        ])
        #expect(Validation.serviceType("").map(\.description) == ["spec.type: Required value"])
    }

    @Test func customNodePortRange() {
        let s = Self.svc(type: .nodePort, ports: [ServicePort(port: 80, nodePort: 31000)])
        #expect(Validation.service(s, nodePortRange: 20000...20100).map(\.description) == [
            "spec.ports[0].nodePort: Invalid value: 31000: provided port is not in the valid range. The range of valid ports is 20000-20100",
        ])
    }

    @Test(arguments: [("10.0.0.1", true), ("::1", true), ("2001:db8::ffff", true), ("010.1.1.1", true),
                      ("1.2.3", false), ("1.2.3.256", false), ("example.com", false), ("", false), ("1.2.3.4.", false)])
    func ipAddresses(_ text: String, _ isIP: Bool) {
        #expect(Validation.isIPAddress(text) == isIP)
    }
}
