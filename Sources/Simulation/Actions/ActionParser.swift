import Foundation

import KubeModel

/// Parses the action language (kubectl-flavoured, one action per line). `kubectl` in front is accepted, flags may
/// come in any order, `-n NS`, `--namespace=NS` and `KIND NAME` work as in kubectl.
public enum ActionParser {
    public static func parse(_ line: String, defaultNamespace: String = "default") throws -> Action {
        var words = try tokenize(line)
        if words.first == "kubectl" { words.removeFirst() }
        guard let verb = words.first else { throw SimulationError.invalidAction("empty action") }
        var args = Array(words.dropFirst())
        var namespace = defaultNamespace
        var flags: [String: String] = [:]
        var positional: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "-n" || a == "--namespace" || a == "-f" || a == "--filename" || a == "--replicas"
                || a == "--grace-period" || a == "--rps" || a == "--for" {
                guard i + 1 < args.count else { throw SimulationError.invalidAction("flag \(a) needs a value") }
                flags[normalize(a)] = args[i + 1]
                i += 2
                continue
            }
            if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
                flags[normalize(String(a[..<eq]))] = String(a[a.index(after: eq)...])
            } else if a.hasPrefix("-n"), a.count > 2 {
                flags["namespace"] = String(a.dropFirst(2))
            } else if a.hasPrefix("-") {
                flags[normalize(a)] = "true"
            } else {
                positional.append(a)
            }
            i += 1
        }
        args = positional
        if let ns = flags.removeValue(forKey: "namespace") { namespace = ns }

        func target(_ allowed: [ResourceType]? = nil) throws -> ObjectRef {
            var kindText: String
            var name: String
            if args.count == 1, let slash = args[0].firstIndex(of: "/") {
                kindText = String(args[0][..<slash])
                name = String(args[0][args[0].index(after: slash)...])
            } else if args.count == 2 {
                kindText = args[0]
                name = args[1]
            } else {
                throw SimulationError.invalidAction("\(verb): expected KIND/NAME, e.g. \(verb) \((allowed?.first ?? .pod).singular)/web")
            }
            guard !name.isEmpty else { throw SimulationError.invalidAction("\(verb): missing a name after \(kindText)/") }
            guard let type = ResourceType.lookup(kindText) else {
                throw SimulationError.invalidAction("the server doesn't have a resource type \"\(kindText)\"")
            }
            if let allowed, !allowed.contains(type) {
                let names = allowed.map(\.singular).joined(separator: ", ")
                throw SimulationError.invalidAction("\(verb): cannot \(verb) \(type.plural) (only \(names))")
            }
            return ObjectRef(type: type, namespace: namespace, name: name)
        }
        func noExtraFlags(_ allowed: Set<String> = []) throws {
            if let bad = flags.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw SimulationError.invalidAction("\(verb): unknown flag --\(bad)")
            }
        }

        switch verb {
        case "scale":
            guard let text = flags["replicas"] else {
                throw SimulationError.invalidAction("scale: required flag --replicas not set (e.g. scale deployment/web --replicas=3)")
            }
            guard let n = Int(text), n >= 0 else {
                throw SimulationError.invalidAction("scale: --replicas must be a whole number of 0 or more, not \"\(text)\"")
            }
            guard n <= 1_000_000 else { throw SimulationError.invalidAction("scale: --replicas=\(n) is more than 1000000") }
            try noExtraFlags(["replicas"])
            return .scale(try target([.deployment, .replicaSet, .statefulSet, .replicationController]), replicas: n)
        case "delete":
            var grace: Int?
            if let text = flags["grace-period"] {
                guard let g = Int(text), g >= -1 else {
                    throw SimulationError.invalidAction("delete: --grace-period must be a whole number of seconds, not \"\(text)\"")
                }
                grace = g < 0 ? nil : g
            }
            try noExtraFlags(["grace-period", "force", "now"])
            if flags["now"] != nil { grace = 1 }
            if flags["force"] != nil { grace = 0 }
            return .delete(try target(), gracePeriodSeconds: grace)
        case "kill":
            try noExtraFlags()
            return .kill(try target([.pod]))
        case "apply":
            guard let path = flags["filename"], args.isEmpty else {
                throw SimulationError.invalidAction("apply: expected -f PATH")
            }
            return .apply(path: path)
        case "advance":
            guard args.count == 1 else { throw SimulationError.invalidAction("advance: expected a duration, e.g. advance 30s") }
            try noExtraFlags()
            return .advance(milliseconds: try VirtualDuration.parse(args[0]))
        case "settle":
            guard args.isEmpty else { throw SimulationError.invalidAction("settle takes no arguments") }
            try noExtraFlags()
            return .settle
        case "fail-readiness":
            try noExtraFlags()
            return .failReadiness(try target([.pod]))
        case "recover-readiness":
            try noExtraFlags()
            return .recoverReadiness(try target([.pod]))
        case "crash":
            try noExtraFlags(["loop"])
            return .crash(try target([.pod]), loop: flags["loop"] != nil)
        case "fail", "recover", "cordon", "uncordon", "drain":
            try noExtraFlags(["ignore-daemonsets", "delete-emptydir-data", "force"])
            let node = try target([.node]).name
            switch verb {
            case "fail": return .failNode(node)
            case "recover": return .recoverNode(node)
            case "cordon": return .cordon(node)
            case "uncordon": return .uncordon(node)
            default: return .drain(node)
            }
        case "load":
            return try parseLoad(args, flags: flags)
        default:
            let verbs = ["scale", "delete", "kill", "apply", "advance", "settle", "fail-readiness", "recover-readiness",
                         "crash", "fail", "recover", "cordon", "uncordon", "drain", "load"]
            let hint = verbs.min { editDistance($0, verb) < editDistance($1, verb) }.map { " (did you mean \"\($0)\"?)" } ?? ""
            throw SimulationError.invalidAction("unknown action \"\(verb)\"\(hint)")
        }
    }

    /// `load URL --rps N [--for DURATION]` and `load stop [URL]`.
    static func parseLoad(_ args: [String], flags: [String: String]) throws -> Action {
        if args.first == "stop" {
            guard args.count <= 2 else { throw SimulationError.invalidAction("load stop: expected at most one URL") }
            if let bad = flags.keys.sorted().first { throw SimulationError.invalidAction("load stop: unknown flag --\(bad)") }
            if args.count == 2 { try checkURL(args[1]) }
            return .stopLoad(url: args.count == 2 ? args[1] : nil)
        }
        if let bad = flags.keys.sorted().first(where: { $0 != "rps" && $0 != "for" }) {
            throw SimulationError.invalidAction("load: unknown flag --\(bad)")
        }
        guard args.count == 1 else {
            throw SimulationError.invalidAction("load: expected one URL, e.g. load http://shop.example.com/ --rps 100")
        }
        try checkURL(args[0])
        guard let text = flags["rps"] else {
            throw SimulationError.invalidAction("load: required flag --rps not set (e.g. load \(args[0]) --rps 100)")
        }
        guard let rps = Int(text), rps >= 1, rps <= 1_000_000 else {
            throw SimulationError.invalidAction("load: --rps must be a whole number from 1 to 1000000, not \"\(text)\"")
        }
        var duration: Int64?
        if let text = flags["for"] {
            let ms = try VirtualDuration.parse(text)
            guard ms > 0 else { throw SimulationError.invalidAction("load: --for must be longer than 0s") }
            duration = ms
        }
        return .load(url: args[0], rps: rps, durationMs: duration)
    }

    private static func checkURL(_ url: String) throws {
        do {
            _ = try HTTPRequest.parse(url)
        } catch let error as TrafficInputError {
            throw SimulationError.invalidAction("load: \(error.message)")
        }
    }

    /// Parses a script: one action per line; blank lines and `#` comments are skipped. Errors name the line.
    public static func parseScript(_ text: String) throws -> [Action] {
        var actions: [Action] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                actions.append(try parse(line))
            } catch let error as SimulationError {
                throw SimulationError.invalidAction("line \(n + 1): \(error)")
            }
        }
        return actions
    }

    private static func normalize(_ flag: String) -> String {
        let f = flag.drop { $0 == "-" }
        switch f {
        case "n": return "namespace"
        case "f": return "filename"
        default: return String(f)
        }
    }

    /// Shell-like words: spaces separate, single and double quotes group.
    static func tokenize(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if quote != nil { throw SimulationError.invalidAction("unterminated quote in \"\(line)\"") }
        if inWord { words.append(current) }
        return words
    }

    static func quoteIfNeeded(_ s: String) -> String { s.contains(" ") ? "'\(s)'" : s }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = old
            }
        }
        return row[b.count]
    }
}
