import Simulation

/// The load counters a source publishes with its snapshot: a live simulator's, or none (a replay).
public enum TrafficFeed: Sendable, Hashable {
    /// The simulator's counters and its virtual time (ms since the epoch), which the one-second buckets are keyed by.
    case counters(TrafficStats, elapsedMs: Int64)
    /// The source keeps no counters; the text says why and what to do instead.
    case unavailable(String)

    /// A recording holds the cluster's objects, not the requests that flowed through it.
    public static let replay = TrafficFeed.unavailable(
        "This replay has no traffic counters: a recording keeps the cluster's objects, not its requests. "
            + "Press b to branch into a live simulation, then start a load there.")

    /// No load has run yet.
    public static let none = TrafficFeed.counters(TrafficStats(), elapsedMs: 0)
}
