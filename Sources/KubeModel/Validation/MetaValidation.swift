// ObjectMeta, labels, annotations and label selectors (apimachinery's ValidateObjectMeta, metav1validation).

extension Validation {
    /// Which format a kind's names must have; the API server picks one per kind.
    public enum NameRule: Sendable, Hashable {
        /// `NameIsDNSSubdomain`: most kinds (Pod, Deployment, Ingress, ConfigMap, Node, …).
        case dns1123Subdomain
        /// `NameIsDNSLabel`: Namespaces.
        case dns1123Label
        /// `NameIsDNS1035Label`: Services.
        case dns1035Label
        /// Kinds the simulation does not model: any non-empty name is kept.
        case any

        /// The messages for `name`; `prefix` is true for generateName, which may end in '-'.
        public func messages(_ name: String, prefix: Bool = false) -> [String] {
            let n = prefix ? Validation.maskTrailingDash(name) : name
            switch self {
            case .dns1123Subdomain: return Validation.isDNS1123Subdomain(n)
            case .dns1123Label: return Validation.isDNS1123Label(n)
            case .dns1035Label: return Validation.isDNS1035Label(n)
            case .any: return []
            }
        }
    }

    /// The API server's limit on all annotations of one object together (keys plus values).
    public static let totalAnnotationSizeLimit = 256 * 1024

    /// `ValidateObjectMeta`. A namespaced object with an empty namespace is accepted: the loader puts it in the
    /// default namespace, as kubectl does. A cluster-scoped object's namespace is ignored, as the API server
    /// clears it rather than rejecting it.
    public static func objectMeta(_ meta: ObjectMeta, namespaced: Bool, nameRule: NameRule,
                                  at path: FieldPath = FieldPath.root.child("metadata")) -> [FieldError] {
        var errs: [FieldError] = []
        if let generateName = meta.generateName, !generateName.isEmpty {
            errs += nameRule.messages(generateName, prefix: true).map { invalid(path.child("generateName"), generateName, $0) }
        }
        if meta.name.isEmpty {
            errs.append(required(path.child("name"), "name or generateName is required"))
        } else {
            errs += nameRule.messages(meta.name).map { invalid(path.child("name"), meta.name, $0) }
        }
        if namespaced, !meta.namespace.isEmpty {
            errs += isDNS1123Label(meta.namespace).map { invalid(path.child("namespace"), meta.namespace, $0) }
        }
        if let generation = meta.generation { errs += nonNegative(generation, at: path.child("generation")) }
        errs += labels(meta.labels, at: path.child("labels"))
        errs += annotations(meta.annotations, at: path.child("annotations"))
        return errs
    }

    /// `ValidateLabels`: every key a qualified name, every value a label value. The path is the map's, not the
    /// key's, exactly as the API server reports it. Keys are visited in sorted order so output is stable.
    public static func labels(_ labels: [String: String], at path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        for key in labels.keys.sorted() {
            errs += labelKey(key, at: path)
            errs += labelValue(labels[key]!, at: path)
        }
        return errs
    }

    /// `ValidateLabelName`.
    public static func labelKey(_ key: String, at path: FieldPath) -> [FieldError] {
        isQualifiedName(key).map { invalid(path, key, $0) }
    }

    public static func labelValue(_ value: String, at path: FieldPath) -> [FieldError] {
        isValidLabelValue(value).map { invalid(path, value, $0) }
    }

    /// `ValidateAnnotations`: keys are qualified names (checked lowercased), total size at most 256 KiB.
    public static func annotations(_ annotations: [String: String], at path: FieldPath) -> [FieldError] {
        var errs: [FieldError] = []
        var total = 0
        for key in annotations.keys.sorted() {
            errs += isQualifiedName(key.lowercased()).map { invalid(path, key, $0) }
            total += key.utf8.count + annotations[key]!.utf8.count
        }
        if total > totalAnnotationSizeLimit { errs.append(tooLong(path, max: totalAnnotationSizeLimit)) }
        return errs
    }

    /// `ValidateNonnegativeField`: replicas, generation, minReadySeconds, …
    public static func nonNegative(_ value: Int, at path: FieldPath) -> [FieldError] {
        value < 0 ? [invalid(path, value, "must be greater than or equal to 0")] : []
    }

    /// metav1validation `ValidateLabelSelector`: matchLabels as labels; each expression's operator, values and key.
    public static func labelSelector(_ selector: LabelSelector, at path: FieldPath) -> [FieldError] {
        var errs = labels(selector.matchLabels, at: path.child("matchLabels"))
        for (i, expr) in selector.matchExpressions.enumerated() {
            let p = path.child("matchExpressions").index(i)
            switch expr.op {
            case .in, .notIn:
                if expr.values.isEmpty {
                    errs.append(required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
                }
            case .exists, .doesNotExist:
                if !expr.values.isEmpty {
                    errs.append(forbidden(p.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                }
            }
            errs += labelKey(expr.key, at: p.child("key"))
            for (j, value) in expr.values.enumerated() { errs += labelValue(value, at: p.child("values").index(j)) }
        }
        return errs
    }
}

// MARK: - Go rendering of selectors, for "Invalid value: v1.LabelSelector{…}"

extension LabelSelector {
    /// Go's `%#v` of a metav1.LabelSelector, as validation messages print it.
    var goValue: String {
        let labels = matchLabels.isEmpty ? "map[string]string(nil)" : goMap(matchLabels)
        let exprs = matchExpressions.isEmpty
            ? "[]v1.LabelSelectorRequirement(nil)"
            : "[]v1.LabelSelectorRequirement{" + matchExpressions.map { e in
                let values = e.values.isEmpty ? "[]string(nil)" : "[]string{" + e.values.map(goQuote).joined(separator: ", ") + "}"
                return "v1.LabelSelectorRequirement{Key:\(goQuote(e.key)), Operator:\(goQuote(e.op.rawValue)), Values:\(values)}"
            }.joined(separator: ", ") + "}"
        return "v1.LabelSelector{MatchLabels:\(labels), MatchExpressions:\(exprs)}"
    }
}
