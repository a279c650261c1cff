import ArgumentParser
import KubeModel
import Manifests

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests against the API server's rules; prints PATH:LINE:COLUMN: error: MESSAGE.")

    @Argument(help: "Files or directories (their .yaml, .yml and .json files), or - for stdin.")
    var paths: [String]

    func run() throws {
        let result = ManifestLoader().load(paths: paths)
        for diagnostic in result.diagnostics {
            if diagnostic.severity == .error { Console.error(diagnostic.description) } else { Console.warn(diagnostic.description) }
        }
        if result.hasErrors { throw ExitCode(1) }
        print("\(result.objects.count) object\(result.objects.count == 1 ? "" : "s") valid")
    }
}
