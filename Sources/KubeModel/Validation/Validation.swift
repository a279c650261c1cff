/// The API server's validation rules (k8s.io/apimachinery/pkg/util/validation and the per-kind validation in
/// kubernetes/pkg/apis/…/validation), worded exactly as it words them so users can search the messages they see.
///
/// Functions named `is…` return bare detail strings as Go's `validation.Is…` do; the others return `FieldError`s
/// carrying the path and the `Invalid value: …` / `Required value` prefix of `field.Error.ErrorBody()`.
public enum Validation {}

// MARK: - field.Error bodies

extension Validation {
    /// A value as field.Error prints it: strings Go-quoted (`%q`), numbers plain, other values pre-rendered.
    public enum BadValue: Sendable, Hashable {
        case string(String)
        case int(Int)
        /// Already in Go's `%#v` form, e.g. `map[string]string{"app":"x"}`.
        case raw(String)

        var rendered: String {
            switch self {
            case .string(let s): return goQuote(s)
            case .int(let i): return String(i)
            case .raw(let r): return r
            }
        }
    }

    /// `field.Invalid`: `Invalid value: "x": detail`.
    public static func invalid(_ path: FieldPath, _ value: BadValue, _ detail: String) -> FieldError {
        FieldError(path, "Invalid value: \(value.rendered)" + (detail.isEmpty ? "" : ": \(detail)"))
    }

    public static func invalid(_ path: FieldPath, _ value: String, _ detail: String) -> FieldError {
        invalid(path, .string(value), detail)
    }

    public static func invalid(_ path: FieldPath, _ value: Int, _ detail: String) -> FieldError {
        invalid(path, .int(value), detail)
    }

    /// `field.Required`: `Required value`, or `Required value: detail`.
    public static func required(_ path: FieldPath, _ detail: String = "") -> FieldError {
        FieldError(path, "Required value" + (detail.isEmpty ? "" : ": \(detail)"))
    }

    /// `field.Forbidden`: `Forbidden: detail`.
    public static func forbidden(_ path: FieldPath, _ detail: String) -> FieldError {
        FieldError(path, "Forbidden: \(detail)")
    }

    /// `field.Duplicate`: `Duplicate value: "x"`.
    public static func duplicate(_ path: FieldPath, _ value: BadValue) -> FieldError {
        FieldError(path, "Duplicate value: \(value.rendered)")
    }

    /// `field.NotSupported`: `Unsupported value: "x": supported values: "a", "b"`. Go sorts the list; so do we.
    public static func notSupported(_ path: FieldPath, _ value: String, _ supported: [String]) -> FieldError {
        let list = supported.sorted().map(goQuote).joined(separator: ", ")
        return FieldError(path, "Unsupported value: \(goQuote(value)): supported values: \(list)")
    }

    /// `field.TooLong` (bytes), as the annotation size limit reports it.
    public static func tooLong(_ path: FieldPath, max: Int) -> FieldError {
        FieldError(path, "Too long: may not be more than \(max) bytes")
    }
}

// MARK: - Go value rendering

/// Go's `strconv.Quote`: printable Unicode kept, quotes, backslashes and control characters escaped.
func goQuote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{0B}": out += "\\v"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hex(scalar.value, width: 2)
            } else if !isGoPrintable(scalar) {
                out += scalar.value <= 0xFFFF ? "\\u" + hex(scalar.value, width: 4) : "\\U" + hex(scalar.value, width: 8)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space only.
private func isGoPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .unassigned, .privateUse, .surrogate, .lineSeparator, .paragraphSeparator: return false
    case .spaceSeparator: return scalar == " "
    default: return true
    }
}

private func hex(_ v: UInt32, width: Int) -> String {
    let digits = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Go's `%#v` of a `map[string]string`: keys sorted, `map[string]string(nil)` when empty (an absent map decodes
/// to nil, which is what the API server would have printed).
func goMap(_ map: [String: String]) -> String {
    if map.isEmpty { return "map[string]string(nil)" }
    let pairs = map.keys.sorted().map { "\(goQuote($0)):\(goQuote(map[$0]!))" }
    return "map[string]string{" + pairs.joined(separator: ", ") + "}"
}
