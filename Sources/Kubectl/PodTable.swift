import KubeModel

/// The READY, STATUS and RESTARTS of a pod as kubectl computes them (printPod in
/// k8s.io/kubernetes/pkg/printers/internalversion/printers.go), for tables and for views that show pods.
public struct PodSummary: Sendable, Hashable {
    /// `1/2`: containers ready and running over containers in the spec.
    public var ready: String
    /// The phase, or a more telling reason: a container's waiting reason (`ContainerCreating`, `CrashLoopBackOff`),
    /// its terminated reason (`Completed`, `Error`), `Terminating` while being deleted, `Unknown` on a lost node.
    public var status: String
    /// `0`, or `2 (15s ago)` when a container has terminated before.
    public var restarts: String
    public var restartCount: Int

    public init(_ pod: Pod, now: Timestamp) {
        var reason = pod.status.phase.rawValue
        if let r = pod.status.reason, !r.isEmpty { reason = r }
        for c in pod.status.conditions where c.type == "PodScheduled" && c.reason == "SchedulingGated" {
            reason = "SchedulingGated"
        }
        var restarts = 0
        var readyContainers = 0
        var lastRestart: Timestamp?
        var hasRunning = false
        for container in pod.status.containerStatuses.reversed() {
            restarts += container.restartCount
            if case .terminated(_, _, _, let finishedAt)? = container.lastState,
               lastRestart.map({ $0 < finishedAt }) ?? true {
                lastRestart = finishedAt
            }
            switch container.state {
            case .waiting(let r, _) where !r.isEmpty:
                reason = r
            case .terminated(let r, _, _, _) where !r.isEmpty:
                reason = r
            case .terminated(_, let exitCode, _, _):
                reason = "ExitCode:\(exitCode)"
            case .running where container.ready:
                hasRunning = true
                readyContainers += 1
            default:
                break
            }
        }
        if reason == "Completed" && hasRunning {
            reason = pod.status.isReady ? "Running" : "NotReady"
        }
        if pod.metadata.deletionTimestamp != nil && pod.status.reason == "NodeLost" {
            reason = "Unknown"
        } else if pod.metadata.deletionTimestamp != nil && pod.status.phase != .succeeded && pod.status.phase != .failed {
            reason = "Terminating"
        }
        self.ready = "\(readyContainers)/\(pod.spec.containers.count)"
        self.status = reason
        self.restartCount = restarts
        if restarts != 0, let lastRestart {
            self.restarts = "\(restarts) (\(HumanDuration.since(lastRestart, now: now)) ago)"
        } else {
            self.restarts = String(restarts)
        }
    }
}

enum PodTable {
    static let table = KindTable(
        columns: ["NAME", "READY", "STATUS", "RESTARTS", "AGE", TableColumn("IP", wideOnly: true),
                  TableColumn("NODE", wideOnly: true), TableColumn("NOMINATED NODE", wideOnly: true),
                  TableColumn("READINESS GATES", wideOnly: true)],
        cells: { object, ctx in
            guard case .pod(let pod) = object else { return [object.metadata.name] }
            let summary = PodSummary(pod, now: ctx.now)
            let ip = pod.status.podIP.flatMap { $0.isEmpty ? nil : $0 } ?? Cells.none
            let node = pod.spec.nodeName.flatMap { $0.isEmpty ? nil : $0 } ?? Cells.none
            return [pod.metadata.name, summary.ready, summary.status, summary.restarts, Cells.age(object, ctx),
                    ip, node, Cells.none, readinessGates(pod)]
        })

    /// `1/2`: readiness gates whose condition is True, over gates; `<none>` without gates.
    static func readinessGates(_ pod: Pod) -> String {
        guard let gates = pod.spec.unmodeled["readinessGates"]?.arrayValue, !gates.isEmpty else { return Cells.none }
        let trueCount = gates.filter { gate in
            guard let type = gate["conditionType"]?.stringValue else { return false }
            return pod.status.condition(type)?.isTrue ?? false
        }.count
        return "\(trueCount)/\(gates.count)"
    }
}
