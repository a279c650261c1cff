/// One kind of API resource and the names kubectl knows it by.
public struct ResourceType: Sendable, Hashable, CustomStringConvertible {
    public let kind: String
    public let group: String
    public let version: String
    public let plural: String
    public let singular: String
    public let shortNames: [String]
    public let namespaced: Bool

    public init(kind: String, group: String, version: String, plural: String, singular: String? = nil,
                shortNames: [String] = [], namespaced: Bool = true) {
        self.kind = kind
        self.group = group
        self.version = version
        self.plural = plural
        self.singular = singular ?? kind.lowercased()
        self.shortNames = shortNames
        self.namespaced = namespaced
    }

    /// A resource is identified by its group and kind, as the API's RESTMapper does; comparing only these keeps
    /// the simulator's per-write `switch` on a change's type cheap (it runs for every store write).
    public static func == (lhs: ResourceType, rhs: ResourceType) -> Bool {
        lhs.kind == rhs.kind && lhs.group == rhs.group
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(group)
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// `deployments.apps`, or `services` for the core group, as kubectl prints resource names.
    public var qualifiedPlural: String { group.isEmpty ? plural : "\(plural).\(group)" }
    public var description: String { qualifiedPlural }

    /// The type for a kind the simulation does not model, named as the API's RESTMapper would guess it.
    public static func unmodeled(apiVersion: String, kind: String, namespaced: Bool = true) -> ResourceType {
        let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
        let group = parts.count == 2 ? parts[0] : ""
        let version = parts.count == 2 ? parts[1] : apiVersion
        return ResourceType(kind: kind, group: group, version: version, plural: guessPlural(kind),
                            namespaced: namespaced && !clusterScopedKinds.contains(kind))
    }

    static let clusterScopedKinds: Set<String> = [
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass",
        "CustomResourceDefinition", "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration",
        "MutatingWebhookConfiguration", "APIService", "CSIDriver", "RuntimeClass", "VolumeAttachment",
    ]

    static func guessPlural(_ kind: String) -> String {
        let lower = kind.lowercased()
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            return lower + "es"
        }
        if lower.hasSuffix("y"), let last = lower.dropLast().last, !"aeiou".contains(last) {
            return lower.dropLast() + "ies"
        }
        return lower + "s"
    }
}

extension ResourceType {
    public static let namespace = ResourceType(kind: "Namespace", group: "", version: "v1", plural: "namespaces",
                                               shortNames: ["ns"], namespaced: false)
    public static let node = ResourceType(kind: "Node", group: "", version: "v1", plural: "nodes", shortNames: ["no"],
                                          namespaced: false)
    public static let pod = ResourceType(kind: "Pod", group: "", version: "v1", plural: "pods", shortNames: ["po"])
    public static let service = ResourceType(kind: "Service", group: "", version: "v1", plural: "services",
                                             shortNames: ["svc"])
    public static let endpoints = ResourceType(kind: "Endpoints", group: "", version: "v1", plural: "endpoints",
                                               singular: "endpoints", shortNames: ["ep"])
    public static let secret = ResourceType(kind: "Secret", group: "", version: "v1", plural: "secrets")
    public static let configMap = ResourceType(kind: "ConfigMap", group: "", version: "v1", plural: "configmaps",
                                               shortNames: ["cm"])
    public static let serviceAccount = ResourceType(kind: "ServiceAccount", group: "", version: "v1",
                                                    plural: "serviceaccounts", shortNames: ["sa"])
    public static let event = ResourceType(kind: "Event", group: "", version: "v1", plural: "events", shortNames: ["ev"])
    public static let replicationController = ResourceType(kind: "ReplicationController", group: "", version: "v1",
                                                           plural: "replicationcontrollers", shortNames: ["rc"])
    public static let deployment = ResourceType(kind: "Deployment", group: "apps", version: "v1", plural: "deployments",
                                                shortNames: ["deploy"])
    public static let replicaSet = ResourceType(kind: "ReplicaSet", group: "apps", version: "v1", plural: "replicasets",
                                                shortNames: ["rs"])
    public static let statefulSet = ResourceType(kind: "StatefulSet", group: "apps", version: "v1",
                                                 plural: "statefulsets", shortNames: ["sts"])
    public static let daemonSet = ResourceType(kind: "DaemonSet", group: "apps", version: "v1", plural: "daemonsets",
                                               shortNames: ["ds"])
    public static let endpointSlice = ResourceType(kind: "EndpointSlice", group: "discovery.k8s.io", version: "v1",
                                                   plural: "endpointslices")
    public static let ingress = ResourceType(kind: "Ingress", group: "networking.k8s.io", version: "v1",
                                             plural: "ingresses", shortNames: ["ing"])
    public static let ingressClass = ResourceType(kind: "IngressClass", group: "networking.k8s.io", version: "v1",
                                                  plural: "ingressclasses", namespaced: false)

    /// Every kind the simulation models, in the order `kubectl get all`-style listings use.
    public static let modeled: [ResourceType] = [
        .pod, .service, .endpoints, .endpointSlice, .deployment, .replicaSet, .replicationController, .statefulSet,
        .daemonSet, .ingress, .ingressClass, .node, .namespace, .event, .secret, .configMap, .serviceAccount,
    ]

    /// Resolves a name as kubectl does: plural, singular, short name or kind, optionally qualified by group
    /// (`deployments.apps`), case-insensitively.
    public static func lookup(_ name: String, among extra: [ResourceType] = []) -> ResourceType? {
        let lower = name.lowercased()
        for type in modeled + extra {
            let names = [type.plural, type.singular, type.kind.lowercased()] + type.shortNames
            if names.contains(lower) { return type }
            if !type.group.isEmpty, [type.plural, type.singular, type.kind.lowercased()].contains(where: {
                "\($0).\(type.group)" == lower || "\($0).\(type.version).\(type.group)" == lower
            }) { return type }
        }
        return nil
    }
}
