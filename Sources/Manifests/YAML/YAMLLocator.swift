import KubeModel

/// Maps a decoding error's field path back to the text. Used only when there is something to report, so the hot path
/// keeps no per-node index: the tree already carries positions, and a path names one walk through it.
extension YAMLNode {
    /// The node a field path names (mapping keys compared as their JSON strings, merge keys followed), or nil.
    public func node(at path: FieldPath) -> YAMLNode? {
        let walk = self.walk(path)
        return walk.complete ? walk.node : nil
    }

    /// Where to point for a problem at `path`: the value there (or its key, for "unknown field"-style messages that
    /// name the key). When the path leads nowhere (a missing required field), the deepest part that exists: the key
    /// of its parent, or the start of this node.
    public func position(of path: FieldPath, preferKey: Bool = false) -> (line: Int, column: Int) {
        let walk = self.walk(path)
        let target: YAMLNode
        if walk.complete {
            target = preferKey ? (walk.key ?? walk.node) : walk.node
        } else {
            target = walk.key ?? walk.node
        }
        return (target.line, target.column)
    }

    private func walk(_ path: FieldPath) -> (node: YAMLNode, key: YAMLNode?, complete: Bool) {
        var node = self
        var key: YAMLNode?
        for element in path.elements {
            switch element {
            case .key(let name):
                guard let pair = node.pair(forJSONKey: name) else { return (node, key, false) }
                node = pair.value
                key = pair.key
            case .index(let i):
                guard case .sequence(let items) = node.content, items.indices.contains(i) else {
                    return (node, key, false)
                }
                node = items[i]
                key = nil
            }
        }
        return (node, key, true)
    }

    /// The pair whose key converts to `name`, looking through merge keys when the mapping does not define it itself.
    private func pair(forJSONKey name: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        if let own = pairs.first(where: { !$0.key.isMergeKey && (try? YAMLToJSON.keyString($0.key)) == name }) {
            return own
        }
        for merge in pairs where merge.key.isMergeKey {
            let sources = merge.value.sequenceItems ?? [merge.value]
            for source in sources {
                if let found = source.pair(forJSONKey: name) { return found }
            }
        }
        return nil
    }
}
