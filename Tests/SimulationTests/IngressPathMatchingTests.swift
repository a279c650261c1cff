import KubeModel
import Testing
@testable import Simulation

/// One Ingress with one host and the given paths, each path to a Service named after it (`svc-exact-/foo`).
enum Route {
    static func ingress(_ name: String = "ing", namespace: String = "default", createdSeconds: Int64 = 0,
                        host: String? = "example.com", paths: [(String, HTTPIngressPath.PathType)],
                        defaultBackend: String? = nil, tls: [String] = [], className: String? = "nginx") -> Ingress {
        let httpPaths = paths.map { path, type in
            HTTPIngressPath(path: path, pathType: type, backend: .service(name: service(path, type), port: .number(80)))
        }
        var spec = IngressSpec(ingressClassName: className,
                               defaultBackend: defaultBackend.map { .service(name: $0, port: .number(80)) },
                               tls: tls.isEmpty ? [] : [IngressTLS(hosts: tls, secretName: "cert")],
                               rules: paths.isEmpty ? [] : [IngressRule(host: host, paths: httpPaths)])
        spec.ingressClassName = className
        var meta = ObjectMeta(name: name, namespace: namespace)
        meta.creationTimestamp = Timestamp(seconds: 1_767_258_000 + createdSeconds)
        return Ingress(metadata: meta, spec: spec)
    }

    static func service(_ path: String, _ type: HTTPIngressPath.PathType) -> String {
        "svc-\(type.rawValue.lowercased())-\(path)"
    }

    /// The Service the router picks for `path` on `host`, or nil for the controller's 404.
    static func backend(_ paths: [(String, HTTPIngressPath.PathType)], request path: String,
                        defaultBackend: String? = nil) -> String? {
        let router = IngressRouter(ingresses: [ingress(paths: paths, defaultBackend: defaultBackend)])
        return router.lookup(host: "example.com", path: path).route?.backend.serviceName
    }
}

/// Every row of the "Examples" table of path types on kubernetes.io's Ingress page.
@Suite("Ingress path matching (kubernetes.io Ingress examples table)")
struct IngressPathMatchingTests {
    @Test("Prefix / matches all paths")
    func prefixRootMatchesAll() {
        for path in ["/", "/foo", "/foo/bar", "/a/b/c/", "/x.html"] {
            #expect(Route.backend([("/", .prefix)], request: path) == "svc-prefix-/", "\(path)")
        }
    }

