import ArgumentParser
import ClusterStore
import Dashboard
import Foundation
import KubeModel
import Recording
import Simulation

/// `switchboard replay FILE`: check, describe or export a recording.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Open a recording in the dashboard, or verify, describe or export it.")

    @Argument(help: "The recording file.") var file: String
    @Flag(help: "Re-simulate from the header and the recorded actions and compare every change and checksum.")
    var verify = false
    @Flag(help: "Print the duration, seed, entry count and actions.") var info = false
    @Option(name: .shortAndLong, help: "Output of --info: text or json.") var output = "text"
    @Option(name: .customLong("export-cast"), help: "Write an asciicast v2 file of the replay.") var exportCast: String?
    @Option(help: "The view drawn by --export-cast (default pods) or opened first by the dashboard (default svc).")
    var view: String?
    @Option(help: "Frame size of --export-cast, COLSxROWS.") var size = "120x40"
    @Option(help: "Playback speed of the dashboard (0.25 … 16).") var speed: Double = 1
    @Flag(help: "Open the dashboard paused at the start.") var paused = false
    @Option(name: [.customShort("n"), .customLong("namespace")], help: "The dashboard's first namespace (default: all).")
    var namespace: String?
    @Option(help: "A bundled theme, a k9s skin file, or a k9s skin name.") var theme: String?

    func validate() throws {
        let modes = [verify, info, exportCast != nil].filter { $0 }.count
        guard modes <= 1 else { throw ValidationError("choose one of --verify, --info or --export-cast") }
        guard ["text", "json"].contains(output) else { throw ValidationError("--output must be text or json") }
        guard (0.25...16).contains(speed) else { throw ValidationError("--speed must be between 0.25 and 16") }
    }

    func run() throws {
        let recording = try ReplayCommand.open(file)
        if verify { return try runVerify(recording) }
        if info { return try runInfo(recording) }
        if let exportCast { return try runExport(recording, to: exportCast) }
        try runDashboard(recording)
    }

    private func runDashboard(_ recording: RecordingFile) throws {
        let replay = try Self.replay(recording, path: file)
        let selectedTheme = try theme.map { name -> Theme in
            do { return try Themes.load(name) } catch {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
        }
        let options = DashboardOptions(theme: selectedTheme, speed: speed, paused: paused,
                                       contextName: "replay:\((file as NSString).lastPathComponent)", view: view,
                                       namespace: namespace)
        let status = try DashboardApp.run(replay: RecordedTimeline(replay: replay, file: recording), options: options)
        if status != 0 { throw ExitCode(status) }
    }

    /// Reads a recording, printing its warnings; any error is one line and exit 1.
    static func open(_ path: String) throws -> RecordingFile {
        do {
            let file = try RecordingReader.read(path: path)
            for warning in file.warnings { Console.warn("\(path): \(warning)") }
            return file
        } catch {
            Console.error("error: \(path): \(error)")
            throw ExitCode(1)
        }
    }

    static func replay(_ recording: RecordingFile, path: String) throws -> Replay {
        do { return try Replay(recording) } catch {
            Console.error("error: \(path): \(error)")
            throw ExitCode(1)
        }
    }

    private func runVerify(_ recording: RecordingFile) throws {
        let report: ReplayVerifier.Report
        do { report = try ReplayVerifier.verify(recording) } catch {
            Console.error("error: \(file): cannot re-simulate: \(error)")
            throw ExitCode(1)
        }
        if let divergence = report.divergence {
            Console.error("\(file): \(divergence)")
            throw ExitCode(1)
        }
        print("\(file): OK: \(report.entries) entries and \(report.checksums) checksums match a re-simulation")
    }

    private func runInfo(_ recording: RecordingFile) throws {
        let replay = try Self.replay(recording, path: file)
        let seconds = Double(replay.durationMs) / 1000
        if output == "json" {
            let actions: [JSONValue] = replay.actions.map { mark in
                var o: [String: JSONValue] = ["at": .double(Double(mark.atMs - replay.startMs) / 1000),
                                              "action": .string(mark.text)]
                if let error = mark.error { o["error"] = .string(error) }
                return .object(o)
            }
            print(JSONWriter.pretty([
                "duration": .double(seconds), "seed": .int(Int64(bitPattern: recording.header.seed)),
                "entries": .int(Int64(replay.entryCount)), "actions": .array(actions),
                "createdAt": .string(recording.header.createdAt),
            ]))
            return
        }
        print("Recording:  \(file)")
        print("Created:    \(recording.header.createdAt) (switchboard \(recording.header.switchboardVersion))")
        print("Duration:   \(VirtualDuration.format(replay.durationMs)) virtual")
        print("Seed:       \(recording.header.seed)")
        print("Entries:    \(replay.entryCount)")
        print("Manifests:  \(recording.header.manifests.count) documents")
        print("Actions:    \(replay.actions.count)")
        let width = replay.actions.map { replay.offset($0.atMs).count }.max() ?? 0
        for mark in replay.actions {
            let at = replay.offset(mark.atMs)
            let pad = String(repeating: " ", count: width - at.count)
            print("  \(pad)\(at)  \(mark.text)\(mark.error.map { "  (failed: \($0))" } ?? "")")
        }
    }

    private func runExport(_ recording: RecordingFile, to path: String) throws {
        let replay = try Self.replay(recording, path: file)
        do {
            let dims = try Renderer.parseSize(size)
            let epoch = SimulationConfig(seed: recording.header.seed).epoch
            let lines = try CastExport.lines(replay, width: dims.cols, height: dims.rows,
                                             title: "switchboard replay \((file as NSString).lastPathComponent)") {
                try Renderer.render(view: view ?? "pods", state: $0, size: dims, color: true, theme: nil, namespace: nil,
                                    epoch: epoch)
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            print("\(path): \(lines.count - 1) frames over \(VirtualDuration.format(replay.durationMs))")
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
    }
}

/// A recording as the replay dashboard sees it.
struct RecordedTimeline: ReplayTimeline {
    let replay: Replay
    let file: RecordingFile
    let marks: [TimelineMark]

    init(replay: Replay, file: RecordingFile) {
        self.replay = replay
        self.file = file
        marks = replay.actions.map { TimelineMark(atMs: $0.atMs, text: $0.text) }
    }

    var startMs: Int64 { replay.startMs }
    var endMs: Int64 { replay.endMs }
    func state(atMs: Int64) -> ClusterState { replay.state(atMs: atMs) }
    func branch(atMs: Int64) throws -> Simulator { try ReplayBranch.simulator(file, atMs: atMs) }
}
