import Testing
import ClusterStore
import KubeModel
@testable import Kubectl

/// Builds small cluster states through the store's public API: objects are created at `created` (their
/// creationTimestamp), then the clock moves to `now`, so ages are exact.
struct Fixture {
    static let t0 = Timestamp(seconds: 1_700_000_000)

    var store = ClusterStore(seed: 7)

    init() { store.setTime(Fixture.t0) }

    /// Creates `object` as if it had been created `age` seconds before `now` (see `state(now:)`).
    mutating func add(_ object: KubeObject, createdAt seconds: Int64 = 0) {
        store.setTime(Fixture.t0.adding(milliseconds: seconds * 1000))
        do { try store.apply(object) } catch { Issue.record("apply failed: \(error)") }
    }

    /// Replaces a stored object as is (keeps e.g. deletionTimestamp, which create clears).
    mutating func update(_ object: KubeObject) {
        do {
            switch object {
            case .pod(let p): try store.update(p)
            default: Issue.record("update: unsupported kind")
            }
        } catch { Issue.record("update failed: \(error)") }
    }

    /// The state at `t0 + seconds`.
    mutating func state(at seconds: Int64) -> ClusterState {
        store.setTime(Fixture.t0.adding(milliseconds: seconds * 1000))
        return store.snapshot
    }

    static func at(_ seconds: Int64) -> Timestamp { t0.adding(milliseconds: seconds * 1000) }
}

// MARK: object builders

func meta(_ name: String, _ namespace: String = "default", labels: [String: String] = [:]) -> ObjectMeta {
    ObjectMeta(name: name, namespace: namespace, labels: labels)
}

func container(_ name: String = "web", image: String = "nginx:1.27") -> Container {
    Container(name: name, image: image)
}

/// A pod with one container per entry of `states` (name `c0`, `c1` … unless one container).
func pod(_ name: String, _ namespace: String = "default", labels: [String: String] = ["app": "web"],
         phase: PodStatus.Phase = .running, ip: String? = "10.244.1.5", node: String? = "node-1",
         containers: [(ready: Bool, state: ContainerStatus.State, restarts: Int, last: ContainerStatus.State?)]? = nil)
    -> KubeObject {
    let statuses = containers ?? [(true, .running(startedAt: Fixture.t0), 0, nil)]
    let specContainers = statuses.indices.map { statuses.count == 1 ? container() : container("c\($0)") }
    var p = Pod(metadata: meta(name, namespace, labels: labels), spec: PodSpec(containers: specContainers))
    p.spec.nodeName = node
    p.status.phase = phase
    p.status.podIP = ip
    p.status.containerStatuses = zip(specContainers, statuses).map { c, s in
        ContainerStatus(name: c.name, image: c.image, ready: s.ready, started: s.ready, restartCount: s.restarts,
                        state: s.state, lastState: s.last)
    }
    let allReady = statuses.allSatisfy(\.ready) && !statuses.isEmpty
    p.status.conditions = [PodCondition(type: "Ready", status: allReady, lastTransitionTime: Fixture.t0)]
    return .pod(p)
}

func service(_ name: String, type: ServiceSpec.ServiceType = .clusterIP, clusterIP: String? = "10.96.0.10",
             ports: [ServicePort] = [ServicePort(port: 80)], selector: [String: String]? = ["app": "web"],
             namespace: String = "default") -> Service {
    var spec = ServiceSpec(type: type, selector: selector, ports: ports)
    spec.clusterIP = clusterIP
    if let clusterIP { spec.clusterIPs = [clusterIP] }
    return Service(metadata: meta(name, namespace, labels: ["app": name]), spec: spec)
}

func deployment(_ name: String, replicas: Int = 3, ready: Int = 3, updated: Int = 3, available: Int = 3)
    -> Deployment {
    let template = PodTemplateSpec(metadata: ObjectMeta(name: "", labels: ["app": name]),
                                   spec: PodSpec(containers: [container(), container("sidecar", image: "envoy:v1")]))
    var d = Deployment(metadata: meta(name), spec: DeploymentSpec(replicas: replicas,
                                                                  selector: LabelSelector(["app": name]),
                                                                  template: template))
    d.status.readyReplicas = ready
    d.status.updatedReplicas = updated
    d.status.availableReplicas = available
    d.status.replicas = replicas
    return d
}
