import ClusterStore
import DemoCluster
import Foundation
import KubeModel
import Manifests
import Simulation
import Testing

@testable import Dashboard

/// Builds simulators and compares frames with golden text files.
enum TestSupport {
    /// The bundled demo cluster, loaded and settled.
    static func demoSimulator(settle: Bool = true) -> Simulator {
        var sim = Simulator(config: SimulationConfig(seed: 42))
        var objects: [KubeObject] = []
        let loader = ManifestLoader()
        for file in DemoCluster.files where file.name.hasSuffix(".yaml") {
            let result = loader.load(name: file.name, contents: file.contents)
            objects += result.objects.map(\.object)
        }
        let errors = sim.load(objects)
        precondition(errors.isEmpty, "demo cluster rejected: \(errors)")
        if settle { sim.settle() }
        return sim
    }

    static var goldenDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["SWITCHBOARD_UPDATE_GOLDEN"] == "1" }

    /// Compares `text` with Golden/NAME.txt; with SWITCHBOARD_UPDATE_GOLDEN=1 rewrites the file instead.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = goldenDirectory.appendingPathComponent(name + ".txt")
        if updating {
            try? FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file Golden/\(name).txt (run with SWITCHBOARD_UPDATE_GOLDEN=1)",
                         sourceLocation: sourceLocation)
            return
        }
        if text != expected {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
                diff.append("line \(i + 1):\n- \(i < a.count ? String(a[i]) : "<none>")\n+ \(i < b.count ? String(b[i]) : "<none>")")
                if diff.count >= 8 { break }
            }
            let details = diff.joined(separator: "\n")
            Issue.record("frame differs from Golden/\(name).txt (SWITCHBOARD_UPDATE_GOLDEN=1 rewrites it)\n\(details)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The plain text of the frame for a UI state.
    static func frame(_ state: ClusterState, _ ui: UIState, _ cols: Int = 80, _ rows: Int = 24) -> String {
        TextBackend.plain(Renderer.renderFrame(state: state, ui: ui, cols: cols, rows: rows))
    }
}
