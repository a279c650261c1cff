import KubeModel
import Testing
@testable import Recording

@Suite("Decoding a new version from the previous one")
struct ReusingDecoderTests {
    static func slice(_ ips: [String], ready: Set<String> = []) -> EndpointSlice {
        var meta = ObjectMeta(name: "web-abcde", namespace: "shop")
        meta.labels = [EndpointSlice.serviceNameLabel: "web"]
        return EndpointSlice(metadata: meta, endpoints: ips.map { ip in
            Endpoint(addresses: [ip], conditions: EndpointConditions(ready: ready.contains(ip)), nodeName: "node-1",
                     targetRef: ObjectReference(kind: "Pod", namespace: "shop", name: "pod-\(ip)"))
        }, ports: [EndpointPort(name: "http", port: 80)])
    }

    static func endpoints(_ ips: [String], notReady: [String] = []) -> Endpoints {
        Endpoints(metadata: ObjectMeta(name: "web", namespace: "shop"), subsets: [EndpointSubset(
            addresses: ips.map { EndpointAddress(ip: $0, nodeName: "node-1") },
            notReadyAddresses: notReady.map { EndpointAddress(ip: $0) }, ports: [EndpointPort(port: 80)])])
    }

    /// Decodes `next` knowing `previous`, after patching as a replay does, and checks it against a whole decode.
    static func roundTrip(_ previous: KubeObject, _ next: KubeObject) throws -> KubeObject {
        let old = previous.json()
        let patch = try #require(JSONPatch.diff(old, next.json()))
        let patched = try JSONPatch.apply(patch, to: old)
        let decoded = try ReusingDecoder.decode(patched, previous: (old, try KubeObject.decodeStored(old)))
        #expect(decoded == (try KubeObject.decodeStored(patched)))
        return decoded
    }

    @Test("An EndpointSlice with one endpoint changed, added or removed decodes as a whole decode does")
    func sliceVersions() throws {
        let ips = (1...100).map { "10.0.0.\($0)" }
        let base = KubeObject.endpointSlice(Self.slice(ips))
        let flipped = try Self.roundTrip(base, .endpointSlice(Self.slice(ips, ready: ["10.0.0.50"])))
        guard case .endpointSlice(let s) = flipped else { Issue.record("not a slice"); return }
        #expect(s.endpoints[49].conditions.ready == true && s.endpoints[48].conditions.ready == false)
        _ = try Self.roundTrip(base, .endpointSlice(Self.slice(ips + ["10.0.1.1"])))
        _ = try Self.roundTrip(base, .endpointSlice(Self.slice(Array(ips.dropFirst(3)))))
        _ = try Self.roundTrip(base, .endpointSlice(Self.slice([])))
        _ = try Self.roundTrip(.endpointSlice(Self.slice([])), base)
    }

    @Test("Endpoints with addresses moving between ready and not ready decode as a whole decode does")
    func endpointsVersions() throws {
        let ips = (1...100).map { "10.0.0.\($0)" }
        let base = KubeObject.endpoints(Self.endpoints(ips))
        _ = try Self.roundTrip(base, .endpoints(Self.endpoints(ips.filter { $0 != "10.0.0.7" }, notReady: ["10.0.0.7"])))
        _ = try Self.roundTrip(base, .endpoints(Self.endpoints([])))
        _ = try Self.roundTrip(.endpoints(Self.endpoints([])), base)
    }

    @Test("A list that is not a list is reported as a whole decode reports it")
    func brokenListKeepsItsError() throws {
        let old = KubeObject.endpointSlice(Self.slice(["10.0.0.1"]))
        guard case .object(var fields) = old.json() else { Issue.record("not an object"); return }
        fields["endpoints"] = "nope"
        let broken = JSONValue.object(fields)
        let whole = #expect(throws: (any Error).self) { try KubeObject.decodeStored(broken) }
        let reusing = #expect(throws: (any Error).self) {
            try ReusingDecoder.decode(broken, previous: (old.json(), old))
        }
        #expect("\(whole!)" == "\(reusing!)")
        #expect("\(reusing!)".contains("endpoints"))
    }
}
