import KubeModel

/// What an ingress controller made of a request's host and path.
public struct IngressLookup: Sendable, Hashable {
    public enum HostMatch: Sendable, Hashable {
        /// A rule names this host exactly (case-insensitively).
        case exact(String)
        /// A one-label wildcard rule (`*.foo.com`) covers the host.
        case wildcard(String)
        /// No rule names the host: rules without a host and the catch-all default backend answer.
        case none
    }

    public var hostMatch: HostMatch
    /// nil: nothing answers (the controller's own 404).
    public var route: IngressRoute?
    /// Whether a `spec.tls` entry covers the host, so the controller has a certificate for it.
    public var tls: Bool
}

/// One ingress controller's compiled routing table, in the way ingress-nginx turns every Ingress of its class into
/// `server` blocks: a hash map of precise hosts, a hash map of one-label wildcards by their suffix, a catch-all server
/// for rules without a host and the default backend; their paths in one shared `PathIndex`. Kept current one
/// Ingress at a time: a change rebuilds only the hosts that Ingress names.
public struct IngressRouter: Sendable {
    /// Every host's paths; the host maps hold each host's slot in it. Slot 0 is the catch-all server (rules
    /// without a host, and the default backend).
    private var paths = PathIndex()
    private static let catchAll: Int32 = 0
    private var exactHosts: [String: Int32] = [:]
    /// `*.foo.com` is stored under `foo.com`; a request host's first label is cut off to look it up.
    private var wildcardHosts: [Substring: Int32] = [:]
    /// The same two maps for the lookup itself: byte keys, case folded, no String hashing.
    private var exactHostBytes = ByteMap(foldCase: true)
    private var wildcardHostBytes = ByteMap(foldCase: true)
    /// Hosts with a certificate (`spec.tls`), counted over Ingresses; wildcards by their suffix, as the host maps.
    private var tlsHosts: [String: Int] = [:]
    private var tlsWildcards: [Substring: Int] = [:]
    private var ingresses: [ObjectKey: Ingress] = [:]
    /// Ingresses by the host keys they contribute to ("" is the catch-all; wildcards as written, lower-cased).
    private var byHost: [String: Set<ObjectKey>] = [:]

    public init() {
        _ = paths.install(PathTableBuilder(), at: nil)
    }

    public init<S: Sequence>(ingresses: S) where S.Element == Ingress {
        self.init()
        for ingress in ingresses { update(ingress.metadata.key, to: ingress) }
    }

    public var ingressCount: Int { ingresses.count }
    /// Paths and default backends across every host, after merging.
    public var ruleCount: Int {
        exactHosts.values.reduce(0) { $0 + paths.routeCount($1) }
            + wildcardHosts.values.reduce(0) { $0 + paths.routeCount($1) } + paths.routeCount(Self.catchAll)
    }

    /// Replaces (or, with nil, removes) one Ingress and rebuilds the hosts it touched, before and after.
    public mutating func update(_ key: ObjectKey, to ingress: Ingress?) {
        var affected: Set<String> = []
        if let old = ingresses.removeValue(forKey: key) {
            for host in Self.hostKeys(old) {
                affected.insert(host)
                byHost[host]?.remove(key)
                if byHost[host]?.isEmpty == true { byHost[host] = nil }
            }
            for host in Self.tlsKeys(old) { countTLS(host, -1) }
        }
        if let ingress {
            ingresses[key] = ingress
            for host in Self.hostKeys(ingress) {
                affected.insert(host)
                byHost[host, default: []].insert(key)
            }
            for host in Self.tlsKeys(ingress) { countTLS(host, 1) }
        }
        for host in affected { rebuild(host) }
    }

    public func lookup(host rawHost: String, path: String) -> IngressLookup {
        let (exact, wildcard, upper) = rawHost.utf8.withContiguousStorageIfAvailable { hostTables($0) }
            ?? Array(rawHost.utf8).withUnsafeBufferPointer { hostTables($0) }
        if exact != nil || wildcard != nil {
            let host = upper ? rawHost.lowercased() : rawHost
            if let i = exact {
                return IngressLookup(hostMatch: .exact(host), route: paths.match(i, path), tls: hasTLS(host))
            }
            let i = wildcard!
            let dot = host.utf8.firstIndex(of: UInt8(ascii: "."))!
            let rule = "*." + host[host.utf8.index(after: dot)...]
            return IngressLookup(hostMatch: .wildcard(rule), route: paths.match(i, path), tls: hasTLS(host))
        }
        let host = upper ? rawHost.lowercased() : rawHost
        return IngressLookup(hostMatch: .none, route: paths.match(Self.catchAll, path), tls: hasTLS(host))
    }

