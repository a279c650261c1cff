import Foundation
import KubeModel
import Testing
@testable import Recording

@Suite("Damaged recordings")
struct DamagedInputTests {
    static func tempFile(_ contents: Data) throws -> String {
        let path = NSTemporaryDirectory() + "switchboard-rec-\(UUID().uuidString).jsonl"
        try contents.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func error(_ data: Data) -> String? {
        do {
            _ = try RecordingReader.parse(data)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("A truncated last line (a recorder killed mid-write) keeps every line before it and warns naming the line")
    func truncatedLastLine() throws {
        let lines = try Fixture.recordDemo()
        let text = lines.prefix(40).joined(separator: "\n") + "\n" + String(lines[40].prefix(25))
        let file = try RecordingReader.parse(Data(text.utf8))
        #expect(file.entries.count == 39)
        #expect(file.warnings == ["line 41 is incomplete (the recorder stopped while writing it); replaying the 40 lines before it"])
        let replay = try Replay(file)
        #expect(replay.entryCount == 39)
    }

    @Test("A complete last line without a newline is kept")
    func lastLineWithoutNewline() throws {
        let lines = try Fixture.recordDemo()
        let file = try RecordingReader.parse(Data(lines.prefix(10).joined(separator: "\n").utf8))
        #expect(file.entries.count == 9 && file.warnings.isEmpty)
    }

    @Test("Damage in the middle is an error naming the line")
    func damagedMiddleLine() throws {
        var lines = try Fixture.recordDemo()
        lines[5] = String(lines[5].prefix(20))
        #expect(Self.error(Data(lines.joined(separator: "\n").utf8))?.hasPrefix("line 6, column ") == true)
    }

    @Test("Random bytes, an empty file, other JSON, a newer version and a missing file each get a clear message")
    func hostileFiles() throws {
        var rng = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let png = Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] + noise)
        #expect(Self.error(png) == "line 1, column 1: not JSON (unexpected byte 0x89); is this a switchboard recording?")
        for n in 0..<200 {
            let bytes = Data((0..<(n * 7)).map { _ in UInt8.random(in: 0...255, using: &rng) })
            let message = Self.error(bytes) ?? "accepted"
            #expect(message.hasPrefix("line ") || message.hasPrefix("empty file") || message.hasPrefix("not a switchboard"),
                    "\(message)")
        }
        #expect(Self.error(Data()) == "empty file, not a recording")
        #expect(Self.error(Data("\n\n".utf8)) == "empty file, not a recording")
        #expect(Self.error(Data("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}\n".utf8))
                == "not a switchboard recording: the first line has no \"format\": \"switchboard-recording\"")
        #expect(Self.error(Data("[1,2,3]\n".utf8))
                == "not a switchboard recording: the first line has no \"format\": \"switchboard-recording\"")
        #expect(Self.error(Data("{\"format\":\"switchboard-recording\",\"version\":2,\"seed\":1,\"manifests\":[]}\n".utf8))
                == "recording format version 2 is newer than this switchboard reads (1); upgrade switchboard")
        #expect(Self.error(Data("{\"format\":\"switchboard-recording\",\"version\":1,\"manifests\":[]}\n".utf8))
                == "damaged recording header: \"seed\" is missing")
        #expect(Self.error(Data("{\"format\":\"switchboard-recording\",\"version\":1,\"seed\":1,\"manifests\":[]}\n".utf8))
                == "damaged recording header: the first entry after the header must be a keyframe")
        let missing = NSTemporaryDirectory() + "no-such-recording-\(UUID().uuidString)"
        #expect(throws: RecordingError.missingFile) { try RecordingReader.read(path: missing) }
        #expect(RecordingError.missingFile.description == "no such file")
    }

    @Test("Entries with a wrong shape name their line and what is wrong")
    func badEntries() throws {
        let lines = try Fixture.recordDemo()
        func withLine3(_ text: String) -> String? {
            var l = lines
            l[2] = text
            return Self.error(Data(l.joined(separator: "\n").utf8))
        }
        #expect(withLine3("{\"at\":5}") == "line 3: \"type\" is missing")
        #expect(withLine3("{\"type\":\"put\"}") == "line 3: \"at\" is missing")
        #expect(withLine3("{\"at\":1,\"type\":\"teleport\"}") == "line 3: unknown entry type \"teleport\"")
        #expect(withLine3("{\"at\":1,\"type\":\"put\"}") == "line 3: \"object\" is missing")
        #expect(withLine3("{\"at\":1,\"type\":\"delete\",\"kind\":\"Pod\"}")
                == "line 3: the object's apiVersion, kind or name is missing")
        #expect(withLine3("17") == "line 3: expected an object")
    }

    @Test("A patch for an object the recording never created is an error naming it")
    func orphanPatch() throws {
        var lines = try Fixture.recordDemo()
        lines.insert("{\"at\":0,\"type\":\"patch\",\"rv\":1,\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"namespace\":\"x\",\"name\":\"ghost\",\"patch\":{}}", at: 2)
        #expect(throws: RecordingError.badEntry(line: 3, "patch for pod/ghost in namespace x, which the recording never created")) {
            try Replay(Fixture.file(lines))
        }
    }

    @Test("A missing file read through the path API")
    func missingPath() throws {
        let path = try Self.tempFile(Data("x".utf8))
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: RecordingError.missingFile) { try Replay(path: path) }
    }
}

