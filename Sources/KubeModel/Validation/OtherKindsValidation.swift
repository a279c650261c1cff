// The kinds the simulation stores but routes nothing through by their own fields: metadata plus the few rules
// that would make the object unusable (config keys, endpoint addresses and ports).

extension Validation {
    /// `IsConfigMapKey`: ConfigMap and Secret data keys become file names in volumes.
    public static func isConfigMapKey(_ key: String) -> [String] {
        var errs: [String] = []
        if key.utf8.count > dns1123SubdomainMaxLength { errs.append(maxLenError(dns1123SubdomainMaxLength)) }
        let ok = !key.isEmpty && key.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x2E || c == 0x5F
        }
        if !ok {
            errs.append(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                                   "[-._a-zA-Z0-9]+", "key.name", "KEY_NAME", "key-name"))
        }
        if key == "." { errs.append("must not be '.'") }
        else if key == ".." { errs.append("must not be '..'") }
        else if key.hasPrefix("..") { errs.append("must not start with '..'") }
        return errs
    }

    /// Keys only: a Secret's values never appear in a message.
    static func configKeys(_ keys: some Sequence<String>, at path: FieldPath) -> [FieldError] {
        keys.sorted().flatMap { key in isConfigMapKey(key).map { invalid(path.child(key), key, $0) } }
    }

    public static func configMap(_ cm: ConfigMap) -> [FieldError] {
        var errs = objectMeta(cm.metadata, namespaced: true, nameRule: .dns1123Subdomain)
        errs += configKeys(cm.data.keys, at: FieldPath.root.child("data"))
        errs += configKeys(cm.binaryData.keys, at: FieldPath.root.child("binaryData"))
        for key in cm.data.keys.sorted() where cm.binaryData[key] != nil {
            errs.append(invalid(FieldPath.root.child("data").child(key), key, "duplicate of key present in binaryData"))
        }
        return errs
    }

    /// A `kubernetes.io/tls` Secret must hold `tls.crt` and `tls.key`: Ingress TLS depends on them.
    public static func secret(_ secret: Secret) -> [FieldError] {
        var errs = objectMeta(secret.metadata, namespaced: true, nameRule: .dns1123Subdomain)
        errs += configKeys(secret.data.keys, at: FieldPath.root.child("data"))
        if secret.type == "kubernetes.io/tls" {
            for key in ["tls.crt", "tls.key"] where secret.data[key] == nil {
                errs.append(required(FieldPath.root.child("data").child(key)))
            }
        }
        return errs
    }

    /// Endpoints (legacy): addresses are IPs, ports valid, names required when a subset has several ports.
    public static func endpoints(_ ep: Endpoints) -> [FieldError] {
        var errs = objectMeta(ep.metadata, namespaced: true, nameRule: .dns1123Subdomain)
        for (i, subset) in ep.subsets.enumerated() {
            let s = FieldPath.root.child("subsets").index(i)
            for (key, list) in [("addresses", subset.addresses), ("notReadyAddresses", subset.notReadyAddresses)] {
                for (j, address) in list.enumerated() where !isIPAddress(address.ip) {
                    errs.append(invalid(s.child(key).index(j).child("ip"), address.ip,
                                        "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
                }
            }
            errs += endpointPorts(subset.ports, at: s.child("ports"), requireNames: subset.ports.count > 1)
        }
        return errs
    }

    public static func endpointSlice(_ slice: EndpointSlice) -> [FieldError] {
        var errs = objectMeta(slice.metadata, namespaced: true, nameRule: .dns1123Subdomain)
        for (i, endpoint) in slice.endpoints.enumerated() {
            let p = FieldPath.root.child("endpoints").index(i).child("addresses")
            if endpoint.addresses.isEmpty { errs.append(required(p, "must contain at least 1 address")) }
            for (j, address) in endpoint.addresses.enumerated() {
                switch slice.addressType {
                case .ipv4, .ipv6:
                    if !isIPAddress(address) || address.contains(":") != (slice.addressType == .ipv6) {
                        errs.append(invalid(p.index(j), address, "must be a valid \(slice.addressType.rawValue) address"))
                    }
                case .fqdn:
                    errs += isDNS1123Subdomain(address).map { invalid(p.index(j), address, $0) }
                }
            }
        }
        errs += endpointPorts(slice.ports, at: FieldPath.root.child("ports"))
        return errs
    }

    /// Endpoints require a name on each of several ports (they are matched to the Service's by name); slices
    /// do not, and a slice port without a number means "all ports".
    static func endpointPorts(_ ports: [EndpointPort], at path: FieldPath, requireNames: Bool = false) -> [FieldError] {
        var errs: [FieldError] = []
        var names = Set<String>()
        for (i, port) in ports.enumerated() {
            let p = path.index(i)
            let name = port.name ?? ""
            if name.isEmpty && requireNames {
                errs.append(required(p.child("name")))
            } else if !name.isEmpty {
                errs += isDNS1123Label(name).map { invalid(p.child("name"), name, $0) }
                if !names.insert(name).inserted { errs.append(duplicate(p.child("name"), .string(name))) }
            }
            if let number = port.port { errs += portNumber(number, at: p.child("port")) }
            errs += portProtocol(port.protocol, at: p.child("protocol"))
        }
        return errs
    }
}
