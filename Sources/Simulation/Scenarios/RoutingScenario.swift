import KubeModel

/// Ingresses for the routing benchmark: `hosts` hosts with `pathsPerHost` paths each (Prefix paths two elements
/// deep and an Exact path per host), one Ingress per host, and requests spread over them.
public struct RoutingScenario: Sendable {
    public var hosts: Int
    public var pathsPerHost: Int

    public init(hosts: Int, pathsPerHost: Int) {
        self.hosts = max(1, hosts)
        self.pathsPerHost = max(1, pathsPerHost)
    }

    public var ruleCount: Int { hosts * pathsPerHost }

    public func host(_ i: Int) -> String { "app-\(i).team-\(i % 10).example.com" }

    public func ingresses() -> [Ingress] {
        (0..<hosts).map { h in
            let paths = (0..<pathsPerHost).map { p -> HTTPIngressPath in
                let backend = IngressBackend.service(name: "svc-\(h)-\(p)", port: .number(80))
                if p == 0 { return HTTPIngressPath(path: "/", pathType: .prefix, backend: backend) }
                if p % 5 == 4 { return HTTPIngressPath(path: "/api/v\(p)/health", pathType: .exact, backend: backend) }
                return HTTPIngressPath(path: "/api/v\(p)", pathType: .prefix, backend: backend)
            }
            var meta = ObjectMeta(name: "ing-\(h)", namespace: "team-\(h % 10)")
            meta.creationTimestamp = Timestamp(seconds: 1_767_258_000 + Int64(h))
            return Ingress(metadata: meta, spec: IngressSpec(ingressClassName: "nginx",
                                                             rules: [IngressRule(host: host(h), paths: paths)]))
        }
    }

    /// `count` (host, path) requests: every host in turn, paths that hit Prefix rules below their path, Exact rules,
    /// and the `/` fallback, chosen by a fixed stride so both router sizes see the same mix.
    public func requests(count: Int) -> [(host: String, path: String)] {
        (0..<count).map { i in
            let h = (i &* 7919) % hosts
            let p = (i &* 31) % pathsPerHost
            let path: String
            switch i % 4 {
            case 0: path = "/api/v\(p)/items/\(i % 97)"
            case 1: path = p % 5 == 4 ? "/api/v\(p)/health" : "/api/v\(p)"
            case 2: path = "/static/app-\(i % 13).js"
            default: path = "/api/v\(p)/"
            }
            return (host(h), path)
        }
    }
}
