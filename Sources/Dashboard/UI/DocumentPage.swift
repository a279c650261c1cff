import ClusterStore
import Kubectl
import KubeModel
import Simulation

/// A full-screen text page about one object: its describe (`d`) or its YAML (`y`). Rebuilt from every snapshot, so
/// it stays live while time runs.
public struct DocumentPage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case describe, yaml }
    public var kind: Kind
    public var ref: ObjectRef
    /// The first line shown.
    public var scroll = 0
    /// Long lines wrap instead of being cut (`w`, as in k9s).
    public var wrap = false

    public init(kind: Kind, ref: ObjectRef, scroll: Int = 0, wrap: Bool = false) {
        self.kind = kind
        self.ref = ref
        self.scroll = scroll
        self.wrap = wrap
    }

    /// `Describe(shop/api)`, `YAML(shop/api)`.
    var title: String { "\(kind == .describe ? "Describe" : "YAML")(\(ref.key))" }

    var crumb: String { "\(kind == .describe ? "describe" : "yaml"): \(ref.type.singular)/\(ref.name)" }

    /// The page's lines for a text width: each line is (text, role). The describe summary is word-wrapped and set
    /// apart; YAML keys and values get different roles.
    func lines(state: ClusterState, width: Int) -> [(String, StyleRole)] {
        let all = unwrappedLines(state: state, width: width)
        guard wrap, width > 0 else { return all }
        return all.flatMap { line, role in DocumentPage.cut(line, width: width).map { ($0, role) } }
    }

    private func unwrappedLines(state: ClusterState, width: Int) -> [(String, StyleRole)] {
        switch kind {
        case .describe:
            guard let doc = Describer.describe(ref, state: state) else { return gone }
            var out: [(String, StyleRole)] = []
            for sentence in doc.summary {
                out += DocumentPage.wrap(sentence, width: max(20, width)).map { ($0, StyleRole.helpKey) }
            }
            if !doc.summary.isEmpty { out.append(("", .helpText)) }
            return out + doc.body.map { ($0, $0.hasSuffix(":") && !$0.hasPrefix(" ") ? StyleRole.helpSection : .helpText) }
        case .yaml:
            guard let object = state.get(ref.type, ref.key) else { return gone }
            return YAMLWriter.write(object.json()).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast(1).map { (String($0), DocumentPage.yamlRole(String($0))) }
        }
    }

    private var gone: [(String, StyleRole)] {
        [("\(ref.type.kind) \(ref.key) no longer exists.", .flashError)]
    }

    /// Top-level YAML keys stand out like section headings.
    static func yamlRole(_ line: String) -> StyleRole {
        guard let first = line.first, first != " ", first != "-", line.contains(":") else { return .helpText }
        return .helpSection
    }

    /// Greedy word wrap at spaces; words longer than the width are cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A line in pieces of at most `width` columns (hard wrap, for `w`).
    static func cut(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        var pieces: [String] = []
        var current = ""
        var used = 0
        for c in line {
            let w = DisplayWidth.of(c)
            if used + w > width, !current.isEmpty {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(c)
            used += w
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The text width inside the box for a terminal width.
    static func textWidth(cols: Int) -> Int { Geometry(cols: cols, rows: 24).innerWidth - 2 }

    /// The largest useful scroll for the page at this size.
    func maxScroll(state: ClusterState, cols: Int, bodyHeight: Int) -> Int {
        let count = lines(state: state, width: DocumentPage.textWidth(cols: cols)).count
        return max(0, count - max(1, bodyHeight + 1))
    }

    static func draw(into frame: inout Frame, _ g: Geometry, page: DocumentPage, state: ClusterState, glyphs: Glyphs) {
        TextPage.draw(into: &frame, g, lines: page.lines(state: state, width: TextPage.width(g)), scroll: page.scroll,
                      title: page.title, glyphs: glyphs)
    }
}
