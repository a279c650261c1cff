/// A label selector in kubectl's `-l` string form (`app=web,tier in (fe,be),!canary`), with the semantics and
/// printing of k8s.io/apimachinery/pkg/labels: a list of requirements, all of which must hold.
///
/// Unlike `LabelSelector` (the API object), it also has `=`, `==`, `!=` and the numeric `>`/`<` operators.
/// An empty query matches every object, as `kubectl get -l ''` does.
public struct SelectorQuery: Sendable, Hashable, CustomStringConvertible {
    public struct Requirement: Sendable, Hashable, CustomStringConvertible {
        /// Raw values are apimachinery's `selection.Operator` strings.
        public enum Operator: String, Sendable, Hashable, CaseIterable {
            case equals = "=", doubleEquals = "==", notEquals = "!="
            case `in` = "in", notIn = "notin"
            case exists = "exists", doesNotExist = "!"
            case greaterThan = "gt", lessThan = "lt"
        }

        public var key: String
        public var op: Operator
        /// For `in`/`notin` any number; for `=`, `==`, `!=`, `gt`, `lt` exactly one; none for exists/doesNotExist.
        public var values: [String]

        /// Builds a requirement without validating it; `SelectorQuery(parsing:)` is the validating path.
        public init(key: String, op: Operator, values: [String] = []) {
            self.key = key
            self.op = op
            self.values = values
        }

        /// `Requirement.Matches`: `!=` and `notin` match when the key is absent; `gt`/`lt` need the key present
        /// and both sides to parse as 64-bit integers, otherwise they do not match.
        public func matches(_ labels: [String: String]) -> Bool {
            switch op {
            case .equals, .doubleEquals, .in:
                guard let value = labels[key] else { return false }
                return values.contains(value)
            case .notEquals, .notIn:
                guard let value = labels[key] else { return true }
                return !values.contains(value)
            case .exists:
                return labels[key] != nil
            case .doesNotExist:
                return labels[key] == nil
            case .greaterThan, .lessThan:
                guard let text = labels[key], let actual = Int64(text), values.count == 1,
                      let bound = Int64(values[0]) else { return false }
                return op == .greaterThan ? actual > bound : actual < bound
            }
        }

        /// `Requirement.String()`: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, `k>1`, `k<1`;
        /// set values sorted.
        public var description: String {
            switch op {
            case .exists: return key
            case .doesNotExist: return "!" + key
            default: break
            }
            let joined = values.count == 1 ? values[0] : values.sorted().joined(separator: ",")
            switch op {
            case .equals: return key + "=" + joined
            case .doubleEquals: return key + "==" + joined
            case .notEquals: return key + "!=" + joined
            case .in: return key + " in (" + joined + ")"
            case .notIn: return key + " notin (" + joined + ")"
            case .greaterThan: return key + ">" + joined
            case .lessThan: return key + "<" + joined
            case .exists, .doesNotExist: return key
            }
        }
    }

    /// Sorted by key (stably), as apimachinery sorts a parsed or converted selector.
    public var requirements: [Requirement]

    public init(_ requirements: [Requirement] = []) {
        self.requirements = requirements.enumerated()
            .sorted { $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset }
            .map(\.element)
    }

    /// True when there is no requirement: the query matches everything.
    public var isEmpty: Bool { requirements.isEmpty }

    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    /// The canonical text, which parses back to an equal query: requirements joined by `,`.
    public var description: String { requirements.map(\.description).joined(separator: ",") }
}

extension SelectorQuery {
    /// `labels.SelectorFromSet`: one `k=v` per pair (a Service or ReplicationController selector).
    public init(matchLabels: [String: String]) {
        self.init(matchLabels.map { Requirement(key: $0.key, op: .equals, values: [$0.value]) })
    }

    /// `metav1.LabelSelectorAsSelector` for a present selector: matchLabels as `=`, expressions as their operators.
    public init(_ selector: LabelSelector) {
        var reqs = selector.matchLabels.map { Requirement(key: $0.key, op: .equals, values: [$0.value]) }
        for expr in selector.matchExpressions {
            let op: Requirement.Operator
            switch expr.op {
            case .in: op = .in
            case .notIn: op = .notIn
            case .exists: op = .exists
            case .doesNotExist: op = .doesNotExist
            }
            // Sorted and deduplicated as the parser leaves them, so equal selectors compare equal.
            reqs.append(Requirement(key: expr.key, op: op, values: Set(expr.values).sorted()))
        }
        self.init(reqs)
    }
}

extension LabelSelector {
    /// The selector as kubectl prints it in `-o wide`'s SELECTOR column: `app=web,tier in (be,fe),!canary`
    /// (`LabelSelectorAsSelector(s).String()`), sorted by key. Empty for an empty selector; tables show `<none>`.
    public var selectorString: String { SelectorQuery(self).description }

    /// The selector as a query, for callers that also accept `-l` strings.
    public var query: SelectorQuery { SelectorQuery(self) }
}
