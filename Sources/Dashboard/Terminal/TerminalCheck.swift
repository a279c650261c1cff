#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the dashboard can run here. It needs a real terminal: with stdout redirected ncurses would write escape
/// codes into the file, with TERM unset it exits by itself, and with TERM=dumb it draws garbage.
enum TerminalCheck {
    static let alternatives = "use `switchboard get KIND` for tables or `switchboard render VIEW` for a text frame"

    /// The reason the dashboard cannot start, or nil.
    static func problem(environment: [String: String]) -> String? {
        if isatty(1) == 0 { return "the dashboard needs a terminal, but standard output is not one; \(alternatives)" }
        if isatty(0) == 0 { return "the dashboard needs a terminal, but standard input is not one; \(alternatives)" }
        guard let term = environment["TERM"], !term.isEmpty else {
            return "TERM is not set, so the terminal's capabilities are unknown; set it (e.g. TERM=xterm-256color) or \(alternatives)"
        }
        if term == "dumb" || term == "unknown" {
            return "TERM=\(term) cannot position the cursor; \(alternatives)"
        }
        return nil
    }
}
