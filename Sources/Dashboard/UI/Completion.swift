import ClusterStore
import KubeModel

/// Tab completion for the `:` prompt: view names and aliases, `ns NAME`, action verbs and their objects.
enum Completion {
    static let verbs = ["scale", "delete", "kill", "apply", "advance", "settle", "fail-readiness", "recover-readiness",
                        "crash", "fail", "recover", "cordon", "uncordon", "drain"]
    static let commands = ["quit", "help", "trace", "load"]

    /// Whole-text candidates that extend `text`, best first.
    static func candidates(for text: String, state: ClusterState, namespace: String?) -> [String] {
        guard !text.isEmpty else { return [] }
        let lower = text.lowercased()
        guard let space = lower.lastIndex(of: " ") else {
            let words = ViewKind.allCases.map { $0.names[0] } + ViewKind.allCases.flatMap { $0.names.dropFirst() }
                + verbs + commands
            var seen = Set<String>()
            return words.filter { $0.hasPrefix(lower) && $0 != lower && seen.insert($0).inserted }
        }
        let head = String(text[..<space]) + " "
        let last = String(text[text.index(after: space)...])
        let words = lower.split(separator: " ").map(String.init)
        var options: [String] = []
        if words.first == "ns" || (words.first.flatMap(ViewKind.named) != nil && words.count <= 2) {
            options = ["all"] + state.namespaces.all.map(\.metadata.name).sorted()
        } else if let verb = words.first, verbs.contains(verb) {
            options = objectRefs(verb: verb, state: state, namespace: namespace)
        }
        return options.filter { $0.hasPrefix(last) && $0 != last }.map { head + $0 }
    }

    static func objectRefs(verb: String, state: ClusterState, namespace: String?) -> [String] {
        func names<T: APIObject>(_ table: ObjectTable<T>) -> [String] {
            let list = namespace.map { table.inNamespace($0) } ?? Array(table.all)
            return list.map(\.metadata.name).sorted()
        }
        switch verb {
        case "scale":
            return names(state.deployments).map { "deployment/\($0)" } + names(state.statefulSets).map { "statefulset/\($0)" }
                + names(state.replicaSets).map { "replicaset/\($0)" }
        case "kill", "crash", "fail-readiness", "recover-readiness":
            return names(state.pods).map { "pod/\($0)" }
        case "delete":
            return names(state.pods).map { "pod/\($0)" } + names(state.deployments).map { "deployment/\($0)" }
                + names(state.services).map { "service/\($0)" }
        case "fail", "recover", "cordon", "uncordon", "drain":
            return state.nodes.all.map { "node/\($0.metadata.name)" }.sorted()
        default:
            return []
        }
    }

    /// What Tab makes of `text`: the suggestion shown after the cursor, accepted whole as k9s does (a verb or
    /// `ns` gets the space its argument needs).
    static func complete(_ text: String, state: ClusterState, namespace: String?, choice: Int = 0) -> String {
        let all = candidates(for: text, state: state, namespace: namespace)
        guard !all.isEmpty else { return text }
        let best = all[((choice % all.count) + all.count) % all.count]
        let word = best.split(separator: " ").last.map(String.init) ?? best
        let takesArgument = !best.contains(" ") && (verbs.contains(word) || word == "ns")
        return best + (takesArgument ? " " : "")
    }

    /// The greyed rest of the best candidate, shown after the cursor.
    static func suggestion(for ui: UIState, state: ClusterState) -> String? {
        guard case .command(let editor) = ui.mode, editor.cursor == editor.text.count else { return nil }
        let all = candidates(for: editor.text, state: state, namespace: ui.namespace)
        guard !all.isEmpty else { return nil }
        let best = all[((editor.choice % all.count) + all.count) % all.count]
        return String(best.dropFirst(editor.text.count))
    }
}
