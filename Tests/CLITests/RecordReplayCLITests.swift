import Foundation
import Testing

/// `record`, `replay --verify/--info/--export-cast` and `get --replay` through the real binary.
@Suite("Record and replay on the command line")
struct RecordReplayCLITests {
    static func tempPath(_ suffix: String) -> String {
        NSTemporaryDirectory() + "switchboard-cli-\(UUID().uuidString)\(suffix)"
    }

    /// A short demo session: scale up, time passes, a pod of the new ReplicaSet size is killed.
    static func record() throws -> String {
        let path = tempPath(".jsonl")
        let r = try CLI.run(["record", "--out", path, "-e", "scale deployment/frontend --replicas=4 -n shop",
                             "-e", "advance 10s", "-e", "kill pod/redis-2 -n shop", "-e", "advance 5s"])
        #expect(r.status == 0, "\(r.stderr)")
        return path
    }

    @Test("record writes a file that replay --verify accepts and --info describes")
    func recordVerifyInfo() throws {
        let path = try Self.record()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let verify = try CLI.run(["replay", path, "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains(": OK: "))

        let info = try CLI.run(["replay", path, "--info", "-o", "json"])
        #expect(info.status == 0, "\(info.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(json["seed"] as? Int == 42)
        #expect((json["entries"] as? Int ?? 0) > 100)
        let actions = try #require(json["actions"] as? [[String: Any]])
        #expect(actions.map { $0["action"] as? String } == ["settle", "scale deployment/frontend --replicas=4 -n shop",
                                                            "advance 10s", "kill pod/redis-2 -n shop", "advance 5s"])
        let times = actions.compactMap { ($0["at"] as? NSNumber)?.doubleValue }
        #expect(times.count == 5 && times == times.sorted())
        #expect((json["duration"] as? NSNumber)?.doubleValue == times[3] + 5)

        let text = try CLI.run(["replay", path, "--info"])
        #expect(text.stdout.contains("Seed:       42"))
        #expect(text.stdout.contains("kill pod/redis-2 -n shop"))
    }

