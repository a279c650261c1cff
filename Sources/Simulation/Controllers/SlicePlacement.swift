import KubeModel

/// One pod's endpoint as a Service wants it, with the ports it resolves (which decide its slice group).
struct DesiredEndpoint: Equatable {
    var pod: String
    var ports: [EndpointPort]
    var endpoint: Endpoint
}

/// Where a Service's endpoints go, decided the way kubernetes/endpointslice's reconciler decides it, so a change
/// rewrites only the slices it concerns:
/// 1. In each existing slice, an endpoint in question is updated in place if still wanted with the slice's ports,
///    dropped otherwise (and a second copy of one is dropped).
/// 2. Wanted endpoints not found stay to be placed, per port group: first into slices already being updated,
///    fullest first; then, if fewer than a slice's worth remain, into the unchanged slice they fill best; else
///    into new slices of up to 100.
/// 3. A slice left empty is deleted, and a slice to create reuses one to delete; when no slice would be left, one
///    empty placeholder remains.
/// Which endpoints are "in question": in a full reconcile all of them; incrementally only the changed pods', so
/// the rest of the Service's endpoints are neither rebuilt nor compared. Ties go by slice name and pod name, never
/// by hash order. Within a slice endpoints are kept in pod-name order.
struct SlicePlacement {
    static let capacity = EndpointSlice.maxEndpoints

    /// The Service's existing slices, sorted by name, edited in place.
    private(set) var slices: [EndpointSlice]
    /// Whether each of `slices` was edited (it may still turn out equal to what is stored).
    private(set) var edited: [Bool]
    /// Slices to create: ports and endpoints only (the controller names them).
    private(set) var created: [(ports: [EndpointPort], endpoints: [Endpoint])] = []
    /// Indices into `slices` to delete.
    private(set) var deleted: [Int] = []

    init(existing: [EndpointSlice]) {
        slices = existing
        edited = Array(repeating: false, count: existing.count)
    }

    /// The pod an endpoint stands for (its targetRef names a Pod).
    static func podName(_ endpoint: Endpoint) -> String? {
        endpoint.targetRef?.kind == "Pod" ? endpoint.targetRef?.name : nil
    }

    /// `desired`: the wanted endpoints of the pods in question, sorted by pod name. `scope`: the pods in question
    /// (nil: every endpoint of every slice, a full reconcile).
    mutating func place(_ desired: [DesiredEndpoint], scope: PodNames?) {
        var wanted: [String: Int] = [:]
        wanted.reserveCapacity(desired.count)
        for (i, d) in desired.enumerated() { wanted[d.pod] = i }
        var found = Array(repeating: false, count: desired.count)

        // 1. Update or drop the endpoints in question where they are. Read by index, and written only where
        // something changes: a slice holds up to 100 endpoints and a kill concerns one.
        for s in slices.indices {
            let endpoints = slices[s].endpoints
            var dropped: [Int] = []
            var replaced: [(Int, Endpoint)] = []
            for j in endpoints.indices {
                let pod = Self.podName(endpoints[j])
                if let scope, !(pod.map(scope.contains) ?? false) { continue }
                if let pod, let d = wanted[pod], !found[d], desired[d].ports == slices[s].ports {
                    found[d] = true
                    if desired[d].endpoint != endpoints[j] { replaced.append((j, desired[d].endpoint)) }
                } else {
                    dropped.append(j)
                }
            }
            guard !dropped.isEmpty || !replaced.isEmpty else { continue }
            for (j, endpoint) in replaced { slices[s].endpoints[j] = endpoint }
            for j in dropped.reversed() { slices[s].endpoints.remove(at: j) }
            edited[s] = true
        }

        // 2. Place the rest, group by group in the order the groups first appear.
        var groups: [[EndpointPort]] = []
        var pending: [[EndpointPort]: [DesiredEndpoint]] = [:]
        for (i, d) in desired.enumerated() where !found[i] {
            if pending[d.ports] == nil { groups.append(d.ports) }
            pending[d.ports, default: []].append(d)
        }
        for ports in groups { placeGroup(ports, pending[ports]!) }

        // 3. Empty slices go; creations reuse them; the last one stays as the placeholder if nothing else would.
        var empty = slices.indices.filter { slices[$0].endpoints.isEmpty }
        if empty.count == slices.count && created.isEmpty {
            created.append((ports: [], endpoints: []))
            // Prefer the slice that already is the placeholder: it then needs no write at all.
            if let p = empty.firstIndex(where: { slices[$0].ports.isEmpty }) { empty.insert(empty.remove(at: p), at: 0) }
        }
        var reusing = 0
        while reusing < min(empty.count, created.count) {
            let s = empty[reusing]
            slices[s].ports = created[reusing].ports
            slices[s].endpoints = created[reusing].endpoints
            edited[s] = true
            reusing += 1
        }
        created.removeFirst(reusing)
        deleted = Array(empty.dropFirst(reusing))
    }

    private mutating func placeGroup(_ ports: [EndpointPort], _ endpoints: [DesiredEndpoint]) {
        var queue = endpoints[...]
        // Slices already being rewritten, fullest first: an endpoint placed there costs no extra write.
        let updating = slices.indices
            .filter { edited[$0] && !slices[$0].endpoints.isEmpty && slices[$0].ports == ports }
            .sorted { (slices[$0].endpoints.count, $1) > (slices[$1].endpoints.count, $0) }  // ties: name order
        for s in updating where !queue.isEmpty {
            fill(s, from: &queue)
        }
        while !queue.isEmpty {
            if queue.count < Self.capacity, let s = bestFit(ports, count: queue.count) {
                fill(s, from: &queue)
                edited[s] = true
            } else {
                let take = queue.prefix(Self.capacity)
                queue = queue.dropFirst(take.count)
                created.append((ports: ports, endpoints: take.map(\.endpoint)))
            }
        }
    }

    /// The unchanged slice with these ports that `count` more endpoints fill most nearly, if any has the room.
    private func bestFit(_ ports: [EndpointPort], count: Int) -> Int? {
        var best: Int?
        var bestSpare = Self.capacity
        for s in slices.indices where !edited[s] && slices[s].ports == ports {
            let spare = Self.capacity - slices[s].endpoints.count - count
            if spare >= 0 && spare < bestSpare {
                best = s
                bestSpare = spare
            }
        }
        return best
    }

    private mutating func fill(_ s: Int, from queue: inout ArraySlice<DesiredEndpoint>) {
        while let next = queue.first, slices[s].endpoints.count < Self.capacity {
            queue = queue.dropFirst()
            insertInOrder(next, into: s)
        }
    }

    /// Keeps a slice in pod-name order, so a slice built in one go and one built pod by pod read the same.
    private mutating func insertInOrder(_ d: DesiredEndpoint, into s: Int) {
        let endpoints = slices[s].endpoints
        var low = 0, high = endpoints.count
        while low < high {
            let mid = (low + high) / 2
            if (Self.podName(endpoints[mid]) ?? "") < d.pod { low = mid + 1 } else { high = mid }
        }
        slices[s].endpoints.insert(d.endpoint, at: low)
    }
}

/// A small set of pod names: a kill or a readiness change concerns one or two pods, and comparing a few names
/// beats hashing every endpoint's name against a Set.
struct PodNames {
    private let few: [String]
    private let many: Set<String>?

    init(_ names: [String]) {
        if names.count <= 8 {
            few = names
            many = nil
        } else {
            few = []
            many = Set(names)
        }
    }

    func contains(_ name: String) -> Bool {
        if let many { return many.contains(name) }
        return few.contains(name)
    }
}
