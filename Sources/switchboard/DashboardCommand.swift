import ArgumentParser
import ClusterStore
import Dashboard
import Recording
import Foundation
import Simulation

/// `switchboard` with no subcommand: the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The interactive dashboard (the default command).")

    @OptionGroup var cluster: ClusterOptions
    @Option(help: "Virtual seconds per wall-clock second (0.25 … 16).") var speed: Double = 1
    @Option(help: "A bundled theme (default, light, high-contrast, monochrome), a k9s skin file, or a k9s skin name.")
    var theme: String?
    @Option(name: [.customShort("n"), .customLong("namespace")], help: "The first namespace (default: all).")
    var namespace: String?
    @Option(help: "The first view, e.g. svc, pods, ep, ing, deploy, no, ev.") var view: String?
    @Flag(help: "Start paused.") var paused = false
    @Option(help: "Record the session to FILE (R in the dashboard pauses and resumes).") var record: String?

    func validate() throws {
        guard (0.25...16).contains(speed) else { throw ValidationError("--speed must be between 0.25 and 16") }
    }

    func run() throws {
        let selectedTheme = try theme.map { name -> Theme in
            do { return try Themes.load(name) } catch {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
        }
        var sim: Simulator
        var recorder: SessionRecorder?
        if let record {
            (sim, recorder) = try startRecording(to: record)
        } else {
            sim = try cluster.buildSimulator()
        }
        let options = DashboardOptions(theme: selectedTheme, speed: speed, paused: paused,
                                       recording: recorder != nil,
                                       contextName: cluster.contextName,
                                       view: view, namespace: namespace, recorder: recorder)
        let status = try DashboardApp.run(simulator: sim, options: options)
        if status != 0 { throw ExitCode(status) }
    }

    /// Loads, settles and applies -e actions as usual, but through a recorder writing `path`.
    private func startRecording(to path: String) throws -> (Simulator, SessionRecorder) {
        let objects = try cluster.loadObjects()
        var sim = Simulator(config: SimulationConfig(seed: cluster.seed))
        do {
            let header = RecordingHeader(seed: cluster.seed, speed: speed, createdAt: WallClock.rfc3339Now(),
                                         manifests: objects.map { $0.json() })
            let recorder = try Recorder(header: header, sink: try FileSink(path: path), simulator: &sim)
            let rejected = try recorder.load(objects, into: &sim)
            for warning in sim.warnings { Console.warn(warning) }
            if !rejected.isEmpty {
                for error in rejected { Console.error("Error from server (\(error.reason.rawValue)): \(error.message)") }
                throw ExitCode(1)
            }
            if !cluster.noSettle { try recorder.perform(.settle, on: &sim) }
            for text in cluster.actions { try recorder.perform(try ActionParser.parse(text), on: &sim) }
            return (sim, SessionRecorder(recorder: recorder))
        } catch let exit as ExitCode {
            throw exit
        } catch let error as RecordingError {
            Console.error("error: \(path): \(error)")
            throw ExitCode(1)
        } catch let error as APIError {
            Console.error("Error from server (\(error.reason.rawValue)): \(error.message)")
            throw ExitCode(1)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
    }
}
