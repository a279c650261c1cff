import ClusterStore
import KubeModel

/// Every ingress controller's routing table: one `IngressRouter` per IngressClass. An Ingress whose class does not
/// exist (or that names none when no class is the default) is served by nobody and is kept aside, so a trace can say
/// why it is ignored.
public struct IngressIndex: Sendable {
    public private(set) var routers: [String: IngressRouter] = [:]
    /// Ingresses no controller serves, with the class they ask for (nil: none, and no default class exists).
    public private(set) var unserved: [ObjectKey: String?] = [:]
    private var classOf: [ObjectKey: String] = [:]

    public init() {}

    public init(state: ClusterState) {
        for cls in state.ingressClasses.all { routers[cls.metadata.name] = IngressRouter() }
        for ingress in state.ingresses.all.sorted(by: { $0.metadata.key < $1.metadata.key }) {
            update(ingress.metadata.key, in: state)
        }
    }

    /// Brings one Ingress up to date (added, changed, deleted, or moved to another class).
    public mutating func update(_ key: ObjectKey, in state: ClusterState) {
        if let old = classOf.removeValue(forKey: key) { routers[old]?.update(key, to: nil) }
        unserved[key] = nil
        guard let ingress = state.ingresses[key] else { return }
        if let cls = state.ingressClass(for: ingress) {
            classOf[key] = cls.metadata.name
            routers[cls.metadata.name, default: IngressRouter()].update(key, to: ingress)
        } else {
            unserved[key] = .some(ingress.effectiveClassName)
        }
    }

    /// Class names in a fixed order: the default class first, then by name.
    public func classNames(in state: ClusterState) -> [String] {
        routers.keys.sorted { a, b in
            let da = state.ingressClasses[ObjectKey(namespace: "", name: a)]?.isDefault == true
            let db = state.ingressClasses[ObjectKey(namespace: "", name: b)]?.isDefault == true
            return da != db ? da : a < b
        }
    }

    /// The class whose controller a host name reaches: the first that has a rule for the host, else the first class.
    public func controllerClass(forHost host: String, in state: ClusterState) -> String? {
        let names = classNames(in: state)
        return names.first { routers[$0]?.servesHost(host) == true } ?? names.first
    }

    /// Unserved Ingresses that name `host` in a rule, for the explanation of a 404.
    public func unservedIngresses(naming host: String, in state: ClusterState) -> [(ObjectKey, String?)] {
        unserved.keys.sorted().compactMap { key in
            guard let ingress = state.ingresses[key] else { return nil }
            let names = ingress.spec.rules.contains { rule in
                guard let ruleHost = rule.host?.lowercased() else { return false }
                if ruleHost == host { return true }
                if ruleHost.hasPrefix("*."), let dot = host.firstIndex(of: ".") {
                    return host[host.index(after: dot)...] == ruleHost.dropFirst(2)
                }
                return false
            }
            return names ? (key, unserved[key] ?? nil) : nil
        }
    }
}
