import KubeModel
import Testing

/// Deployments, ReplicaSets, EndpointSlices and Endpoints keep their fields in one copy-on-write box, as Pods and
/// Events do: they must still behave as values.
@Suite("Boxed kinds are values")
struct BoxedKindsTests {
    static let meta = ObjectMeta(name: "web", namespace: "shop", labels: ["app": "web"])
    static let template = PodTemplateSpec(metadata: ObjectMeta(name: "", labels: ["app": "web"]),
                                          spec: PodSpec(containers: []))

    @Test("a Deployment's changed copy leaves the original as it was")
    func deployment() {
        let original = Deployment(metadata: Self.meta, spec: DeploymentSpec(
            replicas: 3, selector: LabelSelector(matchLabels: ["app": "web"]), template: Self.template))
        var copy = original
        #expect(copy == original)
        copy.spec.replicas = 5
        copy.status.readyReplicas = 2
        copy.metadata.labels["tier"] = "front"
        #expect(original.spec.replicas == 3 && original.status.readyReplicas == 0)
        #expect(original.metadata.labels == ["app": "web"])
        #expect(copy.spec.replicas == 5 && copy.status.readyReplicas == 2 && copy != original)
    }

    @Test("a ReplicaSet's changed copy leaves the original as it was")
    func replicaSet() {
        let original = ReplicaSet(metadata: Self.meta, spec: ReplicaSetSpec(
            replicas: 2, selector: LabelSelector(matchLabels: ["app": "web"]), template: Self.template))
        var copy = original
        copy.status.replicas = 2
        #expect(original.status.replicas == 0 && copy.status.replicas == 2 && copy != original)
        copy.status.replicas = 0
        #expect(copy == original, "equal fields in two boxes are equal")
    }

    @Test("an EndpointSlice's and an Endpoints' changed copies leave the originals as they were")
    func endpoints() {
        let slice = EndpointSlice(metadata: Self.meta, endpoints: [Endpoint(addresses: ["10.0.0.1"])],
                                  ports: [EndpointPort(name: "http", port: 80)])
        var sliceCopy = slice
        sliceCopy.endpoints.append(Endpoint(addresses: ["10.0.0.2"]))
        sliceCopy.addressType = .ipv6
        #expect(slice.endpoints.count == 1 && slice.addressType == .ipv4)
        #expect(sliceCopy.endpoints.count == 2 && sliceCopy.addressType == .ipv6)

        let endpoints = Endpoints(metadata: Self.meta,
                                  subsets: [EndpointSubset(addresses: [EndpointAddress(ip: "10.0.0.1")])])
        var endpointsCopy = endpoints
        endpointsCopy.subsets[0].notReadyAddresses.append(EndpointAddress(ip: "10.0.0.2"))
        #expect(endpoints.subsets[0].notReadyAddresses.isEmpty)
        #expect(endpointsCopy.subsets[0].notReadyAddresses.count == 1)
        #expect(endpoints != endpointsCopy)
    }

    @Test("indexed fields and the key read from a box are the metadata's: the controller among several owners")
    func indexedFields() {
        var meta = Self.meta
        meta.ownerReferences = [
            OwnerReference(apiVersion: "v1", kind: "ConfigMap", name: "settings", uid: "uid-cm", controller: false),
            OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1", uid: "uid-rs", controller: true),
        ]
        let expected = meta.indexedFields
        #expect(expected.key == ObjectKey(namespace: "shop", name: "web"))
        #expect(expected.labels == ["app": "web"] && expected.controllerUID == "uid-rs")
        #expect(expected.controllerUID == meta.controllerRef?.uid)
        let objects: [any APIObject] = [
            Pod(metadata: meta, spec: PodSpec(containers: [])),
            Event(metadata: meta, involvedObject: ObjectReference(kind: "Pod", name: "web"), reason: nil, message: nil,
                  at: nil),
            Deployment(metadata: meta, spec: DeploymentSpec(selector: LabelSelector(), template: Self.template)),
            ReplicaSet(metadata: meta, spec: ReplicaSetSpec(selector: LabelSelector(), template: Self.template)),
            EndpointSlice(metadata: meta),
            Endpoints(metadata: meta),
            Service(metadata: meta, spec: ServiceSpec()),
        ]
        for object in objects {
            #expect(object.indexedFields == expected, "\(type(of: object))")
            #expect(object.key == meta.key, "\(type(of: object))")
        }
        meta.ownerReferences[1].controller = nil
        #expect(meta.indexedFields.controllerUID == nil, "no owner is the controller")
    }
}
