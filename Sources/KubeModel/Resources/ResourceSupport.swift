import Foundation

/// core/v1 ObjectReference, as Endpoints' targetRef, an EndpointSlice's targetRef and an Event's involvedObject use it.
public struct ObjectReference: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var apiVersion: String?
    public var resourceVersion: String?
    public var fieldPath: String?

    public init(kind: String? = nil, namespace: String? = nil, name: String? = nil, uid: String? = nil,
                apiVersion: String? = nil, resourceVersion: String? = nil, fieldPath: String? = nil) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.apiVersion = apiVersion
        self.resourceVersion = resourceVersion
        self.fieldPath = fieldPath
    }

    /// A reference to a stored object, as controllers fill targetRef (kind, namespace, name, uid).
    public init<T: APIObject>(to object: T) {
        self.init(kind: T.resourceType.kind, namespace: object.metadata.namespace.isEmpty ? nil : object.metadata.namespace,
                  name: object.metadata.name, uid: object.metadata.uid.isEmpty ? nil : object.metadata.uid)
    }

    public init(from r: FieldReader) throws {
        kind = try r.string("kind")
        namespace = try r.string("namespace")
        name = try r.string("name")
        uid = try r.string("uid")
        apiVersion = try r.string("apiVersion")
        resourceVersion = try r.string("resourceVersion")
        fieldPath = try r.string("fieldPath")
        _ = r.unmodeled(typed: ["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"],
                        alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("kind", kind)
        b.set("namespace", namespace)
        b.set("name", name)
        b.set("uid", uid)
        b.set("apiVersion", apiVersion)
        b.set("resourceVersion", resourceVersion)
        b.set("fieldPath", fieldPath)
        return b.value
    }
}

/// The condition shape shared by the workload controllers (Deployment, ReplicaSet, StatefulSet, DaemonSet, RC).
/// Only Deployment's conditions carry `lastUpdateTime`.
public struct WorkloadCondition: Sendable, Hashable, JSONEncodable {
    public var type: String
    public var status: String
    public var lastUpdateTime: Timestamp?
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: Bool, lastUpdateTime: Timestamp? = nil, lastTransitionTime: Timestamp? = nil,
                reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status ? "True" : "False"
        self.lastUpdateTime = lastUpdateTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    public var isTrue: Bool { status == "True" }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("type", type)
        b.set("status", status)
        b.set("lastUpdateTime", lastUpdateTime)
        b.set("lastTransitionTime", lastTransitionTime)
        b.set("reason", reason)
        b.set("message", message)
        return b.value
    }
}

/// Top-level fields every object shares; each kind adds its own.
let envelopeFields: Set<String> = ["apiVersion", "kind", "metadata"]

extension FieldReader {
    /// A reader for an absent object, so required fields beneath it are reported at their own path.
    func readerOrEmpty(_ key: String) throws -> FieldReader {
        try reader(key) ?? FieldReader(.object([:]), path: path.child(key), context: context)
    }

    func timestampField(_ key: String) throws -> Timestamp? {
        guard let text = try string(key) else { return nil }
        guard let t = Timestamp(rfc3339: text) else {
            throw FieldError(path.child(key), "Invalid value: \"\(text)\": expected an RFC 3339 time such as 2024-01-02T15:04:05Z")
        }
        return t
    }

    /// A list kept as given (taints, volumeClaimTemplates …), checked only for being a list.
    func rawList(_ key: String) throws -> [JSONValue] {
        guard let v = value(key) else { return [] }
        guard case .array(let items) = v else { throw FieldError(path.child(key), "expected a list, got \(v.typeName)") }
        return items
    }

    /// An object kept as given, checked only for being an object.
    func rawObject(_ key: String) throws -> JSONValue? {
        guard let v = value(key) else { return nil }
        guard case .object = v else { throw FieldError(path.child(key), "expected an object, got \(v.typeName)") }
        return v
    }

    /// resource.Quantity values: manifests write `cpu: 4` as often as `cpu: "4"`, both mean the same quantity.
    func quantityMap(_ key: String) throws -> [String: String] {
        guard let v = value(key) else { return [:] }
        guard case .object(let o) = v else {
            throw FieldError(path.child(key), "expected a map of quantities, got \(v.typeName)")
        }
        var result: [String: String] = [:]
        for (name, item) in o {
            switch item {
            case .string(let s): result[name] = s
            case .int(let i): result[name] = String(i)
            case .double(let d): result[name] = d == d.rounded() && abs(d) < 9e15 ? String(Int64(d)) : String(d)
            default:
                throw FieldError(path.child(key).child(name), "expected a quantity, got \(item.typeName)")
            }
        }
        return result
    }

    /// A closed set of values, reported as the API server reports `field.NotSupported`.
    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E?
    where E.RawValue == String {
        guard let text = try string(key), !text.isEmpty else { return nil }
        guard let v = E(rawValue: text) else {
            let supported = E.allCases.map { "\"\($0.rawValue)\"" }.sorted().joined(separator: ", ")
            throw FieldError(path.child(key), "Unsupported value: \"\(text)\": supported values: \(supported)")
        }
        return v
    }
}

extension JSONObjectBuilder {
    /// Go's `omitempty` on an integer: zero is not printed.
    mutating func setNonZero(_ key: String, _ value: Int) {
        if value != 0 { set(key, value) }
    }

    mutating func setStrings(_ key: String, _ values: [String]) {
        if !values.isEmpty { set(key, .array(values.map { .string($0) })) }
    }

    mutating func setRaw(_ key: String, _ values: [JSONValue]) {
        if !values.isEmpty { set(key, .array(values)) }
    }
}
