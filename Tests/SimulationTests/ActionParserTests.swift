import ClusterStore
import KubeModel
import Testing
@testable import Simulation

@Suite("Actions: bad input is a clear error and changes nothing")
struct ActionParserTests {
    static func cluster() -> Simulator {
        Make.simulator([Make.deployment("web", replicas: 2), Make.service("web", selector: ["app": "web"])])
    }

    /// Runs `line`, expecting it to fail without touching the store; returns the error's text.
    static func rejected(_ line: String, sim: inout Simulator) -> String? {
        let version = sim.snapshot.resourceVersion
        let time = sim.nowMs
        var message: String?
        do {
            try sim.run(line)
            Issue.record("\"\(line)\" was accepted")
        } catch {
            message = String(describing: error)
        }
        #expect(sim.snapshot.resourceVersion == version, "\"\(line)\" changed the store")
        #expect(sim.nowMs == time)
        return message
    }

    @Test("A typo in the verb suggests the nearest action")
    func typo() {
        var sim = Self.cluster()
        let message = Self.rejected("scael deployment/web --replicas=3", sim: &sim)
        #expect(message == #"unknown action "scael" (did you mean "scale"?)"#)
    }

    @Test("An unknown object is reported as the API server reports it")
    func unknownObject() {
        var sim = Self.cluster()
        let message = Self.rejected("scale deployment/nope --replicas=2", sim: &sim)
        #expect(message == APIError.notFound(.deployment, "nope", namespace: "default").description)
        #expect(message?.contains(#""nope" not found in namespace "default""#) == true)
        #expect(Self.rejected("kill pod/nope", sim: &sim)?.contains(#"pods "nope" not found"#) == true)
        #expect(Self.rejected("delete pod/nope", sim: &sim)?.contains(#"pods "nope" not found"#) == true)
        #expect(Self.rejected("fail node/node-9", sim: &sim)?.contains(#"nodes "node-9" not found"#) == true)
        #expect(Self.rejected("scale deployment/web -n other --replicas=1", sim: &sim)?
            .contains(#"not found in namespace "other""#) == true)
    }

    @Test("A negative replica count is rejected")
    func negativeReplicas() {
        var sim = Self.cluster()
        let message = Self.rejected("scale deployment/web --replicas=-1", sim: &sim)
        #expect(message?.contains("--replicas must be a whole number of 0 or more") == true)
        #expect(Self.rejected("scale deployment/web --replicas=three", sim: &sim) != nil)
        #expect(Self.rejected("scale deployment/web", sim: &sim)?.contains("--replicas") == true)
    }

    @Test("A duration with an unknown unit is rejected")
    func badDuration() {
        var sim = Self.cluster()
        let message = Self.rejected("advance 5parsecs", sim: &sim)
        #expect(message == #"invalid duration "5parsecs": use a number with a unit, e.g. 500ms, 30s, 2m, 1h"#)
        #expect(Self.rejected("advance -5s", sim: &sim) != nil)
        #expect(Self.rejected("advance", sim: &sim) != nil)
    }

    @Test("Scaling a Service is refused: only workloads scale")
    func scaleService() {
        var sim = Self.cluster()
        let message = Self.rejected("scale service/web --replicas=2", sim: &sim)
        #expect(message?.contains("cannot scale services") == true)
        #expect(Self.rejected("kill deployment/web", sim: &sim)?.contains("cannot kill deployments") == true)
        #expect(Self.rejected("scale widget/web --replicas=2", sim: &sim)
            == #"the server doesn't have a resource type "widget""#)
    }

    @Test("Durations parse as Go's time.ParseDuration: 500ms, 30s, 2m, 1h30m")
    func durations() throws {
        #expect(try VirtualDuration.parse("500ms") == 500)
        #expect(try VirtualDuration.parse("30s") == 30_000)
        #expect(try VirtualDuration.parse("2m") == 120_000)
        #expect(try VirtualDuration.parse("1h30m") == 5_400_000)
        #expect(try VirtualDuration.parse("1.5s") == 1_500)
    }

    @Test("Every action's canonical text parses back to the same action")
    func roundTrip() throws {
        let actions: [Action] = [
            .scale(ObjectRef(type: .deployment, name: "web"), replicas: 3),
            .scale(ObjectRef(type: .statefulSet, namespace: "data", name: "db"), replicas: 0),
            .delete(ObjectRef(type: .pod, name: "web-abcde"), gracePeriodSeconds: 5),
            .delete(ObjectRef(type: .service, name: "web"), gracePeriodSeconds: nil),
            .kill(ObjectRef(type: .pod, name: "web-abcde")),
            .apply(path: "manifests/my app.yaml"),
            .advance(milliseconds: 500), .advance(milliseconds: 90_000), .settle,
            .failReadiness(ObjectRef(type: .pod, name: "p")), .recoverReadiness(ObjectRef(type: .pod, name: "p")),
            .crash(ObjectRef(type: .pod, name: "p"), loop: true), .crash(ObjectRef(type: .pod, name: "p"), loop: false),
            .failNode("node-1"), .recoverNode("node-1"), .cordon("node-2"), .uncordon("node-2"), .drain("node-3"),
        ]
        for action in actions {
            #expect(try ActionParser.parse(action.description) == action, "\(action)")
        }
        #expect(try ActionParser.parse("kubectl scale deploy web --replicas 4 -n prod")
            == .scale(ObjectRef(type: .deployment, namespace: "prod", name: "web"), replicas: 4))
    }
}
