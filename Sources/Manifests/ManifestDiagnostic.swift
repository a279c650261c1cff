/// Where an object came from: the file (`<stdin>` for `-`) and the position of its first line.
public struct ManifestSource: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// One problem found while loading, printed the way compilers print them so editors can jump to it:
/// `PATH:LINE:COLUMN: error: MESSAGE`, or `PATH: error: MESSAGE` for problems with a whole file.
///
/// Messages name fields and keys, never values: a value may be Secret data.
public struct ManifestDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var path: String
    /// 1-based; nil for problems with the file itself (missing, empty, binary).
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        guard let line, let column else { return "\(path): \(severity.rawValue): \(message)" }
        return "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }
}
