import Foundation
import Testing

/// Runs the real `switchboard` binary, built next to the test bundle by `swift build --build-tests`.
enum CLI {
    static let binary: URL = {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("switchboard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/switchboard")
    }()

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ args: [String], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = repo
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }
}

@Suite("The command line keeps DESIGN.md's contract")
struct CLITests {
    @Test("validate demo-cluster exits 0")
    func validateDemo() throws {
        let r = try CLI.run(["validate", "demo-cluster"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test("get svc,ing -A prints kubectl tables with a NAMESPACE column")
    func getTables() throws {
        let r = try CLI.run(["get", "svc,ing", "-A"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("NAMESPACE") == true)
        #expect(r.stdout.contains("service/ingress-nginx-controller"))
        #expect(r.stdout.contains("LoadBalancer"))
        #expect(r.stdout.contains("ingress.networking.k8s.io/shop"))
    }

    @Test("get svc -A -o json prints a List of whole objects as the API serves them")
    func getJSON() throws {
        let r = try CLI.run(["get", "svc", "-A", "-o", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "List")
        #expect(json["apiVersion"] as? String == "v1")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count >= 10)
        for item in items {
            let meta = try #require(item["metadata"] as? [String: Any])
            #expect(meta["uid"] is String)
            #expect(meta["resourceVersion"] is String)
            #expect(meta["creationTimestamp"] is String)
            #expect(item["spec"] is [String: Any])
            #expect(item["status"] is [String: Any])
        }
    }

    @Test("the same command prints the same pod names every time (fixed default seed)")
    func deterministicNames() throws {
        let a = try CLI.run(["get", "pods", "-A", "-o", "name"])
        let b = try CLI.run(["get", "pods", "-A", "-o", "name"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("pod/redis-0"))
    }

    @Test("-e actions apply in order and nothing settles after the last one")
    func actionsWithoutFinalSettle() throws {
        let before = try CLI.run(["get", "pods", "-n", "shop", "-o", "name"])
        let victim = try #require(before.stdout.split(separator: "\n").first { $0.hasPrefix("pod/frontend-") })
        let r = try CLI.run(["get", "pods", "-n", "shop", "-e", "delete \(victim) -n shop"])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix(victim.dropFirst(4)) })
        #expect(row.contains("Terminating"))
        #expect(r.stdout.contains("Pending") || r.stdout.contains("ContainerCreating"))
    }

    @Test("bad input: a broken manifest reports file:line:column and exits 1")
    func brokenManifest() throws {
        let r = try CLI.run(["validate", "-"], stdin: "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: [a\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("-:") || r.stderr.contains("<stdin>"))
        #expect(r.stderr.contains("error:"))
    }

    @Test("bad input: a missing path, an unknown kind, a typo in an action each exit 1 with a message")
    func badInputs() throws {
        let missing = try CLI.run(["validate", "does/not/exist.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("does/not/exist.yaml"))
        let kind = try CLI.run(["get", "flurbs"])
        #expect(kind.status == 1)
        #expect(kind.stderr.contains("doesn't have a resource type \"flurbs\""))
        let typo = try CLI.run(["get", "pods", "-e", "scael deployment/frontend --replicas=2 -n shop"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean \"scale\""))
        let missingObject = try CLI.run(["get", "pods", "-e", "scale deployment/nope --replicas=2"])
        #expect(missingObject.status == 1)
        #expect(missingObject.stderr.contains("deployments.apps \"nope\" not found"))
        let duration = try CLI.run(["get", "pods", "-e", "advance 5parsecs"])
        #expect(duration.status == 1)
        #expect(duration.stderr.contains("invalid duration"))
    }

    @Test("a duplicate NodePort is rejected with the API server's message")
    func duplicateNodePort() throws {
        let manifest = """
        apiVersion: v1
        kind: Service
        metadata: {name: x1}
        spec: {type: NodePort, selector: {app: x}, ports: [{port: 80, nodePort: 30080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: x2}
        spec: {type: NodePort, selector: {app: x}, ports: [{port: 80, nodePort: 30080}]}
        """
        let r = try CLI.run(["get", "svc", "-f", "-"], stdin: manifest)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Service \"x2\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated"))
    }
}
