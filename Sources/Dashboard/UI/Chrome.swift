/// The lines around the table: breadcrumbs, the key hint bar and the flash line (or the prompt).
enum Chrome {
    static func crumbs(into frame: inout Frame, y: Int, ui: UIState) {
        var x = 1
        for (i, page) in ui.pages.enumerated() {
            let last = i == ui.pages.count - 1
            let text = " <\(page.crumb)> "
            guard x < frame.cols else { break }
            x += frame.put(text, x: x, y: y, role: last ? .crumbActive : .crumb) + 1
        }
    }

    /// Key hints that apply to the current row, as many as fit.
    static func hints(into frame: inout Frame, y: Int, ui: UIState, row: Row?, glyphs: Glyphs) {
        var items: [(String, String)]
        switch ui.mode {
        case .command, .filter:
            items = [("enter", "apply"), ("tab", "complete"), ("esc", "cancel")]
        case .confirm:
            items = [("y", "yes"), ("n", "no")]
        case .help:
            items = [("esc", "close"), ("q", "close")]
        case .normal:
            items = [(":", "cmd"), ("/", "filter")]
            if row?.drill != nil { items.append(("enter", "open")) }
            if ui.pages.count > 1 || !ui.page.filter.isEmpty { items.append(("esc", "back")) }
            if row?.ref?.type == .pod { items.append(("^k", "kill")) }
            if row?.ref != nil && row?.ref?.type != .node { items.append(("^d", "delete")) }
            if row?.replicas != nil {
                items.append(("s", "scale"))
                items.append(("+/-", "replicas"))
            }
            items.append(("space", ui.paused ? "resume" : "pause"))
            items.append(("</>", "speed"))
            items.append(("?", "help"))
            items.append(("q", "quit"))
        }
        var x = 1
        for (key, text) in items {
            let width = key.count + text.count + 3
            if x + width > frame.cols { break }
            x += frame.put("<\(key)>", x: x, y: y, role: .menuKey)
            x += frame.put(" " + text, x: x, y: y, role: .menuText) + 1
        }
    }

    /// The flash line: the prompt while one is open, else the last message.
    static func flash(into frame: inout Frame, y: Int, ui: UIState, suggestion: String?) {
        switch ui.mode {
        case .command(let editor), .filter(let editor):
            let sigil = if case .command = ui.mode { ":" } else { "/" }
            frame.fill(y: y, role: .prompt)
            let before = String(editor.text.prefix(editor.cursor))
            // Keep the cursor on screen for long input: show the tail.
            let available = frame.cols - 3
            var shown = editor.text
            var cursorColumn = DisplayWidth.of(before)
            if cursorColumn > available {
                let drop = cursorColumn - available
                shown = String(editor.text.dropFirst(drop))
                cursorColumn -= drop
            }
            var x = frame.put(" " + sigil, x: 0, y: y, role: .prompt)
            x += frame.put(shown, x: x, y: y, role: .prompt)
            if let suggestion, editor.cursor == editor.text.count {
                frame.put(suggestion, x: x, y: y, role: .promptSuggest)
            }
            frame.cursor = Frame.Position(x: min(frame.cols - 1, 2 + cursorColumn), y: y)
        case .confirm(let message, _):
            frame.put(" " + message + " [y/n]", x: 0, y: y, role: .dialog)
        default:
            if let flash = ui.flash {
                frame.put(" " + flash.text, x: 0, y: y, role: flash.level == .error ? .flashError : .flashInfo)
            }
        }
    }
}
