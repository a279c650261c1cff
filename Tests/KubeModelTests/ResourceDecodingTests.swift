import Foundation
import Testing
@testable import KubeModel

// MARK: helpers

/// Parses JSON text into a JSONValue, keeping booleans, integers and floats apart.
private struct AnyJSON: Decodable {
    let value: JSONValue
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = .null }
        else if let b = try? c.decode(Bool.self) { value = .bool(b) }
        else if let i = try? c.decode(Int64.self) { value = .int(i) }
        else if let d = try? c.decode(Double.self) { value = .double(d) }
        else if let s = try? c.decode(String.self) { value = .string(s) }
        else if let a = try? c.decode([AnyJSON].self) { value = .array(a.map(\.value)) }
        else { value = .object(try c.decode([String: AnyJSON].self).mapValues(\.value)) }
    }
}

private func parse(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(AnyJSON.self, from: Data(text.utf8)).value
}

private func decode(_ text: String) throws -> (KubeObject, [FieldWarning]) {
    let context = DecodeContext()
    let object = try KubeObject.decode(parse(text), context: context)
    return (object, context.warnings)
}

/// The message a decoding failure would print.
private func failure(_ text: String) throws -> String {
    do {
        _ = try decode(text)
    } catch let e as FieldError {
        return e.description
    } catch let e as APIVersionError {
        return e.description
    }
    Issue.record("expected a decoding error")
    return ""
}

/// Serving an object and reading it back serves the same JSON: nothing a manifest said is lost or changed twice.
private func expectStableJSON(_ object: KubeObject, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let again = try KubeObject.decode(object.json(), context: DecodeContext())
    #expect(again.json() == object.json(), sourceLocation: sourceLocation)
}

private let podTemplate = #"""
{"metadata": {"labels": {"app": "web"}},
 "spec": {"containers": [{"name": "web", "image": "nginx:1.27", "ports": [{"name": "http", "containerPort": 8080}],
                          "env": [{"name": "MODE", "value": "prod"}]}]}}
