import KubeModel

extension YAMLNode {
    /// The JSON value kubectl would send for this node (sigs.k8s.io/yaml's YAML → JSON conversion).
    ///
    /// * Scalars are typed as go-yaml v2 types them (see `ScalarResolver`).
    /// * Mapping keys become strings: `80` → `"80"`, `yes` → `"true"`, `1.5` → `"1.5"`; `null` and collection
    ///   keys are rejected, as sigs.k8s.io/yaml rejects them.
    /// * Duplicate keys are errors, as in Kubernetes' strict decoding: `mapping key "x" already defined at line N`.
    /// * Merge keys (`<<: *base`, `<<: [*a, *b]`) are honoured, as go-yaml honours them: keys written in the mapping
    ///   win over merged ones, and earlier merge sources win over later ones (YAML 1.1's merge key specification).
    /// * `.inf` and `.nan` are errors: JSON cannot carry them (kubectl fails with "unsupported value" as well).
    public func json() throws(YAMLError) -> JSONValue {
        try YAMLToJSON.convert(self)
    }
}

enum YAMLToJSON {
    static func convert(_ node: YAMLNode) throws(YAMLError) -> JSONValue {
        switch node.content {
        case .scalar(let text, let style):
            switch ScalarResolver.resolve(text, style: style, tag: node.tag) {
            case .success(.value(let value)): return value
            case .success(.nonFinite(let name)):
                throw YAMLError("unsupported value: \(name) (JSON has no infinity or NaN; quote it for a string)",
                                at: node)
            case .failure(let error): throw YAMLError(error.message, at: node)
            }
        case .sequence(let items):
            var array: [JSONValue] = []
            array.reserveCapacity(items.count)
            for item in items { array.append(try convert(item)) }
            return .array(array)
        case .mapping(let pairs):
            return .object(try object(pairs))
        }
    }

    static func object(_ pairs: [YAMLPair]) throws(YAMLError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        fields.reserveCapacity(pairs.count)
        var hasMerge = false
        for pair in pairs {
            if pair.key.isMergeKey {
                hasMerge = true
                continue
            }
            let key = try keyString(pair.key)
            if fields.updateValue(try convert(pair.value), forKey: key) != nil {
                throw duplicateKey(key, at: pair.key, in: pairs)
            }
        }
        if hasMerge {
            for pair in pairs where pair.key.isMergeKey { try merge(pair.value, into: &fields) }
        }
        return fields
    }

    /// Adds the keys of a merge source that the mapping does not have yet.
    private static func merge(_ source: YAMLNode, into fields: inout [String: JSONValue]) throws(YAMLError) {
        let sources: [YAMLNode]
        switch source.content {
        case .mapping: sources = [source]
        case .sequence(let items): sources = items
        case .scalar: throw mergeError(source)
        }
        for item in sources {
            guard case .mapping(let pairs) = item.content else { throw mergeError(item) }
            for (key, value) in try object(pairs) where fields[key] == nil { fields[key] = value }
        }
    }

    private static func mergeError(_ node: YAMLNode) -> YAMLError {
        YAMLError("map merge requires a mapping or a sequence of mappings as the value, got \(node.kindDescription)",
                  at: node)
    }

    private static func duplicateKey(_ key: String, at node: YAMLNode, in pairs: [YAMLPair]) -> YAMLError {
        let first = pairs.first { !$0.key.isMergeKey && (try? keyString($0.key)) == key }?.key ?? node
        return YAMLError("mapping key \"\(key)\" already defined at line \(first.line)", at: node)
    }

    /// A mapping key as sigs.k8s.io/yaml turns it into a JSON object key.
    static func keyString(_ node: YAMLNode) throws(YAMLError) -> String {
        guard case .scalar(let text, let style) = node.content else {
            throw YAMLError("unsupported mapping key: \(node.kindDescription) (keys must be scalars)", at: node)
        }
        if node.tag == nil, style != .plain { return text }
        switch ScalarResolver.resolve(text, style: style, tag: node.tag) {
        case .success(.value(.string(let s))): return s
        case .success(.value(.int(let i))): return String(i)
        case .success(.value(.bool(let b))): return b ? "true" : "false"
        case .success(.value(.double(let d))): return GoFloat.formatShortest32(d)
        case .success(.nonFinite(let name)): return name == "NaN" ? ".nan" : name == "-Inf" ? "-.inf" : ".inf"
        case .success(.value(.null)): throw YAMLError("unsupported mapping key: null (quote it for a string)", at: node)
        case .success(.value(.array)), .success(.value(.object)): return text  // not produced for scalars
        case .failure(let error): throw YAMLError(error.message, at: node)
        }
    }
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 32)`, which sigs.k8s.io/yaml uses for float mapping keys: the shortest
/// digits that round-trip as a float32, in exponent form when the exponent is < -4 or >= 6 (`1e+06`, `1.5e-05`).
enum GoFloat {
    static func formatShortest32(_ value: Double) -> String {
        let f = Float(value)
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        // Swift's description is also the shortest round-trip form; re-lay its digits out as Go does.
        var text = Substring(f.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let pointIndex = text.firstIndex(of: ".")
        let integerPart = pointIndex.map { text[..<$0] } ?? text
        let fractionPart = pointIndex.map { text[text.index(after: $0)...] } ?? ""
        var digits = Array(integerPart + fractionPart)
        var decimalPoint = integerPart.count + exponent  // value = 0.DIGITS × 10^decimalPoint
        while digits.first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let sign = f.sign == .minus ? "-" : ""
        let exp = decimalPoint - 1
        if exp < -4 || exp >= 6 {
            let mantissa = digits.count > 1 ? "\(digits[0]).\(String(digits[1...]))" : String(digits[0])
            let magnitude = String(abs(exp))
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        if decimalPoint <= 0 { return sign + "0." + String(repeating: "0", count: -decimalPoint) + String(digits) }
        if decimalPoint >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: decimalPoint - digits.count)
        }
        return sign + String(digits[..<decimalPoint]) + "." + String(digits[decimalPoint...])
    }
}
