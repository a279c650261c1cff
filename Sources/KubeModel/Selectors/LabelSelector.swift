/// metav1.LabelSelector: `matchLabels` and `matchExpressions`, ANDed together.
public struct LabelSelector: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public struct Requirement: Sendable, Hashable, FieldDecodable, JSONEncodable {
        public enum Operator: String, Sendable, Hashable, CaseIterable {
            case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
        }
        public var key: String
        public var op: Operator
        public var values: [String]

        public init(key: String, op: Operator, values: [String] = []) {
            self.key = key
            self.op = op
            self.values = values
        }

        public init(from r: FieldReader) throws {
            key = try r.requiredString("key")
            let opText = try r.requiredString("operator")
            guard let op = Operator(rawValue: opText) else {
                throw FieldError(r.path.child("operator"),
                                 "Invalid value: \"\(opText)\": not a valid selector operator")
            }
            self.op = op
            values = try r.stringList("values")
        }

        public func json() -> JSONValue {
            var b = JSONObjectBuilder()
            b.set("key", key)
            b.set("operator", op.rawValue)
            if !values.isEmpty { b.set("values", .array(values.map { .string($0) })) }
            return b.value
        }
    }

    public var matchLabels: [String: String]
    public var matchExpressions: [Requirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    public init(from r: FieldReader) throws {
        matchLabels = try r.stringMap("matchLabels")
        matchExpressions = try r.list("matchExpressions")
        _ = r.unmodeled(typed: ["matchLabels", "matchExpressions"], alsoValid: [])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("matchLabels", matchLabels)
        b.set("matchExpressions", matchExpressions)
        return b.value
    }
}
