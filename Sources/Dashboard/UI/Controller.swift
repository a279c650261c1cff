import ClusterStore
import KubeModel
import Simulation

/// Keys → UI state changes and effects. k9s's keys where k9s has one. Everything that changes the cluster leaves
/// as an `Effect.perform(Action)`; the app applies it on the simulator's thread.
extension UIState {
    /// Handles one key against the snapshot on screen. `bodyHeight` is the number of table rows visible (for paging).
    public mutating func handle(_ key: Key, state: ClusterState, bodyHeight: Int, glyphs: Glyphs = .unicode,
                                cols: Int = 80) -> [Effect] {
        let effects = handleKey(key, state: state, bodyHeight: bodyHeight, glyphs: glyphs, cols: cols)
        return timeline == nil ? effects : readOnly(effects)
    }

    private mutating func handleKey(_ key: Key, state: ClusterState, bodyHeight: Int, glyphs: Glyphs,
                                    cols: Int) -> [Effect] {
        switch mode {
        case .document(let doc):
            handleDocument(key, doc, state: state, bodyHeight: bodyHeight, cols: cols)
            return []
        case .trace(let tracePage):
            return handleTracePage(key, tracePage, bodyHeight: bodyHeight, glyphs: glyphs, cols: cols)
        case .tracePrompt(var editor):
            switch key {
            case .enter:
                mode = .normal
                return startTrace(editor.text)
            case .escape:
                mode = .normal
            case .backspace where editor.text.isEmpty:
                mode = .normal
            default:
                if edit(&editor, key) { mode = .tracePrompt(editor) }
            }
            return []
        case .normal:
            if timeline != nil, let effects = handleReplayKey(key) { return effects }
            return handleNormal(key, state: state, bodyHeight: bodyHeight, glyphs: glyphs)
        case .command(var editor):
            switch key {
            case .enter:
                mode = .normal
                return execute(editor.text, state: state)
            case .escape:
                mode = .normal
            case .tab, .right where editor.cursor == editor.text.count:
                let completed = key == .tab
                    ? Completion.complete(editor.text, state: state, namespace: namespace, choice: editor.choice)
                    : editor.text + (Completion.suggestion(for: self, state: state) ?? "")
                editor.set(completed)
                mode = .command(editor)
            case .down, .up:
                editor.choice += key == .down ? 1 : -1
                mode = .command(editor)
            case .backspace where editor.text.isEmpty:
                mode = .normal
            default:
                if edit(&editor, key) { mode = .command(editor) }
            }
            return []
        case .filter(var editor):
            switch key {
            case .enter:
                mode = .normal
            case .escape:
                page.filter = ""
                mode = .normal
            case .backspace where editor.text.isEmpty:
                mode = .normal
            default:
                if edit(&editor, key) {
                    mode = .filter(editor)
                    page.filter = editor.text
                }
            }
            return []
        case .confirm(_, let action):
            switch key {
            case .char("y"), .char("Y"):
                mode = .normal
                flash = Flash(action.description)
                return [.perform(action)]
            case .char("n"), .char("N"), .escape, .char("q"):
                mode = .normal
                flash = Flash("cancelled")
            default: break
            }
            return []
        case .help:
            switch key {
            case .escape, .char("q"), .char("?"), .enter:
                mode = .normal
                helpScroll = 0
            case .char(":"): mode = .command(LineEditor())
            case .char("j"), .down, .wheelDown: helpScroll += 1
            case .char("k"), .up, .wheelUp: helpScroll = max(0, helpScroll - 1)
            case .pageDown, .char(" "), .ctrl("f"): helpScroll += max(1, bodyHeight)
            case .pageUp, .ctrl("b"): helpScroll = max(0, helpScroll - max(1, bodyHeight))
            case .char("g"), .home: helpScroll = 0
            default: break
            }
            return []
        }
    }

