/// The lines around the table: breadcrumbs, the key hint bar and the flash line (or the prompt).
enum Chrome {
    static func crumbs(into frame: inout Frame, y: Int, ui: UIState) {
        var x = 1
        for (i, page) in ui.pages.enumerated() {
            let last = i == ui.pages.count - 1
            let text = " <\(page.crumb)> "
            guard x < frame.cols else { break }
            x += frame.put(text, x: x, y: y, role: last && !ui.mode.isDocument ? .crumbActive : .crumb) + 1
        }
        if case .document(let doc) = ui.mode, x < frame.cols {
            frame.put(" <\(doc.crumb)> ", x: x, y: y, role: .crumbActive)
        }
        if case .trace(let tracePage) = ui.mode, x < frame.cols {
            frame.put(" <\(tracePage.crumb)> ", x: x, y: y, role: .crumbActive)
        }
    }

    /// Key hints that apply to the current row; the least important go first when space is short.
    static func hints(into frame: inout Frame, y: Int, ui: UIState, row: Row?, glyphs: Glyphs) {
        // (key, text, importance: lower is kept longer)
        var items: [(String, String, Int)]
        switch ui.mode {
        case .command:
            items = [("enter", "apply", 0), ("tab", "complete", 1), ("\(glyphs.sortAscending)/\(glyphs.sortDescending)", "suggestions", 2), ("esc", "cancel", 0)]
        case .filter:
            items = [("enter", "apply", 0), ("esc", "cancel", 0)]
        case .tracePrompt:
            items = [("enter", "trace", 0), ("esc", "cancel", 0)]
        case .trace:
            items = [("j/k", "scroll", 2), ("x", "topology", 1), ("t", "trace again", 1), ("esc", "back", 0)]
        case .confirm:
            items = [("y", "yes", 0), ("n", "no", 0)]
        case .help:
            items = [("j/k", "scroll", 1), ("esc", "close", 0)]
        case .document(let doc):
            items = [("j/k", "scroll", 1), ("g/G", "top/end", 2),
                     doc.kind == .describe ? ("y", "yaml", 1) : ("d", "describe", 1),
                     ("w", doc.wrap ? "unwrap" : "wrap", 2), ("esc", "back", 0)]
        case .normal:
            items = [(":", "cmd", 1), ("/", "filter", 1)]
            if row?.drill != nil { items.append(("enter", "open", 1)) }
            if ui.pages.count > 1 || !ui.page.filter.isEmpty { items.append(("esc", "back", 1)) }
            if row?.ref?.type == .pod { items.append(("^k", "kill", 1)) }
            if row?.ref != nil && row?.ref?.type != .node { items.append(("^d", "delete", 2)) }
            if row?.describable != nil {
                items.append(("d", "describe", 2))
                items.append(("y", "yaml", 3))
            }
            if row?.traceURL != nil { items.append(("t", "trace", 4)) }
            if ui.trace != nil, ui.page.view == .topology { items.append(("esc", "clear trace", 1)) }
            if row?.replicas != nil {
                items.append(("s", "scale", 1))
                items.append(("+/-", "replicas", 3))
            }
            items.append(("space", ui.paused ? "resume" : "pause", 2))
            items.append(("</>", "speed", 3))
            items.append(("?", "help", 0))
            items.append(("q", "quit", 0))
        }
        func width(_ item: (String, String, Int)) -> Int { item.0.count + item.1.count + 4 }
        while items.reduce(1, { $0 + width($1) }) > frame.cols,
              let drop = items.indices.max(by: { (items[$0].2, $0) < (items[$1].2, $1) }) {
            items.remove(at: drop)
        }
        var x = 1
        for (key, text, _) in items {
            x += frame.put("<\(key)>", x: x, y: y, role: .menuKey)
            x += frame.put(" " + text, x: x, y: y, role: .menuText) + 1
        }
    }

    /// The flash line: the prompt while one is open, else the last message.
    static func flash(into frame: inout Frame, y: Int, ui: UIState, suggestion: String?) {
        switch ui.mode {
        case .command(let editor), .filter(let editor), .tracePrompt(let editor):
            let sigil = switch ui.mode {
            case .command: ":"
            case .tracePrompt: "trace URL: "
            default: "/"
            }
            frame.fill(y: y, role: .prompt)
            let before = String(editor.text.prefix(editor.cursor))
            // Keep the cursor on screen for long input: show the tail.
            let available = frame.cols - 2 - DisplayWidth.of(sigil)
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
            frame.cursor = Frame.Position(x: min(frame.cols - 1, 1 + DisplayWidth.of(sigil) + cursorColumn), y: y)
        case .confirm(let message, _):
            frame.put(" " + message + " [y/n]", x: 0, y: y, role: .dialog)
        default:
            if let flash = ui.flash {
                frame.put(" " + flash.text, x: 0, y: y, role: flash.level == .error ? .flashError : .flashInfo)
            }
        }
    }
}
