import ClusterStore
import KubeModel
import Manifests

extension Simulator {
    /// `apply -f PATH`: load the manifests (file, directory or `-`) and create or update each object. A manifest
    /// error rejects the whole action, as kubectl does before it sends anything.
    mutating func applyFile(_ path: String) throws {
        let result = ManifestLoader().load(paths: [path])
        if result.hasErrors {
            throw SimulationError.invalidAction(result.errors.map(\.description).joined(separator: "\n"))
        }
        var rejected: [String] = []
        for loaded in result.objects {
            do {
                try applyObject(loaded.object)
            } catch {
                rejected.append(String(describing: error))
            }
        }
        if !rejected.isEmpty { throw SimulationError.invalidAction(rejected.joined(separator: "\n")) }
    }
}
