extension RandomAccessCollection {
    /// Binary search for the boundary of a sorted collection: the first index whose element is not `isBefore` it,
    /// where `isBefore` holds for a prefix of the elements and for none after (`endIndex` when it holds for all).
    public func partitionPoint(_ isBefore: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = distance(from: startIndex, to: endIndex)
        while count > 0 {
            let half = count / 2
            let mid = index(low, offsetBy: half)
            if try isBefore(self[mid]) {
                low = index(after: mid)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
