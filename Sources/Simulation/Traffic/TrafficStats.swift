import KubeModel

/// Requests and errors per virtual second over the last minute: a ring of 60 one-second buckets.
public struct TrafficWindow: Sendable, Hashable {
    public static let seconds = 60

    private var requests = [Int](repeating: 0, count: TrafficWindow.seconds)
    private var errors = [Int](repeating: 0, count: TrafficWindow.seconds)
    /// The virtual second (ms / 1000) of the newest bucket; -1 before the first request.
    public private(set) var newestSecond: Int64 = -1

    public init() {}

    mutating func record(second: Int64, requests r: Int, errors e: Int) {
        if second > newestSecond {
            let gap = newestSecond < 0 ? Int64(Self.seconds) : min(Int64(Self.seconds), second - newestSecond)
            for s in (second - gap + 1)...second {
                let i = Self.slot(s)
                requests[i] = 0
                errors[i] = 0
            }
            newestSecond = second
        }
        guard second > newestSecond - Int64(Self.seconds), second >= 0 else { return }
        let i = Self.slot(second)
        requests[i] += r
        errors[i] += e
    }

    private static func slot(_ second: Int64) -> Int {
        let n = Int64(seconds)
        return Int((second % n + n) % n)
    }

    /// The last 60 seconds up to and including `second`, oldest first: (requests, errors) per second.
    public func perSecond(endingAt second: Int64) -> [(requests: Int, errors: Int)] {
        let first = second - Int64(Self.seconds) + 1
        return (first...second).map { s in
            guard s >= 0, s <= newestSecond, s > newestSecond - Int64(Self.seconds) else { return (0, 0) }
            let i = Self.slot(s)
            return (requests[i], errors[i])
        }
    }
}

/// Counters for one Service, one pod, or the whole cluster.
public struct TrafficCounters: Sendable, Hashable {
    public var requests = 0
    public var successes = 0
    /// Failed requests by `TraceOutcome` raw value ("connection-failed", "no-endpoints", "no-route" …).
    public var errors: [String: Int] = [:]
    public var window = TrafficWindow()

    public init() {}

    public var errorCount: Int { errors.values.reduce(0, +) }

    mutating func record(_ outcome: TraceOutcome, count: Int, second: Int64) {
        requests += count
        if outcome.isSuccess {
            successes += count
        } else {
            errors[outcome.rawValue, default: 0] += count
        }
        window.record(second: second, requests: count, errors: outcome.isSuccess ? 0 : count)
    }
}

/// A load the simulator is running, as the dashboard lists it.
public struct LoadInfo: Sendable, Hashable {
    public var id: Int
    public var url: String
    public var rps: Int
    /// Virtual ms at which it stops by itself (`--for`), nil if it runs until stopped.
    public var untilMs: Int64?
}

/// What simulated load has done so far, for the dashboard's traffic view: a value, copied out with the simulator
/// (Sendable). Requests count against the last Service they went through (the backend, not the ingress
/// controller's Service) and the pod that got them; a request that found no Service or pod counts only in `total`.
public struct TrafficStats: Sendable, Hashable {
    public internal(set) var total = TrafficCounters()
    public internal(set) var services: [ObjectKey: TrafficCounters] = [:]
    public internal(set) var pods: [ObjectKey: TrafficCounters] = [:]
    /// The pods each Service's requests went to, so a view can nest pods under their Service even after a pod is
    /// gone (a killed pod's failed requests are the point of watching).
    public internal(set) var servicePods: [ObjectKey: Set<ObjectKey>] = [:]
    /// Loads running now, by id.
    public internal(set) var loads: [LoadInfo] = []

    public init() {}

    mutating func record(_ trace: Trace, count: Int = 1, atMs ms: Int64) {
        let second = ms / 1000
        total.record(trace.outcome, count: count, second: second)
        if let service = trace.service { services[service, default: TrafficCounters()].record(trace.outcome, count: count, second: second) }
        if let pod = trace.pod { pods[pod, default: TrafficCounters()].record(trace.outcome, count: count, second: second) }
        if let service = trace.service, let pod = trace.pod { servicePods[service, default: []].insert(pod) }
    }
}
