import Testing
@testable import Simulation

@Suite("IPv4 addresses")
struct IPv4ParseTests {
    @Test("dotted quads parse to their number")
    func parsesDottedQuads() {
        #expect(IPv4CIDR.parse("10.244.1.5") == 0x0AF4_0105)
        #expect(IPv4CIDR.parse("0.0.0.0") == 0)
        #expect(IPv4CIDR.parse("255.255.255.255") == UInt32.max)
        #expect(IPv4CIDR.parse("010.1.1.1") == 0x0A01_0101)
    }

    @Test("broken, truncated and hostile text is rejected", arguments: [
        "", ".", "1.2.3", "1.2.3.4.", ".1.2.3.4", "1.2.3.4.5", "1..2.3", "256.1.1.1", "1.2.3.1000", "0001.1.1.1",
        "1.2.3.-4", "1.2.3.4 ", " 1.2.3.4", "a.b.c.d", "1.2.3.４", "::1", "1.2.3.4/24", "99999999999.1.1.1",
    ])
    func rejectsBadText(_ text: String) {
        #expect(IPv4CIDR.parse(text) == nil)
    }

    @Test("the endpoint controllers' address order is numeric, not textual")
    func ordersNumerically() {
        let sorted = ["10.244.1.10", "10.244.1.9", "10.244.0.200"].sorted {
            IPv4CIDR.parse($0)! < IPv4CIDR.parse($1)!
        }
        #expect(sorted == ["10.244.0.200", "10.244.1.9", "10.244.1.10"])
    }
}
