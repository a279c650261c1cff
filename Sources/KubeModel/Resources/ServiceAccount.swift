public struct ServiceAccount: APIObject {
    public static let resourceType = ResourceType.serviceAccount

    public var metadata: ObjectMeta
    public var secrets: [ObjectReference] = []
    /// LocalObjectReferences (`{name}`), kept as given.
    public var imagePullSecrets: [JSONValue] = []
    public var automountServiceAccountToken: Bool?

    public init(metadata: ObjectMeta) { self.metadata = metadata }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        secrets = try r.list("secrets")
        imagePullSecrets = try r.rawList("imagePullSecrets")
        automountServiceAccountToken = try r.bool("automountServiceAccountToken")
        _ = r.unmodeled(typed: envelopeFields.union(["secrets", "imagePullSecrets", "automountServiceAccountToken"]),
                        alsoValid: [])
    }

    public func json() -> JSONValue {
        envelope { b in
            b.set("secrets", secrets)
            b.setRaw("imagePullSecrets", imagePullSecrets)
            b.set("automountServiceAccountToken", automountServiceAccountToken)
        }
    }
}
