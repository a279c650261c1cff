public struct NodeAddress: Sendable, Hashable, FieldDecodable, JSONEncodable {
    /// InternalIP, ExternalIP, Hostname, InternalDNS or ExternalDNS.
    public var type: String
    public var address: String

    public init(type: String, address: String) {
        self.type = type
        self.address = address
    }

    public init(from r: FieldReader) throws {
        type = try r.requiredString("type")
        address = try r.requiredString("address")
        _ = r.unmodeled(typed: ["type", "address"], alsoValid: [])
    }

    public func json() -> JSONValue { ["type": .string(type), "address": .string(address)] }
}

public struct NodeCondition: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var type: String
    public var status: String
    public var lastHeartbeatTime: Timestamp?
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: Bool, lastHeartbeatTime: Timestamp? = nil, lastTransitionTime: Timestamp? = nil,
                reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status ? "True" : "False"
        self.lastHeartbeatTime = lastHeartbeatTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    public var isTrue: Bool { status == "True" }

    public init(from r: FieldReader) throws {
        type = try r.requiredString("type")
        status = try r.string("status") ?? "Unknown"
        lastHeartbeatTime = try r.timestampField("lastHeartbeatTime")
        lastTransitionTime = try r.timestampField("lastTransitionTime")
        reason = try r.string("reason")
        message = try r.string("message")
        _ = r.unmodeled(typed: ["type", "status", "lastHeartbeatTime", "lastTransitionTime", "reason", "message"],
                        alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("type", type)
        b.set("status", status)
        b.set("lastHeartbeatTime", lastHeartbeatTime)
        b.set("lastTransitionTime", lastTransitionTime)
        b.set("reason", reason)
        b.set("message", message)
        return b.value
    }
}

public struct NodeSpec: Sendable, Hashable, FieldDecodable, JSONEncodable {
    /// The API serves both fields; internally there is one list whose first entry is `podCIDR`.
    public var podCIDRs: [String] = []
    public var unschedulable = false
    public var taints: [JSONValue] = []
    public var unmodeled: [String: JSONValue] = [:]

    public var podCIDR: String? {
        get { podCIDRs.first }
        set { podCIDRs = newValue.map { [$0] } ?? [] }
    }

    public init(podCIDRs: [String] = [], unschedulable: Bool = false) {
        self.podCIDRs = podCIDRs
        self.unschedulable = unschedulable
    }

    public init(from r: FieldReader) throws {
        podCIDRs = try r.stringList("podCIDRs")
        if podCIDRs.isEmpty, let single = try r.string("podCIDR"), !single.isEmpty { podCIDRs = [single] }
        unschedulable = try r.bool("unschedulable") ?? false
        taints = try r.rawList("taints")
        unmodeled = r.unmodeled(typed: ["podCIDR", "podCIDRs", "unschedulable", "taints"],
                                alsoValid: ["providerID", "configSource", "externalID"])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.set("podCIDR", podCIDR)
        b.setStrings("podCIDRs", podCIDRs)
        if unschedulable { b.set("unschedulable", true) }
        b.setRaw("taints", taints)
        return b.value
    }
}

/// Decoded from manifests, unlike other statuses: a node's addresses and capacity are how a simulated node is
/// described, as a kubelet registering itself would report them.
public struct NodeStatus: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var addresses: [NodeAddress] = []
    public var conditions: [NodeCondition] = []
    public var capacity: [String: String] = [:]
    public var allocatable: [String: String] = [:]
    public var nodeInfo: [String: JSONValue] = [:]
    public var unmodeled: [String: JSONValue] = [:]

    public init(addresses: [NodeAddress] = [], conditions: [NodeCondition] = []) {
        self.addresses = addresses
        self.conditions = conditions
    }

    public init(from r: FieldReader) throws {
        addresses = try r.list("addresses")
        conditions = try r.list("conditions")
        capacity = try r.quantityMap("capacity")
        allocatable = try r.quantityMap("allocatable")
        nodeInfo = try r.rawObject("nodeInfo")?.objectValue ?? [:]
        unmodeled = r.unmodeled(
            typed: ["addresses", "conditions", "capacity", "allocatable", "nodeInfo"],
            alsoValid: ["phase", "daemonEndpoints", "images", "volumesInUse", "volumesAttached", "config",
                        "runtimeHandlers", "features"])
    }

    public func condition(_ type: String) -> NodeCondition? { conditions.first { $0.type == type } }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.set("addresses", addresses)
        b.set("conditions", conditions)
        b.set("capacity", capacity)
        b.set("allocatable", allocatable)
        if !nodeInfo.isEmpty { b.set("nodeInfo", .object(nodeInfo)) }
        return b.value
    }
}

public struct Node: APIObject {
    public static let resourceType = ResourceType.node
    public static let zoneLabel = "topology.kubernetes.io/zone"

    public var metadata: ObjectMeta
    public var spec = NodeSpec()
    public var status = NodeStatus()

    public init(metadata: ObjectMeta, spec: NodeSpec = NodeSpec(), status: NodeStatus = NodeStatus()) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        spec = try r.object("spec") ?? NodeSpec()
        status = try r.object("status") ?? NodeStatus()
        _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
    }

    public var internalIP: String? { status.addresses.first { $0.type == "InternalIP" }?.address }
    public var isReady: Bool { status.condition("Ready")?.isTrue ?? false }
    /// The zone EndpointSlices record for endpoints on this node.
    public var zone: String? { metadata.labels[Self.zoneLabel] }

    public func json() -> JSONValue {
        envelope { b in
            b.set("spec", spec.json())
            b.set("status", status.json())
        }
    }
}
