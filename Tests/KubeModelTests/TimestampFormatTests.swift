import Testing
@testable import KubeModel

@Suite("RFC 3339 timestamps")
struct TimestampFormatTests {
    @Test("formats as the API server does, whole seconds in UTC", arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-01-01T09:00:00Z", Int64(1_767_258_000_000)),
        ("2024-02-29T23:59:59Z", Int64(1_709_251_199_999)),
        ("1969-12-31T23:59:59Z", Int64(-1)),
        ("10000-01-01T00:00:00Z", Int64(253_402_300_800_000)),
    ])
    func formats(_ text: String, _ ms: Int64) {
        #expect(Timestamp(milliseconds: ms).rfc3339 == text)
    }

    @Test("formatting and parsing round-trip")
    func roundTrips() {
        for ms in stride(from: Int64(0), to: 4_000_000_000_000, by: 97_654_321_000) {
            let t = Timestamp(milliseconds: ms)
            #expect(Timestamp(rfc3339: t.rfc3339) == t)
        }
    }
}
