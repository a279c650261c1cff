import ClusterStore
import KubeModel
import Simulation

/// kubectl describe for Nodes and Namespaces, and a generic page for other kinds.
enum ClusterDescriber {
    static func node(_ n: Node, state: ClusterState, into t: inout DescribeText) {
        t.line(0, "Name:", n.metadata.name)
        t.line(0, "Roles:", Format.nodeRoles(n))
        t.map(0, "Labels:", n.metadata.labels)
        t.map(0, "Annotations:", n.metadata.annotations, separator: ": ")
        t.line(0, "CreationTimestamp:", DescribeFormat.time(n.metadata.creationTimestamp))
        let taints = n.spec.taints.map { taint in
            let key = taint["key"]?.stringValue ?? ""
            let value = taint["value"]?.stringValue.map { "=\($0)" } ?? ""
            return "\(key)\(value):\(taint["effect"]?.stringValue ?? "")"
        }
        t.line(0, "Taints:", taints.first ?? "<none>")
        for taint in taints.dropFirst() { t.line(0, "", taint) }
        t.line(0, "Unschedulable:", n.spec.unschedulable ? "true" : "false")
        t.line(0, "Conditions:")
        t.line(1, "Type", "Status", "LastHeartbeatTime", "LastTransitionTime", "Reason", "Message")
        t.line(1, "----", "------", "-----------------", "------------------", "------", "-------")
        for c in n.status.conditions {
            t.line(1, c.type, c.status, DescribeFormat.time(c.lastHeartbeatTime), DescribeFormat.time(c.lastTransitionTime),
                   c.reason ?? "", c.message ?? "")
        }
        t.line(0, "Addresses:")
        for a in n.status.addresses { t.line(1, "\(a.type):", a.address) }
        for (title, values) in [("Capacity:", n.status.capacity), ("Allocatable:", n.status.allocatable)] where !values.isEmpty {
            t.line(0, title)
            for (k, v) in values.sorted(by: { $0.key < $1.key }) { t.line(1, "\(k):", v) }
        }
        if !n.status.nodeInfo.isEmpty {
            t.line(0, "System Info:")
            let labels = [("machineID", "Machine ID"), ("systemUUID", "System UUID"), ("bootID", "Boot ID"),
                          ("kernelVersion", "Kernel Version"), ("osImage", "OS Image"), ("operatingSystem", "Operating System"),
                          ("architecture", "Architecture"), ("containerRuntimeVersion", "Container Runtime Version"),
                          ("kubeletVersion", "Kubelet Version"), ("kubeProxyVersion", "Kube-Proxy Version")]
            for (key, label) in labels {
                if let v = n.status.nodeInfo[key]?.stringValue { t.line(1, "\(label):", v) }
            }
        }
        if let cidr = n.spec.podCIDR {
            t.line(0, "PodCIDR:", cidr)
            t.line(0, "PodCIDRs:", n.spec.podCIDRs.isEmpty ? cidr : n.spec.podCIDRs.joined(separator: ","))
        }
        let pods = state.pods.onNode(n.metadata.name)
            .filter { $0.status.phase != .succeeded && $0.status.phase != .failed }
            .sorted { $0.metadata.key < $1.metadata.key }
        t.line(0, "Non-terminated Pods:", "(\(pods.count) in total)")
        if !pods.isEmpty {
            t.line(1, "Namespace", "Name", "CPU Requests", "CPU Limits", "Memory Requests", "Memory Limits", "Age")
            t.line(1, "---------", "----", "------------", "----------", "---------------", "-------------", "---")
            for p in pods {
                t.line(1, p.metadata.namespace, p.metadata.name, "0 (0%)", "0 (0%)", "0 (0%)", "0 (0%)",
                       Format.age(p.metadata.creationTimestamp, now: state.now))
            }
        }
        DescribeFormat.addEvents(&t, meta: n.metadata, kind: "Node", state: state)
    }

    static func namespace(_ ns: Namespace, state: ClusterState, into t: inout DescribeText) {
        t.line(0, "Name:", ns.metadata.name)
        t.map(0, "Labels:", ns.metadata.labels)
        t.map(0, "Annotations:", ns.metadata.annotations, separator: ": ")
        t.line(0, "Status:", ns.metadata.isTerminating ? "Terminating" : "Active")
        t.blank()
        t.line(0, "No resource quota.")
        t.blank()
        t.line(0, "No LimitRange resource.")
    }

    /// Kinds without a dedicated describer: metadata and events.
    static func generic(_ object: KubeObject, type: ResourceType, state: ClusterState, into t: inout DescribeText) {
        let meta = object.metadata
        DescribeFormat.addHeader(&t, meta, namespaced: type.namespaced)
        t.map(0, "Labels:", meta.labels)
        t.map(0, "Annotations:", meta.annotations, separator: ": ")
        t.line(0, "API Version:", type.apiVersion)
        t.line(0, "Kind:", type.kind)
        if case .event(let e) = object {
            t.line(0, "Involved Object:", "\(e.involvedObject.kind ?? "")/\(e.involvedObject.name ?? "")")
            t.line(0, "Reason:", e.reason ?? "")
            t.line(0, "Message:", e.message ?? "")
            t.line(0, "Type:", e.type.rawValue)
            t.line(0, "Count:", String(e.count))
            t.line(0, "First Timestamp:", DescribeFormat.time(e.firstTimestamp))
            t.line(0, "Last Timestamp:", DescribeFormat.time(e.lastTimestamp))
            t.line(0, "Source:", e.sourceComponent ?? "")
            return
        }
        DescribeFormat.addEvents(&t, meta: meta, kind: type.kind, state: state)
    }
}
