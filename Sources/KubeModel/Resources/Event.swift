/// A core/v1 Event, as `kubectl get events` lists them.
///
/// The fields live in one copy-on-write box, as a Pod's do: the store keeps thousands of events, and copying its
/// table (a replay's checkpoint on its first write, a snapshot) then costs one reference count per event instead of
/// one per string field.
public struct Event: APIObject {
    public enum EventType: String, Sendable, Hashable, CaseIterable {
        case normal = "Normal", warning = "Warning"
    }

    public static let resourceType = ResourceType.event

    struct Fields: MetadataFields, Equatable {
        var metadata: ObjectMeta
        var involvedObject: ObjectReference
        var reason: String?
        var message: String?
        var sourceComponent: String?
        var sourceHost: String?
        var firstTimestamp: Timestamp?
        var lastTimestamp: Timestamp?
        var count = 1
        var type: EventType = .normal
        var reportingComponent: String?
        var reportingInstance: String?
        var unmodeled: [String: JSONValue] = [:]
    }

    private var storage: CopyOnWrite<Fields>

    private var fields: Fields {
        _read { yield storage.value }
        _modify { yield &storage.value }
    }

    public var metadata: ObjectMeta {
        _read { yield fields.metadata }
        _modify { yield &fields.metadata }
    }
    public var involvedObject: ObjectReference {
        _read { yield fields.involvedObject }
        _modify { yield &fields.involvedObject }
    }
    public var reason: String? {
        _read { yield fields.reason }
        _modify { yield &fields.reason }
    }
    public var message: String? {
        _read { yield fields.message }
        _modify { yield &fields.message }
    }
    public var sourceComponent: String? {
        _read { yield fields.sourceComponent }
        _modify { yield &fields.sourceComponent }
    }
    public var sourceHost: String? {
        _read { yield fields.sourceHost }
        _modify { yield &fields.sourceHost }
    }
    public var firstTimestamp: Timestamp? {
        _read { yield fields.firstTimestamp }
        _modify { yield &fields.firstTimestamp }
    }
    public var lastTimestamp: Timestamp? {
        _read { yield fields.lastTimestamp }
        _modify { yield &fields.lastTimestamp }
    }
    public var count: Int {
        _read { yield fields.count }
        _modify { yield &fields.count }
    }
    public var type: EventType {
        _read { yield fields.type }
        _modify { yield &fields.type }
    }
    public var reportingComponent: String? {
        _read { yield fields.reportingComponent }
        _modify { yield &fields.reportingComponent }
    }
    public var reportingInstance: String? {
        _read { yield fields.reportingInstance }
        _modify { yield &fields.reportingInstance }
    }
    /// eventTime, series, action and related, kept as given.
    public var unmodeled: [String: JSONValue] {
        _read { yield fields.unmodeled }
        _modify { yield &fields.unmodeled }
    }

    public var indexedFields: IndexedFields { storage.indexedFields }
    public var key: ObjectKey { storage.key }

    public static func == (lhs: Event, rhs: Event) -> Bool {
        lhs.storage == rhs.storage
    }

    public init(metadata: ObjectMeta, involvedObject: ObjectReference, type: EventType = .normal, reason: String?,
                message: String?, sourceComponent: String? = nil, sourceHost: String? = nil, at time: Timestamp?) {
        storage = CopyOnWrite(Fields(metadata: metadata, involvedObject: involvedObject, reason: reason,
                                     message: message, sourceComponent: sourceComponent, sourceHost: sourceHost,
                                     firstTimestamp: time, lastTimestamp: time, type: type))
    }

    public init(from r: FieldReader) throws {
        var f = Fields(metadata: try r.objectMeta(), involvedObject: try r.object("involvedObject") ?? ObjectReference())
        f.reason = try r.string("reason")
        f.message = try r.string("message")
        if let source = try r.reader("source") {
            f.sourceComponent = try source.string("component")
            f.sourceHost = try source.string("host")
            _ = source.unmodeled(typed: ["component", "host"], alsoValid: [])
        }
        f.firstTimestamp = try r.timestampField("firstTimestamp")
        f.lastTimestamp = try r.timestampField("lastTimestamp")
        f.count = try r.nonNegativeInt("count") ?? 0
        f.type = try r.enumValue("type", EventType.self) ?? .normal
        f.reportingComponent = try r.string("reportingComponent")
        f.reportingInstance = try r.string("reportingInstance")
        f.unmodeled = r.unmodeled(
            typed: envelopeFields.union(["involvedObject", "reason", "message", "source", "firstTimestamp",
                                         "lastTimestamp", "count", "type", "reportingComponent", "reportingInstance"]),
            alsoValid: ["eventTime", "series", "action", "related"]).filter { !$0.value.isNull }
        storage = CopyOnWrite(f)
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.set("apiVersion", Self.resourceType.apiVersion)
        b.set("kind", Self.resourceType.kind)
        b.set("metadata", metadata.json())
        b.set("involvedObject", involvedObject)
        b.set("reason", reason)
        b.set("message", message)
        var source = JSONObjectBuilder()
        source.set("component", sourceComponent)
        source.set("host", sourceHost)
        b.set("source", source.value)
        // metav1.Time is a struct, so the API serves null rather than omitting it; likewise the reporting fields.
        b.set("firstTimestamp", firstTimestamp?.json() ?? .null)
        b.set("lastTimestamp", lastTimestamp?.json() ?? .null)
        b.setNonZero("count", count)
        b.set("type", type.rawValue)
        if b.fields["eventTime"] == nil { b.set("eventTime", JSONValue.null) }
        b.set("reportingComponent", reportingComponent ?? "")
        b.set("reportingInstance", reportingInstance ?? "")
        return b.value
    }
}