@Suite("Recording JSON parser")
struct JSONParserTests {
    func fails(_ text: String) -> String? {
        do { _ = try JSONParser.parse(text); return nil } catch { return "\(error.column): \(error.message)" }
    }

    @Test("Values parse to the JSON model, escapes and unicode included")
    func values() throws {
        #expect(try JSONParser.parse("{\"a\":[1,-2,3.5,true,false,null,\"x\\n\\u00e9\\ud83d\\ude00\"]}")
                == ["a": [1, -2, .double(3.5), true, false, nil, .string("x\né😀")]])
        #expect(try JSONParser.parse(" {} ") == [:])
        #expect(try JSONParser.parse("\"héllo\"") == "héllo")
        #expect(try JSONParser.parse("{\"b\":{\"y\":1,\"x\":[]},\"a\":2,\"b\":{\"z\":{}}}") == ["a": 2, "b": ["z": [:]]],
                "a repeated key keeps its last value")
    }

    @Test("Broken, truncated and hostile input gives the column and the reason")
    func broken() {
        #expect(fails("") == "1: unexpected end of line")
        #expect(fails("{\"a\":1") == "7: unexpected end of line")
        #expect(fails("{\"a\" 1}") == "6: expected ':', got '1'")
        #expect(fails("{\"a\":1,}") == "8: expected a key, got '}'")
        #expect(fails("[1 2]") == "4: expected ',' or ']', got '2'")
        #expect(fails("\"abc") == "5: unterminated string")
        #expect(fails("\"\\q\"") == "3: invalid escape \\'q'")
        #expect(fails("\"\\ud83d\"") == "8: unpaired surrogate in a string")
        #expect(fails("01") == "1: invalid number")
        #expect(fails("-") == "2: invalid number")
        #expect(fails("1.") == "3: invalid number")
        #expect(fails("nul") == "1: unexpected 'n'")
        #expect(fails("{} x") == "4: unexpected 'x' after the value")
        #expect(fails("\u{01}") == "1: unexpected byte 0x1")
        #expect(fails(String(repeating: "[", count: 600)) == "513: nested too deeply")
    }
}

@Suite("Compact patches")
struct JSONPatchTests {
    func roundTrip(_ a: JSONValue, _ b: JSONValue) throws -> JSONValue? {
        guard let patch = JSONPatch.diff(a, b) else { return nil }
        #expect(try JSONPatch.apply(patch, to: a) == b)
        return patch
    }

    @Test("Changed, added and removed fields; nulls are values, not removals")
    func objects() throws {
        let a: JSONValue = ["x": 1, "y": ["p": "q", "r": nil], "z": true]
        let b: JSONValue = ["x": 2, "y": ["p": "q", "r": nil, "s": nil], "w": nil]
        #expect(try roundTrip(a, b) == ["$unset": ["z"], "x": 2, "y": ["s": nil], "w": nil])
    }

