/// A core/v1 Event, as `kubectl get events` lists them.
public struct Event: APIObject {
    public enum EventType: String, Sendable, Hashable, CaseIterable {
        case normal = "Normal", warning = "Warning"
    }

    public static let resourceType = ResourceType.event

    public var metadata: ObjectMeta
    public var involvedObject: ObjectReference
    public var reason: String?
    public var message: String?
    public var sourceComponent: String?
    public var sourceHost: String?
    public var firstTimestamp: Timestamp?
    public var lastTimestamp: Timestamp?
    public var count = 1
    public var type: EventType = .normal
    public var reportingComponent: String?
    public var reportingInstance: String?
    /// eventTime, series, action and related, kept as given.
    public var unmodeled: [String: JSONValue] = [:]

    public init(metadata: ObjectMeta, involvedObject: ObjectReference, type: EventType = .normal, reason: String?,
                message: String?, sourceComponent: String? = nil, sourceHost: String? = nil, at time: Timestamp?) {
        self.metadata = metadata
        self.involvedObject = involvedObject
        self.type = type
        self.reason = reason
        self.message = message
        self.sourceComponent = sourceComponent
        self.sourceHost = sourceHost
        self.firstTimestamp = time
        self.lastTimestamp = time
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        involvedObject = try r.object("involvedObject") ?? ObjectReference()
        reason = try r.string("reason")
        message = try r.string("message")
        if let source = try r.reader("source") {
            sourceComponent = try source.string("component")
            sourceHost = try source.string("host")
            _ = source.unmodeled(typed: ["component", "host"], alsoValid: [])
        }
        firstTimestamp = try r.timestampField("firstTimestamp")
        lastTimestamp = try r.timestampField("lastTimestamp")
        count = try r.nonNegativeInt("count") ?? 0
        type = try r.enumValue("type", EventType.self) ?? .normal
        reportingComponent = try r.string("reportingComponent")
        reportingInstance = try r.string("reportingInstance")
        unmodeled = r.unmodeled(
            typed: envelopeFields.union(["involvedObject", "reason", "message", "source", "firstTimestamp",
                                         "lastTimestamp", "count", "type", "reportingComponent", "reportingInstance"]),
            alsoValid: ["eventTime", "series", "action", "related"]).filter { !$0.value.isNull }
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