"""#

// MARK: envelope and versions

@Test func missingApiVersionKindAndName() throws {
    #expect(try failure(#"{"kind": "Pod", "metadata": {"name": "a"}}"#) == "apiVersion: Required value")
    #expect(try failure(#"{"apiVersion": "v1", "metadata": {"name": "a"}}"#) == "kind: Required value")
    #expect(try failure(#"{"apiVersion": 1, "kind": "Pod"}"#) == "apiVersion: expected a string, got number")
    #expect(try failure(#"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {}}"#)
        == "metadata.name: Required value: name or generateName is required")
    #expect(try failure(#"{"apiVersion": "v1", "kind": "ConfigMap"}"#) == "metadata: Required value")
    #expect(try failure(#"["not", "an", "object"]"#) == "expected an object, got array")
}

@Test func removedAPIVersionsAreNamedWithTheirReplacement() throws {
    let ingress = #"{"apiVersion": "extensions/v1beta1", "kind": "Ingress", "metadata": {"name": "a"}}"#
    #expect(try failure(ingress)
        == #"no matches for kind "Ingress" in version "extensions/v1beta1" (removed in Kubernetes 1.22; use networking.k8s.io/v1)"#)
    #expect(try failure(#"{"apiVersion": "apps/v1beta2", "kind": "Deployment", "metadata": {"name": "a"}}"#)
        == #"no matches for kind "Deployment" in version "apps/v1beta2" (removed in Kubernetes 1.16; use apps/v1)"#)
    #expect(try failure(#"{"apiVersion": "autoscaling/v2beta2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "a"}}"#)
        == #"no matches for kind "HorizontalPodAutoscaler" in version "autoscaling/v2beta2" (removed in Kubernetes 1.26; use autoscaling/v2)"#)
    #expect(try failure(#"{"apiVersion": "discovery.k8s.io/v1beta1", "kind": "EndpointSlice", "metadata": {"name": "a"}}"#)
        == #"no matches for kind "EndpointSlice" in version "discovery.k8s.io/v1beta1" (removed in Kubernetes 1.25; use discovery.k8s.io/v1)"#)
    #expect(try failure(#"{"apiVersion": "apps/v2", "kind": "Deployment", "metadata": {"name": "a"}}"#)
        == #"no matches for kind "Deployment" in version "apps/v2""#)
    #expect(try failure(#"{"apiVersion": "v1", "kind": "Deployment", "metadata": {"name": "a"}}"#)
        == #"no matches for kind "Deployment" in version "v1""#)

    do {
        _ = try decode(ingress)
        Issue.record("expected an error")
    } catch let e as APIVersionError {
        #expect(e.path.description == "apiVersion")
        #expect(e.kind == "Ingress")
    }
}

@Test func unknownKindsAndGroupsAreKeptWhole() throws {
    let (hpa, warnings) = try decode(#"""
    {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
     "metadata": {"name": "web", "namespace": "shop"},
     "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "web"}, "minReplicas": 2, "maxReplicas": 5,
              "whatever": {"deeply": ["nested", 1, true]}}}
    """#)
    guard case .generic(let g) = hpa else { Issue.record("expected generic"); return }
    #expect(warnings.isEmpty)
    #expect(g.apiVersion == "autoscaling/v2")
    #expect(g.metadata.key == ObjectKey(namespace: "shop", name: "web"))
    #expect(g.body["spec"]?["maxReplicas"] == 5)
    #expect(g.resourceType.plural == "horizontalpodautoscalers")
    #expect(g.resourceType.group == "autoscaling")
    #expect(hpa.json()["spec"]?["whatever"]?["deeply"] == ["nested", 1, true])
    try expectStableJSON(hpa)

    // A custom resource may reuse a built-in kind's name in its own group.
    let (crd, _) = try decode(#"{"apiVersion": "example.com/v1", "kind": "Deployment", "metadata": {"name": "x"}}"#)
    guard case .generic = crd else { Issue.record("expected generic"); return }
    let (event, _) = try decode(#"{"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"name": "x"}}"#)
    guard case .generic = event else { Issue.record("expected generic"); return }
    let (np, _) = try decode(#"{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "x"}}"#)
    #expect(np.resourceType.kind == "NetworkPolicy")
}

@Test func kubeObjectMetadataCanBeReplaced() throws {
    var (object, _) = try decode(#"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}"#)
    object.metadata.labels["tier"] = "db"
    #expect(object.metadata.labels == ["tier": "db"])
    #expect(object.resourceType == .configMap)
}

// MARK: core kinds

@Test func serviceDefaultsAndErrors() throws {
    let (object, _) = try decode(#"""
    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
     "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}, {"name": "metrics", "port": 9090, "targetPort": "prom"}]}}
    """#)
    guard case .service(let svc) = object else { Issue.record("expected a service"); return }
    #expect(svc.spec.type == .clusterIP)
    #expect(svc.spec.ports[0].targetPort == .int(80))
    #expect(svc.spec.ports[0].protocol == "TCP")
    #expect(svc.spec.ports[1].targetPort == .string("prom"))

    #expect(try failure(#"""
    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
     "spec": {"ports": [{"port": 80, "targetPort": true}]}}
    """#) == "spec.ports[0].targetPort: expected an integer or a port name")

    let (_, warnings) = try decode(#"{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "w"}, "spce": {}}"#)
    #expect(warnings.map(\.description) == [#"spce: unknown field "spce""#])
}

@Test func namespaceIsActiveAndLabelledByName() throws {
    let (object, warnings) = try decode(#"{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}"#)
    guard case .namespace(var ns) = object else { Issue.record("expected a namespace"); return }
    #expect(warnings.isEmpty)
    #expect(ns.status.phase == .active)
    #expect(ns.metadata.labels["kubernetes.io/metadata.name"] == "shop")
    #expect(ns.json()["spec"] == ["finalizers": ["kubernetes"]])
    #expect(ns.json()["status"] == ["phase": "Active"])
    try expectStableJSON(.namespace(ns))
    ns.status.phase = .terminating
    #expect(ns.json()["status"]?["phase"] == "Terminating")
}

@Test func nodeAddressesConditionsAndQuantities() throws {
    let (object, warnings) = try decode(#"""
    {"apiVersion": "v1", "kind": "Node",
     "metadata": {"name": "worker-1", "labels": {"topology.kubernetes.io/zone": "eu-west-1a"}},
     "spec": {"podCIDR": "10.244.1.0/24", "providerID": "kind://worker-1",
              "taints": [{"key": "dedicated", "value": "db", "effect": "NoSchedule"}]},
     "status": {"addresses": [{"type": "Hostname", "address": "worker-1"}, {"type": "InternalIP", "address": "172.18.0.3"}],
                "conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady",
                                "lastHeartbeatTime": "2024-05-01T10:00:00Z", "lastTransitionTime": "2024-05-01T09:00:00Z"}],
                "capacity": {"cpu": 4, "memory": "8Gi", "pods": "110"},
                "allocatable": {"cpu": "3800m", "memory": "7Gi", "pods": 110},
                "nodeInfo": {"kubeletVersion": "v1.31.0", "osImage": "Debian GNU/Linux 12"},
                "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}}}}
    """#)
    guard case .node(let node) = object else { Issue.record("expected a node"); return }
    #expect(warnings.isEmpty)
    #expect(node.internalIP == "172.18.0.3")
    #expect(node.isReady)
    #expect(node.zone == "eu-west-1a")
    #expect(node.spec.podCIDRs == ["10.244.1.0/24"])
    #expect(node.status.capacity == ["cpu": "4", "memory": "8Gi", "pods": "110"])
    #expect(node.status.allocatable["pods"] == "110")
    #expect(node.status.conditions[0].lastHeartbeatTime == Timestamp(rfc3339: "2024-05-01T10:00:00Z"))
    #expect(node.status.nodeInfo["kubeletVersion"] == "v1.31.0")

    let json = node.json()
    #expect(json["spec"]?["podCIDRs"] == ["10.244.1.0/24"])
    #expect(json["spec"]?["providerID"] == "kind://worker-1")
    #expect(json["spec"]?["taints"]?.arrayValue?.count == 1)
    #expect(json["status"]?["daemonEndpoints"]?["kubeletEndpoint"]?["Port"] == 10250)
    #expect(json["status"]?["capacity"]?["cpu"] == "4")
    try expectStableJSON(object)

    #expect(try failure(#"""
    {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n"},
     "status": {"conditions": [{"type": "Ready", "status": "True", "lastHeartbeatTime": "yesterday"}]}}
    """#).hasPrefix(#"status.conditions[0].lastHeartbeatTime: Invalid value: "yesterday""#))
    #expect(try failure(#"""
    {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n"}, "status": {"capacity": {"cpu": [1]}}}
    """#) == "status.capacity.cpu: expected a quantity, got array")
}

@Test func endpointsSubsets() throws {
    let (object, warnings) = try decode(#"""
    {"apiVersion": "v1", "kind": "Endpoints", "metadata": {"name": "web", "namespace": "default"},
     "subsets": [{"addresses": [{"ip": "10.244.1.5", "nodeName": "worker-1",
                                 "targetRef": {"kind": "Pod", "namespace": "default", "name": "web-abc", "uid": "u1"}}],
                  "notReadyAddresses": [{"ip": "10.244.2.7"}],
                  "ports": [{"name": "http", "port": 8080, "appProtocol": "http"}]}]}
    """#)
    guard case .endpoints(let ep) = object else { Issue.record("expected endpoints"); return }
    #expect(warnings.isEmpty)
    let subset = ep.subsets[0]
    #expect(subset.addresses[0].targetRef?.name == "web-abc")
    #expect(subset.notReadyAddresses.map(\.ip) == ["10.244.2.7"])
    #expect(subset.ports[0] == EndpointPort(name: "http", port: 8080, protocol: "TCP", appProtocol: "http"))
    #expect(object.json()["subsets"]?.arrayValue?[0]["ports"] == [["name": "http", "port": 8080, "protocol": "TCP", "appProtocol": "http"]])
    try expectStableJSON(object)

    #expect(try failure(#"""
    {"apiVersion": "v1", "kind": "Endpoints", "metadata": {"name": "w"}, "subsets": [{"ports": [{"name": "x"}]}]}
    """#) == "subsets[0].ports[0].port: Required value")
    #expect(Endpoints(metadata: ObjectMeta(name: "e")).json()["subsets"] == nil)
}

@Test func secretNeverPrintsItsData() throws {
    let (object, _) = try decode(#"""
    {"apiVersion": "v1", "kind": "Secret",
     "metadata": {"name": "db", "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{\"data\":{\"password\":\"aHVudGVyMg==\"}}"}},
     "data": {"password": "aHVudGVyMg=="}, "stringData": {"user": "admin-s3cret"}}
    """#)
    guard case .secret(let secret) = object else { Issue.record("expected a secret"); return }
    #expect(secret.type == "Opaque")
    #expect(secret.value("password") == Data("hunter2".utf8))
    #expect(secret.data["user"] == Data("admin-s3cret".utf8).base64EncodedString())
    #expect(object.json()["stringData"] == nil)
    #expect(object.json()["type"] == "Opaque")

    for text in [String(describing: secret), String(reflecting: secret), String(describing: object),
                 String(reflecting: object), { var s = ""; dump(secret, to: &s); return s }()] {
        #expect(!text.contains("aHVudGVyMg"))
        #expect(!text.contains("s3cret"))
        #expect(text.contains("password"))
    }

    let leaky = try failure(#"""
    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}, "stringData": {"pin": 123456}}
    """#)
    #expect(leaky == "stringData.pin: expected a string, got number")
    let badBase64 = try failure(#"""
    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}, "data": {"token": "not base64 hunter2!"}}
    """#)
    #expect(badBase64 == "data.token: illegal base64 data")
}

@Test func configMapAndServiceAccount() throws {
    let (cm, warnings) = try decode(#"""
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"},
     "data": {"nginx.conf": "server {}"}, "binaryData": {"logo.png": "iVBORw0KGgo="}, "immutable": true}
    """#)
    guard case .configMap(let config) = cm else { Issue.record("expected a configmap"); return }
    #expect(warnings.isEmpty)
    #expect(config.data["nginx.conf"] == "server {}")
    #expect(config.immutable == true)
    try expectStableJSON(cm)
    #expect(try failure(#"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"replicas": 3}}"#)
        == "data.replicas: expected a string, got number 3 (quote it)")

    let (sa, _) = try decode(#"""
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "builder"},
     "secrets": [{"name": "builder-token"}], "imagePullSecrets": [{"name": "registry"}],
     "automountServiceAccountToken": false}
    """#)
    guard case .serviceAccount(let account) = sa else { Issue.record("expected a serviceaccount"); return }
    #expect(account.secrets.map(\.name) == ["builder-token"])
    #expect(account.automountServiceAccountToken == false)
    #expect(sa.json()["imagePullSecrets"] == [["name": "registry"]])
    try expectStableJSON(sa)
}

@Test func eventFieldsAndServedShape() throws {
    let (object, warnings) = try decode(#"""
    {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "web-abc.17c1", "namespace": "default"},
     "involvedObject": {"kind": "Pod", "namespace": "default", "name": "web-abc", "uid": "u1", "apiVersion": "v1",
                        "fieldPath": "spec.containers{web}"},
     "reason": "Unhealthy", "message": "Readiness probe failed", "type": "Warning", "count": 3,
     "source": {"component": "kubelet", "host": "worker-1"},
     "firstTimestamp": "2024-05-01T10:00:00Z", "lastTimestamp": "2024-05-01T10:00:30Z"}
    """#)
    guard case .event(let event) = object else { Issue.record("expected an event"); return }
    #expect(warnings.isEmpty)
    #expect(event.type == .warning)
    #expect(event.count == 3)
    #expect(event.involvedObject.fieldPath == "spec.containers{web}")
    #expect(event.sourceHost == "worker-1")
    let json = object.json()
    #expect(json["eventTime"] == .null)
    #expect(json["reportingComponent"] == "")
    #expect(json["source"] == ["component": "kubelet", "host": "worker-1"])
    try expectStableJSON(object)
    #expect(try failure(#"{"apiVersion": "v1", "kind": "Event", "metadata": {"name": "e"}, "type": "Info"}"#)
        == #"type: Unsupported value: "Info": supported values: "Normal", "Warning""#)
}

// MARK: workloads

@Test func deploymentDefaultsAsServed() throws {
    let (object, warnings) = try decode(#"""
    {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"},
     "spec": {"selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate)}}
    """#)
    guard case .deployment(let deploy) = object else { Issue.record("expected a deployment"); return }
    #expect(warnings.isEmpty)
    #expect(deploy.spec.replicas == nil)
    #expect(deploy.spec.desiredReplicas == 1)
    #expect(deploy.spec.strategy.rollingUpdate == RollingUpdateLimits(maxSurge: .string("25%"), maxUnavailable: .string("25%")))
    let spec = object.json()["spec"]
    #expect(spec?["replicas"] == 1)
    #expect(spec?["revisionHistoryLimit"] == 10)
    #expect(spec?["progressDeadlineSeconds"] == 600)
    #expect(spec?["strategy"] == ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"]])
    #expect(spec?["minReadySeconds"] == nil)
    #expect(spec?["template"]?["spec"]?["containers"]?.arrayValue?[0]["env"] == [["name": "MODE", "value": "prod"]])
    #expect(object.json()["status"] == [:])
    try expectStableJSON(object)

    var status = DeploymentStatus()
    status.replicas = 3
    status.readyReplicas = 3
    status.conditions = [WorkloadCondition(type: "Available", status: true, lastUpdateTime: Timestamp(seconds: 0),
                                           lastTransitionTime: Timestamp(seconds: 0), reason: "MinimumReplicasAvailable")]
    #expect(status.json()["conditions"]?.arrayValue?[0]["lastUpdateTime"] == "1970-01-01T00:00:00Z")
    #expect(status.json()["updatedReplicas"] == nil)
}

@Test func deploymentStrategyAndSelectorErrors() throws {
    func deployment(_ spec: String) -> String {
        #"{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": \#(spec)}"#
    }
    #expect(try failure(deployment(#"{"template": \#(podTemplate)}"#)) == "spec.selector: Required value")
    #expect(try failure(#"{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}}"#)
        == "spec.selector: Required value")
    #expect(try failure(deployment(#"{"selector": {"matchLabels": {"app": "web"}}}"#)) == "spec.template: Required value")
    #expect(try failure(deployment(#"""
    {"selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate),
     "strategy": {"type": "Recreate", "rollingUpdate": {"maxSurge": 1}}}
    """#)) == "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'")
    #expect(try failure(deployment(#"""
    {"selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate), "strategy": {"type": "BlueGreen"}}
    """#)) == #"spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate""#)
    #expect(try failure(deployment(#"""
    {"selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate),
     "strategy": {"rollingUpdate": {"maxSurge": "lots"}}}
    """#)).hasPrefix(#"spec.strategy.rollingUpdate.maxSurge: Invalid value: "lots": a valid percent string"#))
    #expect(try failure(deployment(#"""
    {"selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate),
     "strategy": {"rollingUpdate": {"maxSurge": 0, "maxUnavailable": "0%"}}}
    """#)) == #"spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0"#)
    #expect(try failure(deployment(#"{"replicas": "3", "selector": {"matchLabels": {"app": "web"}}}"#))
        == #"spec.replicas: expected an integer, got string "3""#)

    let (_, warnings) = try decode(deployment(#"""
    {"replica": 3, "selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate)}
    """#))
    #expect(warnings.map(\.description) == [#"spec.replica: unknown field "spec.replica""#])
}

@Test func percentagesScaleLikeTheDeploymentController() {
    #expect(IntOrString.string("25%").scaled(total: 10, roundUp: true) == 3)
    #expect(IntOrString.string("25%").scaled(total: 10, roundUp: false) == 2)
    #expect(IntOrString.int(2).scaled(total: 10, roundUp: true) == 2)
    #expect(IntOrString.string("x").scaled(total: 10, roundUp: true) == nil)
}

@Test func replicaSetAndReplicationController() throws {
    let (rsObject, _) = try decode(#"""
    {"apiVersion": "apps/v1", "kind": "ReplicaSet",
     "metadata": {"name": "web-5d4f8", "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "web",
                                                           "uid": "u1", "controller": true}]},
     "spec": {"replicas": 3, "minReadySeconds": 5, "selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate)}}
    """#)
    guard case .replicaSet(let rs) = rsObject else { Issue.record("expected a replicaset"); return }
    #expect(rs.spec.desiredReplicas == 3)
    #expect(rs.metadata.controllerRef?.name == "web")
    #expect(rsObject.json()["status"] == ["replicas": 0])
    #expect(rsObject.json()["spec"]?["minReadySeconds"] == 5)
    try expectStableJSON(rsObject)

    let (rcObject, _) = try decode(#"""
    {"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"name": "legacy"},
     "spec": {"replicas": 2, "template": \#(podTemplate)}}
    """#)
    guard case .replicationController(let rc) = rcObject else { Issue.record("expected an rc"); return }
    #expect(rc.spec.selector == ["app": "web"])
    #expect(rc.metadata.labels == ["app": "web"])
    #expect(rcObject.json()["spec"]?["selector"] == ["app": "web"])
    try expectStableJSON(rcObject)
}

@Test func statefulSetDefaults() throws {
    let (object, warnings) = try decode(#"""
    {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
     "spec": {"serviceName": "db", "replicas": 3, "selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate),
              "volumeClaimTemplates": [{"metadata": {"name": "data"},
                                        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}],
              "ordinals": {"start": 5}}}
    """#)
    guard case .statefulSet(let sts) = object else { Issue.record("expected a statefulset"); return }
    #expect(warnings.isEmpty)
    #expect(sts.spec.podManagementPolicy == .orderedReady)
    #expect(sts.spec.updateStrategy == StatefulSetUpdateStrategy(type: .rollingUpdate, partition: 0))
    #expect(sts.spec.startOrdinal == 5)
    let spec = object.json()["spec"]
    #expect(spec?["podManagementPolicy"] == "OrderedReady")
    #expect(spec?["updateStrategy"] == ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]])
    #expect(spec?["persistentVolumeClaimRetentionPolicy"] == ["whenDeleted": "Retain", "whenScaled": "Retain"])
    #expect(spec?["volumeClaimTemplates"]?.arrayValue?[0]["metadata"]?["name"] == "data")
    #expect(object.json()["status"] == ["replicas": 0, "availableReplicas": 0])
    try expectStableJSON(object)

    #expect(try failure(#"""
    {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
     "spec": {"podManagementPolicy": "Ordered", "selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate)}}
    """#) == #"spec.podManagementPolicy: Unsupported value: "Ordered": supported values: "OrderedReady", "Parallel""#)
}

@Test func daemonSetDefaults() throws {
    let (object, _) = try decode(#"""
    {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
     "spec": {"selector": {"matchLabels": {"app": "web"}}, "template": \#(podTemplate)}}
    """#)
    guard case .daemonSet(let ds) = object else { Issue.record("expected a daemonset"); return }
    #expect(ds.spec.updateStrategy.rollingUpdate == RollingUpdateLimits(maxSurge: .int(0), maxUnavailable: .int(1)))
    #expect(object.json()["spec"]?["updateStrategy"]
        == ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 0, "maxUnavailable": 1]])
    #expect(object.json()["status"]?["numberReady"] == 0)
    try expectStableJSON(object)
}

// MARK: networking

@Test func endpointSliceAsDiscoveryV1ServesIt() throws {
    let (object, warnings) = try decode(#"""
    {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
     "metadata": {"name": "web-abcde", "labels": {"kubernetes.io/service-name": "web"}},
     "addressType": "IPv4",
     "endpoints": [{"addresses": ["10.244.1.5"], "conditions": {"ready": true, "serving": true, "terminating": false},
                    "nodeName": "worker-1", "zone": "eu-west-1a",
                    "targetRef": {"kind": "Pod", "namespace": "default", "name": "web-abc", "uid": "u1"},
                    "hints": {"forZones": [{"name": "eu-west-1a"}]}}],
     "ports": [{"port": 8080, "protocol": "TCP"}]}
    """#)
    guard case .endpointSlice(let slice) = object else { Issue.record("expected a slice"); return }
    #expect(warnings.isEmpty)
    #expect(slice.serviceName == "web")
    #expect(slice.endpoints[0].conditions == EndpointConditions(ready: true, serving: true, terminating: false))
    #expect(slice.endpoints[0].zone == "eu-west-1a")
    #expect(slice.ports[0].name == nil)
    let json = object.json()
    #expect(json["spec"] == nil)
    #expect(json["ports"] == [["name": "", "port": 8080, "protocol": "TCP"]])
    #expect(json["endpoints"]?.arrayValue?[0]["hints"] == ["forZones": [["name": "eu-west-1a"]]])
    try expectStableJSON(object)

    let empty = EndpointSlice(metadata: ObjectMeta(name: "web-empty")).json()
    #expect(empty["endpoints"] == .null)
    #expect(empty["addressType"] == "IPv4")
    #expect(EndpointSlice(metadata: ObjectMeta(name: "s"), endpoints: [Endpoint(addresses: ["10.0.0.1"])]).json()["endpoints"]
        == [["addresses": ["10.0.0.1"], "conditions": [:]]])

    #expect(try failure(#"{"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": "s"}}"#)
        == "addressType: Required value")
    #expect(try failure(#"""
    {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": "s"}, "addressType": "IPv6x"}
    """#) == #"addressType: Unsupported value: "IPv6x": supported values: "FQDN", "IPv4", "IPv6""#)
    #expect(try failure(#"""
    {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": "s"}, "addressType": "IPv4",
     "endpoints": [{"addresses": ["10.0.0.1"], "conditions": {"ready": "yes"}}]}
    """#) == #"endpoints[0].conditions.ready: expected a boolean, got string "yes""#)
}

@Test func ingressRulesBackendsAndClass() throws {
    let (object, warnings) = try decode(#"""
    {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
     "metadata": {"name": "shop", "annotations": {"kubernetes.io/ingress.class": "nginx",
                                                  "nginx.ingress.kubernetes.io/rewrite-target": "/"}},
     "spec": {"defaultBackend": {"service": {"name": "fallback", "port": {"number": 80}}},
              "tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls"}],
              "rules": [{"host": "shop.example.com",
                         "http": {"paths": [{"path": "/api", "pathType": "Prefix",
                                             "backend": {"service": {"name": "api", "port": {"name": "http"}}}},
                                            {"path": "/logo.png", "pathType": "Exact",
                                             "backend": {"resource": {"apiGroup": "k8s.example.com", "kind": "Bucket", "name": "static"}}}]}},
                        {"host": "*.example.com"}]}}
    """#)
    guard case .ingress(var ingress) = object else { Issue.record("expected an ingress"); return }
    #expect(warnings.isEmpty)
    #expect(ingress.effectiveClassName == "nginx")
    ingress.spec.ingressClassName = "traefik"
    #expect(ingress.effectiveClassName == "traefik")
    #expect(ingress.spec.defaultBackend == .service(name: "fallback", port: .number(80)))
    let paths = ingress.spec.rules[0].paths ?? []
    #expect(paths[0].pathType == .prefix)
    #expect(paths[0].backend == .service(name: "api", port: .name("http")))
    #expect(paths[0].backend.serviceName == "api")
    #expect(paths[1].backend.serviceName == nil)
    #expect(ingress.spec.rules[1].paths == nil)
    #expect(ingress.spec.tls[0].secretName == "shop-tls")
    #expect(object.json()["status"] == ["loadBalancer": [:]])
    try expectStableJSON(object)

    ingress.status.loadBalancer = [IngressLoadBalancerIngress(LoadBalancerIngress(ip: "172.18.255.200"))]
    #expect(ingress.json()["status"] == ["loadBalancer": ["ingress": [["ip": "172.18.255.200"]]]])

    func ingressWith(path: String) -> String {
        #"""
        {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "i"},
         "spec": {"rules": [{"http": {"paths": [\#(path)]}}]}}
        """#
    }
    #expect(try failure(ingressWith(path: #"{"path": "/", "backend": {"service": {"name": "a", "port": {"number": 80}}}}"#))
        == "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified")
    #expect(try failure(ingressWith(path: #"{"path": "/", "pathType": "Regex", "backend": {"service": {"name": "a", "port": {"number": 80}}}}"#))
        == #"spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix""#)
    #expect(try failure(ingressWith(path: #"{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "a", "port": {"number": 80, "name": "http"}}}}"#))
        == #"spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number"#)
    #expect(try failure(ingressWith(path: #"{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "a"}}}"#))
        == "spec.rules[0].http.paths[0].backend: Required value: port name or number is required")
    #expect(try failure(ingressWith(path: #"{"path": "/", "pathType": "Prefix", "backend": {}}"#))
        == #"spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required"#)
    // Semantic rules (absolute paths, host names, port ranges) are Validation's; decoding only needs the shape.
    _ = try decode(ingressWith(path: #"{"path": "api", "pathType": "Prefix", "backend": {"service": {"name": "a", "port": {"number": 99999}}}}"#))
    #expect(try failure(ingressWith(path: #"{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "a", "port": {"number": "80"}}}}"#))
        == #"spec.rules[0].http.paths[0].backend.service.port.number: expected an integer, got string "80""#)

    let (_, typo) = try decode(ingressWith(path: #"{"path": "/", "pathType": "Prefix", "backend": {"serviceName": "a", "service": {"name": "a", "port": {"number": 80}}}}"#))
    #expect(typo.map(\.description)
        == [#"spec.rules[0].http.paths[0].backend.serviceName: unknown field "spec.rules[0].http.paths[0].backend.serviceName""#])
}

@Test func ingressClassDefault() throws {
    let (object, _) = try decode(#"""
    {"apiVersion": "networking.k8s.io/v1", "kind": "IngressClass",
     "metadata": {"name": "nginx", "annotations": {"ingressclass.kubernetes.io/is-default-class": "true"}},
     "spec": {"controller": "k8s.io/ingress-nginx",
              "parameters": {"apiGroup": "k8s.example.com", "kind": "IngressParameters", "name": "external-lb"}}}
    """#)
    guard case .ingressClass(var cls) = object else { Issue.record("expected an ingressclass"); return }
    #expect(cls.isDefault)
    #expect(cls.controller == "k8s.io/ingress-nginx")
    #expect(object.json()["spec"]?["parameters"]?["name"] == "external-lb")
    try expectStableJSON(object)
    cls.metadata.annotations[IngressClass.isDefaultAnnotation] = "True"
    #expect(!cls.isDefault)
    #expect(object.resourceType.namespaced == false)
}
