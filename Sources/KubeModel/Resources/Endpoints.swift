/// A port of a legacy Endpoints subset or of an EndpointSlice. The two APIs differ: a slice port's number may be
/// absent ("all ports") and its name is served as "" when unset, while an Endpoints port always has a number.
public struct EndpointPort: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var name: String?
    public var port: Int?
    public var `protocol`: String = "TCP"
    public var appProtocol: String?

    public init(name: String? = nil, port: Int?, protocol: String = "TCP", appProtocol: String? = nil) {
        self.name = name
        self.port = port
        self.protocol = `protocol`
        self.appProtocol = appProtocol
    }

    public init(from r: FieldReader) throws {
        name = try r.string("name")
        port = try r.int("port")
        self.protocol = try r.string("protocol") ?? "TCP"
        appProtocol = try r.string("appProtocol")
        _ = r.unmodeled(typed: ["name", "port", "protocol", "appProtocol"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("name", name)
        b.set("port", port)
        b.set("protocol", self.protocol)
        b.set("appProtocol", appProtocol)
        return b.value
    }
}

public struct EndpointAddress: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var ip: String
    public var hostname: String?
    public var nodeName: String?
    public var targetRef: ObjectReference?

    public init(ip: String, hostname: String? = nil, nodeName: String? = nil, targetRef: ObjectReference? = nil) {
        self.ip = ip
        self.hostname = hostname
        self.nodeName = nodeName
        self.targetRef = targetRef
    }

    public init(from r: FieldReader) throws {
        ip = try r.requiredString("ip")
        hostname = try r.string("hostname")
        nodeName = try r.string("nodeName")
        targetRef = try r.object("targetRef")
        _ = r.unmodeled(typed: ["ip", "hostname", "nodeName", "targetRef"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("ip", ip)
        b.set("hostname", hostname)
        b.set("nodeName", nodeName)
        b.set("targetRef", targetRef)
        return b.value
    }
}

public struct EndpointSubset: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var addresses: [EndpointAddress] = []
    public var notReadyAddresses: [EndpointAddress] = []
    public var ports: [EndpointPort] = []

    public init(addresses: [EndpointAddress] = [], notReadyAddresses: [EndpointAddress] = [],
                ports: [EndpointPort] = []) {
        self.addresses = addresses
        self.notReadyAddresses = notReadyAddresses
        self.ports = ports
    }

    public init(from r: FieldReader) throws {
        addresses = try r.list("addresses")
        notReadyAddresses = try r.list("notReadyAddresses")
        ports = try r.list("ports")
        for (i, p) in ports.enumerated() where p.port == nil {
            throw FieldError(r.path.child("ports").index(i).child("port"), "Required value")
        }
        _ = r.unmodeled(typed: ["addresses", "notReadyAddresses", "ports"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("addresses", addresses)
        b.set("notReadyAddresses", notReadyAddresses)
        b.set("ports", ports)
        return b.value
    }
}

/// core/v1 Endpoints: no spec, `subsets` at the top level.
public struct Endpoints: APIObject {
    public static let resourceType = ResourceType.endpoints
    /// Set when more than 1000 addresses had to be dropped.
    public static let overCapacityAnnotation = "endpoints.kubernetes.io/over-capacity"

    struct Fields: MetadataFields, Equatable {
        var metadata: ObjectMeta
        var subsets: [EndpointSubset]
    }

    /// The fields live in one copy-on-write box, as a Pod's do: a replay puts every recorded version into the store
    /// and takes the previous one out, and each costs one reference count instead of one per field (and a move
    /// of one pointer instead of a few hundred bytes).
    private var storage: CopyOnWrite<Fields>

    public var metadata: ObjectMeta {
        _read { yield storage.value.metadata }
        _modify { yield &storage.value.metadata }
    }
    public var subsets: [EndpointSubset] {
        _read { yield storage.value.subsets }
        _modify { yield &storage.value.subsets }
    }

    public var indexedFields: IndexedFields { storage.indexedFields }
    public var key: ObjectKey { storage.key }

    public init(metadata: ObjectMeta, subsets: [EndpointSubset] = []) {
        storage = CopyOnWrite(Fields(metadata: metadata, subsets: subsets))
    }

    public init(from r: FieldReader) throws {
        let metadata = try r.objectMeta()
        let subsets: [EndpointSubset] = try r.list("subsets")
        _ = r.unmodeled(typed: envelopeFields.union(["subsets"]), alsoValid: [])
        storage = CopyOnWrite(Fields(metadata: metadata, subsets: subsets))
    }

    public func json() -> JSONValue {
        envelope { b in b.set("subsets", subsets) }
    }
}
