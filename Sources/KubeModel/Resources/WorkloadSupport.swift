extension IntOrString {
    /// intstr.GetScaledValueFromIntOrPercent: `25%` of `total`, rounded up (maxSurge) or down (maxUnavailable).
    /// nil for a string that is not a percentage.
    public func scaled(total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let n): return n
        case .string(let s):
            guard s.hasSuffix("%"), let percent = Int(s.dropLast()), percent >= 0 else { return nil }
            let product = percent * total
            return roundUp ? (product + 99) / 100 : product / 100
        }
    }
}

/// maxSurge and maxUnavailable, shared in shape by Deployment's and DaemonSet's rolling updates.
public struct RollingUpdateLimits: Sendable, Hashable, JSONEncodable {
    public var maxSurge: IntOrString
    public var maxUnavailable: IntOrString

    public init(maxSurge: IntOrString, maxUnavailable: IntOrString) {
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }

    /// Reads and validates as apps/v1 validation does; absent values take the kind's defaults.
    static func decode(_ r: FieldReader?, defaults: RollingUpdateLimits) throws -> RollingUpdateLimits {
        guard let r else { return defaults }
        let surge = try r.intOrString("maxSurge") ?? defaults.maxSurge
        let unavailable = try r.intOrString("maxUnavailable") ?? defaults.maxUnavailable
        try validate(surge, at: r.path.child("maxSurge"))
        try validate(unavailable, at: r.path.child("maxUnavailable"))
        if case .string(let s) = unavailable, let p = Int(s.dropLast()), p > 100 {
            throw FieldError(r.path.child("maxUnavailable"), "Invalid value: \"\(s)\": must not be greater than 100%")
        }
        if surge.scaled(total: 100, roundUp: true) == 0, unavailable.scaled(total: 100, roundUp: true) == 0 {
            throw FieldError(r.path.child("maxUnavailable"),
                             "Invalid value: \(unavailable.json().quotedForError): may not be 0 when `maxSurge` is 0")
        }
        _ = r.unmodeled(typed: ["maxSurge", "maxUnavailable"], alsoValid: [])
        return RollingUpdateLimits(maxSurge: surge, maxUnavailable: unavailable)
    }

    private static func validate(_ value: IntOrString, at path: FieldPath) throws {
        switch value {
        case .int(let n) where n < 0:
            throw FieldError(path, "Invalid value: \(n): must be greater than or equal to 0")
        case .string(let s) where s.scaledPercentIsInvalid:
            throw FieldError(path, "Invalid value: \"\(s)\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")
        default: break
        }
    }

    public func json() -> JSONValue { ["maxSurge": maxSurge.json(), "maxUnavailable": maxUnavailable.json()] }
}

extension String {
    fileprivate var scaledPercentIsInvalid: Bool {
        guard hasSuffix("%"), count > 1 else { return true }
        return !dropLast().allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension JSONValue {
    fileprivate var quotedForError: String {
        if case .string(let s) = self { return "\"\(s)\"" }
        return JSONWriter.compact(self)
    }
}

extension FieldReader {
    /// apps/v1 requires a selector; whether it is empty or matches the template is Validation's to say.
    func workloadSelector() throws -> LabelSelector {
        guard let selector: LabelSelector = try object("selector") else {
            throw FieldError(path.child("selector"), "Required value")
        }
        return selector
    }

    func workloadTemplate() throws -> PodTemplateSpec {
        guard let template: PodTemplateSpec = try object("template") else {
            throw FieldError(path.child("template"), "Required value")
        }
        return template
    }

    func nonNegativeInt(_ key: String) throws -> Int? {
        guard let n = try int(key) else { return nil }
        if n < 0 { throw FieldError(path.child(key), "Invalid value: \(n): must be greater than or equal to 0") }
        return n
    }
}
