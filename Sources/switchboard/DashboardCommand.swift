import ArgumentParser
import Dashboard
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
        let sim = try cluster.buildSimulator()
        let options = DashboardOptions(theme: selectedTheme, speed: speed, paused: paused,
                                       contextName: cluster.contextName,
                                       view: view, namespace: namespace)
        let status = try DashboardApp.run(simulator: sim, options: options)
        if status != 0 { throw ExitCode(status) }
    }
}
