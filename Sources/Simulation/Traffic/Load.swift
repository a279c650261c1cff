import KubeModel

/// A running `load URL --rps N [--for D]`.
struct LoadGenerator: Sendable {
    var id: Int
    var request: HTTPRequest
    var rps: Int
    var untilMs: Int64?
    /// Thousandths of a request owed from earlier ticks, so 15 rps at 100 ms ticks sends 15 a second, not 10 or 20.
    var carry: Int64 = 0

    var info: LoadInfo { LoadInfo(id: id, url: request.url, rps: rps, untilMs: untilMs) }
}

extension Simulator {
    /// Starts a load: from the next tick on, `rps` requests a second go to `url` in virtual time.
    mutating func startLoad(url: String, rps: Int, durationMs: Int64?) throws {
        let request = try HTTPRequest.parse(url)
        let load = LoadGenerator(id: dataPath.nextLoadID, request: request, rps: rps,
                                 untilMs: durationMs.map { elapsedMs + $0 })
        dataPath.nextLoadID += 1
        dataPath.loads.append(load)
        traffic.loads = dataPath.loads.map(\.info)
        if dataPath.tickDue == nil {
            dataPath.tickDue = elapsedMs + config.trafficTickMs
            schedule(.traffic(loadID: 0), afterMs: config.trafficTickMs)
        }
    }

    /// Stops the loads to `url` (all loads when nil). Their counters stay.
    mutating func stopLoad(url: String?) throws {
        let before = dataPath.loads.count
        if let url {
            let target = try HTTPRequest.parse(url)
            dataPath.loads.removeAll { $0.request.url == target.url || $0.request == target }
            guard dataPath.loads.count < before else {
                throw SimulationError.notFound("load stop: no load is running to \(url)")
            }
        } else {
            dataPath.loads.removeAll()
        }
        traffic.loads = dataPath.loads.map(\.info)
    }

    /// One tick: each load sends the requests its rate owes for the tick, all at this instant. The entry (which
    /// Service, which Ingress controller) is worked out once per load and tick; each request then gets its own
    /// Ingress lookup and kube-proxy choice, and outcomes are counted in batches.
    mutating func runTrafficTick() {
        dataPath.tickDue = nil
        let tick = config.trafficTickMs
        var kept: [LoadGenerator] = []
        for var load in dataPath.loads {
            let windowEnd = load.untilMs.map { min($0, elapsedMs) } ?? elapsedMs
            let sentMs = max(0, windowEnd - (elapsedMs - tick))
            load.carry += Int64(load.rps) * sentMs
            let count = Int(load.carry / 1000)
            load.carry %= 1000
            if count > 0 { sendBatch(load.request, count: count) }
            if let until = load.untilMs, until <= elapsedMs { continue }
            kept.append(load)
        }
        dataPath.loads = kept
        traffic.loads = kept.map(\.info)
        if !kept.isEmpty {
            dataPath.tickDue = elapsedMs + tick
            schedule(.traffic(loadID: 0), afterMs: tick)
        }
    }

    private mutating func sendBatch(_ request: HTTPRequest, count: Int) {
        let entry = resolveEntry(request, client: .external)
        // Requests with the same fate are counted together: most of a batch lands on a handful of pods.
        var tally: [TallyKey: (Trace, Int)] = [:]
        var order: [TallyKey] = []
        for _ in 0..<count {
            let t = follow(request, entry: entry, client: .external)
            let k = TallyKey(outcome: t.outcome, service: t.service, pod: t.pod)
            if let existing = tally[k] {
                tally[k] = (existing.0, existing.1 + 1)
            } else {
                tally[k] = (t, 1)
                order.append(k)
            }
        }
        for k in order {
            let (t, n) = tally[k]!
            traffic.record(t, count: n, atMs: elapsedMs)
        }
    }

    private struct TallyKey: Hashable {
        var outcome: TraceOutcome
        var service: ObjectKey?
        var pod: ObjectKey?
    }
}
