public struct IngressClass: APIObject {
    public static let resourceType = ResourceType.ingressClass
    public static let isDefaultAnnotation = "ingressclass.kubernetes.io/is-default-class"

    public var metadata: ObjectMeta
    /// The controller that implements this class, e.g. `k8s.io/ingress-nginx`.
    public var controller: String?
    public var parameters: JSONValue?

    public init(metadata: ObjectMeta, controller: String? = nil) {
        self.metadata = metadata
        self.controller = controller
    }

    public init(from r: FieldReader) throws {
        metadata = try r.objectMeta()
        if let spec = try r.reader("spec") {
            controller = try spec.string("controller")
            parameters = try spec.rawObject("parameters")
            _ = spec.unmodeled(typed: ["controller", "parameters"], alsoValid: [])
        }
        _ = r.unmodeled(typed: envelopeFields.union(["spec"]), alsoValid: [])
    }

    /// Ingresses that name no class get this one; the annotation must be exactly "true".
    public var isDefault: Bool { metadata.annotations[Self.isDefaultAnnotation] == "true" }

    public func json() -> JSONValue {
        envelope { b in
            var spec = JSONObjectBuilder()
            spec.set("controller", controller)
            spec.set("parameters", parameters)
            b.set("spec", spec.value)
        }
    }
}