    /// Keys on a describe or YAML page: scroll, switch between the two, go back.
    private mutating func handleDocument(_ key: Key, _ doc: DocumentPage, state: ClusterState, bodyHeight: Int, cols: Int) {
        var doc = doc
        let page = max(1, bodyHeight)
        switch key {
        case .escape, .char("q"), .char("h"), .left:
            mode = .normal
            return
        case .char(":"):
            mode = .command(LineEditor())
            return
        case .char("d"): doc = DocumentPage(kind: .describe, ref: doc.ref, wrap: doc.wrap)
        case .char("y"): doc = DocumentPage(kind: .yaml, ref: doc.ref, wrap: doc.wrap)
        case .char("w"): doc.wrap.toggle()
        case .char("j"), .down, .wheelDown, .enter: doc.scroll += 1
        case .char("k"), .up, .wheelUp: doc.scroll -= 1
        case .pageDown, .char(" "), .ctrl("f"): doc.scroll += page
        case .pageUp, .ctrl("b"): doc.scroll -= page
        case .char("g"), .home: doc.scroll = 0
        case .char("G"), .end: doc.scroll = Int.max / 2
        default: return
        }
        doc.scroll = max(0, min(doc.scroll, doc.maxScroll(state: state, cols: cols, bodyHeight: bodyHeight)))
        mode = .document(doc)
    }

    /// Line editing shared by both prompts; false when the key is not an editing key.
    private func edit(_ editor: inout LineEditor, _ key: Key) -> Bool {
        switch key {
        case .char(let c): editor.insert(c)
        case .backspace: editor.backspace()
        case .delete, .ctrl("d"): editor.deleteForward()
        case .left, .ctrl("b"): editor.move(by: -1)
        case .right, .ctrl("f"): editor.move(by: 1)
        case .home, .ctrl("a"): editor.home()
        case .end, .ctrl("e"): editor.end()
        case .ctrl("w"): editor.deleteWordBackward()
        case .ctrl("u"): editor.set("")
        default: return false
        }
        return true
    }

