import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// End-to-end tests of the real `switchboard` dashboard in a real terminal: tmux runs the binary in a detached
/// session on a private socket, the tests type keys with `send-keys` and read the screen with `capture-pane`.
/// Every check polls the screen until a condition holds (or a generous timeout passes); nothing relies on a fixed
/// sleep. The command run after the binary prints `EXIT:<status>` and `stty -a`, so a test can see that the
/// dashboard exited cleanly and left the terminal sane.
enum Tmux {
    /// The tmux executable on PATH, or nil (the tests are then skipped; CI installs it via scripts/setup.sh).
    static let path: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return dirs.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var available: Bool { path != nil }
}

/// A screen did not reach the expected state in time; carries the last screen for the failure message.
struct ScreenTimeout: Error, CustomStringConvertible {
    var what: String
    var screen: String
    var description: String { "timed out waiting for \(what); last screen:\n\(screen)" }
}

/// One dashboard running in its own tmux server. Call `kill()` when done (use `defer`).
final class TmuxDashboard {
    static let timeout: Duration = .seconds(20)
    static let pollInterval: Duration = .milliseconds(50)

    /// A private server socket (`-S`), removed again by `kill()`.
    let socket = FileManager.default.temporaryDirectory
        .appendingPathComponent("sb-test-\(UUID().uuidString.prefix(8).lowercased())").path
    let session = "sb:"  // the session's current window (and its only pane)

    /// Starts `switchboard ARGS` in a `width`×`height` terminal. `environment` is put in front of the command.
    init(_ args: [String], width: Int = 120, height: Int = 40,
         environment: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) throws {
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let command = (["env", "-u", "NO_COLOR"] + env + [Self.quote(CLI.binary.path)] + args.map(Self.quote))
            .joined(separator: " ")
        let script = "\(command); echo EXIT:$?; stty -a; sleep 60"
        // The server this starts inherits the client's stdout and stderr, so they must not be pipes we read to EOF.
        let r = try tmux(["new-session", "-d", "-s", "sb", "-x", "\(width)", "-y", "\(height)",
                          "-c", CLI.repo.path, script], readOutput: false)
        guard r.status == 0 else { throw ScreenTimeout(what: "tmux new-session to succeed", screen: "") }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String], readOutput: Bool = true) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Tmux.path ?? "/usr/bin/tmux")
        p.arguments = ["-S", socket, "-f", "/dev/null"] + args
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        #if os(Linux)
        // Foundation's Process on Linux notices a child's exit through a socket the child inherits; the tmux server
        // that `new-session` daemonizes would inherit it too and keep it open, so waitUntilExit would never return.
        if !readOutput { return (Self.spawnAndWait(p.executableURL!.path, p.arguments ?? [], environment: env), "") }
        #endif
        guard readOutput else {
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return (p.terminationStatus, "")
        }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    #if os(Linux)
    /// Runs a program with stdio on /dev/null and every other descriptor closed; returns its exit status.
    static func spawnAndWait(_ path: String, _ args: [String], environment: [String: String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // No closefrom action in Swift's Glibc module: close every descriptor that may be open, including any a
        // concurrent test's Process opens meanwhile (glibc ignores EBADF for close actions).
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for fd in 3..<max(1024, (open.max() ?? 0) + 256) {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test runner's threads block most signals and ignore some; the tmux server and everything it runs
        // (the dashboard included) would inherit that, so SIGWINCH, SIGCHLD, SIGHUP and SIGTERM would never arrive.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, &attr, argv, envp) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
    #endif

    /// The visible screen as text (`-J` joins lines the terminal wrapped; trailing blanks are trimmed).
    func capture() -> String {
        let raw = (try? tmux(["capture-pane", "-p", "-J", "-t", session]).output) ?? ""
        return raw.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }

    /// Keys in tmux's names (`Enter`, `Escape`, `C-k`, `BSpace`, or plain text).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", session] + keys)
    }

    /// Literal text, each character one key press.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 50 ms until `condition` holds; returns that screen, or throws with the last one.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = TmuxDashboard.timeout,
                 _ condition: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = capture()
        while !condition(screen) {
            if clock.now >= deadline { throw ScreenTimeout(what: what, screen: screen) }
            try await Task.sleep(for: Self.pollInterval)
            screen = capture()
        }
        return screen
    }

    @discardableResult
    func waitFor(text: String, timeout: Duration = TmuxDashboard.timeout) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Presses `q` and checks the dashboard exited 0 and the shell's terminal is back in canonical mode with echo.
    func quitAndExpectSaneTerminal(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try send("q")
        try await expectSaneExit(sourceLocation: sourceLocation)
    }

    func expectSaneExit(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        // `stty -a` prints its local-mode flags on its last line, which ends with [-]extproc.
        let screen = try await waitFor("EXIT and stty -a output") { $0.contains("EXIT:") && $0.contains("extproc") }
        #expect(screen.contains("EXIT:0"), "dashboard did not exit 0:\n\(screen)", sourceLocation: sourceLocation)
        let flags = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(flags.contains(flag) && !flags.contains("-" + flag),
                    "terminal left with \(flag) off:\n\(screen)", sourceLocation: sourceLocation)
        }
    }

    func kill() {
        _ = try? tmux(["kill-server"], readOutput: false)
        try? FileManager.default.removeItem(atPath: socket)
    }

    // MARK: Reading the screen

    /// The table's data rows: lines inside the box (starting with │) after the column header, blank ones dropped.
    static func rows(_ screen: String) -> [String] {
        let boxed = screen.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("│") }
            .map { line -> String in
                var s = line.dropFirst()
                if s.hasSuffix("│") { s = s.dropLast() }
                return s.trimmingCharacters(in: .whitespaces)
            }
        return Array(boxed.dropFirst()).filter { !$0.isEmpty }
    }

    /// The NAME-like first column of every row (in views that have no NAMESPACE column, e.g. a drill-down).
    static func firstColumn(_ screen: String) -> [String] {
        rows(screen).compactMap { $0.split(separator: " ").first.map(String.init) }
    }
}

