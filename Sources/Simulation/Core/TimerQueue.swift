/// Future work in virtual time, ordered by due time and then by insertion, so equal times fire deterministically.
public struct TimerQueue: Sendable {
    struct Entry: Sendable {
        var due: Int64
        var seq: UInt64
        var event: SimEvent
        func before(_ o: Entry) -> Bool { due != o.due ? due < o.due : seq < o.seq }
    }

    private var heap: [Entry] = []
    private var nextSeq: UInt64 = 0
    /// Load ticks queued: `settle` and `hasPendingWork` look past them, so a load never keeps the cluster "busy".
    public private(set) var trafficCount = 0

    public init() {}

    public var isEmpty: Bool { heap.isEmpty }
    public var count: Int { heap.count }
    /// Timers other than load ticks: the work that makes the cluster change.
    public var clusterCount: Int { heap.count - trafficCount }
    public var nextDue: Int64? { heap.first?.due }

    public mutating func schedule(_ event: SimEvent, at due: Int64) {
        if case .traffic = event { trafficCount += 1 }
        heap.append(Entry(due: due, seq: nextSeq, event: event))
        nextSeq += 1
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].before(heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    /// Removes and returns the earliest event due at or before `time`.
    public mutating func popDue(atOrBefore time: Int64) -> (Int64, SimEvent)? {
        guard let first = heap.first, first.due <= time else { return nil }
        if case .traffic = first.event { trafficCount -= 1 }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, heap[l].before(heap[m]) { m = l }
                if r < heap.count, heap[r].before(heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return (first.due, first.event)
    }
}