    private mutating func handleNormal(_ key: Key, state: ClusterState, bodyHeight: Int, glyphs: Glyphs) -> [Effect] {
        let (_, data) = PageData.build(state: state, ui: self, page: page, glyphs: glyphs)
        let count = data.count
        let (index, _) = PageData.resolve(page, data: data, bodyHeight: bodyHeight)
        let row = index.map { data.row(at: $0) }
        func moveTo(_ i: Int) {
            guard count > 0 else { return }
            let target = min(max(0, i), count - 1)
            page.selectedIndex = target
            page.selectedKey = data.key(at: target)
            page.top = PageData.resolve(page, data: data, bodyHeight: bodyHeight).top
        }
        let current = index ?? 0
        switch key {
        case .char("q"): return [.quit]
        case .char(":"): mode = .command(LineEditor())
        case .char("/"): mode = .filter(LineEditor(page.filter))
        case .char("?"): mode = .help
        case .char("j"), .down, .wheelDown: moveTo(current + 1)
        case .char("k"), .up, .wheelUp: moveTo(current - 1)
        case .char("g"), .home: moveTo(0)
        case .char("G"), .end: moveTo(count - 1)
        case .pageDown, .ctrl("f"):
            moveTo(current + max(1, bodyHeight))
        case .pageUp, .ctrl("b"):
            moveTo(current - max(1, bodyHeight))
        case .click(_, let y):
            // y is relative to the first body row.
            if y >= 0, y < bodyHeight { moveTo(page.top + y) }
        case .enter, .char("l"), .right:
            drill(row)
        case .char(let letter) where ColumnSort.keys[letter] != nil:
            guard data.table.sortable else {
                flash = Flash("the \(page.view.title.lowercased()) keeps its tree order", level: .error)
                return []
            }
            let marks = [glyphs.sortAscending, glyphs.sortDescending]
            guard let column = ColumnSort.column(for: letter, in: data.table.columns, marks: marks) else {
                flash = Flash("shift-\(letter) sorts nothing in this view", level: .error)
                return []
            }
            let sort = ColumnSort.toggled(page.sort, column: column)
            page.sort = sort
            flash = Flash("sorted by \(column) \(sort.ascending ? "ascending" : "descending")")
        case .char("t"):
            mode = .tracePrompt(LineEditor(row?.traceURL ?? "http://"))
        case .char("d"), .char("y"):
            guard let ref = row?.describable else {
                flash = Flash("nothing to \(key == .char("d") ? "describe" : "show") here", level: .error)
                return []
            }
            mode = .document(DocumentPage(kind: key == .char("d") ? .describe : .yaml, ref: ref))
        case .escape, .char("h"), .left:
            back()
        case .ctrl("k"):
            guard let ref = row?.ref, ref.type == .pod else {
                flash = Flash("ctrl-k kills a pod: select a pod or an endpoint", level: .error)
                return []
            }
            let action = Action.kill(ref)
            flash = Flash(action.description)
            return [.perform(action)]
        case .ctrl("d"):
            guard let ref = row?.ref, ref.type != .node else {
                flash = Flash("nothing to delete here", level: .error)
                return []
            }
            let what = ref.type.namespaced ? "\(ref.type.singular) \(ref.namespace)/\(ref.name)" : "\(ref.type.singular) \(ref.name)"
            mode = .confirm(message: "Delete \(what)?", action: .delete(ref, gracePeriodSeconds: nil))
        case .char("s"):
            guard let ref = row?.ref, let replicas = row?.replicas else {
                flash = Flash("s scales a deployment, replicaset or statefulset", level: .error)
                return []
            }
            mode = .command(LineEditor("scale \(ref.type.singular)/\(ref.name) -n \(ref.namespace) --replicas=\(replicas)"))
        case .char("+"), .char("="), .char("-"), .char("_"):
            guard let ref = row?.ref, let replicas = row?.replicas else {
                flash = Flash("+/- scale a deployment, replicaset or statefulset", level: .error)
                return []
            }
            let delta = key == .char("+") || key == .char("=") ? 1 : -1
            let action = Action.scale(ref, replicas: max(0, replicas + delta))
            flash = Flash(action.description)
            return [.perform(action)]
        case .char(" "):
            paused.toggle()
            flash = Flash(paused ? "paused" : "running at \(UIState.formatSpeed(speed))\(glyphs.times)")
            return [.setPaused(paused)]
        case .char("<"), .char(","):
            return changeSpeed(-1, glyphs: glyphs)
        case .char(">"), .char("."):
            return changeSpeed(1, glyphs: glyphs)
        // Shift-R sorts by READY (k9s); recording takes ctrl-r.
        case .ctrl("r"):
            return [.toggleRecording]
        default: break
        }
        return []
    }

    private mutating func changeSpeed(_ step: Int, glyphs: Glyphs) -> [Effect] {
        let i = UIState.speeds.firstIndex { $0 >= speed } ?? 2
        let next = UIState.speeds[min(UIState.speeds.count - 1, max(0, i + step))]
        speed = next
        flash = Flash("speed \(UIState.formatSpeed(next))\(glyphs.times)")
        return [.setSpeed(next)]
    }

    mutating func drill(_ row: Row?) {
        switch row?.drill {
        case .page(let next)?:
            pages.append(next)
        case .namespace(let name)?:
            namespace = name
            if pages.count > 1 { pages.removeLast() } else { pages = [Page(view: .services)] }
            flash = Flash("namespace \(name)")
        case nil:
            break
        }
    }

    mutating func back() {
        if trace != nil, page.view == .topology {
            trace = nil
            flash = Flash("trace cleared")
        } else if !page.filter.isEmpty {
            page.filter = ""
        } else if pages.count > 1 {
            pages.removeLast()
        }
    }

