public struct ContainerPort: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var name: String?
    public var containerPort: Int
    public var `protocol`: String = "TCP"
    public var hostPort: Int?

    public init(name: String? = nil, containerPort: Int, protocol: String = "TCP") {
        self.name = name
        self.containerPort = containerPort
        self.protocol = `protocol`
    }

    public init(from r: FieldReader) throws {
        name = try r.string("name")
        guard let p = try r.int("containerPort") else { throw FieldError(r.path.child("containerPort"), "Required value") }
        containerPort = p
        self.protocol = try r.string("protocol") ?? "TCP"
        hostPort = try r.int("hostPort")
        _ = r.unmodeled(typed: ["name", "containerPort", "protocol", "hostPort"], alsoValid: ["hostIP"])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder()
        b.set("name", name)
        b.set("containerPort", containerPort)
        b.set("protocol", self.protocol)
        b.set("hostPort", hostPort)
        return b.value
    }
}

/// A probe's timing, which is what the simulation needs; the handler (httpGet, tcpSocket, exec, grpc) is kept as given.
public struct Probe: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var initialDelaySeconds: Int = 0
    public var periodSeconds: Int = 10
    public var timeoutSeconds: Int = 1
    public var successThreshold: Int = 1
    public var failureThreshold: Int = 3
    public var unmodeled: [String: JSONValue] = [:]

    public init(initialDelaySeconds: Int = 0, periodSeconds: Int = 10, failureThreshold: Int = 3) {
        self.initialDelaySeconds = initialDelaySeconds
        self.periodSeconds = periodSeconds
        self.failureThreshold = failureThreshold
    }

    public init(from r: FieldReader) throws {
        initialDelaySeconds = try r.int("initialDelaySeconds") ?? 0
        periodSeconds = try r.int("periodSeconds") ?? 10
        timeoutSeconds = try r.int("timeoutSeconds") ?? 1
        successThreshold = try r.int("successThreshold") ?? 1
        failureThreshold = try r.int("failureThreshold") ?? 3
        unmodeled = r.unmodeled(
            typed: ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold"],
            alsoValid: ["exec", "httpGet", "tcpSocket", "grpc", "terminationGracePeriodSeconds"])
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.set("initialDelaySeconds", initialDelaySeconds == 0 ? nil : initialDelaySeconds)
        b.set("periodSeconds", periodSeconds)
        b.set("timeoutSeconds", timeoutSeconds)
        b.set("successThreshold", successThreshold)
        b.set("failureThreshold", failureThreshold)
        return b.value
    }
}

public struct Container: Sendable, Hashable, FieldDecodable, JSONEncodable {
    public var name: String
    public var image: String
    public var ports: [ContainerPort] = []
    public var readinessProbe: Probe?
    public var unmodeled: [String: JSONValue] = [:]

    public init(name: String, image: String, ports: [ContainerPort] = [], readinessProbe: Probe? = nil) {
        self.name = name
        self.image = image
        self.ports = ports
        self.readinessProbe = readinessProbe
    }

    static let alsoValid: Set<String> = [
        "command", "args", "workingDir", "envFrom", "env", "resources", "resizePolicy", "restartPolicy",
        "volumeMounts", "volumeDevices", "livenessProbe", "startupProbe", "lifecycle", "terminationMessagePath",
        "terminationMessagePolicy", "imagePullPolicy", "securityContext", "stdin", "stdinOnce", "tty",
    ]

    public init(from r: FieldReader) throws {
        name = try r.requiredString("name")
        image = try r.string("image") ?? ""
        ports = try r.list("ports")
        readinessProbe = try r.object("readinessProbe")
        unmodeled = r.unmodeled(typed: ["name", "image", "ports", "readinessProbe"], alsoValid: Self.alsoValid)
    }

    public func json() -> JSONValue {
        var b = JSONObjectBuilder(unmodeled)
        b.set("name", name)
        b.set("image", image)
        b.set("ports", ports)
        b.set("readinessProbe", readinessProbe)
        return b.value
    }
}
