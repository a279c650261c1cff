// Matching with the semantics of k8s.io/apimachinery/pkg/labels (Requirement.Matches) and
// metav1.LabelSelectorAsSelector, which is what every controller uses to turn a spec's selector into a predicate.

extension LabelSelector.Requirement {
    /// In: key present and value listed. NotIn: key absent, or value not listed. Exists / DoesNotExist: key presence.
    ///
    /// A label with an empty value is still present: `app: ""` satisfies `Exists` and fails `DoesNotExist`.
    public func matches(_ labels: [String: String]) -> Bool {
        switch op {
        case .in:
            guard let value = labels[key] else { return false }
            return values.contains(value)
        case .notIn:
            guard let value = labels[key] else { return true }
            return !values.contains(value)
        case .exists:
            return labels[key] != nil
        case .doesNotExist:
            return labels[key] == nil
        }
    }
}

extension LabelSelector {
    /// Builds a selector that requires exactly these labels (`matchLabels` only).
    public init(_ matchLabels: [String: String]) {
        self.init(matchLabels: matchLabels, matchExpressions: [])
    }

    /// True when the selector has no requirements, so it matches every set of labels.
    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// Every `matchLabels` pair must be present with the same value, and every expression must hold (logical AND).
    ///
    /// An *empty* selector (`selector: {}`) matches everything. A *missing* selector matches nothing; use
    /// `LabelSelector.matches(_:_:)` with the optional for selectors that may be absent so that difference cannot be lost.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value { return false }
        for requirement in matchExpressions where !requirement.matches(labels) { return false }
        return true
    }

    /// metav1.LabelSelectorAsSelector's rule made explicit: a `nil` selector is `labels.Nothing()` (matches no
    /// object), an empty one is `labels.Everything()` (matches every object).
    ///
    /// This is why a PodDisruptionBudget or NetworkPolicy-style consumer must keep the optional: collapsing `nil`
    /// to `LabelSelector()` would silently turn "select nothing" into "select everything".
    public static func matches(_ selector: LabelSelector?, _ labels: [String: String]) -> Bool {
        guard let selector else { return false }
        return selector.matches(labels)
    }

    /// Map-style selector matching (Service `spec.selector`, ReplicationController `spec.selector`), as
    /// `labels.SelectorFromSet(map).Matches(labels)`: every pair must be present with the same value, so an empty
    /// map matches every object.
    ///
    /// Services are the exception the caller must apply: a Service whose selector is `nil` *or empty* gets no
    /// managed endpoints at all (the API server drops an empty selector, so both arrive as nil, and the
    /// EndpointSlice controller skips such Services); their endpoints are managed by hand. The reconciler decides
    /// that before it calls this — this function only answers "do these labels satisfy this map".
    public static func matches(_ mapSelector: [String: String], _ labels: [String: String]) -> Bool {
        for (key, value) in mapSelector where labels[key] != value { return false }
        return true
    }
}
