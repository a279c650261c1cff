import ArgumentParser
import ClusterStore
import Foundation
import Recording
import Simulation

/// `switchboard record --out FILE`: a scripted session (load, settle, each -e action) recorded headlessly.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a scripted session (load, settle, each -e action) to a replayable file.",
        discussion: "The file is JSON Lines (docs/recording-format.md): replay it with `switchboard replay FILE`.")

    @Option(help: "The recording file to write.") var out: String
    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        let objects = try cluster.loadObjects()
        var actions: [Action] = []
        for text in cluster.actions {
            do { actions.append(try ActionParser.parse(text)) } catch {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
        }
        let sink: FileSink
        do { sink = try FileSink(path: out) } catch {
            Console.error("error: \(out): \(error)")
            throw ExitCode(1)
        }
        let session = ScriptedSession(manifests: objects, seed: cluster.seed, settle: !cluster.noSettle,
                                      actions: actions)
        do {
            let sim = try session.record(to: sink, createdAt: WallClock.rfc3339Now())
            for warning in sim.warnings { Console.warn(warning) }
        } catch ScriptedSession.Failure.rejected(let errors) {
            for error in errors { Console.error("Error from server (\(error.reason.rawValue)): \(error.message)") }
            throw ExitCode(1)
        } catch ScriptedSession.Failure.action(_, let error as APIError) {
            Console.error("Error from server (\(error.reason.rawValue)): \(error.message)")
            throw ExitCode(1)
        } catch ScriptedSession.Failure.action(_, let error) {
            Console.error("error: \(error)")
            throw ExitCode(1)
        } catch {
            Console.error("error: \(out): \(error)")
            throw ExitCode(1)
        }
    }
}

/// The only wall-clock reading a recording has: its header's creation time.
enum WallClock {
    static func rfc3339Now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
