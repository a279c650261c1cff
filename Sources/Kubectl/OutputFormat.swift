/// kubectl's `-o` formats that `get` supports. `.table` is the default (no `-o`).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case table = ""
    case wide, json, yaml, name

    /// The formats `-o` accepts, as listed in the error message.
    public static let allowed = ["json", "name", "wide", "yaml"]

    /// Parses the value of `-o`; nil or "" is the default table.
    public static func parse(_ text: String?) throws(KubectlError) -> OutputFormat {
        guard let text, !text.isEmpty else { return .table }
        guard let format = OutputFormat(rawValue: text), format != .table else {
            throw KubectlError.client(
                "unable to match a printer suitable for the output format \"\(text)\", allowed formats are: "
                    + allowed.joined(separator: ","))
        }
        return format
    }

    /// Table output (default or wide), as opposed to whole objects or names.
    public var isHumanReadable: Bool { self == .table || self == .wide }
}
