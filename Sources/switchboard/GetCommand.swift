import ArgumentParser
import Foundation
import Kubectl
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

    func run() throws {
        let sim = try cluster.buildSimulator()
        let query = GetQuery(arguments: arguments, namespace: namespace, allNamespaces: allNamespaces,
                             selector: selector, output: output)
        let result = Kubectl.run(state: sim.snapshot, query: query)
        FileHandle.standardOutput.write(Data(result.stdout.utf8))
        if !result.stderr.isEmpty { FileHandle.standardError.write(Data(result.stderr.utf8)) }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
