import ArgumentParser

@main
struct Switchboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A Kubernetes service-networking simulator for the terminal.",
        subcommands: [GetCommand.self, ValidateCommand.self, BenchCommand.self])
}
