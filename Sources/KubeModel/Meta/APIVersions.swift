/// A manifest asks for a kind at a version the API server does not serve: worded as kubectl reports it, plus a hint
/// when the version was removed in a known release.
public struct APIVersionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    public var apiVersion: String
    public var hint: String?

    public init(kind: String, apiVersion: String, hint: String? = nil) {
        self.kind = kind
        self.apiVersion = apiVersion
        self.hint = hint
    }

    /// Where in the document the problem is, so manifest errors can point at the line.
    public var path: FieldPath { FieldPath.root.child("apiVersion") }

    public var description: String {
        "no matches for kind \"\(kind)\" in version \"\(apiVersion)\"" + (hint.map { " (\($0))" } ?? "")
    }
}

/// Group versions that Kubernetes has stopped serving, from the deprecated API migration guide.
enum RemovedAPIVersions {
    struct Removal {
        let release: String
        let replacement: String
    }

    /// apiVersion → kind → removal; a kind missing from a removed version still gets "no matches", without a hint.
    static let table: [String: [String: Removal]] = {
        var t: [String: [String: Removal]] = [:]
        func add(_ apiVersion: String, _ kinds: [String], _ release: String, _ replacement: String) {
            for kind in kinds { t[apiVersion, default: [:]][kind] = Removal(release: release, replacement: replacement) }
        }
        add("extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], "1.16", "use apps/v1")
        add("extensions/v1beta1", ["NetworkPolicy"], "1.16", "use networking.k8s.io/v1")
        add("extensions/v1beta1", ["PodSecurityPolicy"], "1.16", "PodSecurityPolicy itself was removed in 1.25; use Pod Security Admission")
        add("extensions/v1beta1", ["Ingress"], "1.22", "use networking.k8s.io/v1")
        add("apps/v1beta1", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"], "1.16", "use apps/v1")
        add("apps/v1beta2", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"], "1.16", "use apps/v1")
        add("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.22", "use networking.k8s.io/v1")
        add("admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.22", "use admissionregistration.k8s.io/v1")
        add("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.22", "use apiextensions.k8s.io/v1")
        add("apiregistration.k8s.io/v1beta1", ["APIService"], "1.22", "use apiregistration.k8s.io/v1")
        add("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.22", "use certificates.k8s.io/v1")
        add("coordination.k8s.io/v1beta1", ["Lease"], "1.22", "use coordination.k8s.io/v1")
        add("rbac.authorization.k8s.io/v1beta1", ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], "1.22", "use rbac.authorization.k8s.io/v1")
        add("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.22", "use scheduling.k8s.io/v1")
        add("storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.22", "use storage.k8s.io/v1")
        add("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.27", "use storage.k8s.io/v1")
        add("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.25", "use discovery.k8s.io/v1")
        add("policy/v1beta1", ["PodDisruptionBudget"], "1.25", "use policy/v1")
        add("policy/v1beta1", ["PodSecurityPolicy"], "1.25", "use Pod Security Admission")
        add("batch/v1beta1", ["CronJob"], "1.25", "use batch/v1")
        add("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.25", "use autoscaling/v2")
        add("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.26", "use autoscaling/v2")
        add("events.k8s.io/v1beta1", ["Event"], "1.25", "use events.k8s.io/v1")
        add("node.k8s.io/v1beta1", ["RuntimeClass"], "1.25", "use node.k8s.io/v1")
        add("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "use flowcontrol.apiserver.k8s.io/v1")
        add("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "use flowcontrol.apiserver.k8s.io/v1")
        add("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.32", "use flowcontrol.apiserver.k8s.io/v1")
        return t
    }()

    /// Groups that belong to Kubernetes itself: no CRD can add a kind to them, so a modelled kind in the wrong one
    /// is a mistake rather than a custom resource.
    static let builtInGroups: Set<String> = [
        "", "apps", "batch", "extensions", "policy", "autoscaling", "networking.k8s.io", "discovery.k8s.io",
        "events.k8s.io", "node.k8s.io", "storage.k8s.io", "rbac.authorization.k8s.io", "scheduling.k8s.io",
        "coordination.k8s.io", "certificates.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io",
        "apiregistration.k8s.io", "flowcontrol.apiserver.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
        "resource.k8s.io", "storagemigration.k8s.io", "internal.apiserver.k8s.io",
    ]

    /// Built-in kinds that share a modelled kind's name in another group, kept generic.
    static let servedElsewhere: Set<String> = ["events.k8s.io/v1 Event"]

    static func error(kind: String, apiVersion: String) -> APIVersionError? {
        if let versions = table[apiVersion] {
            let hint = versions[kind].map { "removed in Kubernetes \($0.release); \($0.replacement)" }
            return APIVersionError(kind: kind, apiVersion: apiVersion, hint: hint)
        }
        return nil
    }
}
