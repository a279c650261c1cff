import ClusterStore
import KubeModel
import Simulation

/// kubectl describe for Pods, Deployments, ReplicaSets, StatefulSets and DaemonSets.
enum WorkloadDescriber {
    static func pod(_ p: Pod, state: ClusterState, into t: inout DescribeText) {
        DescribeFormat.addHeader(&t, p.metadata)
        t.line(0, "Priority:", "0")
        t.line(0, "Service Account:", p.spec.unmodeled["serviceAccountName"]?.stringValue ?? "default")
        let node = p.spec.nodeName.map { n in
            "\(n)/\(p.status.hostIP ?? state.nodes[ObjectKey(namespace: "", name: n)]?.internalIP ?? "")"
        }
        t.line(0, "Node:", node ?? "<none>")
        t.line(0, "Start Time:", p.status.startTime.map(DescribeFormat.time) ?? "<unset>")
        t.map(0, "Labels:", p.metadata.labels)
        t.map(0, "Annotations:", p.metadata.annotations, separator: ": ")
        if let deletion = p.metadata.deletionTimestamp {
            t.line(0, "Status:", "Terminating (lasts \(Format.age(deletion, now: state.now)))")
            let grace = p.metadata.deletionGracePeriodSeconds ?? p.spec.terminationGracePeriodSeconds ?? 30
            t.line(0, "Termination Grace Period:", "\(grace)s")
        } else {
            t.line(0, "Status:", p.status.phase.rawValue)
        }
        if let reason = p.status.reason { t.line(0, "Reason:", reason) }
        if let message = p.status.message { t.line(0, "Message:", message) }
        t.line(0, "IP:", p.status.podIP ?? "")
        // A heading line without a value ends the aligned block, as in kubectl (the nested IP aligns with what follows).
        if let ip = p.status.podIP {
            t.line(0, "IPs:")
            t.line(1, "IP:", ip)
        } else {
            t.line(0, "IPs:", "<none>")
        }
        if let owner = p.metadata.controllerRef { t.line(0, "Controlled By:", "\(owner.kind)/\(owner.name)") }
        t.line(0, "Containers:")
        for c in p.spec.containers {
            let status = p.status.containerStatuses.first { $0.name == c.name }
            t.line(1, "\(c.name):")
            t.line(2, "Image:", c.image)
            addPorts(c, level: 2, into: &t)
            if let status {
                addState("State:", status.state, into: &t)
                if let last = status.lastState { addState("Last State:", last, into: &t) }
                t.line(2, "Ready:", status.ready ? "True" : "False")
                t.line(2, "Restart Count:", String(status.restartCount))
            } else {
                t.line(2, "State:", "Waiting")
                t.line(3, "Reason:", "ContainerCreating")
                t.line(2, "Ready:", "False")
                t.line(2, "Restart Count:", "0")
            }
            if let probe = c.readinessProbe { t.line(2, "Readiness:", probeText(probe)) }
            addEnvironment(c, level: 2, into: &t)
        }
        t.line(0, "Conditions:")
        t.line(1, "Type", "Status")
        for cond in p.status.conditions { t.line(1, cond.type, cond.status) }
        t.line(0, "QoS Class:", "BestEffort")
        t.line(0, "Node-Selectors:", DescribeFormat.selector(p.spec.nodeSelector))
        t.line(0, "Tolerations:", "node.kubernetes.io/not-ready:NoExecute op=Exists for 300s")
        t.line(0, "", "node.kubernetes.io/unreachable:NoExecute op=Exists for 300s")
        DescribeFormat.addEvents(&t, meta: p.metadata, kind: "Pod", state: state)
    }

    static func addState(_ title: String, _ state: ContainerStatus.State, into t: inout DescribeText) {
        switch state {
        case .running(let started):
            t.line(2, title, "Running")
            t.line(3, "Started:", DescribeFormat.time(started))
        case .waiting(let reason, let message):
            t.line(2, title, "Waiting")
            t.line(3, "Reason:", reason)
            if let message { t.line(3, "Message:", message) }
        case .terminated(let reason, let code, let started, let finished):
            t.line(2, title, "Terminated")
            t.line(3, "Reason:", reason)
            t.line(3, "Exit Code:", String(code))
            t.line(3, "Started:", DescribeFormat.time(started))
            t.line(3, "Finished:", DescribeFormat.time(finished))
        }
    }

    static func addPorts(_ c: Container, level: Int, into t: inout DescribeText) {
        let ports = c.ports.map { "\($0.containerPort)/\($0.protocol)" + ($0.name.map { " (\($0))" } ?? "") }
        let hostPorts = c.ports.map { "\($0.hostPort ?? 0)/\($0.protocol)" }
        if ports.count > 1 {
            t.line(level, "Ports:", ports.joined(separator: ", "))
            t.line(level, "Host Ports:", hostPorts.joined(separator: ", "))
        } else {
            t.line(level, "Port:", ports.first ?? "<none>")
            t.line(level, "Host Port:", hostPorts.first ?? "<none>")
        }
    }

