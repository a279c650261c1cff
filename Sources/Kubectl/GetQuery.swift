import ClusterStore
import KubeModel

/// A `get` request as the command line gives it; `GetCommand.run` validates and answers it.
public struct GetQuery: Sendable, Hashable {
    /// The positional arguments: `KIND[,KIND...] [NAME...]`, or `KIND/NAME...` (kubectl's two forms).
    public var arguments: [String]
    /// `-n`; nil or empty means `default`.
    public var namespace: String?
    /// `-A`.
    public var allNamespaces: Bool
    /// `-l`, in kubectl's selector syntax.
    public var selector: String?
    /// `-o`; nil or empty for the default table.
    public var output: String?

    public init(arguments: [String], namespace: String? = nil, allNamespaces: Bool = false, selector: String? = nil,
                output: String? = nil) {
        self.arguments = arguments
        self.namespace = namespace
        self.allNamespaces = allNamespaces
        self.selector = selector
        self.output = output
    }

    /// `get KINDS [NAME]`, e.g. `GetQuery(kinds: "svc,ing")` or `GetQuery(kinds: "pods", name: "web-abc")`.
    public init(kinds: String, name: String? = nil, namespace: String? = nil, allNamespaces: Bool = false,
                selector: String? = nil, output: String? = nil) {
        self.init(arguments: [kinds] + (name.map { [$0] } ?? []), namespace: namespace,
                  allNamespaces: allNamespaces, selector: selector, output: output)
    }

    /// The namespace `get` looks in when not listing all of them.
    public var effectiveNamespace: String { (namespace ?? "").isEmpty ? "default" : namespace! }
}

/// A validated query: what to fetch and how to print it.
struct GetPlan {
    struct Request {
        var type: ResourceType
        /// nil: list every object of the type (filtered by namespace and selector).
        var names: [String]?
    }

    var requests: [Request]
    var namespace: String
    var allNamespaces: Bool
    var selector: SelectorQuery?
    var format: OutputFormat
    /// kubectl's singleItemImplied: exactly one object was named, so `-o json|yaml` prints it without a List.
    var singleItemImplied: Bool
}

extension GetQuery {
    /// Validates the query in kubectl's order: output format, argument shape, resource types, selector and name
    /// rules, then the selector's syntax (which the API server would reject).
    func plan(in state: ClusterState) throws(KubectlError) -> GetPlan {
        let format = try OutputFormat.parse(output)
        let extra = state.genericTypes
        func resolve(_ name: String) throws(KubectlError) -> [ResourceType] {
            if name.lowercased() == "all" { return GetQuery.allCategory(extra) }
            guard let type = ResourceType.lookup(name, among: extra) else { throw .unknownResourceType(name) }
            return [type]
        }
        let selectorText = (selector ?? "").trimmingWhitespace()
        let hasSelector = !selectorText.isEmpty

        var requests: [GetPlan.Request] = []
        var singleItemImplied = false
        guard let first = arguments.first else { throw .client("Required resource not specified.") }
        if arguments.contains(where: { $0.contains("/") }) {
            // KIND/NAME form: every argument must be one.
            guard first.contains("/") else {
                throw .client("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
            }
            for arg in arguments {
                let parts = arg.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw .client(parts.count > 2 ? "arguments in resource/name form may not have more than one slash"
                                                  : "arguments in resource/name form must have a single resource and name")
                }
                for type in try resolve(String(parts[0])) {
                    requests.append(GetPlan.Request(type: type, names: [String(parts[1])]))
                }
            }
            if hasSelector { throw .client("selectors and the all flag cannot be used when passing resource/name arguments") }
            singleItemImplied = requests.count == 1
        } else {
            var seen = Set<String>()
            let kinds = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                .filter { seen.insert($0).inserted }
            var types: [ResourceType] = []
            for kind in kinds { types += try resolve(kind) }
            let names = Array(arguments.dropFirst())
            if names.isEmpty {
                requests = types.map { GetPlan.Request(type: $0, names: nil) }
            } else {
                if hasSelector { throw .client("name cannot be provided when a selector is specified") }
                guard types.count == 1 else { throw .client("you must specify only one resource") }
                requests = [GetPlan.Request(type: types[0], names: names)]
                singleItemImplied = names.count == 1
            }
        }
        if allNamespaces, requests.contains(where: { $0.names != nil && $0.type.namespaced }) {
            throw .client("a resource cannot be retrieved by name across all namespaces")
        }
        var query: SelectorQuery?
        if hasSelector {
            do {
                query = try SelectorQuery(parsing: selectorText)
            } catch {
                throw .server("BadRequest", error.message)
            }
        }
        return GetPlan(requests: requests, namespace: effectiveNamespace, allNamespaces: allNamespaces,
                       selector: query, format: format, singleItemImplied: singleItemImplied)
    }

    /// kubectl's `all` category, in discovery order: pods, replicationcontrollers, services, then the apps kinds,
    /// then horizontalpodautoscalers, cronjobs and jobs when the store has any.
    static func allCategory(_ extra: [ResourceType]) -> [ResourceType] {
        var types: [ResourceType] = [.pod, .replicationController, .service, .daemonSet, .deployment, .replicaSet,
                                     .statefulSet]
        for kind in ["HorizontalPodAutoscaler", "CronJob", "Job"] {
            types += extra.filter { $0.kind == kind }
        }
        return types
    }
}
