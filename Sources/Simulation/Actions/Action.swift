import KubeModel

/// An object named the kubectl way: `deployment/web` in a namespace.
public struct ObjectRef: Sendable, Hashable, CustomStringConvertible {
    public var type: ResourceType
    public var namespace: String
    public var name: String

    public init(type: ResourceType, namespace: String = "default", name: String) {
        self.type = type
        self.namespace = type.namespaced ? namespace : ""
        self.name = name
    }

    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }
    public var description: String { "\(type.singular)/\(name)" }
}

/// Everything that changes the cluster, from a key, a `-e` argument, a script line or a recording: one language.
public enum Action: Sendable, Hashable, CustomStringConvertible {
    case scale(ObjectRef, replicas: Int)
    case delete(ObjectRef, gracePeriodSeconds: Int?)
    case kill(ObjectRef)
    case apply(path: String)
    case advance(milliseconds: Int64)
    case settle
    case failReadiness(ObjectRef)
    case recoverReadiness(ObjectRef)
    case crash(ObjectRef, loop: Bool)
    case failNode(String)
    case recoverNode(String)
    case cordon(String)
    case uncordon(String)
    case drain(String)
    /// Send `rps` requests a second to `url` in virtual time, for `durationMs` or until stopped.
    case load(url: String, rps: Int, durationMs: Int64?)
    /// Stop the loads to `url`, or every load.
    case stopLoad(url: String?)

    /// The canonical text, which parses back to the same action (recordings store it).
    public var description: String {
        func ns(_ r: ObjectRef) -> String { r.type.namespaced && r.namespace != "default" ? " -n \(r.namespace)" : "" }
        switch self {
        case .scale(let r, let n): return "scale \(r) --replicas=\(n)\(ns(r))"
        case .delete(let r, let grace): return "delete \(r)\(grace.map { " --grace-period=\($0)" } ?? "")\(ns(r))"
        case .kill(let r): return "kill \(r)\(ns(r))"
        case .apply(let path): return "apply -f \(ActionParser.quoteIfNeeded(path))"
        case .advance(let ms): return "advance \(VirtualDuration.format(ms))"
        case .settle: return "settle"
        case .failReadiness(let r): return "fail-readiness \(r)\(ns(r))"
        case .recoverReadiness(let r): return "recover-readiness \(r)\(ns(r))"
        case .crash(let r, let loop): return "crash \(r)\(loop ? " --loop" : "")\(ns(r))"
        case .failNode(let n): return "fail node/\(n)"
        case .recoverNode(let n): return "recover node/\(n)"
        case .cordon(let n): return "cordon node/\(n)"
        case .uncordon(let n): return "uncordon node/\(n)"
        case .drain(let n): return "drain node/\(n)"
        case .load(let url, let rps, let ms):
            return "load \(ActionParser.quoteIfNeeded(url)) --rps \(rps)\(ms.map { " --for \(VirtualDuration.format($0))" } ?? "")"
        case .stopLoad(let url): return "load stop\(url.map { " \(ActionParser.quoteIfNeeded($0))" } ?? "")"
        }
    }

    /// One line per action, for `?` help and the README.
    public static let reference: [(String, String)] = [
        ("scale KIND/NAME --replicas=N", "deployment, replicaset, statefulset or replicationcontroller"),
        ("delete KIND/NAME [--grace-period=S]", "pods terminate gracefully; other objects cascade"),
        ("kill pod/NAME", "the pod vanishes at once (a crash, k9s ctrl-k)"),
        ("apply -f PATH", "create or update objects from a file or directory"),
        ("advance DURATION", "move virtual time: 500ms, 30s, 2m"),
        ("settle", "run until nothing is pending"),
        ("fail-readiness pod/NAME", "its readiness probe starts failing"),
        ("recover-readiness pod/NAME", "its readiness probe passes again"),
        ("crash pod/NAME [--loop]", "the container exits; restarts with back-off (--loop: keeps crashing)"),
        ("fail node/NAME", "the node stops reporting: NotReady, pods evicted after 5m"),
        ("recover node/NAME", "the node reports again"),
        ("cordon node/NAME | uncordon node/NAME", "stop or resume scheduling onto it"),
        ("drain node/NAME", "cordon and evict its pods"),
        ("load URL --rps N [--for DURATION]", "send N requests a second to URL in virtual time (see the traffic counters)"),
        ("load stop [URL]", "stop the load to URL, or every load"),
    ]
}
