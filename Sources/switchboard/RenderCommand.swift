import ArgumentParser
import Dashboard
import Foundation
import Simulation

/// `switchboard render VIEW`: the dashboard's frame as text, for scripts, docs and tests.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a dashboard view as text (optionally with ANSI colours).")

    @Argument(help: "The view: svc, pods, ep, ing, deploy, rs, sts, ds, no, ev, ns, topo, help, or describe/yaml KIND/NAME.")
    var view: String
    @Argument(help: "For describe and yaml: the object, KIND/NAME (e.g. svc/api with -n shop).") var object: String?
    @OptionGroup var cluster: ClusterOptions
    @Option(help: "Frame size COLSxROWS.") var size = "120x40"
    @Option(help: "Theme name or skin file (with --color).") var theme: String?
    @Flag(help: "Emit ANSI colour codes.") var color = false
    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Namespace (default: all).") var namespace: String?

    func run() throws {
        do {
            let dims = try Renderer.parseSize(size)
            let selectedTheme = try theme.map { try Themes.load($0) }
            let sim = try cluster.buildSimulator()
            let text = try Renderer.render(view: view, state: sim.snapshot, size: dims, color: color,
                                           theme: selectedTheme, namespace: namespace, epoch: sim.config.epoch,
                                           contextName: cluster.contextName, object: object,
                                           traffic: .counters(sim.traffic, elapsedMs: sim.elapsedMs))
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
    }
}
