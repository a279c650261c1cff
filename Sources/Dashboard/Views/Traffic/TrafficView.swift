import ClusterStore
import KubeModel
import Simulation

/// The traffic view (`:traffic`): what the simulated load did per Service and per pod — requests a second over the
/// last 10 s, errors by kind, the share that succeeded, and a sparkline of the last minute. Each Service is followed
/// by the pods its requests went to, so a killed pod stays listed (with its failed requests) after it is gone. Rows
/// are in namespace/name order: a tree, like the topology, so column sorting does not apply.
enum TrafficView {
    /// The rate is averaged over this many whole seconds before the current one.
    static let rateSeconds = 10
    /// Characters of the sparkline; the 60 one-second buckets are summed three at a time, so it fits beside the
    /// numbers at 80 columns.
    static let sparklineWidth = 20
    static let startHint = ":load http://shop.example.com/api --rps 50"

    static func table(_ ctx: ViewContext) -> TableModel {
        let columns = ctx.leadingColumns() + [
            Column("REQ/S", alignRight: true, volatile: true),
            Column("REQUESTS", alignRight: true, priority: 2, volatile: true),
            Column("ERRORS", alignRight: true, volatile: true),
            Column("SUCCESS", alignRight: true, volatile: true),
            Column("ERROR KINDS", priority: 1, flexible: true, volatile: true),
            Column("LAST MINUTE", volatile: true),
        ]
        func model(_ rows: [Row], empty: String) -> TableModel {
            TableModel(title: ViewKind.traffic.title, scopeLabel: ctx.scopeLabel, columns: columns, rows: rows,
                       emptyText: empty, sortable: false)
        }
        guard case .counters(let stats, let elapsedMs) = ctx.traffic else {
            if case .unavailable(let why) = ctx.traffic { return model([], empty: why) }
            return model([], empty: "")
        }
        let noLoad = "No load is running. Start one from the prompt, e.g. \(startHint)"
        guard stats.total.requests > 0 else { return model([], empty: noLoad) }

        let second = elapsedMs / 1000
        func inScope(_ key: ObjectKey) -> Bool { ctx.namespace == nil || key.namespace == ctx.namespace }
        var rows: [Row] = []
        var unrouted = Tally(stats.total, second: second)
        var nested = Set<ObjectKey>()
        for service in stats.services.keys.sorted() {
            let tally = Tally(stats.services[service] ?? TrafficCounters(), second: second)
            unrouted.subtract(tally)
            let pods = (stats.servicePods[service] ?? []).sorted()
            nested.formUnion(pods)
            guard inScope(service) else { continue }
            rows.append(serviceRow(service, tally, ctx: ctx))
            for (i, pod) in pods.enumerated() {
                let branch = i == pods.count - 1 ? ctx.glyphs.treeLast : ctx.glyphs.treeBranch
                let podTally = Tally(stats.pods[pod] ?? TrafficCounters(), second: second)
                rows.append(podRow(pod, podTally, branch: branch, parent: "traffic/svc/\(service)/", ctx: ctx))
            }
        }
        // Pods reached without a Service (a pod IP traced directly) stand on their own.
        for pod in stats.pods.keys.sorted() where !nested.contains(pod) {
            let tally = Tally(stats.pods[pod] ?? TrafficCounters(), second: second)
            unrouted.subtract(tally)
            if inScope(pod) { rows.append(podRow(pod, tally, branch: "", parent: "traffic/", ctx: ctx)) }
        }
        // Requests that never reached a Service or pod (no Ingress rule, unknown host) belong to no namespace.
        if ctx.namespace == nil, unrouted.requests > 0 {
            let name = "(no Service reached)"
            rows.append(Row(key: "traffic/unrouted", cells: (ctx.showsNamespace ? ["-", name] : [name]) + unrouted.cells(ctx.glyphs),
                            status: unrouted.recentErrors > 0 ? .error : .normal))
        }
        return model(rows, empty: noLoad)
    }

