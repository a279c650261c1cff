import ClusterStore
import KubeModel
import Simulation

/// kubectl's column formatting for the fields the views show (printers in k8s.io/kubernetes/pkg/printers/internalversion).
enum Format {
    static func age(_ t: Timestamp?, now: Timestamp) -> String {
        guard let t else { return "<unknown>" }
        return VirtualDuration.age(now.milliseconds - t.milliseconds)
    }

    static func orNone(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "<none>" }
        return s
    }

    // MARK: Pods

    static func podReady(_ pod: Pod) -> String {
        let ready = pod.status.containerStatuses.filter(\.ready).count
        return "\(ready)/\(pod.spec.containers.count)"
    }

    /// The STATUS column: the pod's reason, else the last interesting container state, else the phase;
    /// `Terminating` while being deleted.
    static func podStatus(_ pod: Pod) -> String {
        var reason = pod.status.reason ?? pod.status.phase.rawValue
        var hasRunning = false
        for cs in pod.status.containerStatuses.reversed() {
            switch cs.state {
            case .waiting(let r, _) where !r.isEmpty: reason = r
            case .terminated(let r, let code, _, _): reason = r.isEmpty ? "ExitCode:\(code)" : r
            case .running where cs.ready: hasRunning = true
            default: break
            }
        }
        if reason == "Completed", hasRunning {
            reason = pod.status.isReady ? "Running" : "NotReady"
        }
        if pod.metadata.deletionTimestamp != nil {
            reason = pod.status.reason == "NodeLost" ? "Unknown" : "Terminating"
        }
        return reason
    }

    /// RESTARTS: the total, and how long ago the last one was (`2 (45s ago)`).
    static func podRestarts(_ pod: Pod, now: Timestamp) -> String {
        let total = pod.status.containerStatuses.reduce(0) { $0 + $1.restartCount }
        var last: Timestamp?
        for cs in pod.status.containerStatuses where cs.restartCount > 0 {
            if case .terminated(_, _, _, let finished)? = cs.lastState, last.map({ finished > $0 }) ?? true {
                last = finished
            }
        }
        guard total > 0, let last else { return String(total) }
        return "\(total) (\(age(last, now: now)) ago)"
    }

    static func podRowStatus(_ pod: Pod, status: String) -> RowStatus {
        if pod.metadata.deletionTimestamp != nil { return .terminating }
        switch pod.status.phase {
        case .failed: return .error
        case .succeeded: return .completed
        default: break
        }
        switch status {
        case "CrashLoopBackOff", "Error", "ErrImagePull", "ImagePullBackOff", "OOMKilled", "CreateContainerConfigError",
             "InvalidImageName", "Unknown":
            return .error
        case "Completed": return .completed
        default: break
        }
        return pod.status.isReady ? .normal : .pending
    }

    // MARK: Services

    static func clusterIP(_ s: Service) -> String {
        if s.spec.type == .externalName { return orNone(s.spec.clusterIP) }
        return orNone(s.spec.clusterIP)
    }

    static func externalIP(_ s: Service) -> String {
        let external = s.spec.externalIPs
        switch s.spec.type {
        case .clusterIP, .nodePort:
            return external.isEmpty ? "<none>" : external.joined(separator: ",")
        case .loadBalancer:
            let lb = s.loadBalancerIngress.compactMap { $0.ip ?? $0.hostname }
            let all = lb + external
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case .externalName:
            return orNone(s.spec.externalName)
        }
    }

    static func ports(_ s: Service) -> String {
        guard !s.spec.ports.isEmpty else { return "<none>" }
        return s.spec.ports.map { p in
            if let np = p.nodePort { return "\(p.port):\(np)/\(p.protocol)" }
            return "\(p.port)/\(p.protocol)"
        }.joined(separator: ",")
    }

    static func selector(_ s: Service) -> String {
        guard let sel = s.spec.selector, !sel.isEmpty else { return "<none>" }
        return sel.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Ready and total endpoints of a Service across its EndpointSlices (addresses counted once).
    static func endpointCounts(_ state: ClusterState, service: ObjectKey, portName: String? = nil) -> (ready: Int, total: Int) {
        var ready = Set<String>()
        var all = Set<String>()
        for slice in slices(state, service: service) {
            if let portName, !slice.ports.contains(where: { ($0.name ?? "") == portName }) { continue }
            for ep in slice.endpoints {
                guard let address = ep.addresses.first else { continue }
                all.insert(address)
                if ep.conditions.ready ?? true { ready.insert(address) }
            }
        }
        return (ready.count, all.count)
    }

    static func slices(_ state: ClusterState, service: ObjectKey) -> [EndpointSlice] {
        state.endpointSlices.matching([EndpointSlice.serviceNameLabel: service.name], in: service.namespace)
            .sorted { $0.metadata.name < $1.metadata.name }
    }

    // MARK: Workloads

    static func ratio(_ a: Int, _ b: Int) -> String { "\(a)/\(b)" }

    static func workloadStatus(ready: Int, desired: Int, terminating: Bool) -> RowStatus {
        if terminating { return .terminating }
        if desired == 0 { return .completed }
        return ready < desired ? .pending : .normal
    }

    // MARK: Nodes

    static func nodeStatus(_ n: Node) -> String {
        var s = n.status.condition("Ready").map { $0.isTrue ? "Ready" : ($0.status == "Unknown" ? "NotReady" : "NotReady") } ?? "Unknown"
        if n.spec.unschedulable { s += ",SchedulingDisabled" }
        return s
    }

    static func nodeRoles(_ n: Node) -> String {
        let prefix = "node-role.kubernetes.io/"
        var roles = n.metadata.labels.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        if let role = n.metadata.labels["kubernetes.io/role"] { roles.append(role) }
        roles = roles.filter { !$0.isEmpty }
        return roles.isEmpty ? "<none>" : Set(roles).sorted().joined(separator: ",")
    }
}