    @Test("Exact /foo matches /foo")
    func exactMatches() { #expect(Route.backend([("/foo", .exact)], request: "/foo") == "svc-exact-/foo") }

    @Test("Exact /foo does not match /bar")
    func exactOtherPath() { #expect(Route.backend([("/foo", .exact)], request: "/bar") == nil) }

    @Test("Exact /foo does not match /foo/")
    func exactNoTrailingSlash() { #expect(Route.backend([("/foo", .exact)], request: "/foo/") == nil) }

    @Test("Exact /foo/ does not match /foo")
    func exactWithSlashDoesNotMatchWithout() { #expect(Route.backend([("/foo/", .exact)], request: "/foo") == nil) }

    @Test("Prefix /foo matches /foo and /foo/")
    func prefixMatchesWithAndWithoutSlash() {
        #expect(Route.backend([("/foo", .prefix)], request: "/foo") == "svc-prefix-/foo")
        #expect(Route.backend([("/foo", .prefix)], request: "/foo/") == "svc-prefix-/foo")
    }

    @Test("Prefix /foo/ matches /foo and /foo/")
    func prefixWithSlashMatchesBoth() {
        #expect(Route.backend([("/foo/", .prefix)], request: "/foo") == "svc-prefix-/foo/")
        #expect(Route.backend([("/foo/", .prefix)], request: "/foo/") == "svc-prefix-/foo/")
    }

    @Test("Prefix /aaa/bb does not match /aaa/bbb")
    func prefixIsNotAStringPrefixOfTheLastElement() {
        #expect(Route.backend([("/aaa/bb", .prefix)], request: "/aaa/bbb") == nil)
    }

    @Test("Prefix /aaa/bbb matches /aaa/bbb")
    func prefixMatchesItself() {
        #expect(Route.backend([("/aaa/bbb", .prefix)], request: "/aaa/bbb") == "svc-prefix-/aaa/bbb")
    }

    @Test("Prefix /aaa/bbb/ matches /aaa/bbb (ignores trailing slash)")
    func prefixIgnoresTrailingSlash() {
        #expect(Route.backend([("/aaa/bbb/", .prefix)], request: "/aaa/bbb") == "svc-prefix-/aaa/bbb/")
    }

    @Test("Prefix /aaa/bbb matches /aaa/bbb/ (matches trailing slash)")
    func prefixMatchesTrailingSlash() {
        #expect(Route.backend([("/aaa/bbb", .prefix)], request: "/aaa/bbb/") == "svc-prefix-/aaa/bbb")
    }

    @Test("Prefix /aaa/bbb matches /aaa/bbb/ccc (matches subpath)")
    func prefixMatchesSubpath() {
        #expect(Route.backend([("/aaa/bbb", .prefix)], request: "/aaa/bbb/ccc") == "svc-prefix-/aaa/bbb")
    }

    @Test("Prefix /aaa/bbb does not match /aaa/bbbxyz (no string prefix matching)")
    func prefixDoesNotMatchStringPrefix() {
        #expect(Route.backend([("/aaa/bbb", .prefix)], request: "/aaa/bbbxyz") == nil)
    }

    @Test("Prefix /, /aaa: /aaa/ccc matches the /aaa prefix")
    func longestPrefixWins() {
        #expect(Route.backend([("/", .prefix), ("/aaa", .prefix)], request: "/aaa/ccc") == "svc-prefix-/aaa")
    }

    @Test("Prefix /, /aaa, /aaa/bbb: /aaa/bbb matches the /aaa/bbb prefix")
    func longestOfThreeWins() {
        let paths: [(String, HTTPIngressPath.PathType)] = [("/", .prefix), ("/aaa", .prefix), ("/aaa/bbb", .prefix)]
        #expect(Route.backend(paths, request: "/aaa/bbb") == "svc-prefix-/aaa/bbb")
    }

    @Test("Prefix /, /aaa, /aaa/bbb: /ccc matches the / prefix")
    func rootCatchesTheRest() {
        let paths: [(String, HTTPIngressPath.PathType)] = [("/", .prefix), ("/aaa", .prefix), ("/aaa/bbb", .prefix)]
        #expect(Route.backend(paths, request: "/ccc") == "svc-prefix-/")
    }

    @Test("Prefix /aaa: /ccc does not match and uses the default backend")
    func noMatchUsesDefaultBackend() {
        #expect(Route.backend([("/aaa", .prefix)], request: "/ccc") == nil)
        #expect(Route.backend([("/aaa", .prefix)], request: "/ccc", defaultBackend: "fallback") == "fallback")
    }

    @Test("Mixed /foo (Prefix) and /foo (Exact): /foo prefers Exact")
    func exactBeatsPrefixOnATie() {
        #expect(Route.backend([("/foo", .prefix), ("/foo", .exact)], request: "/foo") == "svc-exact-/foo")
        #expect(Route.backend([("/foo", .exact), ("/foo", .prefix)], request: "/foo") == "svc-exact-/foo")
        #expect(Route.backend([("/foo", .prefix), ("/foo", .exact)], request: "/foo/x") == "svc-prefix-/foo")
    }

    @Test("Exact matching is case-sensitive, and so is Prefix")
    func pathsAreCaseSensitive() {
        #expect(Route.backend([("/foo", .exact)], request: "/FOO") == nil)
        #expect(Route.backend([("/foo", .prefix)], request: "/Foo/bar") == nil)
    }

    @Test("ImplementationSpecific is matched as Prefix")
    func implementationSpecificAsPrefix() {
        #expect(Route.backend([("/app", .implementationSpecific)], request: "/app/x") == "svc-implementationspecific-/app")
        #expect(Route.backend([("/app", .implementationSpecific)], request: "/apple") == nil)
    }

    @Test("A longer Prefix beats a shorter Exact that does not match, and an Exact match beats any Prefix")
    func exactMatchIsAlwaysTheLongest() {
        let paths: [(String, HTTPIngressPath.PathType)] = [("/a", .prefix), ("/a/b", .exact), ("/a/b", .prefix)]
        #expect(Route.backend(paths, request: "/a/b") == "svc-exact-/a/b")
        #expect(Route.backend(paths, request: "/a/b/c") == "svc-prefix-/a/b")
        #expect(Route.backend(paths, request: "/a/c") == "svc-prefix-/a")
    }
}

/// The hostname wildcard table on kubernetes.io's Ingress page, and how hosts pick their paths.
@Suite("Ingress host matching")
struct IngressHostMatchingTests {
    static func router(_ ingresses: Ingress...) -> IngressRouter { IngressRouter(ingresses: ingresses) }

    static let wildcard = router(Route.ingress(host: "*.foo.com", paths: [("/", .prefix)]))

    @Test("*.foo.com matches bar.foo.com (shared suffix)")
    func wildcardMatchesOneLabel() {
        let found = Self.wildcard.lookup(host: "bar.foo.com", path: "/")
        #expect(found.route?.backend.serviceName == "svc-prefix-/")
        #expect(found.hostMatch == .wildcard("*.foo.com"))
    }

    @Test("*.foo.com does not match baz.bar.foo.com (a wildcard covers a single DNS label)")
    func wildcardDoesNotMatchTwoLabels() {
        #expect(Self.wildcard.lookup(host: "baz.bar.foo.com", path: "/").route == nil)
    }

    @Test("*.foo.com does not match foo.com (a wildcard covers a single DNS label)")
    func wildcardDoesNotMatchTheBareDomain() {
        #expect(Self.wildcard.lookup(host: "foo.com", path: "/").route == nil)
    }

    @Test("A precise host beats a wildcard")
    func preciseHostBeatsWildcard() {
        let r = Self.router(Route.ingress("wild", host: "*.foo.com", paths: [("/", .prefix)]),
                            Route.ingress("precise", host: "bar.foo.com", paths: [("/x", .prefix)]))
        #expect(r.lookup(host: "bar.foo.com", path: "/x").route?.ingress.name == "precise")
        #expect(r.lookup(host: "baz.foo.com", path: "/x").route?.ingress.name == "wild")
    }

    @Test("Once a host matches, only its paths count (not the wildcard's, not the hostless rules')")
    func matchedHostUsesOnlyItsPaths() {
        let r = Self.router(Route.ingress("wild", host: "*.foo.com", paths: [("/", .prefix)]),
                            Route.ingress("any", host: nil, paths: [("/", .prefix)]),
                            Route.ingress("precise", host: "bar.foo.com", paths: [("/x", .prefix)]))
        let found = r.lookup(host: "bar.foo.com", path: "/y")
        #expect(found.route == nil)
        #expect(found.hostMatch == .exact("bar.foo.com"))
    }

    @Test("Host matching ignores case")
    func hostsAreCaseInsensitive() {
        let r = Self.router(Route.ingress(host: "Shop.Example.COM", paths: [("/", .prefix)]))
        #expect(r.lookup(host: "shop.example.com", path: "/").route != nil)
        #expect(r.lookup(host: "SHOP.example.com", path: "/").route != nil)
        #expect(Self.wildcard.lookup(host: "BAR.FOO.COM", path: "/").route != nil)
    }

    @Test("A rule without a host serves requests whose host matches no rule")
    func hostlessRuleIsTheCatchAll() {
        let r = Self.router(Route.ingress("any", host: nil, paths: [("/", .prefix)]),
                            Route.ingress("shop", host: "shop.com", paths: [("/", .prefix)]))
        #expect(r.lookup(host: "other.org", path: "/a").route?.ingress.name == "any")
        #expect(r.lookup(host: "shop.com", path: "/a").route?.ingress.name == "shop")
    }

    @Test("No rule and no default backend: nothing routes (the controller's 404)")
    func noRouteNoDefault() {
        let r = Self.router(Route.ingress(host: "shop.com", paths: [("/", .prefix)]))
        #expect(r.lookup(host: "foo.com", path: "/").route == nil)
    }

    @Test("The default backend answers hosts no rule names")
    func defaultBackendForUnknownHost() {
        let r = Self.router(Route.ingress("shop", host: "shop.com", paths: [("/api", .prefix)]),
                            Route.ingress("fallback", paths: [], defaultBackend: "default-http-backend"))
        let found = r.lookup(host: "foo.com", path: "/")
        #expect(found.route?.backend.serviceName == "default-http-backend")
        #expect(found.route?.isDefaultBackend == true)
    }

    @Test("A host's unmatched path goes to its own Ingress's default backend, not another's")
    func defaultBackendOfTheHostsIngress() {
        let r = Self.router(Route.ingress("shop", host: "shop.com", paths: [("/api", .prefix)], defaultBackend: "shop-404"),
                            Route.ingress("fallback", paths: [], defaultBackend: "global"))
        #expect(r.lookup(host: "shop.com", path: "/other").route?.backend.serviceName == "shop-404")
        #expect(r.lookup(host: "else.com", path: "/other").route?.backend.serviceName == "global")
    }

    @Test("Ingresses for one host are merged; the oldest wins a path both define")
    func mergedByHostOldestWins() {
        let old = Route.ingress("b-old", createdSeconds: 10, paths: [("/api", .prefix)])
        let newer = Route.ingress("a-new", createdSeconds: 20, paths: [("/api", .prefix), ("/web", .prefix)])
        for order in [[old, newer], [newer, old]] {
            let r = IngressRouter(ingresses: order)
            #expect(r.lookup(host: "example.com", path: "/api").route?.ingress.name == "b-old")
            #expect(r.lookup(host: "example.com", path: "/web").route?.ingress.name == "a-new")
        }
    }

    @Test("Merged Ingresses created at the same time: namespace/name decides")
    func mergedTieBrokenByName() {
        let a = Route.ingress("a", namespace: "zeta", paths: [("/api", .prefix)])
        let b = Route.ingress("b", namespace: "alpha", paths: [("/api", .prefix)])
        #expect(IngressRouter(ingresses: [a, b]).lookup(host: "example.com", path: "/api").route?.ingress.namespace == "alpha")
    }

    @Test("TLS: spec.tls hosts have a certificate, wildcard TLS hosts cover one label, others do not")
    func tlsHosts() {
        let r = Self.router(Route.ingress("a", host: "shop.com", paths: [("/", .prefix)], tls: ["shop.com", "*.api.com"]),
                            Route.ingress("b", host: "blog.com", paths: [("/", .prefix)]))
        #expect(r.lookup(host: "shop.com", path: "/").tls)
        #expect(r.hasTLS("v1.api.com"))
        #expect(!r.hasTLS("a.v1.api.com"))
        #expect(!r.lookup(host: "blog.com", path: "/").tls)
    }

    @Test("Incremental update: changing and deleting an Ingress rebuilds only what it touched")
    func incrementalUpdate() {
        var r = IngressRouter(ingresses: [Route.ingress("a", host: "a.com", paths: [("/", .prefix)]),
                                          Route.ingress("b", host: "b.com", paths: [("/", .prefix)])])
        let key = ObjectKey(namespace: "default", name: "a")
        r.update(key, to: Route.ingress("a", host: "c.com", paths: [("/x", .exact)]))
        #expect(r.lookup(host: "a.com", path: "/").route == nil)
        #expect(r.lookup(host: "c.com", path: "/x").route?.ingress.name == "a")
        #expect(r.lookup(host: "b.com", path: "/").route?.ingress.name == "b")
        r.update(key, to: nil)
        #expect(r.lookup(host: "c.com", path: "/x").route == nil)
        #expect(r.ingressCount == 1)
    }

    @Test("After many changes and deletions, the router answers exactly as one built from scratch")
    func incrementalEqualsRebuilt() {
        let scenario = RoutingScenario(hosts: 300, pathsPerHost: 10)
        var all = scenario.ingresses()
        var router = IngressRouter(ingresses: all)
        for i in stride(from: 0, to: all.count, by: 3) {
            router.update(all[i].metadata.key, to: nil)
        }
        for i in stride(from: 1, to: all.count, by: 3) {
            all[i].spec.rules[0].paths?.removeLast(3)
            all[i].spec.rules[0].paths?.append(HTTPIngressPath(path: "/moved/\(i)", pathType: .exact,
                                                               backend: .service(name: "moved", port: .number(80))))
            router.update(all[i].metadata.key, to: all[i])
        }
        let kept = all.enumerated().filter { $0.offset % 3 != 0 }.map(\.element)
        let fresh = IngressRouter(ingresses: kept)
        #expect(router.ingressCount == fresh.ingressCount)
        #expect(router.ruleCount == fresh.ruleCount)
        var requests = scenario.requests(count: 3000)
        requests += (0..<300).map { (scenario.host($0), "/moved/\($0)") }
        for r in requests {
            #expect(router.lookup(host: r.host, path: r.path) == fresh.lookup(host: r.host, path: r.path), "\(r)")
        }
    }
}
