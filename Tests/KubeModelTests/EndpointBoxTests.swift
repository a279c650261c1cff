import KubeModel
import Testing

@Suite("Slice endpoints share one box until one is changed")
struct EndpointBoxTests {
    @Test("a changed copy leaves the original as it was; equal endpoints are equal and hash alike")
    func copyOnWrite() {
        let original = Endpoint(addresses: ["10.0.0.1"], conditions: EndpointConditions(ready: true),
                                nodeName: "node-1", targetRef: ObjectReference(kind: "Pod", name: "web-0"))
        var copy = original
        #expect(copy == original)
        copy.conditions.ready = false
        copy.addresses.append("10.0.0.2")
        #expect(original.conditions.ready == true && original.addresses == ["10.0.0.1"])
        #expect(copy.conditions.ready == false && copy.addresses == ["10.0.0.1", "10.0.0.2"])
        #expect(copy != original)
        let twin = Endpoint(addresses: ["10.0.0.1"], conditions: EndpointConditions(ready: true),
                            nodeName: "node-1", targetRef: ObjectReference(kind: "Pod", name: "web-0"))
        #expect(twin == original && twin.hashValue == original.hashValue && Set([twin, original]).count == 1)
    }
}
