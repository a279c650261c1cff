import ClusterStore
import Foundation
import KubeModel
import Testing
@testable import Recording
import Simulation

@Suite("Replay verification")
struct VerifyTests {
    @Test("A recording verifies against its own re-simulation")
    func goodFileVerifies() throws {
        let report = try ReplayVerifier.verify(Fixture.file(try Fixture.recordDemo()))
        #expect(report.divergence == nil)
        #expect(report.checksums >= 10)
    }

    @Test("An edited action makes the re-simulation diverge at that moment, naming the object")
    func tamperedAction() throws {
        var lines = try Fixture.recordDemo()
        let i = try #require(lines.firstIndex { $0.contains("scale deployment/frontend --replicas=5") })
        lines[i] = lines[i].replacingOccurrences(of: "--replicas=5", with: "--replicas=6")
        let report = try ReplayVerifier.verify(Fixture.file(lines))
        let message = try #require(report.divergence)
        #expect(message.hasPrefix("diverged at "))
        #expect(message.contains("(line \(i + 2))"))
        #expect(message.contains("deployment/frontend in namespace shop differs"))
        #expect(message.contains("spec.replicas") || message.contains("patch.spec.replicas"))
    }

    @Test("An edited change names the object and the first differing field")
    func tamperedChange() throws {
        var lines = try Fixture.recordDemo()
        let i = try #require(lines.firstIndex { $0.contains("\"type\":\"patch\"") && $0.contains("\"podIP\":\"") })
        let ip = try #require(lines[i].range(of: "\"podIP\":\"[0-9.]+\"", options: .regularExpression))
        lines[i].replaceSubrange(ip, with: "\"podIP\":\"10.9.9.9\"")
        let report = try ReplayVerifier.verify(Fixture.file(lines))
        let message = try #require(report.divergence)
        #expect(message.contains("(line \(i + 1))"))
        #expect(message.contains("pod/"))
        #expect(message.contains("first difference: patch.status.podIP"))
    }

    @Test("An edited checksum is reported as such")
    func tamperedChecksum() throws {
        var lines = try Fixture.recordDemo()
        let i = try #require(lines.lastIndex { $0.contains("\"type\":\"checksum\"") })
        let sum = try #require(lines[i].range(of: "\"sum\":\"[0-9a-f]{16}\"", options: .regularExpression))
        lines[i].replaceSubrange(sum, with: "\"sum\":\"0123456789abcdef\"")
        let report = try ReplayVerifier.verify(Fixture.file(lines))
        let message = try #require(report.divergence)
        #expect(message.contains("checksum at "))
        #expect(message.contains("(line \(i + 1)) does not match the state: recorded 0123456789abcdef"))
    }

    @Test("A recording cut short by a crash still verifies up to where it stops")
    func truncatedFileVerifies() throws {
        let lines = try Fixture.recordDemo()
        let cut = lines.prefix(lines.count / 2).joined(separator: "\n") + "\n" + String(lines[lines.count / 2].prefix(30))
        let file = try RecordingReader.parse(Data(cut.utf8))
        #expect(file.warnings.count == 1)
        let report = try ReplayVerifier.verify(file)
        // The crashed recorder stopped mid-session: re-simulating its actions may go on past the cut.
        if let message = report.divergence { #expect(message.contains("the recording ends")) }
    }
}
