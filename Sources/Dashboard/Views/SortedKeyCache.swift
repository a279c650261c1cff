import ClusterStore
import Foundation
import KubeModel

/// The sorted keys of a table (one namespace or all), remembered between frames and patched from the table's
/// membership journal: re-sorting 100,000 pod keys for every frame costs far more than drawing it. The answer is
/// always exactly `keys.sorted()`; only the work to get it differs, so views stay pure functions of the snapshot.
final class SortedKeyCache: @unchecked Sendable {
    static let shared = SortedKeyCache()

    private struct Entry {
        var slot: String
        var lineage: MembershipJournal.Lineage
        var version: Int
        var keys: [ObjectKey]
    }

    /// More keys changed than this share of the list: sorting afresh is cheaper than patching.
    private static let patchLimit = 0.05
    private static let slots = 16
    private let lock = NSLock()
    private var entries: [Entry] = []

    func sortedKeys<T: APIObject>(_ table: ObjectTable<T>, namespace: String?) -> [ObjectKey] {
        let slot = "\(T.resourceType.plural)|\(namespace ?? "")|\(namespace == nil)"
        let journal = table.membership
        lock.lock()
        defer { lock.unlock() }
        if let i = entries.firstIndex(where: { $0.slot == slot }) {
            var entry = entries.remove(at: i)
            if entry.lineage === journal.lineage, let changes = journal.changes(since: entry.version),
               Double(changes.count) <= Double(max(entry.keys.count, 100)) * Self.patchLimit {
                // Moved out of the cache while patched, so the list is not shared and patches in place.
                Self.patch(&entry.keys, with: changes, namespace: namespace)
                entry.version = journal.version
                entries.append(entry)
                return entry.keys
            }
        }
        let keys = (namespace.map { table.keys(in: $0) } ?? Array(table.objects.keys)).sorted()
        entries.append(Entry(slot: slot, lineage: journal.lineage, version: journal.version, keys: keys))
        if entries.count > Self.slots { entries.removeFirst() }
        return keys
    }

    private static func patch(_ keys: inout [ObjectKey], with changes: ArraySlice<MembershipJournal.Entry>,
                              namespace: String?) {
        for change in changes where namespace == nil || change.key.namespace == namespace {
            let at = keys.partitionPoint { $0 < change.key }
            let present = at < keys.count && keys[at] == change.key
            if change.added, !present {
                keys.insert(change.key, at: at)
            } else if !change.added, present {
                keys.remove(at: at)
            }
        }
    }
}
