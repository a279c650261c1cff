import Testing
@testable import KubeModel

/// Workload validation: selectors, the template they must select, replicas, and the pod template itself.
@Suite struct ValidationWorkloadTests {
    static func template(_ labels: [String: String], restartPolicy: String = "Always",
                         containers: [Container] = [Container(name: "web", image: "nginx")]) -> PodTemplateSpec {
        var spec = PodSpec(containers: containers)
        spec.restartPolicy = restartPolicy
        return PodTemplateSpec(metadata: ObjectMeta(name: "", labels: labels), spec: spec)
    }

    static let meta = ObjectMeta(name: "web", namespace: "default")
    static let app = LabelSelector(["app": "web"])

    static func deployment(replicas: Int? = nil, selector: LabelSelector = app,
                           template: PodTemplateSpec = template(["app": "web"])) -> Deployment {
        Deployment(metadata: meta, spec: DeploymentSpec(replicas: replicas, selector: selector, template: template))
    }

    static let mismatch = "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: `selector` does not match template `labels`"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var errors: [String]
        var validate: @Sendable () -> [FieldError]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a valid Deployment", errors: []) { Validation.deployment(deployment(replicas: 3)) },
        Case(name: "zero replicas is valid", errors: []) { Validation.deployment(deployment(replicas: 0)) },
        Case(name: "negative replicas", errors: ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]) {
            Validation.deployment(deployment(replicas: -1))
        },
        Case(name: "selector must match template labels", errors: [mismatch]) {
            Validation.deployment(deployment(template: template(["app": "x"])))
        },
        Case(name: "template may carry extra labels", errors: []) {
            Validation.deployment(deployment(template: template(["app": "web", "tier": "fe"])))
        },
        Case(name: "expressions must match too",
             errors: ["spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\", \"tier\":\"fe\"}: `selector` does not match template `labels`"]) {
            Validation.deployment(deployment(
                selector: LabelSelector(matchExpressions: [.init(key: "tier", op: .notIn, values: ["fe"])]),
                template: template(["app": "web", "tier": "fe"])))
        },
        Case(name: "empty selector",
             errors: ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"]) {
            Validation.deployment(deployment(selector: LabelSelector()))
        },
        Case(name: "In needs values",
             errors: ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
                      "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"]) {
            Validation.deployment(deployment(selector: LabelSelector(matchExpressions: [.init(key: "app", op: .in, values: [])])))
        },
        Case(name: "Exists takes no values",
             errors: ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]) {
            Validation.deployment(deployment(selector: LabelSelector(matchExpressions: [.init(key: "app", op: .exists, values: ["x"])])))
        },
        Case(name: "workloads restart Always",
             errors: ["spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\""]) {
            Validation.deployment(deployment(template: template(["app": "web"], restartPolicy: "OnFailure")))
        },
        Case(name: "container names, images and ports",
             errors: ["spec.template.spec.containers[0].ports[0].name: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                      "spec.template.spec.containers[0].ports[0].name: Invalid value: \"HTTP\": must contain at least one letter (a-z)",
                      "spec.template.spec.containers[0].ports[1].containerPort: Required value",
                      "spec.template.spec.containers[1].name: Duplicate value: \"web\"",
                      "spec.template.spec.containers[1].image: Required value"]) {
            Validation.deployment(deployment(template: template(["app": "web"], containers: [
                Container(name: "web", image: "nginx", ports: [ContainerPort(name: "HTTP", containerPort: 80), ContainerPort(containerPort: 0)]),
                Container(name: "web", image: ""),
            ])))
        },
        Case(name: "ReplicaSet's empty selector message says deployment, as the API server's does",
             errors: ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"]) {
            Validation.replicaSet(ReplicaSet(metadata: meta, spec: ReplicaSetSpec(selector: LabelSelector(), template: template(["app": "web"]))))
        },
        Case(name: "StatefulSet without serviceName is valid", errors: []) {
            Validation.statefulSet(StatefulSet(metadata: meta, spec: StatefulSetSpec(replicas: 2, selector: app, template: template(["app": "web"]))))
        },
        Case(name: "StatefulSet selector mismatch", errors: [mismatch]) {
            Validation.statefulSet(StatefulSet(metadata: meta, spec: StatefulSetSpec(serviceName: "web", selector: app, template: template(["app": "x"]))))
        },
        Case(name: "DaemonSet selector mismatch", errors: [mismatch]) {
            Validation.daemonSet(DaemonSet(metadata: meta, spec: DaemonSetSpec(selector: app, template: template(["app": "x"]))))
        },
        Case(name: "ReplicationController selector defaults to template labels", errors: []) {
            Validation.replicationController(ReplicationController(metadata: meta, spec: ReplicationControllerSpec(selector: [:], template: template(["app": "web"]))))
        },
        Case(name: "ReplicationController needs a selector or template labels", errors: ["spec.selector: Required value"]) {
            Validation.replicationController(ReplicationController(metadata: meta, spec: ReplicationControllerSpec(selector: [:], template: template([:]))))
        },
        Case(name: "ReplicationController selector mismatch", errors: [mismatch]) {
            Validation.replicationController(ReplicationController(metadata: meta, spec: ReplicationControllerSpec(replicas: 1, selector: ["app": "web"], template: template(["app": "x"]))))
        },
    ]

    @Test(arguments: cases)
    func workload(_ c: Case) {
        #expect(c.validate().map(\.description) == c.errors)
    }

    @Test func simpleValueForms() {
        #expect(Validation.workloadSelector(nil, kind: "deployment").map(\.description) == ["spec.selector: Required value"])
        #expect(Validation.replicas(nil).isEmpty)
        #expect(Validation.replicas(-2).map(\.description) == ["spec.replicas: Invalid value: -2: must be greater than or equal to 0"])
        #expect(Validation.selectorMatchesTemplate(LabelSelector(), templateLabels: [:]).isEmpty)
        #expect(Validation.selectorMatchesTemplate(["app": "web"], templateLabels: [:]).map(\.description) == [
            "spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`",
        ])
    }

    @Test func podRestartPolicies() {
        var spec = PodSpec(containers: [Container(name: "job", image: "busybox")])
        spec.restartPolicy = "OnFailure"
        #expect(Validation.pod(Pod(metadata: Self.meta, spec: spec)).isEmpty)
        spec.restartPolicy = "Sometimes"
        #expect(Validation.pod(Pod(metadata: Self.meta, spec: spec)).map(\.description) == [
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"",
        ])
    }
}
