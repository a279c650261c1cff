import ClusterStore
import KubeModel
import Manifests

extension Simulator {
    /// `apply -f PATH`: load the manifests (file, directory or `-`) and create or update each object. A manifest
    /// error rejects the whole action, as kubectl does before it sends anything.
    mutating func applyFile(_ path: String) throws {
        try applyDocuments(try Self.documents(forApply: path))
    }

    /// The objects `apply -f PATH` would send, read now (a recorder keeps them, so a replay needs no file).
    public static func documents(forApply path: String) throws -> [KubeObject] {
        let result = ManifestLoader().load(paths: [path])
        if result.hasErrors {
            throw SimulationError.invalidAction(result.errors.map(\.description).joined(separator: "\n"))
        }
        return result.objects.map(\.object)
    }

    /// Creates or updates each object, as `apply -f` does once its file is read; rejections are reported together.
    public mutating func applyDocuments(_ objects: [KubeObject]) throws {
        var rejected: [String] = []
        for object in objects {
            do {
                try applyObject(object)
            } catch {
                rejected.append(String(describing: error))
            }
        }
        runControllers()
        if !rejected.isEmpty { throw SimulationError.invalidAction(rejected.joined(separator: "\n")) }
    }
}
