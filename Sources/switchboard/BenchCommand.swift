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
        101 pods are killed one at a time and the median CPU time to react is reported. Run twice (10,000 and
        100,000 pods) to see how it scales.

        Scenario `dashboard`: a store with --pods pods (default 100,000) filled directly; the median wall-clock time
        to build and draw a 200x60 pods frame as text, and to apply one `/` filter keystroke and draw the result.

        Scenario `routing`: Ingress lookups (host, then path) on one core with --rules rules (hosts x 10 paths,
        default 10,000) against 10 rules; lookups per second (thread CPU time) and the cost ratio, plus the time to
        build the index and to re-index one changed Ingress.

        Scenario `replay`: records --minutes (default 60) of virtual time of a --replay-pods (default 10,000) pod
        cluster while --churn (default 12) pods are killed every virtual second; then the time to open the file, to
        seek to 50 random moments, and to replay every entry moment by moment (wall clock, and thread CPU time in the
        `CPU` figures), and the file's bytes per entry. For comparison, the same seeks and the whole replay applying
        every entry one by one (`EveryStep` figures). `--keep-recording FILE` keeps the recording it makes;
        `--recording FILE` measures an existing recording instead of making one.
        """)

    @Option(help: "Scenarios to run: settle, dashboard, routing, replay.") var scenario: [String] = ["settle"]
    @Option(help: "Deployments in the settle scenario.") var deployments = 1000
    @Option(help: "Replicas per Deployment.") var replicas = 100
    @Option(help: "Services.") var services = 1000
    @Option(help: "Ingresses.") var ingresses = 200
    @Option(help: "Pods in the dashboard scenario.") var pods = 100_000
    @Option(help: "Ingress rules in the routing scenario (10 paths per host).") var rules = 10_000
    @Option(help: "Lookups timed per router in the routing scenario.") var lookups = 2_000_000
    @Option(name: .customLong("replay-pods"), help: "Pods in the replay scenario.") var replayPods = 10_000
    @Option(help: "Virtual minutes recorded in the replay scenario.") var minutes = 60
    @Option(help: "Pods killed per virtual second in the replay scenario.") var churn = 12
    @Option(name: .customLong("keep-recording"), help: "Replay scenario: keep the recording it makes in this file.")
    var keepRecording: String?
    @Option(help: "Replay scenario: measure this recording instead of making one.") var recording: String?
    @Option(help: "Replay scenario: times the whole recording is replayed (the best and the median are reported).")
    var replays = 3
    @Option(name: .shortAndLong, help: "Output: text or json.") var output = "text"

    func run() throws {
        var results: [String: JSONValue] = [:]
        for name in scenario {
            switch name {
            case "settle": results["settle"] = settleScenario()
            case "dashboard": results["dashboard"] = try dashboardScenario()
            case "routing": results["routing"] = routingScenario()
            case "replay":
                results["replay"] = try ReplayBenchmark(pods: replayPods, minutes: minutes, churn: churn,
                                                        keep: keepRecording, existing: recording,
                                                        replays: max(1, replays)).run()
            default: throw ValidationError("unknown scenario \"\(name)\" (available: settle, dashboard, routing, replay)")
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

    /// Pods killed one at a time after settling, spread over the cluster.
    static let kills = 101

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
        let (counts, victims) = { () -> ([String: Int], [Pod]) in
            let state = sim.snapshot
            let pods = state.pods.all.sorted { $0.metadata.key < $1.metadata.key }
            let stride = max(1, pods.count / Self.kills)
            return (["pods": state.pods.count, "podsReady": state.pods.all.filter(\.isReady).count,
                     "services": state.services.count, "ingresses": state.ingresses.count,
                     "endpointSlices": state.endpointSlices.count],
                    Swift.stride(from: 0, to: pods.count, by: stride).prefix(Self.kills).map { pods[$0] })
        }()
        // One kill is a few microseconds of work: the median of many, each measured alone, is the honest figure.
        var killCPU: [Double] = []
        for victim in victims {
            let cpuBefore = Measure.cpuSeconds()
            try? sim.perform(.kill(ObjectRef(type: .pod, namespace: victim.metadata.namespace, name: victim.metadata.name)))
            killCPU.append(Measure.cpuSeconds() - cpuBefore)
        }
        killCPU.sort()
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
            "killPodCPUMilliseconds": .double(rounded((killCPU.isEmpty ? 0 : killCPU[killCPU.count / 2]) * 1000, 1000)),
            "killPodCPUMillisecondsMax": .double(rounded((killCPU.last ?? 0) * 1000, 1000)),
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
        // The pods sorted by AGE (shift-A): keys ordered by values read from the pods, then the frame drawn.
        var sortedMs: [Double] = []
        var sortedUI = UIState(view: .pods)
        sortedUI.page.sort = ColumnSort(column: "AGE", ascending: true)
        for _ in 0..<10 {
            sortedMs.append(Measure.seconds {
                _ = Renderer.renderFrame(state: state, ui: sortedUI, cols: 200, rows: 60)
            } * 1000)
        }
        return [
            "pods": .int(Int64(state.pods.count)),
            "podsFrame200x60MedianMs": .double(rounded(median(frameMs))),
            "podsFrame200x60MaxMs": .double(rounded(frameMs.max() ?? 0)),
            "filterKeystrokeMedianMs": .double(rounded(median(keyMs))),
            "filterKeystrokeMaxMs": .double(rounded(keyMs.max() ?? 0)),
            "podsFrameSortedByAgeMedianMs": .double(rounded(median(sortedMs))),
            "frameBytes": .int(Int64(bytes)),
            "filteredTitle": .string(title.trimmingCharacters(in: CharacterSet(charactersIn: " ─┌┐"))),
        ]
    }

    /// Lookups per second of CPU on one thread, for a big and a small router, over the same request mix.
    private func routingScenario() -> JSONValue {
        let big = RoutingScenario(hosts: max(1, rules / 10), pathsPerHost: 10)
        let small = RoutingScenario(hosts: 1, pathsPerHost: 10)
        var bigRouter = IngressRouter()
        let buildSeconds = Measure.seconds { bigRouter = IngressRouter(ingresses: big.ingresses()) }
        let smallRouter = IngressRouter(ingresses: small.ingresses())
        let bigRequests = big.requests(count: 8192), smallRequests = small.requests(count: 8192)
        func time(_ router: IngressRouter, _ requests: [(host: String, path: String)]) -> (seconds: Double, matched: Int) {
            var matched = 0
            let start = Measure.threadCPUSeconds()
            var i = 0
            for _ in 0..<lookups {
                let r = requests[i]
                if router.lookup(host: r.host, path: r.path).route != nil { matched &+= 1 }
                i = i + 1 == requests.count ? 0 : i + 1
            }
            return (Measure.threadCPUSeconds() - start, matched)
        }
        // Warm up, then alternate the two routers and keep each one's best run, so a burst of other work on the
        // machine does not land on one side of the ratio only.
        _ = time(bigRouter, bigRequests)
        _ = time(smallRouter, smallRequests)
        var bestBig = Double.infinity, bestSmall = Double.infinity, matched = 0
        for _ in 0..<5 {
            let b = time(bigRouter, bigRequests)
            bestBig = min(bestBig, b.seconds)
            matched = b.matched
            bestSmall = min(bestSmall, time(smallRouter, smallRequests).seconds)
        }
        let bigRate = (perSecond: Double(lookups) / bestBig, matched: matched)
        let smallRate = (perSecond: Double(lookups) / bestSmall, matched: matched)
        var changed = big.ingresses()[big.hosts / 2]
        changed.spec.rules[0].paths?.append(HTTPIngressPath(path: "/new", pathType: .prefix,
                                                            backend: .service(name: "svc-new", port: .number(80))))
        let updateSeconds = Measure.seconds { bigRouter.update(changed.metadata.key, to: changed) }
        let rounded = { (x: Double, places: Double) in (x * places).rounded() / places }
        return [
            "rules": .int(Int64(bigRouter.ruleCount)),
            "hosts": .int(Int64(big.hosts)),
            "lookupsPerSecond": .int(Int64(bigRate.perSecond)),
            "lookupsPerSecondWith10Rules": .int(Int64(smallRate.perSecond)),
            "nsPerLookup": .double(rounded(1e9 / bigRate.perSecond, 10)),
            "nsPerLookupWith10Rules": .double(rounded(1e9 / smallRate.perSecond, 10)),
            "costRatio": .double(rounded(smallRate.perSecond / bigRate.perSecond, 100)),
            "matchedLookups": .int(Int64(bigRate.matched)),
            "buildIndexMs": .double(rounded(buildSeconds * 1000, 10)),
            "reindexOneIngressMs": .double(rounded(updateSeconds * 1000, 1000)),
        ]
    }
}
