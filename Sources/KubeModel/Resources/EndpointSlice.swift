public struct EndpointConditions: Sendable, Hashable, FieldDecodable, JSONEncodable {
    /// nil means "unknown", which consumers treat as ready (and serving) per the API's documentation.
    public var ready: Bool?
    public var serving: Bool?
    public var terminating: Bool?

    public init(ready: Bool? = nil, serving: Bool? = nil, terminating: Bool? = nil) {
        self.ready = ready
        self.serving = serving
        self.terminating = terminating
    }

    public init(from r: FieldReader) throws {
        ready = try r.bool("ready")
        serving = try r.bool("serving")
        terminating = try r.bool("terminating")
        _ = r.unmodeled(typed: ["ready", "serving", "terminating"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("ready", ready)
        b.set("serving", serving)
        b.set("terminating", terminating)
        return b.value
    }
}

/// One endpoint of a slice. Its fields live in one copy-on-write box, as a Pod's do: a replay holds every version of
/// every slice, and a new version's list then holds one reference per unchanged endpoint (8 bytes, shared with the
/// previous version) instead of a copy of each endpoint's fields.
public struct Endpoint: Sendable, Hashable, FieldDecodable, JSONEncodable {
    struct Fields: Sendable, Hashable {
        var addresses: [String]
        var conditions = EndpointConditions()
        var hostname: String?
        var nodeName: String?
        var zone: String?
        var targetRef: ObjectReference?
        var hints: JSONValue?
        var unmodeled: [String: JSONValue] = [:]
    }

    private var storage: CopyOnWrite<Fields>

    private var fields: Fields {
        _read { yield storage.value }
        _modify { yield &storage.value }
    }

    public var addresses: [String] {
        _read { yield fields.addresses }
        _modify { yield &fields.addresses }
    }
    public var conditions: EndpointConditions {
        _read { yield fields.conditions }
        _modify { yield &fields.conditions }
    }
    public var hostname: String? {
        _read { yield fields.hostname }
        _modify { yield &fields.hostname }
    }
    public var nodeName: String? {
        _read { yield fields.nodeName }
        _modify { yield &fields.nodeName }
    }
    public var zone: String? {
        _read { yield fields.zone }
        _modify { yield &fields.zone }
    }
    public var targetRef: ObjectReference? {
        _read { yield fields.targetRef }
        _modify { yield &fields.targetRef }
    }
    public var hints: JSONValue? {
        _read { yield fields.hints }
        _modify { yield &fields.hints }
    }
    public var unmodeled: [String: JSONValue] {
        _read { yield fields.unmodeled }
        _modify { yield &fields.unmodeled }
    }

    public static func == (lhs: Endpoint, rhs: Endpoint) -> Bool {
        lhs.storage == rhs.storage
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }

    public init(addresses: [String], conditions: EndpointConditions = EndpointConditions(), hostname: String? = nil,
                nodeName: String? = nil, zone: String? = nil, targetRef: ObjectReference? = nil) {
        storage = CopyOnWrite(Fields(addresses: addresses, conditions: conditions, hostname: hostname,
                                     nodeName: nodeName, zone: zone, targetRef: targetRef))
    }

    public init(from r: FieldReader) throws {
        var f = Fields(addresses: try r.stringList("addresses"))
        f.conditions = try r.object("conditions") ?? EndpointConditions()
        f.hostname = try r.string("hostname")
        f.nodeName = try r.string("nodeName")
        f.zone = try r.string("zone")
        f.targetRef = try r.object("targetRef")
        f.hints = try r.rawObject("hints")
        f.unmodeled = r.unmodeled(typed: ["addresses", "conditions", "hostname", "nodeName", "zone", "targetRef",
                                          "hints"],
                                  alsoValid: ["deprecatedTopology"])
        storage = CopyOnWrite(f)
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.setStrings("addresses", addresses)
        b.set("conditions", conditions)  // a struct in Go: served as {} even when empty
        b.set("hostname", hostname)
        b.set("nodeName", nodeName)
        b.set("zone", zone)
        b.set("targetRef", targetRef)
        b.set("hints", hints)
        return b.value
    }
}

/// discovery.k8s.io/v1 EndpointSlice: no spec, `addressType`, `endpoints` and `ports` at the top level.
public struct EndpointSlice: APIObject {
    public enum AddressType: String, Sendable, Hashable, CaseIterable {
        case ipv4 = "IPv4", ipv6 = "IPv6", fqdn = "FQDN"
    }

    public static let resourceType = ResourceType.endpointSlice
    public static let serviceNameLabel = "kubernetes.io/service-name"
    public static let managedByLabel = "endpointslice.kubernetes.io/managed-by"
    public static let controllerName = "endpointslice-controller.k8s.io"
    public static let maxEndpoints = 100

    struct Fields: MetadataFields, Equatable {
        var metadata: ObjectMeta
        var addressType: AddressType
        var endpoints: [Endpoint]
        var ports: [EndpointPort]
    }

    /// The fields live in one copy-on-write box, as a Pod's do: a replay puts every recorded version into the store
    /// and takes the previous one out, and each costs one reference count instead of one per field (and a move
    /// of one pointer instead of a few hundred bytes).
    private var storage: CopyOnWrite<Fields>

    public var metadata: ObjectMeta {
        _read { yield storage.value.metadata }
        _modify { yield &storage.value.metadata }
    }
    public var addressType: AddressType {
        _read { yield storage.value.addressType }
        _modify { yield &storage.value.addressType }
    }
    public var endpoints: [Endpoint] {
        _read { yield storage.value.endpoints }
        _modify { yield &storage.value.endpoints }
    }
    public var ports: [EndpointPort] {
        _read { yield storage.value.ports }
        _modify { yield &storage.value.ports }
    }

    public var indexedFields: IndexedFields { storage.indexedFields }
    public var key: ObjectKey { storage.key }

    public init(metadata: ObjectMeta, addressType: AddressType = .ipv4, endpoints: [Endpoint] = [],
                ports: [EndpointPort] = []) {
        storage = CopyOnWrite(Fields(metadata: metadata, addressType: addressType, endpoints: endpoints, ports: ports))
    }

    public init(from r: FieldReader) throws {
        let metadata = try r.objectMeta()
        guard let type = try r.enumValue("addressType", AddressType.self) else {
            throw FieldError(r.path.child("addressType"), "Required value")
        }
        let endpoints: [Endpoint] = try r.list("endpoints")
        let ports: [EndpointPort] = try r.list("ports")
        _ = r.unmodeled(typed: envelopeFields.union(["addressType", "endpoints", "ports"]), alsoValid: [])
        storage = CopyOnWrite(Fields(metadata: metadata, addressType: type, endpoints: endpoints, ports: ports))
    }

    /// The Service this slice belongs to, by the label the EndpointSlice controller sets.
    public var serviceName: String? { metadata.labels[Self.serviceNameLabel] }

    public func json() -> JSONValue {
        envelope { b in
            b.set("addressType", addressType.rawValue)
            // Neither list is omitempty in the API; stored through protobuf an empty list comes back as null.
            b.set("endpoints", endpoints.isEmpty ? JSONValue.null : .array(endpoints.map { $0.json() }))
            b.set("ports", ports.isEmpty ? JSONValue.null : .array(ports.map { slicePortJSON($0) }))
        }
    }

    /// Slice ports are served with `name: ""` when unnamed, as discovery/v1 defaulting sets it.
    private func slicePortJSON(_ p: EndpointPort) -> JSONValue {
        var port = p
        if port.name == nil { port.name = "" }
        return port.json()
    }
}