    /// Runs what was typed at the `:` prompt: a view, `ns`, `q`, `help`, or an action.
    mutating func execute(_ input: String, state: ClusterState) -> [Effect] {
        let text = input.trimmingCharacters(in: .whitespaces)
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased() else { return [] }
        switch first {
        case "q", "q!", "quit", "exit", "qa":
            return [.quit]
        case "help", "?":
            mode = .help
            return []
        case "goto":
            return goto(words.dropFirst().joined(separator: " "))
        case "trace":
            guard words.count == 2 else {
                flash = Flash("trace: expected one URL, e.g. :trace http://shop.example.com/api", level: .error)
                return []
            }
            return startTrace(words[1])
        default: break
        }
        if first == "ns" || first == "namespace", words.count == 2 {
            return switchNamespace(words[1], state: state)
        }
        if let view = ViewKind.named(first), view == .topology, words.count == 2, words[1].contains("/") {
            return focusTopology(on: words[1], state: state)
        }
        if let view = ViewKind.named(first), words.count <= 2 {
            pages = [Page(view: view)]
            if words.count == 2 { return switchNamespace(words[1], state: state) }
            return []
        }
        do {
            let action = resolveNamespace(try ActionParser.parse(text, defaultNamespace: Self.unsetNamespace), state: state)
            flash = Flash(action.description)
            return [.perform(action)]
        } catch {
            flash = Flash(String(describing: error), level: .error)
            return []
        }
    }

    /// `:topo svc/NAME` or `:topo ing/NAME` (in the current namespace, or `NS/NAME`): the topology of one object.
    private mutating func focusTopology(on target: String, state: ClusterState) -> [Effect] {
        let parts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let type = ResourceType.lookup(parts[0]),
              type == .service || type == .ingress, !parts.last!.isEmpty else {
            flash = Flash("topology of one object: :topo svc/NAME or :topo ing/NAME", level: .error)
            return []
        }
        let key = ObjectKey(namespace: parts.count == 3 ? parts[1] : (namespace ?? "default"), name: parts.last!)
        guard state.get(type, key) != nil else {
            flash = Flash("\(type.plural) \"\(key.name)\" not found in namespace \(key.namespace)", level: .error)
            return []
        }
        pages = [Page(view: .topology, scope: .focus(type, key))]
        return []
    }

    private mutating func switchNamespace(_ name: String, state: ClusterState) -> [Effect] {
        if ["all", "-A", "*", "--all-namespaces"].contains(name) {
            namespace = nil
            flash = Flash("all namespaces")
        } else if state.namespaces[ObjectKey(namespace: "", name: name)] != nil {
            namespace = name
            flash = Flash("namespace \(name)")
        } else {
            flash = Flash("namespace \"\(name)\" not found", level: .error)
        }
        return []
    }

    /// Marks "no -n given" while parsing, so the namespace can be chosen from what is on screen.
    static let unsetNamespace = "\u{1}"

    /// An action typed without `-n`: the namespace on screen, or when every namespace is shown, the one namespace
    /// that has an object of that name (else `default`, as kubectl would).
    func resolveNamespace(_ action: Action, state: ClusterState) -> Action {
        func fix(_ ref: ObjectRef) -> ObjectRef {
            guard ref.namespace == Self.unsetNamespace else { return ref }
            var r = ref
            if let namespace {
                r.namespace = namespace
            } else {
                let matches = state.list(ref.type).filter { $0.metadata.name == ref.name }.map(\.metadata.namespace)
                r.namespace = matches.count == 1 ? matches[0] : "default"
            }
            return r
        }
        switch action {
        case .scale(let r, let n): return .scale(fix(r), replicas: n)
        case .delete(let r, let g): return .delete(fix(r), gracePeriodSeconds: g)
        case .kill(let r): return .kill(fix(r))
        case .failReadiness(let r): return .failReadiness(fix(r))
        case .recoverReadiness(let r): return .recoverReadiness(fix(r))
        case .crash(let r, let loop): return .crash(fix(r), loop: loop)
        default: return action
        }
    }
}
