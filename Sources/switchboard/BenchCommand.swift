import ArgumentParser
import ClusterStore
import Dashboard
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

        Scenario `dashboard`: a store with --pods pods (default 100,000) filled directly; the median wall-clock time
        to build and draw a 200x60 pods frame as text, and to apply one `/` filter keystroke and draw the result.

        Scenario `replay`: records --minutes (default 60) of virtual time of a --replay-pods (default 10,000) pod
        cluster while --churn (default 12) pods are killed every virtual second; then the time to open the file, to
        seek to 50 random moments, and to replay every entry, and the file's bytes per entry.
        """)

    @Option(help: "Scenarios to run: settle, dashboard, replay.") var scenario: [String] = ["settle"]
    @Option(help: "Deployments in the settle scenario.") var deployments = 1000
    @Option(help: "Replicas per Deployment.") var replicas = 100
    @Option(help: "Services.") var services = 1000
    @Option(help: "Ingresses.") var ingresses = 200
    @Option(help: "Pods in the dashboard scenario.") var pods = 100_000
    @Option(name: .customLong("replay-pods"), help: "Pods in the replay scenario.") var replayPods = 10_000
    @Option(help: "Virtual minutes recorded in the replay scenario.") var minutes = 60
    @Option(help: "Pods killed per virtual second in the replay scenario.") var churn = 12
    @Option(name: .shortAndLong, help: "Output: text or json.") var output = "text"

    func run() throws {
        var results: [String: JSONValue] = [:]
        for name in scenario {
            switch name {
            case "settle": results["settle"] = settleScenario()
            case "dashboard": results["dashboard"] = try dashboardScenario()
            case "replay": results["replay"] = try ReplayBenchmark(pods: replayPods, minutes: minutes, churn: churn).run()
            default: throw ValidationError("unknown scenario \"\(name)\" (available: settle, dashboard, replay)")
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
        // Counted before the kill, and no snapshot kept across it: a live snapshot would make the kill's first
        // write copy whole tables, which is the benchmark's cost, not the simulator's.
        let (counts, victim) = { () -> ([String: Int], Pod) in
            let state = sim.snapshot
            return (["pods": state.pods.count, "podsReady": state.pods.all.filter(\.isReady).count,
                     "services": state.services.count, "ingresses": state.ingresses.count,
                     "endpointSlices": state.endpointSlices.count],
                    state.pods.all.min { $0.metadata.key < $1.metadata.key }!)
        }()
        let cpuBefore = Measure.cpuSeconds()
        try? sim.perform(.kill(ObjectRef(type: .pod, namespace: victim.metadata.namespace, name: victim.metadata.name)))
        let killCPU = Measure.cpuSeconds() - cpuBefore
        let rounded = { (x: Double, places: Double) in (x * places).rounded() / places }
        return [
            "pods": .int(Int64(counts["pods"]!)),
            "podsReady": .int(Int64(counts["podsReady"]!)),
            "services": .int(Int64(counts["services"]!)),
            "ingresses": .int(Int64(counts["ingresses"]!)),
            "endpointSlices": .int(Int64(counts["endpointSlices"]!)),
            "settled": .bool(settled),
            "virtualSeconds": .double(Double(sim.elapsedMs) / 1000),
            "settleSeconds": .double(rounded(seconds, 1000)),
            "peakResidentMiB": .double(rounded(Measure.peakResidentMiB(), 10)),
            "killPodCPUMilliseconds": .double(rounded(killCPU * 1000, 1000)),
        ]
    }

    /// Pods written straight into a store (running and ready, spread over namespaces and nodes), then frames.
    private func dashboardScenario() throws -> JSONValue {
        var store = ClusterStore()
        let namespaces = max(1, pods / 1000)
        let perNamespace = (pods + namespaces - 1) / namespaces
        var made = 0
        for n in 0..<namespaces {
            for i in 0..<perNamespace where made < pods {
                var pod = Pod(metadata: ObjectMeta(name: "web-\(n)-\(i)", namespace: "team-\(n)",
                                                   labels: ["app": "web-\(n)", "tier": i % 2 == 0 ? "front" : "back"]),
                              spec: PodSpec(containers: [Container(name: "web", image: "nginx:1.27")]))
                pod.spec.nodeName = "node-\(made % 200)"
                pod.status.phase = .running
                pod.status.podIP = "10.\(made / 65536 % 256).\(made / 256 % 256).\(made % 256)"
                pod.status.conditions = [PodCondition(type: "Ready", status: made % 97 != 0, lastTransitionTime: nil)]
                pod.status.containerStatuses = [ContainerStatus(
                    name: "web", image: "nginx:1.27", ready: made % 97 != 0, started: true, restartCount: made % 13 == 0 ? 1 : 0,
                    state: .running(startedAt: Timestamp(milliseconds: 0)))]
                _ = try store.create(pod)
                made += 1
            }
        }
        let state = store.snapshot
        let median = { (xs: [Double]) in xs.sorted()[xs.count / 2] }
        let rounded = { (x: Double) in (x * 1000).rounded() / 1000 }
        var bytes = 0
        var frameMs: [Double] = []
        for _ in 0..<20 {
            frameMs.append(Measure.seconds {
                bytes = try! Renderer.render(view: "pods", state: state, size: (200, 60), color: false, theme: nil).utf8.count
            } * 1000)
        }
        // A `/` filter typed one key at a time; each keystroke re-filters and draws.
        var keyMs: [Double] = []
        var shown = ""
        for _ in 0..<5 {
            var ui = UIState(view: .pods)
            _ = ui.handle(.char("/"), state: state, bodyHeight: 55)
            for c in "web-7-1" {
                keyMs.append(Measure.seconds {
                    _ = ui.handle(.char(c), state: state, bodyHeight: 55)
                    shown = TextBackend.plain(Renderer.renderFrame(state: state, ui: ui, cols: 200, rows: 60))
                } * 1000)
            }
        }
        let title = shown.split(separator: "\n").first { $0.contains("Pods(") }.map(String.init) ?? ""
        return [
            "pods": .int(Int64(state.pods.count)),
            "podsFrame200x60MedianMs": .double(rounded(median(frameMs))),
            "podsFrame200x60MaxMs": .double(rounded(frameMs.max() ?? 0)),
            "filterKeystrokeMedianMs": .double(rounded(median(keyMs))),
            "filterKeystrokeMaxMs": .double(rounded(keyMs.max() ?? 0)),
            "frameBytes": .int(Int64(bytes)),
            "filteredTitle": .string(title.trimmingCharacters(in: CharacterSet(charactersIn: " ─┌┐"))),
        ]
    }
}
