import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// The ncurses backend: draws frames (only the cells that changed since the last one) and reads keys. Used from
/// one thread only — Debian's ncursesw is not thread-safe.
final class CursesTerminal {
    private var screen: OpaquePointer?
    private var last: Frame?
    private var styles: [StyleRole: (attrs: attr_t, pair: Int32)] = [:]
    private var cursorVisible = false
    let utf8: Bool
    private(set) var ended = false

    /// Starts ncurses on stdin/stdout. The locale must already be set.
    init(theme: Theme, color: Bool, utf8: Bool) throws {
        self.utf8 = utf8
        screen = newterm(nil, sb_stdout(), sb_stdin())
        guard let screen else {
            throw DashboardError("cannot start the terminal (TERM is unknown to terminfo?); \(TerminalCheck.alternatives)")
        }
        _ = set_term(screen)
        guard sb_has_cup() != 0 else {
            endwin()
            delscreen(screen)
            self.screen = nil
            ended = true
            throw DashboardError("this terminal cannot position the cursor; \(TerminalCheck.alternatives)")
        }
        cbreak()  // not raw(): ctrl-z still suspends, ctrl-c still interrupts (and quits cleanly)
        noecho()
        nonl()
        intrflush(sb_stdscr(), false)
        keypad(sb_stdscr(), true)
        nodelay(sb_stdscr(), true)
        sb_set_escdelay(25)
        curs_set(0)
        mousemask(sb_button1_clicked() | sb_button1_pressed() | sb_button4_pressed() | sb_button5_pressed(), nil)
        mouseinterval(0)
        setUpStyles(theme: theme, color: color)
    }

    var size: (cols: Int, rows: Int) { (Int(sb_cols()), Int(sb_lines())) }

    private func setUpStyles(theme: Theme, color: Bool) {
        var effective = theme
        var depth = ColorDepth.none
        if color, has_colors() {
            start_color()
            use_default_colors()
            depth = ColorDepth.forColorCount(Int(sb_colors()))
        }
        if depth == .none { effective = theme.withoutColor() }
        var pairs: [Pair: Int32] = [:]
        for role in StyleRole.allCases {
            let style = effective.style(role)
            var attrs = sb_a_normal()
            if style.bold { attrs |= sb_a_bold() }
            if style.dim { attrs |= sb_a_dim() }
            if style.underline { attrs |= sb_a_underline() }
            if style.reverse { attrs |= sb_a_reverse() }
            var pair: Int32 = 0
            if depth != .none {
                let fg = ColorMapping.paletteIndex(style.foreground, depth: depth).map(Int16.init) ?? -1
                let bg = ColorMapping.paletteIndex(style.background, depth: depth).map(Int16.init) ?? -1
                let key = Pair(fg: fg, bg: bg)
                if fg == -1, bg == -1 {
                    pair = 0
                } else if let existing = pairs[key] {
                    pair = existing
                } else if Int32(pairs.count + 1) < sb_color_pairs() {
                    pair = Int32(pairs.count + 1)
                    init_pair(Int16(pair), fg, bg)
                    pairs[key] = pair
                }
            }
            styles[role] = (attrs, pair)
        }
    }

    private struct Pair: Hashable {
        var fg: Int16
        var bg: Int16
    }

    /// Forgets what is on screen, so the next draw writes every cell (after a resize or a suspend).
    func invalidate() {
        last = nil
        erase()
    }

    func draw(_ frame: Frame) {
        let window = sb_stdscr()
        let full = last == nil || last!.cols != frame.cols || last!.rows != frame.rows
        if full { erase() }
        for y in 0..<frame.rows {
            for x in 0..<frame.cols {
                let cell = frame[x, y]
                if cell.isContinuation { continue }
                if !full, let last, last[x, y] == cell { continue }
                let style = styles[cell.role] ?? (sb_a_normal(), 0)
                var scalar = cell.character.unicodeScalars.first?.value ?? 32
                if !utf8, scalar > 127 { scalar = 63 }  // "?"
                _ = sb_add_wide_char(window, Int32(y), Int32(x), wchar_t(bitPattern: scalar), style.attrs, style.pair)
            }
        }
        if let cursor = frame.cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1); cursorVisible = true }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        last = frame
        wnoutrefresh(window)
        doupdate()
    }

    /// Every key waiting, without blocking.
    func readKeys() -> [Key] {
        var keys: [Key] = []
        while keys.count < 256 {
            var wc: wint_t = 0
            let rc = wget_wch(sb_stdscr(), &wc)
            if rc == ERR { break }
            if rc == sb_key_code_yes() {
                if let key = functionKey(Int32(wc)) { keys.append(key) }
            } else if let key = character(wc) {
                keys.append(key)
            }
        }
        return keys
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if event.bstate & sb_button4_pressed() != 0 { return .wheelUp }
            if event.bstate & sb_button5_pressed() != 0 { return .wheelDown }
            if event.bstate & (sb_button1_clicked() | sb_button1_pressed()) != 0 {
                return .click(x: Int(event.x), y: Int(event.y))
            }
            return nil
        default: return nil
        }
    }

    private func character(_ wc: wint_t) -> Key? {
        switch wc {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(wc) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(wc)) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// Restores the terminal. Safe to call more than once.
    func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    deinit { end() }
}
