// The parts of core/v1 Pod validation the simulation depends on: containers, ports, probes, restart policy.

extension Validation {
    public static let restartPolicies = ["Always", "Never", "OnFailure"]

    public static func pod(_ pod: Pod) -> [FieldError] {
        objectMeta(pod.metadata, namespaced: true, nameRule: .dns1123Subdomain) + podSpec(pod.spec, at: specPath)
    }

    public static func podSpec(_ spec: PodSpec, at path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        let containers = path.child("containers")
        if spec.containers.isEmpty { errs.append(required(containers)) }
        var names = Set<String>()
        for (i, c) in spec.containers.enumerated() {
            let p = containers.index(i)
            if c.name.isEmpty {
                errs.append(required(p.child("name")))
            } else {
                errs += isDNS1123Label(c.name).map { invalid(p.child("name"), c.name, $0) }
                if !names.insert(c.name).inserted { errs.append(duplicate(p.child("name"), .string(c.name))) }
            }
            if c.image.isEmpty { errs.append(required(p.child("image"))) }
            errs += containerPorts(c.ports, at: p.child("ports"))
            if let probe = c.readinessProbe { errs += self.probe(probe, at: p.child("readinessProbe")) }
        }
        if !restartPolicies.contains(spec.restartPolicy) {
            errs.append(notSupported(path.child("restartPolicy"), spec.restartPolicy, restartPolicies))
        }
        errs += labels(spec.nodeSelector, at: path.child("nodeSelector"))
        for key in ["hostname", "subdomain"] {
            guard let value = key == "hostname" ? spec.hostname : spec.subdomain, !value.isEmpty else { continue }
            errs += isDNS1123Label(value).map { invalid(path.child(key), value, $0) }
        }
        if let node = spec.nodeName, !node.isEmpty {
            errs += isDNS1123Subdomain(node).map { invalid(path.child("nodeName"), node, $0) }
        }
        return errs
    }

    /// `validateContainerPorts`: IANA names unique within the container, containerPort 1–65535 (0 is "missing"),
    /// hostPort valid when set, protocol supported.
    public static func containerPorts(_ ports: [ContainerPort], at path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        var names = Set<String>()
        for (i, port) in ports.enumerated() {
            let p = path.index(i)
            if let name = port.name, !name.isEmpty {
                let msgs = isValidPortName(name)
                if !msgs.isEmpty {
                    errs += msgs.map { invalid(p.child("name"), name, $0) }
                } else if !names.insert(name).inserted {
                    errs.append(duplicate(p.child("name"), .string(name)))
                }
            }
            if port.containerPort == 0 {
                errs.append(required(p.child("containerPort")))
            } else {
                errs += portNumber(port.containerPort, at: p.child("containerPort"))
            }
            if let host = port.hostPort, host != 0 { errs += portNumber(host, at: p.child("hostPort")) }
            errs += portProtocol(port.protocol, at: p.child("protocol"))
        }
        return errs
    }

    /// `validateProbe`'s numeric fields (the handler itself is kept as given and not checked).
    public static func probe(_ probe: Probe, at path: FieldPath) -> [FieldError] {
        nonNegative(probe.initialDelaySeconds, at: path.child("initialDelaySeconds"))
            + nonNegative(probe.timeoutSeconds, at: path.child("timeoutSeconds"))
            + nonNegative(probe.periodSeconds, at: path.child("periodSeconds"))
            + nonNegative(probe.successThreshold, at: path.child("successThreshold"))
            + nonNegative(probe.failureThreshold, at: path.child("failureThreshold"))
    }
}
