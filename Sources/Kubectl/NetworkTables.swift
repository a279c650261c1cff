import KubeModel

enum NetworkTables {
    static let endpoints = KindTable(
        columns: ["NAME", "ENDPOINTS", "AGE"],
        cells: { object, ctx in
            guard case .endpoints(let ep) = object else { return [object.metadata.name] }
            return [ep.metadata.name, formatEndpoints(ep), Cells.age(object, ctx)]
        })

    /// formatEndpoints: ready addresses as `ip:port` for every port of every subset (bare IPs for port-less
    /// subsets), the first three then ` + N more...`; `<none>` without subsets. Not-ready addresses are not shown,
    /// so a subset with only those prints an empty cell, as kubectl's does.
    static func formatEndpoints(_ ep: Endpoints) -> String {
        if ep.subsets.isEmpty { return Cells.none }
        let max = 3
        var list: [String] = []
        var more = false
        var count = 0
        for subset in ep.subsets {
            if subset.ports.isEmpty {
                count += subset.addresses.count
                for address in subset.addresses {
                    if list.count == max {
                        more = true
                        break
                    }
                    list.append(address.ip)
                }
                continue
            }
            for port in subset.ports {
                count += subset.addresses.count
                for address in subset.addresses {
                    if list.count == max {
                        more = true
                        break
                    }
                    list.append(joinHostPort(address.ip, port.port ?? 0))
                }
            }
        }
        let ret = list.joined(separator: ",")
        return more ? "\(ret) + \(count - max) more..." : ret
    }

    /// net.JoinHostPort: IPv6 addresses in brackets.
    static func joinHostPort(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    static let endpointSlices = KindTable(
        columns: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"],
        cells: { object, ctx in
            guard case .endpointSlice(let slice) = object else { return [object.metadata.name] }
            // An unset name is served as "" by discovery/v1, so a port-less entry prints empty, as in kubectl.
            let ports = slice.ports.map { p in p.port.map(String.init) ?? p.name ?? "" }
            let addresses = slice.endpoints.flatMap(\.addresses)
            return [slice.metadata.name, slice.addressType.rawValue,
                    Cells.listWithMore(ports, count: ports.count, empty: "<unset>"),
                    Cells.listWithMore(addresses, count: addresses.count, empty: "<unset>"), Cells.age(object, ctx)]
        })

    static let ingresses = KindTable(
        columns: ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"],
        cells: { object, ctx in
            guard case .ingress(let ing) = object else { return [object.metadata.name] }
            let address = Cells.loadBalancer(ing.status.loadBalancer.map { ($0.ip, $0.hostname) }, wide: ctx.wide)
            return [ing.metadata.name, ing.spec.ingressClassName ?? Cells.none, hosts(ing.spec.rules), address,
                    ing.spec.tls.isEmpty ? "80" : "80, 443", Cells.age(object, ctx)]
        })

    /// formatHosts: the rules' hosts (rules without one are skipped), the first three then ` + N more...` counted
    /// in rules; `*` when no rule names a host.
    static func hosts(_ rules: [IngressRule]) -> String {
        let max = 3
        var list: [String] = []
        var more = false
        for rule in rules {
            if list.count == max { more = true }
            if !more, let host = rule.host, !host.isEmpty { list.append(host) }
        }
        if list.isEmpty { return "*" }
        let ret = list.joined(separator: ",")
        return more ? "\(ret) + \(rules.count - max) more..." : ret
    }

    static let ingressClasses = KindTable(
        columns: ["NAME", "CONTROLLER", "PARAMETERS", "AGE"],
        cells: { object, ctx in
            guard case .ingressClass(let ic) = object else { return [object.metadata.name] }
            return [ic.metadata.name, ic.controller ?? "", parameters(ic.parameters), Cells.age(object, ctx)]
        })

    /// `Kind.apiGroup/name` of spec.parameters, `<none>` without.
    static func parameters(_ p: JSONValue?) -> String {
        guard let p, case .object = p else { return Cells.none }
        var text = p["kind"]?.stringValue ?? ""
        if let group = p["apiGroup"]?.stringValue { text += "." + group }
        return text + "/" + (p["name"]?.stringValue ?? "")
    }
}
