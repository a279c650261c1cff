import KubeModel

/// Decodes a new version of a recorded object reusing what decoding its previous version produced, where that pays:
/// the endpoint lists of EndpointSlices and Endpoints.
///
/// A Service's EndpointSlice and Endpoints hold up to a hundred endpoints and are rewritten whenever one of its pods
/// changes; decoding them whole through the field readers was most of the time spent opening a recording. After a
/// patch the unchanged elements are the very same JSON values (equal by storage, so comparing them is cheap), so
/// only the elements that differ are decoded, and the decoded elements (their strings, their target references) are
/// shared between versions instead of being allocated once per version. Any other object, or a list that is not a
/// list, is decoded whole, which also gives the same errors as before.
enum ReusingDecoder {
    static func decode(_ json: JSONValue, previous: (json: JSONValue, object: KubeObject)?) throws -> KubeObject {
        guard let previous, case .object(var fields) = json else { return try KubeObject.decodeStored(json) }
        switch previous.object {
        case .endpointSlice(let old):
            guard let items = listItems(fields["endpoints"]), let oldItems = listItems(previous.json["endpoints"]),
                  oldItems.count == old.endpoints.count else { break }
            fields["endpoints"] = nil
            guard case .endpointSlice(var slice) = try KubeObject.decodeStored(.object(fields)) else { break }
            slice.endpoints = try reuse(items, oldItems, old.endpoints, path: FieldPath.root.child("endpoints"))
            return .endpointSlice(slice)
        case .endpoints(let old):
            guard let subsets = listItems(fields["subsets"]), let oldSubsets = listItems(previous.json["subsets"]),
                  oldSubsets.count == old.subsets.count else { break }
            fields["subsets"] = nil
            guard case .endpoints(var endpoints) = try KubeObject.decodeStored(.object(fields)) else { break }
            var decoded: [EndpointSubset] = []
            decoded.reserveCapacity(subsets.count)
            for (k, subset) in subsets.enumerated() {
                let path = FieldPath.root.child("subsets").index(k)
                let prior = k < oldSubsets.count ? (oldSubsets[k], old.subsets[k]) : nil
                guard let next = try subsetReusing(subset, prior: prior, path: path) else {
                    return try KubeObject.decodeStored(json)
                }
                decoded.append(next)
            }
            endpoints.subsets = decoded
            return .endpoints(endpoints)
        default:
            break
        }
        return try KubeObject.decodeStored(json)
    }

    /// A subset with its two address lists decoded against the previous version's same subset; nil when a list is
    /// not a list (the whole object is then decoded, for the usual error).
    private static func subsetReusing(_ json: JSONValue, prior: (JSONValue, EndpointSubset)?,
                                      path: FieldPath) throws -> EndpointSubset? {
        guard case .object(var fields) = json, let ready = listItems(fields["addresses"]),
              let notReady = listItems(fields["notReadyAddresses"]) else { return nil }
        fields["addresses"] = nil
        fields["notReadyAddresses"] = nil
        var subset = try EndpointSubset(from: FieldReader(.object(fields), path: path))
        let oldReady = listItems(prior?.0["addresses"]) ?? []
        let oldNotReady = listItems(prior?.0["notReadyAddresses"]) ?? []
        let readyValues = prior.map(\.1.addresses) ?? []
        let notReadyValues = prior.map(\.1.notReadyAddresses) ?? []
        subset.addresses = try reuse(ready, oldReady.count == readyValues.count ? oldReady : [], readyValues,
                                     path: path.child("addresses"))
        subset.notReadyAddresses = try reuse(notReady, oldNotReady.count == notReadyValues.count ? oldNotReady : [],
                                             notReadyValues, path: path.child("notReadyAddresses"))
        return subset
    }

    /// The elements of a list field: absent and `null` are empty, as the field readers read them; nil for anything
    /// else.
    private static func listItems(_ value: JSONValue?) -> [JSONValue]? {
        switch value {
        case nil, .null?: return []
        case .array(let items)?: return items
        default: return nil
        }
    }

    /// `items` decoded, taking the common prefix and suffix with `oldItems` (whose decoded values are `oldValues`,
    /// element for element) from `oldValues` and decoding the middle — the shape every list patch has.
    static func reuse<T: FieldDecodable>(_ items: [JSONValue], _ oldItems: [JSONValue], _ oldValues: [T],
                                         path: FieldPath) throws -> [T] {
        let shared = min(oldItems.count, oldValues.count)
        var prefix = 0
        while prefix < items.count, prefix < shared, items[prefix] == oldItems[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < items.count - prefix, suffix < shared - prefix,
              items[items.count - 1 - suffix] == oldItems[shared - 1 - suffix] { suffix += 1 }
        var result: [T] = []
        result.reserveCapacity(items.count)
        result.append(contentsOf: oldValues[..<prefix])
        for i in prefix..<(items.count - suffix) {
            result.append(try T(from: FieldReader(items[i], path: path.index(i))))
        }
        result.append(contentsOf: oldValues[(shared - suffix)..<shared])
        return result
    }
}
