// networking/v1 Ingress and IngressClass, as pkg/apis/networking/validation checks them.

extension Validation {
    public static let ingressPathTypes = ["Exact", "ImplementationSpecific", "Prefix"]
    /// Sequences and suffixes an Exact or Prefix path may not have (they would be normalised away by proxies).
    static let invalidPathSequences = ["//", "/./", "/../", "%2f", "%2F"]
    static let invalidPathSuffixes = ["/..", "/."]

    /// A rule's or TLS entry's host: a DNS-1123 subdomain, or `*.` + subdomain; never an IP address.
    public static func ingressHost(_ host: String, at path: FieldPath, allowIP: Bool = false) -> [FieldError] {
        var errs: [FieldError] = []
        if !allowIP && isIPAddress(host) { errs.append(invalid(path, host, "must be a DNS name, not an IP address")) }
        let msgs = host.contains("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host)
        return errs + msgs.map { invalid(path, host, $0) }
    }

    /// One HTTP path, given as written. `at` is the path entry (`spec.rules[0].http.paths[0]`); errors name its
    /// `pathType` or `path`. Exact and Prefix paths must be absolute and clean; ImplementationSpecific ones only
    /// absolute when present.
    public static func ingressPath(_ value: String?, pathType: String?, at path: FieldPath) -> [FieldError] {
        guard let pathType else { return [required(path.child("pathType"), "pathType must be specified")] }
        let p = value ?? ""
        let field = path.child("path")
        switch pathType {
        case "Exact", "Prefix":
            var errs: [FieldError] = []
            if !p.hasPrefix("/") { errs.append(invalid(field, p, "must be an absolute path")) }
            if !p.isEmpty {
                for seq in invalidPathSequences where p.contains(seq) { errs.append(invalid(field, p, "must not contain '\(seq)'")) }
                for suffix in invalidPathSuffixes where p.hasSuffix(suffix) { errs.append(invalid(field, p, "cannot end with '\(suffix)'")) }
            }
            return errs
        case "ImplementationSpecific":
            return !p.isEmpty && !p.hasPrefix("/") ? [invalid(field, p, "must be an absolute path")] : []
        default:
            return [notSupported(path.child("pathType"), pathType, ingressPathTypes)]
        }
    }

    /// A service backend from its parts: a Service name (DNS-1035 label) and exactly one of port number or name.
    /// `at` is the backend (`…paths[0].backend`).
    public static func ingressServiceBackend(name: String, portNumber: Int?, portName: String?,
                                             at path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        let service = path.child("service")
        if name.isEmpty {
            errs.append(required(service.child("name")))
        } else {
            errs += isDNS1035Label(name).map { invalid(service.child("name"), name, $0) }
        }
        let number = portNumber ?? 0
        let portName = portName ?? ""
        switch (portName.isEmpty, number == 0) {
        case (false, false): errs.append(invalid(path, "", "cannot set both port name & port number"))
        case (false, true): errs += Validation.portName(portName, at: service.child("port").child("name"))
        case (true, false): errs += Validation.portNumber(number, at: service.child("port").child("number"))
        case (true, true): errs.append(required(path, "port name or number is required"))
        }
        return errs
    }

    public static func ingressBackend(_ backend: IngressBackend, at path: FieldPath) -> [FieldError] {
        switch backend {
        case .service(let name, .number(let n)): return ingressServiceBackend(name: name, portNumber: n, portName: nil, at: path)
        case .service(let name, .name(let p)): return ingressServiceBackend(name: name, portNumber: nil, portName: p, at: path)
        case .resource(let ref): return typedLocalObjectReference(ref, at: path.child("resource"))
        }
    }

    /// A resource backend or IngressClass parameters: kind and name required and usable as URL path segments.
    static func typedLocalObjectReference(_ ref: JSONValue, at path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        if let group = ref["apiGroup"]?.stringValue {
            errs += isDNS1123Subdomain(group).map { invalid(path.child("apiGroup"), group, $0) }
        }
        for key in ["kind", "name"] {
            let value = ref[key]?.stringValue ?? ""
            if value.isEmpty {
                errs.append(required(path.child(key), "\(key) is required"))
            } else {
                errs += isValidPathSegmentName(value).map { invalid(path.child(key), value, $0) }
            }
        }
        return errs
    }

    /// `path.IsValidPathSegmentName`: names become URL path segments.
    public static func isValidPathSegmentName(_ name: String) -> [String] {
        if name == "." || name == ".." { return ["may not be '\(name)'"] }
        return ["/", "%"].filter { name.contains($0) }.map { "may not contain '\($0)'" }
    }

    public static func ingress(_ ing: Ingress) -> [FieldError] {
        objectMeta(ing.metadata, namespaced: true, nameRule: .dns1123Subdomain) + ingressSpec(ing.spec)
    }

    public static func ingressSpec(_ spec: IngressSpec, at path: FieldPath = specPath) -> [FieldError] {
        var errs: [FieldError] = []
        if spec.rules.isEmpty && spec.defaultBackend == nil {
            errs.append(invalid(path, .raw("[]networking.IngressRule(nil)"), "either `defaultBackend` or `rules` must be specified"))
        }
        if let backend = spec.defaultBackend { errs += ingressBackend(backend, at: path.child("defaultBackend")) }
        for (i, rule) in spec.rules.enumerated() {
            let r = path.child("rules").index(i)
            if let host = rule.host, !host.isEmpty { errs += ingressHost(host, at: r.child("host")) }
            guard let paths = rule.paths else { continue }
            let http = r.child("http").child("paths")
            if paths.isEmpty { errs.append(required(http)) }
            for (j, p) in paths.enumerated() {
                errs += ingressPath(p.path, pathType: p.pathType.rawValue, at: http.index(j))
                errs += ingressBackend(p.backend, at: http.index(j).child("backend"))
            }
        }
        for (i, tls) in spec.tls.enumerated() {
            let t = path.child("tls").index(i)
            for (j, host) in tls.hosts.enumerated() {
                // TLS hosts are only checked for format; an IP here is not singled out by the API server.
                errs += ingressHost(host, at: t.child("hosts").index(j), allowIP: true)
            }
            if let secret = tls.secretName, !secret.isEmpty {
                errs += isDNS1123Subdomain(secret).map { invalid(t.child("secretName"), secret, $0) }
            }
        }
        if let className = spec.ingressClassName {
            errs += isDNS1123Subdomain(className).map { invalid(path.child("ingressClassName"), className, $0) }
        }
        return errs
    }

    /// IngressClass: `spec.controller` required, at most 250 characters, a domain-prefixed path.
    public static func ingressClass(_ ic: IngressClass) -> [FieldError] {
        var errs = objectMeta(ic.metadata, namespaced: false, nameRule: .dns1123Subdomain)
        let path = specPath.child("controller")
        let controller = ic.controller ?? ""
        if controller.isEmpty {
            errs.append(required(path))
        } else {
            if controller.utf8.count > 250 { errs.append(FieldError(path, "Too long: may not be more than 250 bytes")) }
            errs += domainPrefixedPath(controller, at: path)
        }
        if let params = ic.parameters { errs += typedLocalObjectReference(params, at: specPath.child("parameters")) }
        return errs
    }

    /// `IsDomainPrefixedPath`: `acme.io/foo`, the part before the first '/' a DNS subdomain.
    public static func domainPrefixedPath(_ value: String, at path: FieldPath) -> [FieldError] {
        let segments = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard segments.count == 2, !segments[0].isEmpty, !segments[1].isEmpty else {
            return [invalid(path, value, "must be a domain-prefixed path (such as \"acme.io/foo\")")]
        }
        let host = String(segments[0])
        var errs = isDNS1123Subdomain(host).map { invalid(path, host, $0) }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-._~%!$&'()*+,;=:".utf8)
        if !segments[1].utf8.allSatisfy(allowed.contains) {
            errs.append(invalid(path, String(segments[1]),
                                regexError("Invalid path", "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+")))
        }
        return errs
    }
}
