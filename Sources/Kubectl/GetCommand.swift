import ClusterStore
import KubeModel

/// `switchboard get`: kubectl's `get` over a cluster state, as a pure function from (state, query) to the text
/// kubectl would print, so the CLI only parses flags and writes the result.
public enum GetCommand {
    public static func run(state: ClusterState, query: GetQuery) -> (stdout: String, stderr: String, exitCode: Int32) {
        let plan: GetPlan
        do {
            plan = try query.plan(in: state)
        } catch {
            return ("", error.message + "\n", 1)
        }

        // Fetch, in request order, collecting NotFound errors as kubectl does (it prints what it found, then them).
        var groups: [(type: ResourceType, objects: [KubeObject])] = []
        var errors: [KubectlError] = []
        var tableTypes = Set<ResourceType>()
        for request in plan.requests {
            let objects: [KubeObject]
            if let names = request.names {
                var found: [KubeObject] = []
                let namespace = request.type.namespaced ? plan.namespace : ""
                for name in names {
                    if let object = state.get(request.type, ObjectKey(namespace: namespace, name: name)) {
                        found.append(object)
                    } else {
                        errors.append(.notFound(request.type, name))
                    }
                }
                objects = found
                if !found.isEmpty { tableTypes.insert(request.type) }
            } else {
                objects = state.list(request.type).filter { object in
                    (plan.allNamespaces || !request.type.namespaced || object.metadata.namespace == plan.namespace)
                        && (plan.selector?.matches(object.metadata.labels) ?? true)
                }
                tableTypes.insert(request.type)
            }
            if let last = groups.last, last.type == request.type {
                groups[groups.count - 1].objects += objects
            } else {
                groups.append((request.type, objects))
            }
        }

        var stdout = ""
        switch plan.format {
        case .table, .wide:
            let options = TableOptions(wide: plan.format == .wide, withNamespace: plan.allNamespaces,
                                       withKind: tableTypes.count > 1, now: state.now)
            for group in groups where !group.objects.isEmpty {
                let text = TablePrinter.table(group.type, group.objects, options: options).rendered
                if !stdout.isEmpty && !text.isEmpty { stdout += "\n" }
                stdout += text
            }
        case .name:
            for object in groups.flatMap(\.objects) { stdout += NamePrinter.name(of: object) + "\n" }
        case .json, .yaml:
            let objects = groups.flatMap(\.objects)
            if plan.singleItemImplied && objects.isEmpty { break }
            let document = plan.singleItemImplied && objects.count == 1
                ? objects[0].json() : ListWrapper.list(objects.map { $0.json() })
            stdout = plan.format == .json ? JSONWriter.pretty(document) + "\n" : YAMLWriter.write(document)
        }

        var stderr = errors.map { $0.message + "\n" }.joined()
        if plan.format.isHumanReadable && stdout.isEmpty && errors.isEmpty {
            let allNamespaced = !plan.allNamespaces && plan.requests.allSatisfy { $0.type.namespaced }
            stderr += noResourcesMessage(namespace: allNamespaced ? plan.namespace : nil) + "\n"
        }
        return (stdout, stderr, errors.isEmpty ? 0 : 1)
    }

    /// What kubectl prints to stderr when a listing is empty: `No resources found in NS namespace.` for a
    /// namespaced listing, `No resources found` with `-A` or for cluster-scoped kinds (pass nil).
    public static func noResourcesMessage(namespace: String?) -> String {
        namespace.map { "No resources found in \($0) namespace." } ?? "No resources found"
    }
}

/// `switchboard get` as a free function (call it `Kubectl.run(state:query:)` from inside a type with its own `run`).
public func run(state: ClusterState, query: GetQuery) -> (stdout: String, stderr: String, exitCode: Int32) {
    GetCommand.run(state: state, query: query)
}

/// `-o name`: `service/frontend`, `deployment.apps/web`, `ingress.networking.k8s.io/shop`.
public enum NamePrinter {
    public static func name(of object: KubeObject) -> String {
        TablePrinter.kindPrefix(object.resourceType) + "/" + object.metadata.name
    }
}
