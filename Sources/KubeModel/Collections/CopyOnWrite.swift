/// A value kept behind one reference and copied only when it is written while shared. Objects the store holds by
/// the thousand (events, a slice's endpoints) keep their fields in one: copying them, into a table or a checkpoint,
/// then costs one reference count instead of one per field.
struct CopyOnWrite<Value: Sendable>: Sendable {
    private final class Box: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}

extension CopyOnWrite: Equatable where Value: Equatable {
    static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.box.value == rhs.box.value }
}

extension CopyOnWrite: Hashable where Value: Hashable {
    func hash(into hasher: inout Hasher) { hasher.combine(box.value) }
}

/// The fields of an object kept in a `CopyOnWrite` box.
protocol MetadataFields: Sendable {
    var metadata: ObjectMeta { get }
}

extension CopyOnWrite where Value: MetadataFields {
    /// Read field by field from the box: handed whole to a getter, the metadata was copied out of it.
    var indexedFields: IndexedFields {
        IndexedFields(key: value.metadata.key, labels: value.metadata.labels,
                      ownerReferences: value.metadata.ownerReferences)
    }

    var key: ObjectKey { value.metadata.key }
}
