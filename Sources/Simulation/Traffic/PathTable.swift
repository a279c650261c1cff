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
/// in a hash map, Prefix (and ImplementationSpecific, matched as Prefix) paths in a trie of `/`-separated elements.
/// A lookup costs the request path's length, never the number of rules.
struct PathTable: Sendable {
    struct Node: Sendable {
        var children: [Substring: Int32] = [:]
        var prefixRoute: Int32 = -1
    }

    private(set) var nodes: [Node] = [Node()]
    private(set) var exact: [String: Int32] = [:]
    private(set) var routes: [IngressRoute] = []
    /// The defaultBackend of the oldest Ingress in this table that has one.
    var defaultBackend: IngressRoute?

    var isEmpty: Bool { routes.isEmpty && defaultBackend == nil }

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
            var node = 0
            for element in path.split(separator: "/") {
                if let next = nodes[node].children[element] {
                    node = Int(next)
                } else {
                    nodes.append(Node())
                    let next = nodes.count - 1
                    nodes[node].children[element] = Int32(next)
                    node = next
                }
            }
            guard nodes[node].prefixRoute < 0 else { return false }
            nodes[node].prefixRoute = index
        }
        routes.append(route)
        return true
    }

    /// The longest matching path; an Exact match covers the whole request path, so it also wins any tie.
    func match(_ path: String) -> IngressRoute? {
        if let i = exact[path] { return routes[Int(i)] }
        var node = 0
        var best = nodes[0].prefixRoute
        // Elements are walked in place (no array of them), so a lookup allocates nothing.
        let utf8 = path.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "/") {
                i = utf8.index(after: i)
                continue
            }
            var j = i
            while j != utf8.endIndex, utf8[j] != UInt8(ascii: "/") { j = utf8.index(after: j) }
            guard let next = nodes[node].children[path[i..<j]] else { break }
            node = Int(next)
            if nodes[node].prefixRoute >= 0 { best = nodes[node].prefixRoute }
            i = j
        }
        return best >= 0 ? routes[Int(best)] : nil
    }
}
