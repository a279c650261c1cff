import ClusterStore
import KubeModel

/// client-go's event recorder: Events named `<object>.<hex time>`, repeated ones (same object, reason and message)
/// counted on one Event, the oldest dropped past `config.maxEvents` (real clusters expire them after an hour).
extension Simulator {
    mutating func recordEvent(for pod: Pod, reason: String, message: String, component: String,
                              type: String = "Normal") {
        recordEvent(reference: ObjectReference(to: pod), namespace: pod.metadata.namespace, reason: reason,
                    message: message, component: component, host: pod.spec.nodeName, type: type)
    }

    mutating func recordEvent(involved type: ResourceType, _ meta: ObjectMeta, reason: String, message: String,
                              component: String, eventType: String = "Normal") {
        let ref = ObjectReference(kind: type.kind, namespace: meta.namespace.isEmpty ? nil : meta.namespace,
                                  name: meta.name, uid: meta.uid, apiVersion: type.apiVersion,
                                  resourceVersion: meta.resourceVersion.isEmpty ? nil : meta.resourceVersion)
        recordEvent(reference: ref, namespace: meta.namespace.isEmpty ? "default" : meta.namespace, reason: reason,
                    message: message, component: component, host: nil, type: eventType)
    }

    mutating func recordEvent(reference: ObjectReference, namespace: String, reason: String, message: String,
                              component: String, host: String?, type: String) {
        let t = now
        let aggregateKey = EventAggregate(involved: reference.uid ?? reference.name ?? "", reason: reason, message: message)
        // A key is live in the store or pending, never both (the store gets events only at a flush, which empties
        // the pending list), so the store is asked first and the pending index then looked up once: it finds a
        // live pending twin or claims the slot the new event takes.
        if let key = eventKeys[aggregateKey], var existing = store.get(Event.self, key) {
            existing.count += 1
            existing.lastTimestamp = t
            _ = try? store.update(existing)
            return
        }
        if let i = Self.liveOrClaim(&pendingEventIndex[aggregateKey, default: -1], slot: pendingEvents.count,
                                    liveFrom: pendingEventStart) {
            pendingEvents[i].count += 1
            pendingEvents[i].last = t
            return
        }
        eventSequence += 1
        pendingEvents.append(PendingEvent(aggregate: aggregateKey, reference: reference, namespace: namespace,
                                          component: component, host: host, warning: type == "Warning",
                                          sequence: eventSequence, first: t, last: t))
        // Only the newest `maxEvents` can survive the instant; older ones would be evicted at once.
        if pendingEvents.count - pendingEventStart > config.maxEvents { pendingEventStart += 1 }
        if pendingEventStart >= max(4096, 3 * config.maxEvents) { compactPendingEvents() }
    }

    /// The pending index entry's slot if it is still live, else nil after pointing the entry at `slot`.
    private static func liveOrClaim(_ index: inout Int, slot: Int, liveFrom start: Int) -> Int? {
        if index >= start { return index }
        index = slot
        return nil
    }

    /// Forgets the pending events that can no longer reach the store, so a long instant (a 100,000-pod load) keeps
    /// a few times `maxEvents` of them in memory; the index is rebuilt from the survivors only now and then, which
    /// costs less than removing each evicted key. The survivors' keys are unique (a repeat of a live one counts on
    /// it).
    private mutating func compactPendingEvents() {
        pendingEvents.removeFirst(pendingEventStart)
        pendingEventStart = 0
        pendingEventIndex.removeAll(keepingCapacity: true)
        for (i, pending) in pendingEvents.enumerated() { pendingEventIndex[pending.aggregate] = i }
    }

    /// Writes the instant's events to the store, then drops the oldest past `config.maxEvents`. Events wait for the
    /// end of the instant (as a watch coalesces): a burst of 100,000 pods starting at one moment records 300,000
    /// events of which only the newest few thousand are kept, and the rest never cost a write.
    mutating func flushEvents() {
        for pending in pendingEvents[pendingEventStart...] {
            guard let created = try? store.create(pending.event()) else { continue }
            eventKeys[pending.aggregate] = created.metadata.key
            eventOrder.append((pending.aggregate, created.metadata.key))
        }
        pendingEvents.removeAll(keepingCapacity: true)
        pendingEventIndex.removeAll(keepingCapacity: true)
        pendingEventStart = 0
        while eventOrder.count - eventOrderStart > config.maxEvents {
            _ = try? store.delete(Event.self, eventOrder[eventOrderStart].1)
            eventOrderStart += 1
        }
        // Aggregation entries of dropped events are forgotten in bulk (a lookup checks the event still exists):
        // removing them one by one would cost a lookup each.
        if eventOrderStart > 4096 && eventOrderStart * 2 > eventOrder.count {
            eventOrder.removeFirst(eventOrderStart)
            eventOrderStart = 0
            eventKeys = Dictionary(eventOrder, uniquingKeysWith: { _, newer in newer })
        }
    }
}

/// What makes two events "the same" for client-go's aggregation: the object, the reason and the message.
struct EventAggregate: Hashable, Sendable {
    var involved: String
    var reason: String
    var message: String
}

/// An event recorded in the current instant, not yet an Event: most of a burst's events are dropped before the
/// instant ends, so the Event (its name, its metadata) is built only for those that reach the store.
struct PendingEvent: Sendable {
    var aggregate: EventAggregate
    var reference: ObjectReference
    var namespace: String
    var component: String
    var host: String?
    var warning: Bool
    /// The recorder's running number, which makes the name unique among events of one instant.
    var sequence: Int64
    var first: Timestamp
    var last: Timestamp
    var count = 1

    func event() -> Event {
        let nanos = UInt64(first.milliseconds) &* 1_000_000 &+ UInt64(sequence)
        let name = "\(reference.name ?? "event").\(String(nanos, radix: 16))"
        var event = Event(metadata: ObjectMeta(name: name, namespace: namespace), involvedObject: reference,
                          type: warning ? .warning : .normal, reason: aggregate.reason, message: aggregate.message,
                          sourceComponent: component, sourceHost: host, at: first)
        event.reportingComponent = component
        event.reportingInstance = host ?? ""
        event.count = count
        event.lastTimestamp = last
        return event
    }
}
