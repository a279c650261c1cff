import KubeModel

/// Compact diffs between two versions of an object, in the spirit of RFC 7386 (JSON Merge Patch): an object patch
/// lists the changed fields, nested objects are patched recursively. Two departures, because the API's objects hold
/// `null`s (a pod condition's lastProbeTime) and long lists (an EndpointSlice's hundred endpoints):
/// removed fields are listed in `"$unset": [names]` instead of being set to null, and a changed array is either
/// `{"$splice": [start, deleteCount, [items…]]}`, replacing only the differing middle between a common prefix and
/// suffix, or — same length, whichever is shorter — `{"$items": [[index, patch]…]}`, patching elements in place
/// (a pod's Ready condition flipping).
enum JSONPatch {
    static let spliceKey = "$splice"
    static let itemsKey = "$items"
    static let unsetKey = "$unset"

    /// The patch turning `old` into `new`, or nil when a full copy is the only faithful form (a new value that
    /// would read as a patch).
    static func diff(_ old: JSONValue, _ new: JSONValue) -> JSONValue? {
        switch (old, new) {
        case (.object(let a), .object(let b)):
            var out: [String: JSONValue] = [:]
            let removed = a.keys.filter { b[$0] == nil }.sorted()
            if !removed.isEmpty { out[unsetKey] = .array(removed.map { .string($0) }) }
            for (k, v) in b {
                if let prior = a[k] {
                    if prior == v { continue }
                    guard let d = diff(prior, v) else { return nil }
                    out[k] = d
                } else {
                    out[k] = v
                }
            }
            if b[unsetKey] != nil || b[spliceKey] != nil || b[itemsKey] != nil { return nil }
            return .object(out)
        case (.array(let a), .array(let b)):
            var prefix = 0
            while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
                suffix += 1
            }
            let inserted = Array(b[prefix..<(b.count - suffix)])
            let splice: JSONValue = [spliceKey: .array([.int(Int64(prefix)), .int(Int64(a.count - prefix - suffix)),
                                                        .array(inserted)])]
            guard a.count == b.count else { return splice }
            var items: [JSONValue] = []
            for i in prefix..<(b.count - suffix) where a[i] != b[i] {
                guard let d = diff(a[i], b[i]) else { return splice }
                items.append([.int(Int64(i)), d])
            }
            let inPlace: JSONValue = [itemsKey: .array(items)]
            return CanonicalJSON.bytes(inPlace).count < CanonicalJSON.bytes(splice).count ? inPlace : splice
        case (_, .object(let b)):
            // Read back against a non-object, an object replaces it; one that looks like an array patch would not.
            if b[spliceKey] != nil || b[itemsKey] != nil { return Optional<JSONValue>.none }
            return new
        default:
            return new
        }
    }

    /// Applies `patch` to `target`; throws when the patch does not fit (a damaged or edited file).
    static func apply(_ patch: JSONValue, to target: JSONValue) throws(PatchError) -> JSONValue {
        switch (patch, target) {
        case (.object(let p), .array(var items)) where p.count == 1 && p[spliceKey] != nil:
            guard case .array(let args)? = p[spliceKey], args.count == 3, let start = args[0].intValue,
                  let count = args[1].intValue, case .array(let inserted) = args[2],
                  start >= 0, count >= 0, start + count <= Int64(items.count) else {
                throw PatchError("$splice does not fit the array it patches")
            }
            items.replaceSubrange(Int(start)..<Int(start + count), with: inserted)
            return .array(items)
        case (.object(let p), .array(var items)) where p.count == 1 && p[itemsKey] != nil:
            guard case .array(let changes)? = p[itemsKey] else { throw PatchError("$items is not a list") }
            for change in changes {
                guard case .array(let pair) = change, pair.count == 2, let i = pair[0].intValue, i >= 0,
                      i < Int64(items.count) else {
                    throw PatchError("$items does not fit the array it patches")
                }
                items[Int(i)] = try apply(pair[1], to: items[Int(i)])
            }
            return .array(items)
        case (.object(let p), .object(var result)):
            if let unset = p[unsetKey] {
                guard case .array(let names) = unset else { throw PatchError("$unset is not a list of names") }
                for name in names {
                    guard let k = name.stringValue else { throw PatchError("$unset is not a list of names") }
                    result[k] = nil
                }
            }
            for (k, v) in p where k != unsetKey {
                if let prior = result[k], case .object = v, prior.objectValue != nil || prior.arrayValue != nil {
                    result[k] = try apply(v, to: prior)
                } else {
                    result[k] = v
                }
            }
            return .object(result)
        default:
            return patch
        }
    }
}

struct PatchError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