    @Test("Arrays are spliced between their common prefix and suffix")
    func arrays() throws {
        let a: JSONValue = ["e": [1, 2, 3, 4, 5]]
        #expect(try roundTrip(a, ["e": [1, 2, 9, 4, 5]]) == ["e": ["$items": [[2, 9]]]])
        #expect(try roundTrip(a, ["e": [1, 2, 9, 8, 7, 6, 5]]) == ["e": ["$splice": [2, 2, [9, 8, 7, 6]]]])
        #expect(try roundTrip(a, ["e": [1, 2, 4, 5]]) == ["e": ["$splice": [2, 1, []]]])
        #expect(try roundTrip(a, ["e": [0, 1, 2, 3, 4, 5]]) == ["e": ["$splice": [0, 0, [0]]]])
        #expect(try roundTrip(a, ["e": []]) == ["e": ["$splice": [0, 5, []]]])
        #expect(try roundTrip(["e": [1, 1]], ["e": [1, 1, 1]]) != nil)
        let conditions: JSONValue = ["c": [["type": "A", "status": "True", "at": "2026-01-01T09:00:00Z"],
                                           ["type": "Ready", "status": "False", "at": "2026-01-01T09:00:00Z"]]]
        let flipped: JSONValue = ["c": [["type": "A", "status": "True", "at": "2026-01-01T09:00:00Z"],
                                        ["type": "Ready", "status": "True", "at": "2026-01-01T09:00:00Z"]]]
        #expect(try roundTrip(conditions, flipped) == ["c": ["$items": [[1, ["status": "True"]]]]])
    }

    @Test("Type changes replace the value; a value that would read as a patch makes the diff decline")
    func typeChanges() throws {
        #expect(try roundTrip(["a": [1]], ["a": ["k": 1]]) == ["a": ["k": 1]])
        #expect(try roundTrip(["a": ["k": 1]], ["a": [1]]) == ["a": [1]])
        #expect(try roundTrip(["a": "s"], ["a": ["k": 1]]) == ["a": ["k": 1]])
        #expect(JSONPatch.diff(["a": [1]], ["a": ["$splice": [0, 0, []]]]) == nil)
        #expect(JSONPatch.diff(["a": 1], ["a": 1, "$unset": ["a"]]) == nil)
        #expect(JSONPatch.diff(["a": [1]], ["a": ["$items": []]]) == nil)
    }

    @Test("A patch that does not fit its target is an error")
    func misfit() {
        #expect(throws: PatchError.self) { try JSONPatch.apply(["e": ["$splice": [3, 9, []]]], to: ["e": [1]]) }
        #expect(throws: PatchError.self) { try JSONPatch.apply(["$unset": "e"], to: ["e": [1]]) }
        #expect(throws: PatchError.self) { try JSONPatch.apply(["e": ["$items": [[5, 1]]]], to: ["e": [1]]) }
    }
}

@Suite("State checksums")
struct ChecksumTests {
    @Test("FNV-1a 64 matches the published test vectors")
    func vectors() {
        #expect(FNV1a64.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test("Canonical JSON bytes are exactly JSONWriter.compact, escapes and numbers included")
    func canonicalMatchesWriter() {
        let sim = Fixture.settledDemo()
        for object in sim.snapshot.allObjects {
            #expect(String(decoding: CanonicalJSON.bytes(object.json()), as: UTF8.self) == JSONWriter.compact(object.json()))
        }
        let odd: JSONValue = ["s": "a<b>&\"\\\n\r\t\u{01}é😀", "n": [0, -7, .double(1.5), .double(3), .double(.nan), nil, true],
                              "edges": ["", "<", "plain", "x\u{1f}", 9, 10, 99, 100, -10, .int(Int64.max), .int(Int64.min)],
                              "": ["b": 1, "a": [2], "ab": "z"]]
        #expect(String(decoding: CanonicalJSON.bytes(odd), as: UTF8.self) == JSONWriter.compact(odd))
    }

    @Test("The checksum is order-independent and follows every change")
    func incremental() throws {
        let sim = Fixture.settledDemo()
        let whole = StateChecksum(sim.snapshot)
        #expect(whole.objects == sim.snapshot.objectCount)
        var sum = StateChecksum()
        for object in sim.snapshot.allObjects.reversed() { sum.add(StateChecksum.objectHash(object.json())) }
        #expect(sum == whole)
        #expect(whole.hex.count == 16)
    }
}
