import Foundation
import Testing

/// The replay dashboard in a real terminal: play, pause, seek, read-only, branch, quit.
@Suite("The replay dashboard in a real terminal (tmux)", .serialized,
       .enabled(if: Tmux.available, "tmux is not installed; install it (scripts/setup.sh does) to run the dashboard's end-to-end tests"))
struct ReplayTmuxTests {
    /// The timeline bar: the screen's line with the play or pause sign.
    static func timeline(_ screen: String) -> String {
        screen.split(separator: "\n").map(String.init).last { $0.contains("⏸") || $0.contains("▶") } ?? ""
    }

    /// The position shown at the start of the timeline bar, in seconds (`1m05s` → 65).
    static func position(_ screen: String) -> Int? {
        let words = timeline(screen).split(separator: " ")
        guard words.count >= 2 else { return nil }
        let text = String(words[1])
        var total = 0, number = 0
        for c in text {
            if let d = c.wholeNumberValue { number = number * 10 + d; continue }
            if c == "m" { total += number * 60 } else if c == "s" { total += number } else { return nil }
            number = 0
        }
        return total
    }

    @Test("play, pause, seek (end, start, :goto, next action), read-only keys, branch and quit")
    func playPauseSeekQuit() async throws {
        let path = NSTemporaryDirectory() + "switchboard-tmux-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["record", "--out", path, "-e", "scale deployment/frontend --replicas=5 -n shop",
                             "-e", "advance 20s", "-e", "kill pod/redis-2 -n shop", "-e", "advance 30s"])
        #expect(r.status == 0, "\(r.stderr)")
        let info = try CLI.run(["replay", path, "--info", "-o", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let duration = try #require((json["duration"] as? NSNumber)?.intValue)
        let actionTimes = try #require(json["actions"] as? [[String: Any]]).compactMap { ($0["at"] as? NSNumber)?.intValue }

        let tm = try TmuxDashboard(["replay", path, "--paused", "--view", "pods", "-n", "shop"])
        defer { tm.kill() }
        var screen = try await tm.waitFor("the paused timeline at 0s") { Self.position($0) == 0 && $0.contains("Pods(") }
        #expect(screen.contains("PAUSED"))
        #expect(Self.timeline(screen).contains("┼"), "no action markers:\n\(screen)")

        try tm.send("$")
        screen = try await tm.waitFor("the end") { Self.position($0) == duration }
        #expect(Self.timeline(screen).contains("kill pod/redis-2 -n shop"), "\(Self.timeline(screen))")

        try tm.send("0")
        try await tm.waitFor("the start") { Self.position($0) == 0 }

        try tm.type(":goto 25s")
        try tm.send("Enter")
        try await tm.waitFor("25s") { Self.position($0) == 25 }

        // → steps to the next action after 25s: the kill.
        try tm.send("Right")
        let next = try #require(actionTimes.first { $0 > 25 })
        screen = try await tm.waitFor("the next action") { Self.position($0) == next }
        #expect(Self.timeline(screen).contains("kill pod/redis-2"))

        try tm.send("[")
        try await tm.waitFor("10s back") { Self.position($0) == next - 10 }

        // Play: the position moves on by itself; pause: it stops.
        let before = try #require(Self.position(screen))
        try tm.send("Space")
        screen = try await tm.waitFor("playing") { Self.timeline($0).contains("▶") && (Self.position($0) ?? 0) > before }
        try tm.send("Space")
        screen = try await tm.waitFor("paused again") { Self.timeline($0).contains("⏸") }
        let stopped = Self.position(screen)
        try await Task.sleep(for: .milliseconds(1500))
        #expect(Self.position(tm.capture()) == stopped)

        // A key that would change the cluster explains instead.
        try tm.send("C-k")
        try await tm.waitFor(text: "a replay is read-only")

        // b: a live simulation from here; the timeline gives way to the key hints.
        try tm.send("b")
        screen = try await tm.waitFor("the branch") { $0.contains("branch@") && $0.contains("<q> quit") }
        #expect(Self.timeline(screen).isEmpty)
        try await tm.quitAndExpectSaneTerminal()
    }
}

@Suite("Recording an interactive session (tmux)", .serialized,
       .enabled(if: Tmux.available, "tmux is not installed; install it (scripts/setup.sh does) to run the dashboard's end-to-end tests"))
struct RecordTmuxTests {
    @Test("--record writes the session as it runs (REC in the header); R pauses and resumes; the file verifies")
    func recordsInteractiveSession() async throws {
        let path = NSTemporaryDirectory() + "switchboard-tmux-rec-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tm = try TmuxDashboard(["--record", path, "--speed", "4", "--view", "deploy", "-n", "shop"])
        defer { tm.kill() }
        let firstLine = { (s: String) in s.split(separator: "\n").first.map(String.init) ?? "" }
        var screen = try await tm.waitFor("REC in the header") { firstLine($0).contains("REC") && $0.contains("Deployments(") }
        try tm.type(":scale deployment/frontend --replicas=4 -n shop")
        try tm.send("Enter")
        screen = try await tm.waitFor("four frontend pods ready") { s in
            TmuxDashboard.rows(s).contains { $0.hasPrefix("frontend") && $0.contains("4/4") }
        }
        _ = screen
        // The recording is on disk already, while the session runs.
        let during = try String(contentsOfFile: path, encoding: .utf8)
        #expect(during.contains("\"text\":\"scale deployment/frontend --replicas=4 -n shop\""))
        try tm.send("q")
        try await tm.expectSaneExit()

        let verify = try CLI.run(["replay", path, "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let info = try CLI.run(["replay", path, "--info"])
        #expect(info.stdout.contains("scale deployment/frontend --replicas=4 -n shop"))
    }

    @Test("ctrl-r pauses recording (REC goes) and resumes it (REC returns)")
    func togglesRecording() async throws {
        let path = NSTemporaryDirectory() + "switchboard-tmux-rec-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tm = try TmuxDashboard(["--record", path, "--paused"])
        defer { tm.kill() }
        let header = { (s: String) in s.split(separator: "\n").first.map(String.init) ?? "" }
        try await tm.waitFor("REC") { header($0).contains("REC") }
        try tm.send("C-r")
        try await tm.waitFor("REC gone") { !header($0).contains("REC") && $0.contains("recording paused") }
        try tm.send("C-r")
        try await tm.waitFor("REC back") { header($0).contains("REC") && $0.contains("recording resumed") }
        try await tm.quitAndExpectSaneTerminal()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"resumed\":true"))
    }
}
