/// Why a recording cannot be read or replayed. Each message is one line; the command line puts the file's path
/// in front.
public enum RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingFile
    case unreadable(String)
    case empty
    case notJSON(line: Int, column: Int, String)
    case notARecording
    case newerVersion(Int)
    case badHeader(String)
    case badEntry(line: Int, String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .missingFile: return "no such file"
        case .unreadable(let why): return "cannot read: \(why)"
        case .empty: return "empty file, not a recording"
        case .notJSON(let line, let column, let why):
            return "line \(line), column \(column): not JSON (\(why)); is this a switchboard recording?"
        case .notARecording:
            return "not a switchboard recording: the first line has no \"format\": \"\(RecordingFormat.name)\""
        case .newerVersion(let v):
            return "recording format version \(v) is newer than this switchboard reads (\(RecordingFormat.version)); upgrade switchboard"
        case .badHeader(let why): return "damaged recording header: \(why)"
        case .badEntry(let line, let why): return "line \(line): \(why)"
        case .cannotWrite(let why): return "cannot write: \(why)"
        }
    }
}
