import ArgumentParser
import ClusterStore
import DemoCluster
import Foundation
import KubeModel
import Manifests
import Simulation

/// The options every command that builds a cluster shares: manifests, actions, seed, settling.
struct ClusterOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("filename")],
            help: "A manifest file, a directory of them, or - for stdin (repeatable). Default: the demo cluster.")
    var files: [String] = []

    @Option(name: [.customShort("e"), .customLong("exec")],
            help: "An action to apply after loading, e.g. 'kill pod/web-abc12' (repeatable, in order).")
    var actions: [String] = []

    @Option(help: "Seed for the simulation's random choices (pod names, start delays).")
    var seed: UInt64 = SimulationConfig().seed

    @Flag(name: .customLong("no-settle"), help: "Do not run virtual time until the cluster is quiet after loading.")
    var noSettle = false

    /// The cluster's name in the dashboard header: `demo-cluster`, else the first manifest's file or directory name
    /// (`stdin` for `-`), with `+N` when more were given.
    var contextName: String {
        guard let first = files.first else { return "demo-cluster" }
        var name = first == "-" ? "stdin" : URL(fileURLWithPath: first).standardizedFileURL.lastPathComponent
        if name.isEmpty || name == "/" { name = first }
        return files.count > 1 ? "\(name) +\(files.count - 1)" : name
    }

    /// Loads, settles and applies the actions, printing problems the way kubectl would. Exits 1 on any error.
    /// `afterSettle` runs once the cluster has settled (or right after loading with --no-settle), before the actions.
    func buildSimulator(adjust: (inout SimulationConfig) -> Void = { _ in },
                        afterSettle: (inout Simulator) -> Void = { _ in }) throws -> Simulator {
        let loaded = try loadObjects()
        var config = SimulationConfig(seed: seed)
        adjust(&config)
        var sim = Simulator(config: config)
        let rejected = sim.load(loaded)
        for warning in sim.warnings { Console.warn(warning) }
        if !rejected.isEmpty {
            for error in rejected { Console.error("Error from server (\(error.reason.rawValue)): \(error.message)") }
            throw ExitCode(1)
        }
        if !noSettle { sim.settle() }
        afterSettle(&sim)
        for text in actions {
            do {
                try sim.perform(try ActionParser.parse(text))
            } catch let error as APIError {
                Console.error("Error from server (\(error.reason.rawValue)): \(error.message)")
                throw ExitCode(1)
            } catch {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
        }
        return sim
    }

    func loadObjects() throws -> [KubeObject] {
        let loader = ManifestLoader()
        var result = LoadResult()
        if files.isEmpty {
            for file in DemoCluster.files {
                let r = loader.load(name: "demo-cluster/\(file.name)", contents: file.contents)
                result.objects += r.objects
                result.diagnostics += r.diagnostics
            }
        } else {
            result = loader.load(paths: files)
        }
        for warning in result.warnings { Console.warn(warning.description) }
        if result.hasErrors {
            for error in result.errors { Console.error(error.description) }
            throw ExitCode(1)
        }
        return result.objects.map(\.object)
    }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func warn(_ message: String) {
        let text = message.contains("warning:") ? message : "Warning: \(message)"
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
