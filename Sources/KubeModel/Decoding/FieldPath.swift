/// A path into an object, printed as the API server prints it: `spec.ports[0].targetPort`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public enum Element: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var elements: [Element]

    public init(_ elements: [Element] = []) { self.elements = elements }

    public static let root = FieldPath()

    public func child(_ key: String) -> FieldPath { FieldPath(elements + [.key(key)]) }
    public func index(_ i: Int) -> FieldPath { FieldPath(elements + [.index(i)]) }

    public var description: String {
        var out = ""
        for element in elements {
            switch element {
            case .key(let k):
                if !out.isEmpty { out += "." }
                out += k
            case .index(let i):
                out += "[\(i)]"
            }
        }
        return out
    }
}

/// A problem in one field of one object, worded like the API server's field errors.
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: FieldPath
    public var message: String

    public init(_ path: FieldPath, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.elements.isEmpty ? message : "\(path): \(message)" }
}

/// An unknown field, reported as kubectl's field validation does: a warning, never a rejection.
public struct FieldWarning: Sendable, Hashable, CustomStringConvertible {
    public var path: FieldPath
    public var message: String

    public init(_ path: FieldPath, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
