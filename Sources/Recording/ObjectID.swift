import KubeModel

/// An object's identity in a recording: what patch and delete entries name.
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var namespace: String
    public var name: String

    init(apiVersion: String, kind: String, namespace: String, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    init(_ type: ResourceType, _ key: ObjectKey) {
        self.init(apiVersion: type.apiVersion, kind: type.kind, namespace: key.namespace, name: key.name)
    }

    public static func < (a: ObjectID, b: ObjectID) -> Bool {
        (a.apiVersion, a.kind, a.namespace, a.name) < (b.apiVersion, b.kind, b.namespace, b.name)
    }

    /// `pod default/web-abc12`, `node node-1`: how messages name an object.
    public var description: String {
        let lower = kind.lowercased()
        return namespace.isEmpty ? "\(lower)/\(name)" : "\(lower)/\(name) in namespace \(namespace)"
    }

    var fields: [String: JSONValue] {
        var f: [String: JSONValue] = ["apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name)]
        if !namespace.isEmpty { f["namespace"] = .string(namespace) }
        return f
    }

    init?(fields o: [String: JSONValue]) {
        guard let apiVersion = o["apiVersion"]?.stringValue, let kind = o["kind"]?.stringValue,
              let name = o["name"]?.stringValue else { return nil }
        self.init(apiVersion: apiVersion, kind: kind, namespace: o["namespace"]?.stringValue ?? "", name: name)
    }

    init?(object json: JSONValue) {
        guard let apiVersion = json["apiVersion"]?.stringValue, let kind = json["kind"]?.stringValue,
              let name = json["metadata"]?["name"]?.stringValue else { return nil }
        self.init(apiVersion: apiVersion, kind: kind, namespace: json["metadata"]?["namespace"]?.stringValue ?? "",
                  name: name)
    }
}
