import KubeModel
import Simulation

/// The objects a trace went through, for marking its route in the topology: a row is on the route when its object
/// is a hop and its parent row is too, so a Service reached by two rules is marked only under the rule taken.
struct TraceMatch {
    private var ingresses: Set<ObjectKey> = []
    private var rules: Set<Rule> = []
    private var services: Set<ObjectKey> = []
    private var slices: Set<ObjectKey> = []
    private var pods: Set<ObjectKey> = []

    private struct Rule: Hashable {
        var ingress: ObjectKey
        var host: String?
        var path: String?
    }

    init(_ hops: [TraceHop]) {
        for hop in hops {
            switch hop {
            case .ingress(let key, let host, let path, _):
                ingresses.insert(key)
                rules.insert(Rule(ingress: key, host: path == nil ? nil : Self.normal(host), path: path))
            case .service(let key, _), .externalName(let key, _): services.insert(key)
            case .endpointSlice(let key): slices.insert(key)
            case .pod(let key, _, _, _): pods.insert(key)
            case .loadBalancer, .node: break
            }
        }
    }

    var isEmpty: Bool { ingresses.isEmpty && services.isEmpty && pods.isEmpty }

    func rule(_ ingress: ObjectKey, host: String?, path: String?) -> Bool {
        rules.contains(Rule(ingress: ingress, host: path == nil ? nil : Self.normal(host), path: path))
    }

    func service(_ key: ObjectKey, parentTraced: Bool) -> Bool { parentTraced && services.contains(key) }
    func slice(_ key: ObjectKey, parentTraced: Bool) -> Bool { parentTraced && slices.contains(key) }
    func pod(_ key: ObjectKey, parentTraced: Bool) -> Bool { parentTraced && pods.contains(key) }

    /// A rule without a host matches every host; the router's hop and the view's route both say so with nil.
    private static func normal(_ host: String?) -> String? {
        guard let host, !host.isEmpty, host != "*" else { return nil }
        return host.lowercased()
    }
}
