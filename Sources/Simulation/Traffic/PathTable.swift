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

/// One host's merged paths, as ingress-nginx builds one `server` from every Ingress that names the host: Exact paths
/// in one hash map, Prefix (and ImplementationSpecific, matched as Prefix) paths in another keyed by their normalised
/// element path (`/aaa/bbb/` is `/aaa/bbb`), with every shorter element path of a rule present as a marker so a walk
/// can stop at the first miss. A lookup costs the request path's length, never the number of rules. Immutable once
/// built (a class, so a router reads it in place without copying).
final class PathTable: Sendable {
    /// Route index by normalised element path ("" is `/`); -1 marks a path that only leads to longer ones.
    let prefixes: ByteMap
    let exact: ByteMap
    let root: Int32
    let routes: [IngressRoute]
    /// The defaultBackend of the oldest Ingress in this table that has one.
    let defaultBackend: IngressRoute?

    static let empty = PathTable(PathTableBuilder())

    init(_ b: PathTableBuilder) {
        var prefixes = ByteMap(), exact = ByteMap()
        for (key, value) in b.prefixes where !key.isEmpty { prefixes.set(String(key), value) }
        for (key, value) in b.exact { exact.set(key, value) }
        self.prefixes = prefixes
        self.exact = exact
        root = b.prefixes[""] ?? -1
        routes = b.routes
        defaultBackend = b.defaultBackend
    }

    /// The longest matching path; an Exact match covers the whole request path, so it also wins any tie.
    func match(_ path: String) -> IngressRoute? {
        let index = path.utf8.withContiguousStorageIfAvailable { matchIndex($0) }
            ?? Array(path.utf8).withUnsafeBufferPointer { matchIndex($0) }
        return index >= 0 ? routes[Int(index)] : nil
    }

    /// One pass over the path's bytes: the running FNV-1a hash at the end of each element is the hash of the
    /// element path so far, looked up in `prefixes` until the first miss; at the end it is the whole path's hash
    /// for `exact`.
    private func matchIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var h = ByteMap.seed
        var best = root
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
                if let found = prefixes.value(hash: h, bytes: UnsafeBufferPointer(rebasing: bytes[0..<i])) {
                    if found >= 0 { best = found }
                } else {
                    walking = false
                }
            }
        }
        if !exact.isEmpty, let found = exact.value(hash: h, bytes: bytes) { return found }
        return best
    }
}

/// Collects one host's paths (oldest Ingress first) before they are frozen into a `PathTable`.
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
