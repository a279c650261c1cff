import KubeModel

/// A rejection worded as the API server words it, e.g. `deployments.apps "web" not found`.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case notFound = "NotFound", alreadyExists = "AlreadyExists", invalid = "Invalid", badRequest = "BadRequest"
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }

    public static func notFound(_ type: ResourceType, _ name: String, namespace: String? = nil) -> APIError {
        var message = "\(type.qualifiedPlural) \"\(name)\" not found"
        if let namespace, type.namespaced { message += " in namespace \"\(namespace)\"" }
        return APIError(.notFound, message)
    }

    public static func alreadyExists(_ type: ResourceType, _ name: String) -> APIError {
        APIError(.alreadyExists, "\(type.qualifiedPlural) \"\(name)\" already exists")
    }

    /// `Service "x2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated`.
    public static func invalid(_ kind: String, _ name: String, _ errors: [FieldError]) -> APIError {
        let detail = errors.map(\.description).joined(separator: ", ")
        return APIError(.invalid, "\(kind) \"\(name)\" is invalid: \(detail)")
    }
}
