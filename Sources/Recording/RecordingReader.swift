import Foundation
import KubeModel

/// A recording read from a file: the header, every entry, and warnings (a truncated last line).
public struct RecordingFile: Sendable {
    public var header: RecordingHeader
    public var entries: [RecordingEntry]
    public var warnings: [String]
}

public enum RecordingReader {
    public static func read(path: String) throws(RecordingError) -> RecordingFile {
        try parse(try contents(path))
    }

    /// Parses a whole recording. A last line that does not parse and has no newline is what a recorder killed
    /// mid-write leaves: everything before it is kept, with a warning. Any other damage is an error.
    public static func parse(_ data: Data) throws(RecordingError) -> RecordingFile {
        var entries: [RecordingEntry] = []
        let (header, warnings) = try stream(data, onHeader: { _ in }) { entries.append($0) }
        return RecordingFile(header: header, entries: entries, warnings: warnings)
    }

    static func contents(_ path: String) throws(RecordingError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingFile }
        if isDirectory.boolValue { throw .unreadable("is a directory") }
        do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw .unreadable((error as NSError).localizedDescription)
        }
    }

    /// Reads a recording entry by entry (`onHeader` first), so a large one is never held twice in memory.
    static func stream(_ data: Data, onHeader: (RecordingHeader) -> Void,
                       _ body: (RecordingEntry) throws(RecordingError) -> Void)
        throws(RecordingError) -> (RecordingHeader, [String]) {
        guard !data.isEmpty else { throw .empty }
        let result: Result<(RecordingHeader, [String]), RecordingError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(RecordingError) { return .success(try stream(bytes, onHeader, body)) } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func stream(_ bytes: UnsafeBufferPointer<UInt8>, _ onHeader: (RecordingHeader) -> Void,
                               _ body: (RecordingEntry) throws(RecordingError) -> Void)
        throws(RecordingError) -> (RecordingHeader, [String]) {
        var header: RecordingHeader?
        var entryCount = 0
        var warnings: [String] = []
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0a { end += 1 }
            let complete = end < bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            defer { start = end + 1 }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0d || $0 == 0x09 }) {
                if header == nil { continue }
                if !complete { break }
                throw .badEntry(line: lineNumber, "empty line")
            }
            let json: JSONValue
            do {
                json = try JSONParser.parse(line)
            } catch {
                if !complete, header != nil {
                    warnings.append("line \(lineNumber) is incomplete (the recorder stopped while writing it); "
                                    + "replaying the \(lineNumber - 1) lines before it")
                    break
                }
                throw .notJSON(line: lineNumber, column: error.column, error.message)
            }
            if header == nil {
                let h = try RecordingHeader(json: json)
                header = h
                onHeader(h)
            } else {
                let entry = try RecordingEntry(line: lineNumber, json: json)
                if entryCount == 0, !entry.isKeyframe {
                    throw .badHeader("the first entry after the header must be a keyframe")
                }
                entryCount += 1
                try body(entry)
            }
        }
        guard let header else { throw .empty }
        if entryCount == 0 { throw .badHeader("the first entry after the header must be a keyframe") }
        return (header, warnings)
    }
}
