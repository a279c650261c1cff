import KubeModel

enum ServiceTable {
    static let table = KindTable(
        columns: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", TableColumn("SELECTOR", wideOnly: true)],
        cells: { object, ctx in
            guard case .service(let svc) = object else { return [object.metadata.name] }
            let ports = portString(svc.spec.ports)
            return [svc.metadata.name, svc.spec.type.rawValue, clusterIP(svc), externalIP(svc, wide: ctx.wide),
                    ports.isEmpty ? Cells.none : ports, Cells.age(object, ctx), Cells.labels(svc.spec.selector)]
        })

    /// The first of `clusterIPs` (`None` for a headless Service), `<none>` when unallocated (ExternalName).
    static func clusterIP(_ svc: Service) -> String {
        if let first = svc.spec.clusterIPs.first { return first }
        if let ip = svc.spec.clusterIP, !ip.isEmpty { return ip }
        return Cells.none
    }

    /// getServiceExternalIP: externalIPs for ClusterIP/NodePort, the load balancer's addresses (`<pending>` until
    /// it has one) for LoadBalancer, the external name for ExternalName.
    static func externalIP(_ svc: Service, wide: Bool) -> String {
        let external = svc.spec.externalIPs
        switch svc.spec.type {
        case .clusterIP, .nodePort:
            return external.isEmpty ? Cells.none : external.joined(separator: ",")
        case .loadBalancer:
            let lb = Cells.loadBalancer(svc.loadBalancerIngress.map { ($0.ip, $0.hostname) }, wide: wide)
            if !external.isEmpty {
                let results = (lb.isEmpty ? [] : lb.split(separator: ",").map(String.init)) + external
                return results.joined(separator: ",")
            }
            return lb.isEmpty ? "<pending>" : lb
        case .externalName:
            return svc.spec.externalName ?? ""
        }
    }

    /// makePortString: `80/TCP`, `80:30080/TCP`, comma-joined.
    static func portString(_ ports: [ServicePort]) -> String {
        ports.map { p in
            if let nodePort = p.nodePort, nodePort > 0 { return "\(p.port):\(nodePort)/\(p.protocol)" }
            return "\(p.port)/\(p.protocol)"
        }.joined(separator: ",")
    }
}
