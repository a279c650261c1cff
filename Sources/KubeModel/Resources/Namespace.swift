public struct NamespaceStatus: Sendable, Hashable, JSONEncodable {
    public enum Phase: String, Sendable, Hashable, CaseIterable {
        case active = "Active", terminating = "Terminating"
    }

    public var phase: Phase = .active

    public init(phase: Phase = .active) { self.phase = phase }

    public func json() -> JSONValue { ["phase": .string(phase.rawValue)] }
}

public struct Namespace: APIObject {
    public static let resourceType = ResourceType.namespace
    /// The label the API server stamps on every namespace, so selectors can pick namespaces by name.
    public static let nameLabel = "kubernetes.io/metadata.name"

    public var metadata: ObjectMeta {
        didSet { metadata.labels[Self.nameLabel] = metadata.name }
    }
    /// Set on create by the API server; the namespace controller removes "kubernetes" once its contents are gone.
    public var finalizers: [String] = ["kubernetes"]
    public var status = NamespaceStatus()

    public init(metadata: ObjectMeta) {
        var meta = metadata
        meta.labels[Self.nameLabel] = meta.name
        self.metadata = meta
    }

    public init(from r: FieldReader) throws {
        self.init(metadata: try r.objectMeta())
        if let spec = try r.reader("spec") {
            let given = try spec.stringList("finalizers")
            if !given.isEmpty { finalizers = given }
            _ = spec.unmodeled(typed: ["finalizers"], alsoValid: [])
        }
        _ = r.unmodeled(typed: envelopeFields.union(["spec", "status"]), alsoValid: [])
    }

    public var isTerminating: Bool { status.phase == .terminating }

    public func json() -> JSONValue {
        envelope { b in
            var spec = JSONObjectBuilder()
            spec.setStrings("finalizers", finalizers)
            b.set("spec", spec.value)
            b.set("status", status.json())
        }
    }
}
