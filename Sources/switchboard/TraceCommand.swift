import ArgumentParser
import Foundation
import KubeModel
import Simulation

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Send a simulated HTTP request into the cluster and print the route it takes.",
        discussion: """
        The URL's host decides the entry: a host name goes to the ingress controller (Ingress rules); a Service's \
        ClusterIP or DNS name (svc.ns.svc.cluster.local, svc.ns) goes through that Service; a node's InternalIP \
        with a nodePort, or a LoadBalancer address, goes through that Service; a pod IP reaches the pod. The exit \
        code is 0 whenever the trace ran, whatever the request's fate.
        """)

    @Argument(help: "The URL, e.g. http://shop.example.com/api or http://10.96.0.6/.") var url: String
    @OptionGroup var cluster: ClusterOptions
    @Option(name: .customShort("X"), help: "HTTP method.") var method = "GET"
    @Option(name: .customShort("H"), help: "A header, 'Name: value' (repeatable); 'Host: …' picks the virtual host.")
    var headers: [String] = []
    @Option(help: "Send N requests and print a summary of statuses and pods (1 to 1000000).") var requests = 1
    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json.") var output = "text"
    @Option(help: "Send from this pod (NAMESPACE/NAME): short Service names, internalTrafficPolicy and affinity use it.")
    var from: String?
    @Option(name: .customLong("proxy-mode"), help: "kube-proxy mode: iptables (random) or ipvs (round robin).")
    var proxyMode = "iptables"

    func run() throws {
        guard output == "text" || output == "json" else { fail("unknown output format \"\(output)\": use text or json") }
        guard (1...1_000_000).contains(requests) else {
            fail("--requests must be between 1 and 1000000, not \(requests)")
        }
        guard let mode = ProxyMode(rawValue: proxyMode) else {
            fail("unknown proxy mode \"\(proxyMode)\": use iptables or ipvs")
        }
        let request: HTTPRequest
        do {
            request = try HTTPRequest.parse(url, method: method, headers: headers)
        } catch {
            fail("error: \(error)")
        }
        // The settled cluster is traced with its proxy rules caught up; actions after it see kube-proxy's lag.
        var sim = try cluster.buildSimulator(adjust: { $0.proxyMode = mode },
                                             afterSettle: { if !cluster.noSettle { $0.programProxyRules() } })
        let client = try client(in: sim)
        if requests == 1 {
            let trace = sim.trace(request, from: client)
            print(output == "json" ? JSONWriter.pretty(trace.json()) : trace.text)
            return
        }
        var first: Trace?
        var statuses: [String: Int] = [:]
        var pods: [String: Int] = [:]
        for _ in 0..<requests {
            let trace = sim.trace(request, from: client)
            if first == nil { first = trace }
            statuses[trace.statusText, default: 0] += 1
            if let pod = trace.pod, trace.outcome == .delivered { pods[pod.name, default: 0] += 1 }
        }
        if output == "json" {
            let summary: JSONValue = [
                "requests": .int(Int64(requests)),
                "status": .object(statuses.mapValues { .int(Int64($0)) }),
                "pods": .object(pods.mapValues { .int(Int64($0)) }),
            ]
            print(JSONWriter.pretty(summary))
        } else {
            var lines = ["\(requests) requests to \(request.url)"]
            if let first { lines.append("first: " + first.text.replacingOccurrences(of: "\n", with: "\n       ")) }
            lines.append("status:")
            lines += statuses.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }
            if !pods.isEmpty {
                lines.append("pods:")
                lines += pods.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }
            }
            print(lines.joined(separator: "\n"))
        }
    }

    private func client(in sim: Simulator) throws -> TraceClient {
        guard let from else { return .external }
        let parts = from.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            fail("--from must be NAMESPACE/POD, not \"\(from)\"")
        }
        guard let pod = sim.snapshot.pods[ObjectKey(namespace: parts[0], name: parts[1])] else {
            fail("Error from server (NotFound): pods \"\(parts[1])\" not found in namespace \"\(parts[0])\"")
        }
        guard let ip = pod.status.podIP else { fail("pod \(from) has no IP yet, so it cannot send requests") }
        return TraceClient(namespace: parts[0], node: pod.spec.nodeName, ip: ip)
    }

    private func fail(_ message: String) -> Never {
        Console.error(message.hasPrefix("error:") || message.hasPrefix("Error") ? message : "error: \(message)")
        Foundation.exit(1)
    }
}
