/// Future work in virtual time, ordered by due time and then by insertion, so equal times fire deterministically.
///
/// The heap moves only plain integers (due time, sequence, slot): the events, which hold strings, stay in their
/// slot from `schedule` to `popDue`, so sifting a 100,000-timer heap costs no reference counting.
public struct TimerQueue: Sendable {
    struct Entry: Sendable {
        var due: Int64
        var seq: UInt64
        var slot: Int
        func before(_ o: Entry) -> Bool { due != o.due ? due < o.due : seq < o.seq }
    }

    private var heap: [Entry] = []
    private var slots: [SimEvent?] = []
    private var freeSlots: [Int] = []
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
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = event
        } else {
            slot = slots.count
            slots.append(event)
        }
        heap.append(Entry(due: due, seq: nextSeq, slot: slot))
        nextSeq += 1
        var i = heap.count - 1
        let entry = heap[i]
        while i > 0 {
            let parent = (i - 1) / 2
            guard entry.before(heap[parent]) else { break }
            heap[i] = heap[parent]
            i = parent
        }
        heap[i] = entry
    }

    /// Removes and returns the earliest event due at or before `time`.
    public mutating func popDue(atOrBefore time: Int64) -> (Int64, SimEvent)? {
        guard let first = heap.first, first.due <= time else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            var i = 0
            let n = heap.count
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = l
                guard l < n else { break }
                if r < n, heap[r].before(heap[l]) { m = r }
                guard heap[m].before(last) else { break }
                heap[i] = heap[m]
                i = m
            }
            heap[i] = last
        }
        let event = slots[first.slot].take()!
        freeSlots.append(first.slot)
        if case .traffic = event { trafficCount -= 1 }
        return (first.due, event)
    }
}
