// Port numbers, IANA service names and the nodePort range, as the API server checks them.

extension Validation {
    /// The API server's default `--service-node-port-range`.
    public static let defaultNodePortRange: ClosedRange<Int> = 30000...32767
    /// Protocols a Service or container port may name (`supportedPortProtocols`).
    public static let portProtocols = ["SCTP", "TCP", "UDP"]

    /// `IsValidPortNum`: 1–65535.
    public static func isValidPortNum(_ port: Int) -> [String] {
        (1...65535).contains(port) ? [] : [inclusiveRangeError(1, 65535)]
    }

    /// `IsValidPortName` (IANA_SVC_NAME, RFC 6335): at most 15 characters of `[-a-z0-9]`, at least one letter, no
    /// leading, trailing or doubled '-'. Container port names and named targetPorts.
    public static func isValidPortName(_ name: String) -> [String] {
        var errs: [String] = []
        let b = Array(name.utf8)
        if b.count > 15 { errs.append(maxLenError(15)) }
        let lower = { (c: UInt8) in c >= 0x61 && c <= 0x7A }
        if b.isEmpty || !b.allSatisfy({ lower($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
            errs.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if !b.contains(where: lower) { errs.append("must contain at least one letter (a-z)") }
        if name.contains("--") { errs.append("must not contain consecutive hyphens") }
        if b.first == 0x2D || b.last == 0x2D { errs.append("must not begin or end with a hyphen") }
        return errs
    }

    /// A port number field (`port`, `containerPort`, a backend's `port.number`).
    public static func portNumber(_ port: Int, at path: FieldPath) -> [FieldError] {
        isValidPortNum(port).map { invalid(path, port, $0) }
    }

    /// An IANA port name field (a container port's `name`, a backend's `port.name`).
    public static func portName(_ name: String, at path: FieldPath) -> [FieldError] {
        isValidPortName(name).map { invalid(path, name, $0) }
    }

    /// `ValidatePortNumOrName`: a targetPort is a valid number or a valid IANA name.
    public static func portNumOrName(_ port: IntOrString, at path: FieldPath) -> [FieldError] {
        switch port {
        case .int(let n): return portNumber(n, at: path)
        case .string(let s): return portName(s, at: path)
        }
    }

    /// A nodePort outside the range is rejected by the allocator (not validation proper), with these words.
    public static func nodePort(_ port: Int, at path: FieldPath,
                                range: ClosedRange<Int> = defaultNodePortRange) -> [FieldError] {
        guard !range.contains(port) else { return [] }
        return [invalid(path, port,
                        "provided port is not in the valid range. The range of valid ports is \(range.lowerBound)-\(range.upperBound)")]
    }

    /// A `protocol` field: required, one of SCTP, TCP, UDP (case-sensitive: `tcp` is rejected).
    public static func portProtocol(_ value: String, at path: FieldPath) -> [FieldError] {
        if value.isEmpty { return [required(path)] }
        return portProtocols.contains(value) ? [] : [notSupported(path, value, portProtocols)]
    }
}
