// apps/v1 Deployment, ReplicaSet, StatefulSet, DaemonSet and core/v1 ReplicationController: the selector, the
// template it must select, and replica counts (pkg/apis/apps/validation, ValidateReplicationControllerSpec).

extension Validation {
    /// An apps/v1 `spec.selector`: required, not empty, well formed. `kind` is the word the API server uses in
    /// "empty selector is invalid for …" — note ReplicaSets say "deployment" there, as the API server does.
    public static func workloadSelector(_ selector: LabelSelector?, kind: String,
                                        at path: FieldPath = specPath.child("selector")) -> [FieldError] {
        guard let selector else { return [required(path)] }
        var errs = labelSelector(selector, at: path)
        if selector.isEmpty { errs.append(invalid(path, .raw(selector.goValue), "empty selector is invalid for \(kind)")) }
        return errs
    }

    /// The template's labels must satisfy the selector, or the controller could never see its own pods.
    /// `at` is the template (`spec.template`); the error names `spec.template.metadata.labels`.
    public static func selectorMatchesTemplate(_ selector: LabelSelector, templateLabels: [String: String],
                                               at path: FieldPath = specPath.child("template")) -> [FieldError] {
        guard !selector.isEmpty, !selector.matches(templateLabels) else { return [] }
        return [selectorMismatch(templateLabels, at: path)]
    }

    /// The same rule for a ReplicationController's map selector.
    public static func selectorMatchesTemplate(_ selector: [String: String], templateLabels: [String: String],
                                               at path: FieldPath = specPath.child("template")) -> [FieldError] {
        guard !selector.isEmpty, !LabelSelector.matches(selector, templateLabels) else { return [] }
        return [selectorMismatch(templateLabels, at: path)]
    }

    private static func selectorMismatch(_ labels: [String: String], at path: FieldPath) -> FieldError {
        invalid(path.child("metadata").child("labels"), .raw(goMap(labels)), "`selector` does not match template `labels`")
    }

    /// `spec.replicas` (nil means the default of 1).
    public static func replicas(_ replicas: Int?, at path: FieldPath = specPath.child("replicas")) -> [FieldError] {
        replicas.map { nonNegative($0, at: path) } ?? []
    }

    /// A workload's pod template: labels valid, pod spec valid, and restartPolicy Always (a controller that
    /// keeps N replicas running cannot manage pods that are meant to finish).
    public static func workloadTemplate(_ template: PodTemplateSpec,
                                        at path: FieldPath = specPath.child("template")) -> [FieldError] {
        var errs = labels(template.metadata.labels, at: path.child("metadata").child("labels"))
        errs += annotations(template.metadata.annotations, at: path.child("metadata").child("annotations"))
        errs += podSpec(template.spec, at: path.child("spec"))
            .filter { $0.path != path.child("spec").child("restartPolicy") }
        if template.spec.restartPolicy != "Always" {
            errs.append(notSupported(path.child("spec").child("restartPolicy"), template.spec.restartPolicy, ["Always"]))
        }
        return errs
    }

    public static func deployment(_ d: Deployment) -> [FieldError] {
        objectMeta(d.metadata, namespaced: true, nameRule: .dns1123Subdomain)
            + replicas(d.spec.replicas)
            + workloadSelector(d.spec.selector, kind: "deployment")
            + selectorMatchesTemplate(d.spec.selector, templateLabels: d.spec.template.metadata.labels)
            + workloadTemplate(d.spec.template)
            + nonNegative(d.spec.minReadySeconds, at: specPath.child("minReadySeconds"))
    }

    public static func replicaSet(_ rs: ReplicaSet) -> [FieldError] {
        objectMeta(rs.metadata, namespaced: true, nameRule: .dns1123Subdomain)
            + replicas(rs.spec.replicas)
            + nonNegative(rs.spec.minReadySeconds, at: specPath.child("minReadySeconds"))
            + workloadSelector(rs.spec.selector, kind: "deployment")
            + selectorMatchesTemplate(rs.spec.selector, templateLabels: rs.spec.template.metadata.labels)
            + workloadTemplate(rs.spec.template)
    }

    /// `serviceName` may be empty: since Kubernetes 1.31 a StatefulSet need not name a governing Service.
    public static func statefulSet(_ sts: StatefulSet) -> [FieldError] {
        objectMeta(sts.metadata, namespaced: true, nameRule: .dns1123Subdomain)
            + replicas(sts.spec.replicas)
            + workloadSelector(sts.spec.selector, kind: "statefulset")
            + selectorMatchesTemplate(sts.spec.selector, templateLabels: sts.spec.template.metadata.labels)
            + workloadTemplate(sts.spec.template)
            + nonNegative(sts.spec.minReadySeconds, at: specPath.child("minReadySeconds"))
    }

    public static func daemonSet(_ ds: DaemonSet) -> [FieldError] {
        objectMeta(ds.metadata, namespaced: true, nameRule: .dns1123Subdomain)
            + workloadSelector(ds.spec.selector, kind: "daemonset")
            + selectorMatchesTemplate(ds.spec.selector, templateLabels: ds.spec.template.metadata.labels)
            + workloadTemplate(ds.spec.template)
            + nonNegative(ds.spec.minReadySeconds, at: specPath.child("minReadySeconds"))
    }

    /// A ReplicationController's selector defaults to its template's labels, so only "both empty" is an error.
    public static func replicationController(_ rc: ReplicationController) -> [FieldError] {
        let selector = rc.spec.selector.isEmpty ? rc.spec.template.metadata.labels : rc.spec.selector
        var errs = objectMeta(rc.metadata, namespaced: true, nameRule: .dns1123Subdomain)
        if selector.isEmpty { errs.append(required(specPath.child("selector"))) }
        errs += labels(selector, at: specPath.child("selector"))
        errs += replicas(rc.spec.replicas)
        errs += nonNegative(rc.spec.minReadySeconds, at: specPath.child("minReadySeconds"))
        errs += selectorMatchesTemplate(selector, templateLabels: rc.spec.template.metadata.labels)
        errs += workloadTemplate(rc.spec.template)
        return errs
    }
}
