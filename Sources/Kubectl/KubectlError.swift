import KubeModel

/// A failure `get` reports to the user, worded exactly as kubectl prints it (the whole stderr line, without the
/// trailing newline), e.g. `error: the server doesn't have a resource type "foo"` or
/// `Error from server (NotFound): pods "x" not found`.
public struct KubectlError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// A client-side error: `error: …`.
    public static func client(_ text: String) -> KubectlError { KubectlError("error: " + text) }

    /// An error the API server would return: `Error from server (Reason): …`.
    public static func server(_ reason: String, _ text: String) -> KubectlError {
        KubectlError("Error from server (\(reason)): " + text)
    }

    public static func unknownResourceType(_ name: String) -> KubectlError {
        .client("the server doesn't have a resource type \"\(name)\"")
    }

    /// `Error from server (NotFound): deployments.apps "web" not found`.
    public static func notFound(_ type: ResourceType, _ name: String) -> KubectlError {
        .server("NotFound", "\(type.qualifiedPlural) \"\(name)\" not found")
    }
}