    private static func serviceRow(_ key: ObjectKey, _ tally: Tally, ctx: ViewContext) -> Row {
        let service = ctx.state.services[key]
        let name = "Service \(key.name)" + (service == nil ? " (gone)" : "")
        var status: RowStatus = .normal
        if tally.recentErrors > 0 { status = tally.recentRequests > tally.recentErrors ? .pending : .error }
        return Row(
            key: "traffic/svc/\(key)", cells: (ctx.showsNamespace ? [key.namespace, name] : [name]) + tally.cells(ctx.glyphs),
            status: status, labels: service?.metadata.labels ?? [:],
            ref: service.map { _ in ObjectRef(type: .service, namespace: key.namespace, name: key.name) },
            drill: service.map { _ in .page(Page(view: .endpoints, scope: .service(key))) },
            traceURL: service.flatMap(ServicesView.traceURL))
    }

    private static func podRow(_ key: ObjectKey, _ tally: Tally, branch: String, parent: String, ctx: ViewContext) -> Row {
        let pod = ctx.state.pods[key]
        // Under a Service the tree says what it is; a pod on its own says it (and 80 columns keep the sparkline).
        let name = branch + (branch.isEmpty ? "Pod " : "") + key.name + (pod == nil ? " (gone)" : "")
        // Any failed request in the last minute marks the pod: that is what a kill looks like from the client.
        let status: RowStatus = tally.recentErrors > 0 ? .error : pod == nil ? .completed : .normal
        return Row(
            key: "\(parent)pod/\(key)", cells: (ctx.showsNamespace ? [key.namespace, name] : [name]) + tally.cells(ctx.glyphs),
            status: status, labels: pod?.metadata.labels ?? [:],
            ref: pod.map { _ in ObjectRef(type: .pod, namespace: key.namespace, name: key.name) })
    }

    /// One row's numbers: lifetime totals and the last minute per second (oldest first).
    struct Tally {
        var requests: Int
        var successes: Int
        var errors: [String: Int]
        var perSecond: [(requests: Int, errors: Int)]

        init(_ c: TrafficCounters, second: Int64) {
            requests = c.requests
            successes = c.successes
            errors = c.errors
            perSecond = c.window.perSecond(endingAt: second)
        }

        mutating func subtract(_ other: Tally) {
            requests -= other.requests
            successes -= other.successes
            for (kind, n) in other.errors {
                errors[kind, default: 0] -= n
                if errors[kind] == 0 { errors[kind] = nil }
            }
            for i in perSecond.indices where i < other.perSecond.count {
                perSecond[i].requests -= other.perSecond[i].requests
                perSecond[i].errors -= other.perSecond[i].errors
            }
        }

        var errorCount: Int { errors.values.reduce(0, +) }
        var recentRequests: Int { perSecond.reduce(0) { $0 + $1.requests } }
        var recentErrors: Int { perSecond.reduce(0) { $0 + $1.errors } }

        /// Requests a second over the whole seconds before the current one, which is still filling.
        var rate: String {
            let done = perSecond.dropLast().suffix(TrafficView.rateSeconds)
            let tenths = done.reduce(0) { $0 + $1.requests } * 10 / TrafficView.rateSeconds
            return "\(tenths / 10).\(tenths % 10)"
        }

        /// Rounded down, so a single failure never shows as 100%.
        var success: String {
            guard requests > 0 else { return "-" }
            let tenths = successes * 1000 / requests
            return "\(tenths / 10).\(tenths % 10)%"
        }

        var kinds: String {
            let parts = errors.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return parts.isEmpty ? "-" : parts.joined(separator: ", ")
        }

        func cells(_ glyphs: Glyphs) -> [String] {
            [rate, String(requests), String(errorCount), success, kinds,
             Sparkline.render(perSecond.map(\.requests), width: TrafficView.sparklineWidth, glyphs: glyphs)]
        }
    }
}
