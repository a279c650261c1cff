import KubeModel
import Testing

@Suite("Binary search for a sorted collection's boundary")
struct PartitionPointTests {
    @Test("Empty, all before, none before, and the first element not before")
    func edges() {
        #expect([Int]().partitionPoint { $0 < 5 } == 0)
        #expect([1, 2, 3].partitionPoint { $0 < 5 } == 3)
        #expect([6, 7].partitionPoint { $0 < 5 } == 0)
        #expect([1, 3, 3, 3, 8].partitionPoint { $0 < 3 } == 1)
        #expect([1, 3, 3, 3, 8].partitionPoint { $0 <= 3 } == 4)
        #expect([1, 3, 3, 3, 8][1...].partitionPoint { $0 < 8 } == 4, "a slice answers in its base's indices")
    }

    @Test("Agrees with a linear scan on every boundary of sorted arrays of every length up to 40")
    func agreesWithLinearScan() {
        for length in 0...40 {
            let sorted = (0..<length).map { $0 / 3 }
            for bound in -1...(length / 3 + 1) {
                let linear = sorted.firstIndex { !($0 < bound) } ?? sorted.endIndex
                #expect(sorted.partitionPoint { $0 < bound } == linear, "length \(length), bound \(bound)")
            }
        }
    }
}