@Suite("The dashboard in a real terminal (tmux)", .serialized,
       .enabled(if: Tmux.available, "tmux is not installed; install it (scripts/setup.sh does) to run the dashboard's end-to-end tests"))
struct DashboardTmuxTests {
    @Test("opens on the Services view with the header and rows visible")
    func opens() async throws {
        let tm = try TmuxDashboard(["--view", "svc"])
        defer { tm.kill() }
        let screen = try await tm.waitFor("header and Services rows") {
            $0.contains("demo-cluster") && $0.contains("Services(") && TmuxDashboard.rows($0).count >= 10
        }
        let header = screen.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("demo-cluster"))
        #expect(header.contains("pods "))
        #expect(screen.contains("NAMESPACE") && screen.contains("CLUSTER-IP") && screen.contains("ENDPOINTS"))
        let rows = TmuxDashboard.rows(screen)
        for name in ["frontend", "api", "ghost", "ingress-nginx-controller", "kubernetes"] {
            #expect(rows.contains { $0.split(separator: " ").contains(Substring(name)) }, "no row for \(name):\n\(screen)")
        }
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("`:` switches views: pods, endpoints, ingress routes, deployments, and Tab completes")
    func switchesViews() async throws {
        let tm = try TmuxDashboard(["--view", "svc"])
        defer { tm.kill() }
        try await tm.waitFor(text: "Services(")

        try tm.type(":po")
        try tm.send("Enter")
        // Wait for the whole table, not the first rows of a redraw caught half-way.
        var screen = try await tm.waitFor("pods view") {
            $0.contains("Pods(") && TmuxDashboard.rows($0).count >= 10
                && TmuxDashboard.rows($0).contains { $0.contains("frontend-") && $0.contains("Running") }
        }
        #expect(screen.contains("<pods>"))
        #expect(screen.contains("STATUS") && screen.contains("RESTARTS"))
        #expect(TmuxDashboard.rows(screen).contains { $0.contains("frontend-") && $0.contains("Running") })

        try tm.type(":ep")
        try tm.send("Enter")
        screen = try await tm.waitFor("endpoints view") {
            $0.contains("Endpoints(") && !TmuxDashboard.rows($0).isEmpty && $0.contains("ADDRESS")
        }
        #expect(screen.contains("ADDRESS"))

        // Tab completion: `ro` is the start of one name only (`routes`), so Tab must complete the text itself — the
        // ghost suggestion drawn after the cursor looks the same on screen, but Enter on a bare `ro` would fail.
        try tm.type(":ro")
        try tm.send("Tab")
        try tm.send("Enter")
        // The header row too: a redraw caught half-way can show rows before it.
        screen = try await tm.waitFor("ingress routes view") {
            $0.contains("Ingress routes(") && !TmuxDashboard.rows($0).isEmpty && $0.contains("HOST")
        }
        #expect(screen.contains("HOST") && screen.contains("BACKEND"))

        try tm.type(":deploy")
        try tm.send("Enter")
        screen = try await tm.waitFor("deployments view") {
            $0.contains("Deployments(") && TmuxDashboard.rows($0).contains { $0.contains("frontend") }
        }
        #expect(screen.contains("UP-TO-DATE"))

        try tm.type(":svc")
        try tm.send("Enter")
        try await tm.waitFor(text: "Services(")
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("`/frontend` Enter leaves only frontend rows")
    func filters() async throws {
        let tm = try TmuxDashboard(["--view", "svc"])
        defer { tm.kill() }
        try await tm.waitFor("Services rows") { TmuxDashboard.rows($0).count >= 10 }
        try tm.type("/frontend")
        try tm.send("Enter")
        let screen = try await tm.waitFor("filtered Services") {
            $0.contains("frontend>") && TmuxDashboard.rows($0).count == 1
        }
        let rows = TmuxDashboard.rows(screen)
        #expect(rows.allSatisfy { $0.contains("frontend") }, "\(rows)")
        #expect(!screen.contains("ghost"))  // (the SELECTOR column may show app.kubernetes.io/name=frontend)

        // The same filter on the pods view: the three frontend pods and nothing else.
        try tm.send("Escape")
        try tm.type(":po")
        try tm.send("Enter")
        try await tm.waitFor("pods view") { $0.contains("Pods(") && TmuxDashboard.rows($0).count >= 10 }
        try tm.type("/frontend")
        try tm.send("Enter")
        let pods = try await tm.waitFor("filtered pods") {
            $0.contains("frontend>") && TmuxDashboard.rows($0).count == 3
        }
        #expect(TmuxDashboard.rows(pods).allSatisfy { $0.contains("frontend-") }, "\(pods)")

        // Esc clears the filter.
        try tm.send("Escape")
        try await tm.waitFor("unfiltered pods") { TmuxDashboard.rows($0).count >= 10 && !$0.contains("frontend>") }
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("ctrl-k kills the selected pod of a Deployment and the replacement appears")
    func killsPod() async throws {
        let tm = try TmuxDashboard(["--view", "deploy", "--speed", "16"])
        defer { tm.kill() }
        try await tm.openFrontendDeployment()
        try tm.send("Enter")  // drill down: the Deployment's pods
        let before = try await tm.waitFor("3 running frontend pods") {
            let rows = TmuxDashboard.rows($0)
            return $0.contains("Pods(deployment/shop/frontend)") && rows.count == 3
                && rows.allSatisfy { $0.hasPrefix("frontend-") && $0.contains("1/1") && $0.contains("Running") }
        }
        let beforeNames = Set(TmuxDashboard.firstColumn(before))
        #expect(beforeNames.count == 3)

        try tm.send("C-k")
        let flashed = try await tm.waitFor(text: "kill pod/")
        let flashLine = flashed.split(separator: "\n").first { $0.contains("kill pod/") }.map(String.init) ?? ""
        let killed = flashLine.components(separatedBy: "kill pod/").last?
            .split(separator: " ").first.map(String.init) ?? ""
        #expect(beforeNames.contains(killed), "killed \(killed), not one of \(beforeNames)")

        let after = try await tm.waitFor("the killed pod gone and a replacement running") {
            let rows = TmuxDashboard.rows($0)
            let names = Set(TmuxDashboard.firstColumn($0))
            return !names.contains(killed) && !names.subtracting(beforeNames).isEmpty && rows.count == 3
                && rows.allSatisfy { $0.contains("Running") }
        }
        let afterNames = Set(TmuxDashboard.firstColumn(after))
        let replacements = afterNames.subtracting(beforeNames)
        #expect(replacements.count == 1, "\(afterNames) vs \(beforeNames)")
        #expect(replacements.allSatisfy { $0.hasPrefix("frontend-") })
        #expect(afterNames.intersection(beforeNames) == beforeNames.subtracting([killed]))
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("`s` scales a Deployment through a prompt prefilled with its replica count")
    func scales() async throws {
        let tm = try TmuxDashboard(["--view", "deploy", "--speed", "16"])
        defer { tm.kill() }
        try await tm.openFrontendDeployment()
        try tm.send("s")
        let prompt = try await tm.waitFor(text: "--replicas=")
        let promptLine = prompt.split(separator: "\n").first { $0.contains("--replicas=") }.map(String.init) ?? ""
        #expect(promptLine.contains("scale"), "\(promptLine)")
        #expect(promptLine.contains("frontend"), "\(promptLine)")
        #expect(promptLine.hasSuffix("--replicas=3") || promptLine.contains("--replicas=3 "), "\(promptLine)")

        try tm.send("BSpace")
        try tm.type("5")
        try tm.send("Enter")
        try await tm.waitFor("frontend 5/5") {
            let rows = TmuxDashboard.rows($0)
            return rows.count == 1 && rows[0].contains("5/5")
        }
        try tm.send("Enter")  // its pods
        let pods = try await tm.waitFor("5 running frontend pods") {
            let rows = TmuxDashboard.rows($0)
            return $0.contains("Pods(deployment/shop/frontend)") && rows.count == 5
                && rows.allSatisfy { $0.hasPrefix("frontend-") && $0.contains("Running") }
        }
        #expect(Set(TmuxDashboard.firstColumn(pods)).count == 5)

        // `-` scales down by one: back in the Deployments view, 4 replicas.
        try tm.send("Escape")
        try await tm.waitFor("deployments again") { $0.contains("Deployments(") && $0.contains("5/5") }
        try tm.type("-")
        try await tm.waitFor("frontend 4/4") { TmuxDashboard.rows($0).first?.contains("4/4") == true }
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("resizing to a tiny window shows the too-small notice; resizing back shows the rows again")
    func resizes() async throws {
        let tm = try TmuxDashboard(["--view", "svc"])
        defer { tm.kill() }
        try await tm.waitFor("Services rows") { TmuxDashboard.rows($0).count >= 10 }

        try tm.resize(width: 30, height: 6)
        let tiny = try await tm.waitFor("the too-small notice") { $0.lowercased().contains("too small") }
        #expect(!tiny.contains("CLUSTER-IP"))

        try tm.resize(width: 80, height: 24)
        let full = try await tm.waitFor("rows at 80x24") {
            !$0.lowercased().contains("too small") && $0.contains("Services(") && TmuxDashboard.rows($0).count >= 10
        }
        #expect(full.split(separator: "\n").allSatisfy { $0.count <= 80 })

        try tm.resize(width: 120, height: 40)
        try await tm.waitFor("rows at 120x40") {
            $0.contains("Services(") && TmuxDashboard.rows($0).count >= 10 && $0.contains("CLUSTER-IP")
        }
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("`q` quits with status 0 and leaves the terminal sane (stty: icanon, echo)")
    func quitRestoresTerminal() async throws {
        let tm = try TmuxDashboard(["--view", "svc"])
        defer { tm.kill() }
        try await tm.waitFor("Services rows") { TmuxDashboard.rows($0).count >= 10 }
        // Open and close the help first: quitting afterwards must still restore everything.
        try tm.send("?")
        try await tm.waitFor("help") { $0.contains("Help") && $0.contains("ctrl-k") && !$0.contains("CLUSTER-IP") }
        try tm.send("Escape")
        try await tm.waitFor("Services rows again") { $0.contains("CLUSTER-IP") && TmuxDashboard.rows($0).count >= 10 }
        try tm.send("q")
        try await tm.expectSaneExit()
        // The dashboard used the alternate screen: no table is left behind on the normal one.
        #expect(!tm.capture().contains("CLUSTER-IP"))
    }

    @Test("moving the cursor one row writes about two rows' worth of bytes to the terminal, not a whole screen")
    func bytesPerUpdate() async throws {
        let tm = try TmuxDashboard(["--paused", "--view", "pods", "-n", "shop"], width: 200, height: 60)
        defer { tm.kill() }
        try await tm.waitFor("the shop pods") { TmuxDashboard.rows($0).count >= 8 }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bytes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        try tm.tmux(["pipe-pane", "-o", "-t", tm.session, "cat > \(TmuxDashboard.quote(log))"])
        try await Task.sleep(for: .milliseconds(300))
        try tm.send("j")
        // The selection is drawn in colour only, invisible to capture-pane's text: give the frame time to land.
        try await Task.sleep(for: .milliseconds(600))
        let written = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? -1
        // Two rows change (the one left and the one selected); a full redraw of 200×60 would be over 12,000 bytes.
        #expect(written > 0 && written <= 3 * 200, "\(written) bytes written for one cursor move")
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("`:q` quits too")
    func colonQuit() async throws {
        let tm = try TmuxDashboard(["--view", "pods", "--paused"])
        defer { tm.kill() }
        try await tm.waitFor("pods") { $0.contains("Pods(") && $0.contains("PAUSED") }
        try tm.type(":q")
        try tm.send("Enter")
        try await tm.expectSaneExit()
    }

    @Test("TERM=dumb in a real terminal: exit 1 with a message pointing at get and render")
    func dumbTerminal() async throws {
        let tm = try TmuxDashboard([], environment: ["TERM": "dumb", "LANG": "C.UTF-8"])
        defer { tm.kill() }
        let screen = try await tm.waitFor(text: "EXIT:")
        #expect(screen.contains("EXIT:1"), "\(screen)")
        #expect(screen.contains("TERM=dumb"), "\(screen)")
        #expect(screen.contains("switchboard get") && screen.contains("switchboard render"), "\(screen)")
    }
}

/// Named DashboardTmux… so that `--filter DashboardTmux` runs it with the tmux tests.
@Suite("The dashboard outside a terminal")
struct DashboardTmuxPlainProcessTests {
    @Test("stdout not a tty: exit 1 with a message pointing at get and render")
    func notATerminal() throws {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["--view", "svc"]
        p.currentDirectoryURL = CLI.repo
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let stdout = String(decoding: o, as: UTF8.self), stderr = String(decoding: e, as: UTF8.self)
        #expect(p.terminationStatus == 1)
        #expect(stderr.contains("standard output is not"), "\(stderr)")
        #expect(stderr.contains("switchboard get") && stderr.contains("switchboard render"), "\(stderr)")
        #expect(!stdout.contains("\u{1B}["), "escape codes written to a non-terminal: \(stdout.debugDescription)")
    }

    @Test("`d` describes the selected Service, `y` shows its YAML, Esc goes back")
    func describeAndYaml() async throws {
        let tm = try TmuxDashboard(["--view", "svc", "-n", "shop"])
        defer { tm.kill() }
        try await tm.waitFor("shop Services") { $0.contains("Services(shop)") && TmuxDashboard.rows($0).count >= 5 }
        try tm.send("d")
        let described = try await tm.waitFor("the describe page of shop/api") {
            $0.contains("Describe(shop/api)") && $0.contains("Selector:") && $0.contains("<describe: service/api>")
        }
        #expect(described.contains("ClusterIP Service: pods reach it at 10.96.0.5:80"), "\(described)")
        try tm.send("y")
        try await tm.waitFor("the YAML page of shop/api") { $0.contains("YAML(shop/api)") && $0.contains("apiVersion: v1") }
        try tm.send("Escape")
        try await tm.waitFor("the Services view again") {
            $0.contains("Services(shop)") && !$0.contains("YAML(") && TmuxDashboard.rows($0).count >= 5
        }
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("`:xray` shows the topology from the Internet to pods; Enter on a route opens its Service")
    func topology() async throws {
        let tm = try TmuxDashboard(["--view", "svc", "-n", "blog"])
        defer { tm.kill() }
        try await tm.waitFor(text: "Services(blog)")
        try tm.type(":xray")
        try tm.send("Enter")
        let screen = try await tm.waitFor("the blog topology down to its pods") {
            $0.contains("Topology(blog)") && $0.contains("Internet") && $0.contains("└─ Ingress blog")
                && $0.contains("● Pod ghost-")
        }
        #expect(screen.contains("blog.example.com/ (Prefix)"), "\(screen)")
        // Internet, controller, Ingress, then the first route (blog.example.com/ → ghost).
        try tm.send("j", "j", "j")
        try tm.send("Enter")
        try await tm.waitFor("the route's Service") { $0.contains("Services(blog/ghost)") && $0.contains("<topology>") }
        try await tm.quitAndExpectSaneTerminal()
    }

    @Test("render svc --size 80x24 prints one 80x24 frame with the Services view")
    func renderFrame() throws {
        let r = try CLI.run(["render", "svc", "--size", "80x24"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Services"))
        #expect(r.stdout.contains("frontend"))
        #expect(!r.stdout.contains("\u{1B}["), "colour without --color")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let frame = lines.last == "" ? lines.dropLast() : lines[...]
        #expect(frame.count == 24, "\(frame.count) lines")
        #expect(frame.allSatisfy { $0.count <= 80 })
    }
}

extension TmuxDashboard {
    /// The Deployments view filtered to shop/frontend, settled at 3/3: where the kill and scale tests start.
    func openFrontendDeployment() async throws {
        try await waitFor("deployments") {
            $0.contains("Deployments(") && TmuxDashboard.rows($0).contains { $0.contains("frontend") }
        }
        try type("/frontend")
        try send("Enter")
        try await waitFor("frontend 3/3") {
            let rows = TmuxDashboard.rows($0)
            return rows.count == 1 && rows[0].contains("frontend") && rows[0].contains("3/3")
        }
    }
}
