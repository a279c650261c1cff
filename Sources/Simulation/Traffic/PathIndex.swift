import KubeModel

/// The rule an ingress controller picked for a request: which Ingress, which of its paths (or its defaultBackend).
public struct IngressRoute: Sendable, Hashable {
    public var ingress: ObjectKey
    /// The rule's host as written (`*.foo.com` for a wildcard), nil for a rule without host or a default backend.
    public var host: String?
    /// nil when the Ingress's `defaultBackend` answered.
    public var path: String?
    public var pathType: HTTPIngressPath.PathType?
    public var backend: IngressBackend

    public var isDefaultBackend: Bool { path == nil }
}

/// Every host's merged paths, as ingress-nginx builds one `server` per host from every Ingress that names it, kept in
/// two shared hash maps keyed by (host slot, path bytes): Exact paths, and Prefix paths (ImplementationSpecific is
/// matched as Prefix) by their normalised element path (`/aaa/bbb/` is `/aaa/bbb`), with each shorter element path of
/// a rule present as a marker so a walk stops at the first miss. A lookup costs the request path's length, never the
/// number of rules or hosts, and touches only a few cache lines: no per-host objects.
struct PathIndex: Sendable {
    struct Host: Sendable {
        var prefixKeys: [String] = []
        var exactKeys: [String] = []
        var routes: [Int32] = []
        var root: Int32 = -1
        /// The defaultBackend of the oldest Ingress of this host that has one.
        var defaultBackend: IngressRoute?
    }

    private var prefixes = ByteMap()
    private var exact = ByteMap()
    private(set) var routes: [IngressRoute] = []
    private var freeRoutes: [Int32] = []
    private(set) var hosts: [Host] = []
    private var freeHosts: [Int32] = []

    /// Replaces what `slot` holds (a new slot when nil) with `table`'s paths; returns the slot.
    mutating func install(_ table: PathTableBuilder, at slot: Int32?) -> Int32 {
        let slot = slot ?? newSlot()
        clear(slot)
        var host = Host(defaultBackend: table.defaultBackend)
        var index: [Int32: Int32] = [:]  // builder route → stored route
        for (i, route) in table.routes.enumerated() {
            let stored: Int32
            if let free = freeRoutes.popLast() {
                routes[Int(free)] = route
                stored = free
            } else {
                routes.append(route)
                stored = Int32(routes.count - 1)
            }
            index[Int32(i)] = stored
            host.routes.append(stored)
        }
        for (key, value) in table.prefixes {
            let stored = value >= 0 ? index[value]! : -1
            if key.isEmpty {
                host.root = stored
            } else {
                prefixes.set(String(key), tag: slot, stored)
                host.prefixKeys.append(String(key))
            }
        }
        for (key, value) in table.exact {
            exact.set(key, tag: slot, index[value]!)
            host.exactKeys.append(key)
        }
        hosts[Int(slot)] = host
        return slot
    }

    /// Frees a host's slot and its paths.
    mutating func remove(_ slot: Int32) {
        clear(slot)
        freeHosts.append(slot)
    }

    private mutating func newSlot() -> Int32 {
        if let free = freeHosts.popLast() { return free }
        hosts.append(Host())
        return Int32(hosts.count - 1)
    }

    private mutating func clear(_ slot: Int32) {
        let old = hosts[Int(slot)]
        for key in old.prefixKeys { prefixes.set(key, tag: slot, nil) }
        for key in old.exactKeys { exact.set(key, tag: slot, nil) }
        freeRoutes.append(contentsOf: old.routes)
        hosts[Int(slot)] = Host()
    }

    func routeCount(_ slot: Int32) -> Int { hosts[Int(slot)].routes.count }

    /// The longest matching path of host `slot`, else its default backend.
    func match(_ slot: Int32, _ path: String) -> IngressRoute? {
        let index = path.utf8.withContiguousStorageIfAvailable { matchIndex(slot, $0) }
            ?? Array(path.utf8).withUnsafeBufferPointer { matchIndex(slot, $0) }
        return index >= 0 ? routes[Int(index)] : hosts[Int(slot)].defaultBackend
    }

    /// One pass over the path's bytes: the running FNV-1a hash at the end of each element is the hash of the
    /// element path so far, looked up until the first miss; at the end it is the whole path's hash, for Exact (an
    /// Exact match covers the whole request path, so it is the longest and also wins a tie).
    private func matchIndex(_ slot: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var h = ByteMap.seed(tag: slot)
        var best = hosts[Int(slot)].root
        var walking = !prefixes.isEmpty
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == UInt8(ascii: "/") {
                h = ByteMap.step(h, bytes[i], foldCase: false)
                i += 1
                continue
            }
            while i < n, bytes[i] != UInt8(ascii: "/") {
                h = ByteMap.step(h, bytes[i], foldCase: false)
                i += 1
            }
            if walking {
                if let found = prefixes.value(hash: h, tag: slot, bytes: UnsafeBufferPointer(rebasing: bytes[0..<i])) {
                    if found >= 0 { best = found }
                } else {
                    walking = false
                }
            }
        }
        if !exact.isEmpty, let found = exact.value(hash: h, tag: slot, bytes: bytes) { return found }
        return best
    }
}

/// Collects one host's paths (oldest Ingress first), resolving conflicts, before they are installed in the `PathIndex`.
struct PathTableBuilder {
    var prefixes: [Substring: Int32] = [:]
    var exact: [String: Int32] = [:]
    var routes: [IngressRoute] = []
    var defaultBackend: IngressRoute?

    var isEmpty: Bool { routes.isEmpty && defaultBackend == nil }

    /// `/aaa//bbb/` → `/aaa/bbb`; `/` → "" (the root, which every path starts with).
    static func normalise(_ path: String) -> String {
        path.split(separator: "/").map { "/" + $0 }.joined()
    }

    /// Adds a path unless one with the same path and type is already there (the caller inserts oldest first, so
    /// the oldest Ingress wins a conflict, as in ingress-nginx). Returns whether it was added.
    @discardableResult
    mutating func insert(_ route: IngressRoute) -> Bool {
        let path = route.path ?? "/"
        let index = Int32(routes.count)
        if route.pathType == .exact {
            guard exact[path] == nil else { return false }
            exact[path] = index
        } else {
            let key = Substring(Self.normalise(path))
            if let existing = prefixes[key], existing >= 0 { return false }
            prefixes[key] = index
            // Markers for the shorter element paths, so a lookup may stop at the first miss.
            var end = key.endIndex
            while let slash = key[..<end].lastIndex(of: "/"), slash > key.startIndex {
                end = slash
                if prefixes[key[..<end]] == nil { prefixes[Substring(String(key[..<end]))] = -1 }
            }
        }
        routes.append(route)
        return true
    }
}
