import ArgumentParser
import Foundation
import ClusterStore
import Kubectl
import Recording
import Simulation

struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print objects of the simulated cluster as kubectl get does.")

    @Argument(help: "KIND[,KIND...] [NAME], e.g. pods, svc,ing, deployment web.") var arguments: [String]
    @OptionGroup var cluster: ClusterOptions
    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Namespace (default: default).")
    var namespace: String?
    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "All namespaces.") var allNamespaces = false
    @Option(name: [.customShort("l"), .customLong("selector")], help: "Label selector, e.g. app=web,tier!=db.")
    var selector: String?
    @Option(name: [.customShort("o"), .customLong("output")], help: "wide, json, yaml or name.") var output: String?
    @Option(help: "Print the cluster of a recording instead of simulating one (with --at).") var replay: String?
    @Option(help: "With --replay: the moment, from the recording's start (90s, 1m30s) or `end`.") var at: String?

    func validate() throws {
        if at != nil, replay == nil { throw ValidationError("--at needs --replay FILE") }
        if replay != nil, !cluster.files.isEmpty || !cluster.actions.isEmpty {
            throw ValidationError("--replay prints a recorded cluster: it cannot be combined with -f or -e")
        }
    }

    func run() throws {
        let state = try replay.map(replayedState) ?? cluster.buildSimulator().snapshot
        let query = GetQuery(arguments: arguments, namespace: namespace, allNamespaces: allNamespaces,
                             selector: selector, output: output)
        let result = Kubectl.run(state: state, query: query)
        FileHandle.standardOutput.write(Data(result.stdout.utf8))
        if !result.stderr.isEmpty { FileHandle.standardError.write(Data(result.stderr.utf8)) }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    private func replayedState(_ path: String) throws -> ClusterState {
        let replay: Replay
        do { replay = try Replay(path: path) } catch {
            Console.error("error: \(path): \(error)")
            throw ExitCode(1)
        }
        for warning in replay.warnings { Console.warn("\(path): \(warning)") }
        let moment = at ?? "end"
        if moment == "end" { return replay.state(atMs: replay.endMs) }
        do {
            let offset = try VirtualDuration.parse(moment)
            if offset > replay.durationMs {
                Console.warn("\(path): --at \(moment) is past the recording's end (\(VirtualDuration.format(replay.durationMs))); showing the end")
            }
            return replay.state(atMs: replay.startMs + min(offset, replay.durationMs))
        } catch {
            Console.error("error: invalid --at \"\(moment)\": expected a duration from the start (90s, 1m30s) or end")
            throw ExitCode(1)
        }
    }
}
