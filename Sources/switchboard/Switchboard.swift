import ArgumentParser

@main
struct Switchboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A Kubernetes service-networking simulator for the terminal.",
        subcommands: [DashboardCommand.self, GetCommand.self, TraceCommand.self, ValidateCommand.self, RenderCommand.self,
                      BenchCommand.self, RecordCommand.self, ReplayCommand.self],
        defaultSubcommand: DashboardCommand.self)
}
