import ArgumentParser
import ClusterStore
import Foundation
import KubeModel
import Simulation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the simulator's speed (build with -c release for meaningful figures).",
        discussion: """
        Scenario `settle`: Deployments × replicas with one Service each and some Ingresses settle from nothing; then
        one pod is killed and the CPU time to react is measured. Run twice (10,000 and 100,000 pods) to see how it
        scales.
        """)

    @Option(help: "Scenarios to run: settle.") var scenario: [String] = ["settle"]
    @Option(help: "Deployments in the settle scenario.") var deployments = 1000
    @Option(help: "Replicas per Deployment.") var replicas = 100
    @Option(help: "Services.") var services = 1000
    @Option(help: "Ingresses.") var ingresses = 200
    @Option(name: .shortAndLong, help: "Output: text or json.") var output = "text"

    func run() throws {
        var results: [String: JSONValue] = [:]
        for name in scenario {
            switch name {
            case "settle": results["settle"] = settleScenario()
            default: throw ValidationError("unknown scenario \"\(name)\" (available: settle)")
            }
        }
        if output == "json" {
            print(JSONWriter.pretty(.object(results)))
        } else {
            for (name, figures) in results.sorted(by: { $0.key < $1.key }) {
                print("\(name):")
                for (k, v) in (figures.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                    print("  \(k): \(JSONWriter.compact(v))")
                }
            }
        }
    }

    private func settleScenario() -> JSONValue {
        let scenario = ScaleScenario(deployments: deployments, replicas: replicas, services: services,
                                     ingresses: ingresses)
        let objects = scenario.objects()
        var sim = Simulator()
        var settled = false
        let seconds = Measure.seconds {
            sim.load(objects)
            settled = sim.settle()
        }
        let state = sim.snapshot
        let ready = state.pods.all.filter(\.isReady).count
        let victim = state.pods.all.min { $0.metadata.key < $1.metadata.key }!
        let cpuBefore = Measure.cpuSeconds()
        try? sim.perform(.kill(ObjectRef(type: .pod, namespace: victim.metadata.namespace, name: victim.metadata.name)))
        let killCPU = Measure.cpuSeconds() - cpuBefore
        let rounded = { (x: Double, places: Double) in (x * places).rounded() / places }
        return [
            "pods": .int(Int64(state.pods.count)),
            "podsReady": .int(Int64(ready)),
            "services": .int(Int64(state.services.count)),
            "ingresses": .int(Int64(state.ingresses.count)),
            "endpointSlices": .int(Int64(state.endpointSlices.count)),
            "settled": .bool(settled),
            "virtualSeconds": .double(Double(sim.elapsedMs) / 1000),
            "settleSeconds": .double(rounded(seconds, 1000)),
            "peakResidentMiB": .double(rounded(Measure.peakResidentMiB(), 10)),
            "killPodCPUMilliseconds": .double(rounded(killCPU * 1000, 1000)),
        ]
    }
}
