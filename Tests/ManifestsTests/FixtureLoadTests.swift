import Foundation
import KubeModel
import Testing
@testable import Manifests

/// Real manifests from well-known projects, and large generated streams.
@Suite("Fixtures and large inputs: loading")
struct FixtureLoadTests {
    static let realWorld: [URL] = Fixtures.directory("real-world").map(Fixtures.files(under:))?
        .filter { [".yaml", ".yml", ".json"].contains(where: $0.lastPathComponent.hasSuffix) } ?? []

    @Test("the real-world fixture directory is present")
    func present() throws {
        try #require(Fixtures.directory("real-world") != nil,
                     "fixtures missing at \(Fixtures.root.path): skipping real-world tests")
        #expect(Self.realWorld.count >= 10)
    }

    @Test("every real-world manifest loads without errors or warnings",
          .enabled(if: Fixtures.directory("real-world") != nil, "fixtures directory missing"),
          arguments: realWorld)
    func realWorldFile(_ url: URL) {
        let result = ManifestLoader().load(paths: [url.path])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(!result.objects.isEmpty)
    }

    @Test("online-boutique: 35 documents in one stream, each at its line",
          .enabled(if: Fixtures.directory("real-world") != nil, "fixtures directory missing"))
    func onlineBoutique() throws {
        let path = try #require(Fixtures.directory("real-world")).appendingPathComponent("online-boutique.yaml").path
        let result = ManifestLoader().load(paths: [path])
        #expect(result.objects.count == 35)
        let kinds = Dictionary(grouping: result.objects, by: { $0.object.resourceType.kind }).mapValues(\.count)
        #expect(kinds["Deployment"] == 12)
        #expect(kinds["Service"] == 12)
        #expect(result.objects.map(\.source.line) == result.objects.map(\.source.line).sorted())
    }

    @Test("a generated stream of 3,000 Deployments, Services and Ingresses loads")
    func generatedStream() {
        var text = ""
        for i in 0..<3000 { text += Generated.object(i) }
        let result = ManifestLoader().load(name: "gen.yaml", contents: text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.objects.count == 3000)
        #expect(result.objects.last?.object.metadata.name == "app-00999")
    }

    @Test("a 50 MB file loads: documents stream through one at a time")
    func fiftyMegabytes() {
        // Big scalars keep the debug-build test quick while the bytes, the reading and the scanning are real.
        let blob = String(repeating: "0123456789abcdef", count: 65_536)  // 1 MiB
        var text = ""
        for i in 0..<50 {
            text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blob-\(i)\ndata:\n  blob: \(blob)\n"
        }
        let path = TemporaryDirectory()
        let file = path.write("big.yaml", text)
        let result = ManifestLoader().load(paths: [file])
        #expect(result.diagnostics.isEmpty)
        #expect(result.objects.count == 50)
        #expect(result.objects.last?.source.line == 49 * 7 + 2)  // seven lines a document, after its ---
    }
}

/// The same shapes as scripts/gen-manifests.py, small enough to build in a test.
enum Generated {
    static func object(_ i: Int) -> String {
        let app = "app-" + String(repeating: "0", count: 5 - String(i / 3).count) + String(i / 3)
        switch i % 3 {
        case 0:
            return """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(app)
                  labels: {app.kubernetes.io/name: \(app), app.kubernetes.io/version: 1.\(i % 13).\(i % 5)}
                spec:
                  replicas: \(1 + i % 5)
                  selector:
                    matchLabels: {app.kubernetes.io/name: \(app)}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: \(app)}
                    spec:
                      containers:
                      - name: app
                        image: registry.example.com/\(app):1.0
                        ports:
                        - {name: http, containerPort: 8080}
                        env:
                        - {name: PORT, value: "8080"}
                        readinessProbe:
                          httpGet: {path: /healthz, port: http}

                """
        case 1:
            return """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: \(app)}
                spec:
                  selector: {app.kubernetes.io/name: \(app)}
                  ports:
                  - {name: http, port: 80, targetPort: http}

                """
        default:
            return """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: \(app)}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: \(app).example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: \(app), port: {name: http}}}

                """
        }
    }
}