    static func addEnvironment(_ c: Container, level: Int, into t: inout DescribeText) {
        let env = c.unmodeled["env"]?.arrayValue ?? []
        guard !env.isEmpty else {
            t.line(level, "Environment:", "<none>")
            return
        }
        t.line(level, "Environment:")
        for item in env {
            let name = item["name"]?.stringValue ?? "?"
            if let value = item["value"]?.stringValue {
                t.line(level + 1, "\(name):", value)
            } else if let field = item["valueFrom"]?["fieldRef"]?["fieldPath"]?.stringValue {
                t.line(level + 1, "\(name):", "(v1:\(field))")
            } else {
                t.line(level + 1, "\(name):", "<set to a reference>")
            }
        }
    }

    /// `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`.
    static func probeText(_ p: Probe) -> String {
        var handler = "unknown"
        if let http = p.unmodeled["httpGet"] {
            let scheme = (http["scheme"]?.stringValue ?? "HTTP").lowercased()
            let port = http["port"]?.stringValue ?? http["port"]?.intValue.map { String($0) } ?? ""
            handler = "http-get \(scheme)://\(http["host"]?.stringValue ?? ""):\(port)\(http["path"]?.stringValue ?? "")"
        } else if let tcp = p.unmodeled["tcpSocket"] {
            handler = "tcp-socket :\(tcp["port"]?.stringValue ?? tcp["port"]?.intValue.map { String($0) } ?? "")"
        } else if let exec = p.unmodeled["exec"] {
            let command = exec["command"]?.arrayValue?.compactMap(\.stringValue) ?? []
            handler = "exec [\(command.joined(separator: " "))]"
        } else if let grpc = p.unmodeled["grpc"] {
            handler = "grpc <pod>:\(grpc["port"]?.intValue.map { String($0) } ?? "")"
        }
        return "\(handler) delay=\(p.initialDelaySeconds)s timeout=\(p.timeoutSeconds)s period=\(p.periodSeconds)s "
            + "#success=\(p.successThreshold) #failure=\(p.failureThreshold)"
    }

    /// `Pod Template:` as kubectl's DescribePodTemplate prints it (container names at three spaces, a kubectl quirk).
    static func podTemplate(_ template: PodTemplateSpec, into t: inout DescribeText) {
        t.line(0, "Pod Template:")
        t.map(1, "Labels:", template.metadata.labels)
        if !template.metadata.annotations.isEmpty {
            t.map(1, "Annotations:", template.metadata.annotations, separator: ": ")
        }
        t.line(1, "Containers:")
        for c in template.spec.containers {
            t.line(0, "   \(c.name):")
            t.line(2, "Image:", c.image)
            addPorts(c, level: 2, into: &t)
            if let probe = c.readinessProbe { t.line(2, "Readiness:", probeText(probe)) }
            addEnvironment(c, level: 2, into: &t)
        }
        t.line(1, "Node-Selectors:", DescribeFormat.selector(template.spec.nodeSelector))
    }

    static func conditions(_ list: [WorkloadCondition], into t: inout DescribeText) {
        guard !list.isEmpty else { return }
        t.line(0, "Conditions:")
        t.line(1, "Type", "Status", "Reason")
        t.line(1, "----", "------", "------")
        for c in list { t.line(1, c.type, c.status, c.reason ?? "") }
    }

    static func podsStatus(_ pods: [Pod]) -> String {
        let running = pods.filter { $0.status.phase == .running }.count
        let waiting = pods.filter { $0.status.phase == .pending }.count
        let succeeded = pods.filter { $0.status.phase == .succeeded }.count
        let failed = pods.filter { $0.status.phase == .failed }.count
        return "\(running) Running / \(waiting) Waiting / \(succeeded) Succeeded / \(failed) Failed"
    }

    static func replicaSets(of d: Deployment, state: ClusterState) -> [ReplicaSet] {
        state.replicaSets.owned(by: d.metadata.uid).sorted { revision($0) > revision($1) }
    }

    static func revision(_ rs: ReplicaSet) -> Int { Int(rs.metadata.annotations["deployment.kubernetes.io/revision"] ?? "") ?? 0 }

    /// The ReplicaSet of the newest revision (the deployment controller's "new" one).
    static func newReplicaSet(_ sets: [ReplicaSet]) -> ReplicaSet? { sets.max { revision($0) < revision($1) } }

