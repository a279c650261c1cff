import Foundation

// core/v1 Service, as pkg/apis/core/validation.ValidateService checks a new Service (after defaulting), plus the
// allocator's nodePort range check, which users meet at the same moment.

extension Validation {
    public static let serviceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]
    public static let sessionAffinities = ["ClientIP", "None"]
    public static let trafficPolicies = ["Cluster", "Local"]
    /// `core.MaxClientIPServiceAffinitySeconds`.
    public static let maxSessionAffinityTimeout = 86400
    /// kube-proxy refuses to expose the kubelet's port on a cloud load balancer.
    static let kubeletPort = 10250

    /// A `spec.type` value as written (the decoder turns it into `ServiceSpec.ServiceType`).
    public static func serviceType(_ value: String, at path: FieldPath = specPath.child("type")) -> [FieldError] {
        if value.isEmpty { return [required(path)] }
        return serviceTypes.contains(value) ? [] : [notSupported(path, value, serviceTypes)]
    }

    public static let specPath = FieldPath.root.child("spec")

    /// Every rule for a new Service: metadata (name a DNS-1035 label), type-dependent fields, ports, selector,
    /// session affinity, traffic policies. `nodePortRange` is the cluster's `--service-node-port-range`.
    public static func service(_ svc: Service, nodePortRange: ClosedRange<Int> = defaultNodePortRange) -> [FieldError] {
        var errs = objectMeta(svc.metadata, namespaced: true, nameRule: .dns1035Label)
        errs += serviceSpec(svc.spec, nodePortRange: nodePortRange)
        return errs
    }

    public static func serviceSpec(_ spec: ServiceSpec, at path: FieldPath = specPath,
                                   nodePortRange: ClosedRange<Int> = defaultNodePortRange) -> [FieldError] {
        var errs: [FieldError] = []
        let ports = path.child("ports")
        let clusterIP = spec.clusterIP ?? spec.clusterIPs.first ?? ""

        if spec.ports.isEmpty && !spec.isHeadless && spec.type != .externalName {
            errs.append(required(ports))
        }
        switch spec.type {
        case .loadBalancer:
            for (i, port) in spec.ports.enumerated() where port.port == kubeletPort {
                errs.append(invalid(ports.index(i), port.port,
                                    "may not expose port \(kubeletPort) externally since it is used by kubelet"))
            }
            if spec.isHeadless {
                errs.append(invalid(path.child("clusterIP"), clusterIP, "may not be set to 'None' for LoadBalancer services"))
            }
        case .nodePort:
            if spec.isHeadless {
                errs.append(invalid(path.child("clusterIP"), clusterIP, "may not be set to 'None' for NodePort services"))
            }
        case .externalName:
            if !clusterIP.isEmpty {
                errs.append(forbidden(path.child("clusterIPs"), "may not be set for ExternalName services"))
            }
            // The value is a CNAME target; a trailing dot (fully qualified) is allowed.
            var cname = spec.externalName ?? ""
            if cname.hasSuffix(".") { cname.removeLast() }
            if cname.isEmpty {
                errs.append(required(path.child("externalName")))
            } else {
                errs += isDNS1123Subdomain(cname).map { invalid(path.child("externalName"), cname, $0) }
            }
        case .clusterIP:
            break
        }
        if spec.type != .externalName, !clusterIP.isEmpty, clusterIP != "None", !isIPAddress(clusterIP) {
            errs.append(invalid(path.child("clusterIPs").index(0), clusterIP,
                                "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
        }

        errs += servicePorts(spec.ports, type: spec.type, at: ports, nodePortRange: nodePortRange)

        if let selector = spec.selector { errs += labels(selector, at: path.child("selector")) }

        if spec.sessionAffinity.isEmpty {
            errs.append(required(path.child("sessionAffinity")))
        } else if !sessionAffinities.contains(spec.sessionAffinity) {
            errs.append(notSupported(path.child("sessionAffinity"), spec.sessionAffinity, sessionAffinities))
        }
        if spec.sessionAffinity == "ClientIP", let timeout = spec.sessionAffinityTimeoutSeconds,
           timeout <= 0 || timeout > maxSessionAffinityTimeout {
            errs.append(invalid(path.child("sessionAffinityConfig").child("clientIP").child("timeoutSeconds"), timeout,
                                "must be greater than 0 and less than \(maxSessionAffinityTimeout)"))
        }
        for (i, ip) in spec.externalIPs.enumerated() where !isIPAddress(ip) {
            errs.append(invalid(path.child("externalIPs").index(i), ip,
                                "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
        }
        if let policy = spec.externalTrafficPolicy, !trafficPolicies.contains(policy) {
            errs.append(notSupported(path.child("externalTrafficPolicy"), policy, trafficPolicies))
        }
        if let policy = spec.internalTrafficPolicy, !trafficPolicies.contains(policy) {
            errs.append(notSupported(path.child("internalTrafficPolicy"), policy, trafficPolicies))
        }
        return errs
    }

    /// Per-port rules (`validateServicePort`) and the cross-port ones: names required when there are several,
    /// names and port+protocol pairs unique, nodePorts only for NodePort/LoadBalancer and unique per protocol.
    public static func servicePorts(_ ports: [ServicePort], type: ServiceSpec.ServiceType, at path: FieldPath,
                                    nodePortRange: ClosedRange<Int> = defaultNodePortRange) -> [FieldError] {
        var errs: [FieldError] = []
        var names = Set<String>()
        for (i, port) in ports.enumerated() {
            let p = path.index(i)
            let name = port.name ?? ""
            if ports.count > 1 && name.isEmpty {
                errs.append(required(p.child("name")))
            } else if !name.isEmpty {
                errs += isDNS1123Label(name).map { invalid(p.child("name"), name, $0) }
                if !names.insert(name).inserted { errs.append(duplicate(p.child("name"), .string(name))) }
            }
            errs += portNumber(port.port, at: p.child("port"))
            errs += portProtocol(port.protocol, at: p.child("protocol"))
            // Defaulting turns an explicit 0 or "" into `port`, so those are not errors.
            if port.targetPort != .int(0) && port.targetPort != .string("") {
                errs += portNumOrName(port.targetPort, at: p.child("targetPort"))
            }
            if let app = port.appProtocol { errs += isQualifiedName(app).map { invalid(p.child("appProtocol"), app, $0) } }
        }
        for (i, port) in ports.enumerated() {
            guard let nodePort = port.nodePort, nodePort != 0 else { continue }
            let p = path.index(i).child("nodePort")
            switch type {
            case .nodePort, .loadBalancer:
                errs += Validation.nodePort(nodePort, at: p, range: nodePortRange)
            case .clusterIP, .externalName:
                errs.append(forbidden(p, "may not be used when `type` is '\(type.rawValue)'"))
            }
        }
        var seenNodePorts = Set<String>()
        for (i, port) in ports.enumerated() {
            guard let nodePort = port.nodePort, nodePort != 0 else { continue }
            if !seenNodePorts.insert("\(port.protocol)/\(nodePort)").inserted {
                errs.append(duplicate(path.index(i).child("nodePort"), .int(nodePort)))
            }
        }
        var seenPorts = Set<String>()
        for (i, port) in ports.enumerated() where !seenPorts.insert("\(port.protocol)/\(port.port)").inserted {
            // The API server prints the Go struct it used as the map key; reproduced so the message is searchable.
            errs.append(duplicate(path.index(i), .raw(
                "core.ServicePort{Name:\"\", Protocol:\(goQuote(port.protocol)), AppProtocol:(*string)(nil), Port:\(port.port), TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}")))
        }
        return errs
    }

    /// True for an IPv4 or IPv6 address in the forms Go's net.ParseIP accepts (netutils' sloppy parser also
    /// allows leading zeros in IPv4 octets, as old clusters stored them).
    public static func isIPAddress(_ text: String) -> Bool {
        if text.contains(":") {
            var addr = in6_addr()
            return text.withCString { inet_pton(AF_INET6, $0, &addr) } == 1
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.utf8.count <= 3 && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && Int(part)! <= 255
        }
    }
}