    /// The table of a precise host, else of the wildcard covering it (the host without its first label); and whether
    /// the host has upper-case letters.
    private func hostTables(_ host: UnsafeBufferPointer<UInt8>) -> (Int32?, Int32?, Bool) {
        var h = ByteMap.seed(tag: 0)
        var upper = false
        for b in host {
            upper = upper || b &- 65 < 26
            h = ByteMap.step(h, b, foldCase: true)
        }
        if let i = exactHostBytes.value(hash: h, bytes: host) { return (i, nil, upper) }
        guard !wildcardHostBytes.isEmpty, let dot = host.firstIndex(of: UInt8(ascii: ".")) else { return (nil, nil, upper) }
        let suffix = UnsafeBufferPointer(rebasing: host[(dot + 1)...])
        return (nil, wildcardHostBytes.value(hash: ByteMap.hash(suffix, foldCase: true), bytes: suffix), upper)
    }

    /// Whether a `spec.tls` host (precise, or a one-label wildcard) covers `host`.
    public func hasTLS(_ host: String) -> Bool {
        if tlsHosts.isEmpty && tlsWildcards.isEmpty { return false }
        if tlsHosts[host] != nil { return true }
        guard !tlsWildcards.isEmpty, let dot = host.firstIndex(of: ".") else { return false }
        return tlsWildcards[host[host.index(after: dot)...]] != nil
    }

    private mutating func countTLS(_ host: String, _ delta: Int) {
        if host.hasPrefix("*.") {
            let suffix = Substring(host.dropFirst(2))
            let n = tlsWildcards[suffix, default: 0] + delta
            tlsWildcards[suffix] = n > 0 ? n : nil
        } else {
            let n = tlsHosts[host, default: 0] + delta
            tlsHosts[host] = n > 0 ? n : nil
        }
    }

    /// Whether any served Ingress names `host` in a rule (precise or wildcard).
    public func servesHost(_ host: String) -> Bool {
        let host = host.lowercased()
        if exactHosts[host] != nil { return true }
        guard let dot = host.firstIndex(of: ".") else { return false }
        return wildcardHosts[host[host.index(after: dot)...]] != nil
    }

    // MARK: building

    private static func hostKeys(_ ingress: Ingress) -> Set<String> {
        var keys = Set(ingress.spec.rules.map { ($0.host ?? "").lowercased() })
        if ingress.spec.defaultBackend != nil { keys.insert("") }
        return keys
    }

    private static func tlsKeys(_ ingress: Ingress) -> [String] {
        Array(Set(ingress.spec.tls.flatMap(\.hosts).map { $0.lowercased() }))
    }

    /// Rebuilds one host from every Ingress that names it, oldest first (then namespace/name), so the oldest wins a
    /// path both define, as ingress-nginx merges them.
    private mutating func rebuild(_ host: String) {
        let owners = (byHost[host] ?? []).compactMap { ingresses[$0] }.sorted {
            let a = $0.metadata.creationTimestamp?.milliseconds ?? 0, b = $1.metadata.creationTimestamp?.milliseconds ?? 0
            return a != b ? a < b : $0.metadata.key < $1.metadata.key
        }
        var table = PathTableBuilder()
        for ingress in owners {
            for rule in ingress.spec.rules where (rule.host ?? "").lowercased() == host {
                for p in rule.paths ?? [] {
                    table.insert(IngressRoute(ingress: ingress.metadata.key, host: rule.host, path: p.path ?? "/",
                                              pathType: p.pathType, backend: p.backend))
                }
            }
            if table.defaultBackend == nil, let backend = ingress.spec.defaultBackend {
                table.defaultBackend = IngressRoute(ingress: ingress.metadata.key, host: nil, path: nil, pathType: nil,
                                                    backend: backend)
            }
        }
        if host.isEmpty {
            _ = paths.install(table, at: Self.catchAll)
        } else if host.hasPrefix("*.") {
            let suffix = Substring(host.dropFirst(2))
            wildcardHosts[suffix] = place(table, at: wildcardHosts[suffix], keep: !owners.isEmpty)
            wildcardHostBytes.set(String(suffix), wildcardHosts[suffix])
        } else {
            exactHosts[host] = place(table, at: exactHosts[host], keep: !owners.isEmpty)
            exactHostBytes.set(host, exactHosts[host])
        }
    }

    /// Installs a host's paths in its slot (a new one for a new host) and returns the slot, or frees it.
    private mutating func place(_ table: PathTableBuilder, at slot: Int32?, keep: Bool) -> Int32? {
        guard keep else {
            if let slot { paths.remove(slot) }
            return nil
        }
        return paths.install(table, at: slot)
    }
}
