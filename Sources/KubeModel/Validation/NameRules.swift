// k8s.io/apimachinery/pkg/util/validation (and api/validate/content): the string formats most of the API is built on.
// Each rule is hand-matched rather than regex-matched; the regex texts are kept because they are part of the message.
// Lengths are in UTF-8 bytes, as Go's len() counts them.

extension Validation {
    public static let dns1123LabelMaxLength = 63
    public static let dns1123SubdomainMaxLength = 253
    public static let dns1035LabelMaxLength = 63
    public static let labelValueMaxLength = 63
    public static let labelKeyNameMaxLength = 63

    static let dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123SubdomainFmt = dns1123LabelFmt + "(\\." + dns1123LabelFmt + ")*"
    static let dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?"
    static let wildcardDNS1123SubdomainFmt = "\\*\\." + dns1123SubdomainFmt
    static let labelKeyFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelValueFmt = "(" + labelKeyFmt + ")?"

    /// `validation.MaxLenError`.
    public static func maxLenError(_ length: Int) -> String { "must be no more than \(length) characters" }

    /// `validation.RegexError`: note Go's doubled space between examples (`'my-name',  or 'abc-123'`).
    public static func regexError(_ msg: String, _ fmt: String, _ examples: String...) -> String {
        if examples.isEmpty { return msg + " (regex used for validation is '" + fmt + "')" }
        var out = msg + " (e.g. "
        for (i, example) in examples.enumerated() {
            if i > 0 { out += " or " }
            out += "'" + example + "', "
        }
        return out + "regex used for validation is '" + fmt + "')"
    }

    /// `validation.InclusiveRangeError`.
    public static func inclusiveRangeError(_ lo: Int, _ hi: Int) -> String { "must be between \(lo) and \(hi), inclusive" }

    /// `IsDNS1123Label`: namespace names, container names, Service port names.
    public static func isDNS1123Label(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1123LabelMaxLength { errs.append(maxLenError(dns1123LabelMaxLength)) }
        if !isLabel1123(Array(value.utf8)[...]) {
            if isSubdomain1123(value) {
                errs.append("must not contain dots")  // a valid subdomain that is not a label can only have dots
            } else {
                errs.append(regexError(
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                    dns1123LabelFmt, "my-name", "123-abc"))
            }
        }
        return errs
    }

    /// `IsDNS1123Subdomain`: most object names, Ingress hosts, ExternalName targets, label key prefixes.
    public static func isDNS1123Subdomain(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1123SubdomainMaxLength { errs.append(maxLenError(dns1123SubdomainMaxLength)) }
        if !isSubdomain1123(value) {
            errs.append(regexError(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                dns1123SubdomainFmt, "example.com"))
        }
        return errs
    }

    /// `IsDNS1035Label`: Service names (they become DNS labels and environment variable names).
    public static func isDNS1035Label(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1035LabelMaxLength { errs.append(maxLenError(dns1035LabelMaxLength)) }
        let b = Array(value.utf8)
        if !(isLabel1123(b[...]) && isLower(b[0])) {
            errs.append(regexError(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                dns1035LabelFmt, "my-name", "abc-123"))
        }
        return errs
    }

    /// `IsWildcardDNS1123Subdomain`: `*.` followed by a subdomain; the `*` may be nowhere else.
    public static func isWildcardDNS1123Subdomain(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > dns1123SubdomainMaxLength { errs.append(maxLenError(dns1123SubdomainMaxLength)) }
        if !(value.hasPrefix("*.") && isSubdomain1123(String(value.dropFirst(2)))) {
            errs.append(regexError(
                "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
                wildcardDNS1123SubdomainFmt, "*.example.com"))
        }
        return errs
    }

    /// `IsQualifiedName` / `IsLabelKey`: an optional DNS-subdomain prefix and `/`, then a name of at most 63
    /// characters. Label keys, annotation keys, selector keys.
    public static func isQualifiedName(_ value: String) -> [String] {
        var errs: [String] = []
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errs.append("prefix part must be non-empty")
            } else {
                errs += isDNS1123Subdomain(String(prefix)).map { "prefix part " + $0 }
            }
        default:
            return ["a valid label key " + regexError(labelKeyErrMsg, labelKeyFmt, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errs.append("name part must be non-empty")
        } else if name.utf8.count > labelKeyNameMaxLength {
            errs.append("name part " + maxLenError(labelKeyNameMaxLength))
        }
        if !isLabelName(Array(name.utf8)[...]) {
            errs.append("name part " + regexError(labelKeyErrMsg, labelKeyFmt, "MyName", "my.name", "123-abc"))
        }
        return errs
    }

    /// `IsValidLabelValue`: empty, or a name-part of at most 63 characters.
    public static func isValidLabelValue(_ value: String) -> [String] {
        var errs: [String] = []
        if value.utf8.count > labelValueMaxLength { errs.append(maxLenError(labelValueMaxLength)) }
        if !value.isEmpty && !isLabelName(Array(value.utf8)[...]) {
            errs.append(regexError(
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                labelValueFmt, "MyValue", "my_value", "12345"))
        }
        return errs
    }

    static let labelKeyErrMsg =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

    /// generateName may end in '-' (a random suffix follows). Go's maskTrailingDash replaces the last *two* bytes
    /// with "a" (`name[:len(name)-2] + "a"`); reproduced as is, since diverging would change which names pass.
    static func maskTrailingDash(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > 1, bytes.last == 0x2D else { return name }
        return String(decoding: bytes.dropLast(2), as: UTF8.self) + "a"
    }
}

// MARK: - byte-level matchers

private func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
private func isAlnum(_ c: UInt8) -> Bool { isLower(c) || isDigit(c) || (c >= 0x41 && c <= 0x5A) }

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
private func isLabel1123(_ b: ArraySlice<UInt8>) -> Bool {
    guard let first = b.first, let last = b.last else { return false }
    guard isLower(first) || isDigit(first), isLower(last) || isDigit(last) else { return false }
    return b.allSatisfy { isLower($0) || isDigit($0) || $0 == 0x2D }
}

/// Labels of a subdomain have no length limit of their own in the API's regex; only the total is limited.
private func isSubdomain1123(_ value: String) -> Bool {
    Array(value.utf8).split(separator: 0x2E, omittingEmptySubsequences: false).allSatisfy(isLabel1123)
        && !value.isEmpty
}

/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
private func isLabelName(_ b: ArraySlice<UInt8>) -> Bool {
    guard let first = b.first, let last = b.last, isAlnum(first), isAlnum(last) else { return false }
    return b.allSatisfy { isAlnum($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
}
