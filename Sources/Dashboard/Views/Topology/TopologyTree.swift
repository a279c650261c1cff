/// A tree of rows before it is flattened: each node becomes one row whose first cell gets the branch glyphs.
struct TopologyNode {
    var row: Row
    var children: [TopologyNode] = []

    init(_ row: Row, children: [TopologyNode] = []) {
        self.row = row
        self.children = children
    }

    /// The subtree of every node `keeps` holds for, with the ancestors on the way to it; nil when there is none.
    static func prune(_ node: TopologyNode, keeping keeps: (Row) -> Bool) -> TopologyNode? {
        if keeps(node.row) { return node }
        let children = node.children.compactMap { prune($0, keeping: keeps) }
        return children.isEmpty ? nil : TopologyNode(node.row, children: children)
    }

    /// The health of a parent drawn from its children's: an error anywhere below is shown as pending (part of the
    /// traffic is affected) unless every child is in error.
    static func rollUp(_ children: [RowStatus]) -> RowStatus {
        guard !children.isEmpty else { return .error }
        let bad = children.filter { $0 == .error }.count
        if bad == children.count { return .error }
        if bad > 0 || children.contains(where: { $0 == .pending || $0 == .terminating }) { return .pending }
        return .normal
    }

    /// Depth-first rows with `├─ `, `└─ ` and `│  ` prefixes on the first cell. Roots get no prefix.
    static func flatten(_ roots: [TopologyNode], glyphs: Glyphs) -> [Row] {
        var out: [Row] = []
        func walk(_ node: TopologyNode, prefix: String, branch: String) {
            var row = node.row
            if !row.cells.isEmpty { row.cells[0] = prefix + branch + row.cells[0] }
            out.append(row)
            let childPrefix = prefix + (branch.isEmpty ? "" : branch == glyphs.treeLast ? "   " : glyphs.treePipe)
            for (i, child) in node.children.enumerated() {
                walk(child, prefix: childPrefix, branch: i == node.children.count - 1 ? glyphs.treeLast : glyphs.treeBranch)
            }
        }
        for root in roots { walk(root, prefix: "", branch: "") }
        return out
    }
}