    @Test("apply -f keeps the documents it read, so the recording verifies and replays without the file")
    func applyIsSelfContained() throws {
        let manifest = Self.tempPath(".yaml")
        try "apiVersion: v1\nkind: Service\nmetadata:\n  name: extra\n  namespace: shop\nspec:\n  selector:\n    app.kubernetes.io/name: frontend\n  ports:\n  - port: 8080\n"
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let path = Self.tempPath(".jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["record", "--out", path, "-e", "apply -f \(manifest)", "-e", "advance 2s"])
        #expect(r.status == 0, "\(r.stderr)")
        try FileManager.default.removeItem(atPath: manifest)
        let verify = try CLI.run(["replay", path, "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let get = try CLI.run(["get", "svc", "extra", "-n", "shop", "--replay", path, "-o", "name"])
        #expect(get.stdout == "service/extra\n")
    }

    @Test("get --replay --at prints the cluster as it was then")
    func getAtMoments() throws {
        let path = try Self.record()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let info = try CLI.run(["replay", path, "--info", "-o", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let actions = try #require(json["actions"] as? [[String: Any]])
        let killAt = try #require((actions[3]["at"] as? NSNumber)?.intValue)

        let before = try CLI.run(["get", "pods", "-n", "shop", "--replay", path, "--at", "\(killAt - 1)s"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("redis-2 "))
        #expect(before.stdout.split(separator: "\n").filter { $0.hasPrefix("frontend-") }.count == 4)
        let after = try CLI.run(["get", "pods", "-n", "shop", "--replay", path, "--at", "\(killAt)s"])
        // The StatefulSet recreates redis-2 at once under the same name: it is new (Pending or starting).
        let redis2 = try #require(after.stdout.split(separator: "\n").first { $0.hasPrefix("redis-2 ") })
        #expect(redis2.contains("0/1"))
        let end = try CLI.run(["get", "pods", "-n", "shop", "--replay", path, "--at", "end", "-o", "name"])
        #expect(end.status == 0 && end.stdout.contains("pod/redis-2"))

        let bad = try CLI.run(["get", "pods", "--replay", path, "--at", "soon"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "error: invalid --at \"soon\": expected a duration from the start (90s, 1m30s) or end\n")
        let orphan = try CLI.run(["get", "pods", "--at", "5s"])
        #expect(orphan.status != 0 && orphan.stderr.contains("--at needs --replay FILE"))
    }

    @Test("replay --verify exits 1 naming the moment and object of a hand edit")
    func verifyTampered() throws {
        let path = try Self.record()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "--replicas=4", with: "--replicas=2")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["replay", path, "--verify"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(path): diverged at "))
        #expect(r.stderr.contains("deployment/frontend in namespace shop differs"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test("Damaged and missing recordings: one line on stderr, exit 1")
    func damagedFiles() throws {
        let missing = Self.tempPath(".jsonl")
        let r1 = try CLI.run(["replay", missing, "--info"])
        #expect(r1.status == 1 && r1.stderr == "error: \(missing): no such file\n")

        let empty = Self.tempPath(".jsonl")
        try Data().write(to: URL(fileURLWithPath: empty))
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let r2 = try CLI.run(["replay", empty, "--verify"])
        #expect(r2.status == 1 && r2.stderr == "error: \(empty): empty file, not a recording\n")

        let manifest = "demo-cluster/20-shop.yaml"
        let r3 = try CLI.run(["replay", manifest, "--info"])
        #expect(r3.status == 1)
        #expect(r3.stderr.hasPrefix("error: \(manifest): line 1, column 1: not JSON ("))

        let path = try Self.record()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.dropLast(40)).write(toFile: path, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n").count
        let r4 = try CLI.run(["replay", path, "--info"])
        #expect(r4.status == 0)
        #expect(r4.stderr == "Warning: \(path): line \(lines) is incomplete (the recorder stopped while writing it); replaying the \(lines - 1) lines before it\n")

        let r5 = try CLI.run(["record", "--out", "/nonexistent-dir/x.jsonl"])
        #expect(r5.status == 1 && r5.stderr == "error: /nonexistent-dir/x.jsonl: cannot write: No such file or directory\n")
        let r6 = try CLI.run(["record", "--out", Self.tempPath(".jsonl"), "-e", "kill pod/nope"])
        #expect(r6.status == 1 && r6.stderr.contains("pods \"nope\" not found"))
    }

    @Test("--export-cast writes a valid asciicast v2 file: header, then [time, \"o\", text] with time non-decreasing")
    func exportCast() throws {
        let path = try Self.record()
        let cast = Self.tempPath(".cast")
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: cast) }
        let r = try CLI.run(["replay", path, "--export-cast", cast, "--view", "pods", "--size", "100x30"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect(header["timestamp"] is Int)
        #expect(lines.count > 5)
        var last = -1.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3)
            let t = try #require((event[0] as? NSNumber)?.doubleValue)
            #expect(t >= last)
            last = t
            #expect(event[1] as? String == "o")
            let text = try #require(event[2] as? String)
            #expect(text.hasPrefix("\u{1b}[H\u{1b}[2J"))
            // Every frame fits the declared size: at most 30 rows of at most 100 visible columns.
            let rows = text.dropFirst(7).components(separatedBy: "\r\n")
            #expect(rows.count <= 30)
            let visible = rows.map { $0.replacingOccurrences(of: "\u{1b}\\[[0-9;]*m", with: "", options: .regularExpression) }
            #expect(visible.allSatisfy { $0.count <= 100 })
        }
        let bad = try CLI.run(["replay", path, "--export-cast", cast, "--size", "0x0"])
        #expect(bad.status == 1 && bad.stderr.contains("invalid size"))
    }
}
