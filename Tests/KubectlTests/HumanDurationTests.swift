import Testing
@testable import Kubectl

/// Ages as kubectl's duration.HumanDuration prints them.
@Suite struct HumanDurationTests {
    static let cases: [(ms: Int64, text: String)] = [
        (0, "0s"), (999, "0s"), (45_000, "45s"), (119_999, "119s"), (120_000, "2m"), (192_000, "3m12s"),
        (300_000, "5m"), (599_000, "9m59s"), (600_000, "10m"), (10_740_000, "179m"), (10_800_000, "3h"),
        (11_100_000, "3h5m"), (28_800_000, "8h"), (169_200_000, "47h"), (172_800_000, "2d"),
        (187_200_000, "2d4h"), (691_200_000, "8d"), (62_985_600_000, "729d"), (63_072_000_000, "2y"),
        (66_960_000_000, "2y45d"), (252_288_000_000, "8y"), (-1_500, "0s"), (-2_000, "<invalid>"),
    ]

    @Test(arguments: cases)
    func format(_ c: (ms: Int64, text: String)) {
        #expect(HumanDuration.format(milliseconds: c.ms) == c.text)
    }

    @Test func unknownWithoutTimestamp() {
        #expect(HumanDuration.since(nil, now: Fixture.t0) == "<unknown>")
    }
}

@Suite struct TabWriterTests {
    /// Columns are padded to the widest cell plus 3 (at least 6); the last column is not padded.
    @Test func alignsLikeKubectl() {
        let text = TabWriter.format([["NAME", "IP", "AGE"], ["a", "1", "5m"], ["longer-name", "", "10d"]])
        #expect(text == """
            NAME          IP    AGE
            a             1     5m
            longer-name         10d

            """)
    }

    @Test func countsCharactersNotBytes() {
        #expect(TabWriter.format([["näme", "x"], ["ab", "y"]]) == "näme   x\nab     y\n")
    }
}