    static func deployment(_ d: Deployment, replicaSets: [ReplicaSet], state: ClusterState, into t: inout DescribeText) {
        DescribeFormat.addHeader(&t, d.metadata)
        t.line(0, "CreationTimestamp:", DescribeFormat.time(d.metadata.creationTimestamp))
        t.map(0, "Labels:", d.metadata.labels)
        t.map(0, "Annotations:", d.metadata.annotations, separator: ": ")
        t.line(0, "Selector:", DescribeFormat.selector(d.spec.selector))
        let s = d.status
        t.line(0, "Replicas:", "\(d.spec.desiredReplicas) desired | \(s.updatedReplicas) updated | \(s.replicas) total | "
               + "\(s.availableReplicas) available | \(s.unavailableReplicas) unavailable")
        t.line(0, "StrategyType:", d.spec.strategy.type.rawValue)
        t.line(0, "MinReadySeconds:", String(d.spec.minReadySeconds))
        if let ru = d.spec.strategy.rollingUpdate {
            t.line(0, "RollingUpdateStrategy:", "\(ru.maxUnavailable) max unavailable, \(ru.maxSurge) max surge")
        }
        podTemplate(d.spec.template, into: &t)
        conditions(s.conditions, into: &t)
        let newest = newReplicaSet(replicaSets)
        let old = replicaSets.filter { $0.metadata.name != newest?.metadata.name && ($0.spec.replicas ?? 0) > 0 }
        func created(_ rs: ReplicaSet) -> String {
            "\(rs.metadata.name) (\(rs.status.replicas)/\(rs.spec.desiredReplicas) replicas created)"
        }
        t.line(0, "OldReplicaSets:", old.isEmpty ? "<none>" : old.map(created).joined(separator: ", "))
        t.line(0, "NewReplicaSet:", newest.map(created) ?? "<none>")
        DescribeFormat.addEvents(&t, meta: d.metadata, kind: "Deployment", state: state)
    }

    static func replicaSet(_ r: ReplicaSet, state: ClusterState, into t: inout DescribeText) {
        DescribeFormat.addHeader(&t, r.metadata)
        t.line(0, "Selector:", DescribeFormat.selector(r.spec.selector))
        t.map(0, "Labels:", r.metadata.labels)
        t.map(0, "Annotations:", r.metadata.annotations, separator: ": ")
        if let owner = r.metadata.controllerRef { t.line(0, "Controlled By:", "\(owner.kind)/\(owner.name)") }
        t.line(0, "Replicas:", "\(r.status.replicas) current / \(r.spec.desiredReplicas) desired")
        t.line(0, "Pods Status:", podsStatus(state.pods.owned(by: r.metadata.uid)))
        podTemplate(r.spec.template, into: &t)
        conditions(r.status.conditions, into: &t)
        DescribeFormat.addEvents(&t, meta: r.metadata, kind: "ReplicaSet", state: state)
    }

    static func statefulSet(_ s: StatefulSet, state: ClusterState, into t: inout DescribeText) {
        DescribeFormat.addHeader(&t, s.metadata)
        t.line(0, "CreationTimestamp:", DescribeFormat.time(s.metadata.creationTimestamp))
        t.line(0, "Selector:", DescribeFormat.selector(s.spec.selector))
        t.map(0, "Labels:", s.metadata.labels)
        t.map(0, "Annotations:", s.metadata.annotations, separator: ": ")
        t.line(0, "Replicas:", "\(s.spec.desiredReplicas) desired | \(s.status.replicas) total")
        t.line(0, "Update Strategy:", s.spec.updateStrategy.type.rawValue)
        if s.spec.updateStrategy.type == .rollingUpdate { t.line(1, "Partition:", String(s.spec.updateStrategy.partition)) }
        t.line(0, "Pods Status:", podsStatus(state.pods.owned(by: s.metadata.uid)))
        podTemplate(s.spec.template, into: &t)
        if s.spec.volumeClaimTemplates.isEmpty {
            t.line(0, "Volume Claims:", "<none>")
        } else {
            t.line(0, "Volume Claims:")
        }
        for claim in s.spec.volumeClaimTemplates {
            t.line(1, "Name:", claim["metadata"]?["name"]?.stringValue ?? "?")
        }
        DescribeFormat.addEvents(&t, meta: s.metadata, kind: "StatefulSet", state: state)
    }

    static func daemonSet(_ d: DaemonSet, state: ClusterState, into t: inout DescribeText) {
        DescribeFormat.addHeader(&t, d.metadata)
        t.line(0, "Selector:", DescribeFormat.selector(d.spec.selector))
        t.line(0, "Node-Selector:", DescribeFormat.selector(d.spec.template.spec.nodeSelector))
        t.map(0, "Labels:", d.metadata.labels)
        t.map(0, "Annotations:", d.metadata.annotations, separator: ": ")
        let s = d.status
        t.line(0, "Desired Number of Nodes Scheduled: \(s.desiredNumberScheduled)")
        t.line(0, "Current Number of Nodes Scheduled: \(s.currentNumberScheduled)")
        t.line(0, "Number of Nodes Scheduled with Up-to-date Pods: \(s.updatedNumberScheduled)")
        t.line(0, "Number of Nodes Scheduled with Available Pods: \(s.numberAvailable)")
        t.line(0, "Number of Nodes Misscheduled: \(s.numberMisscheduled)")
        t.line(0, "Pods Status:", podsStatus(state.pods.owned(by: d.metadata.uid)))
        podTemplate(d.spec.template, into: &t)
        DescribeFormat.addEvents(&t, meta: d.metadata, kind: "DaemonSet", state: state)
    }
}
