import CYAML

/// The thinnest safe wrapper over libyaml's event parser: owns the `yaml_parser_t` and the input it points into, and
/// turns libyaml's error fields into a `YAMLError` with 1-based positions.
///
/// Every event handed to `next` is deleted before `next` returns, so no libyaml memory outlives a call; the parser is
/// deleted in `deinit` whether the stream was read to the end, failed, or was abandoned.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let source: SourceBuffer
    /// True once libyaml has reported an error; it cannot continue after one.
    private(set) var failed = false

    init(source: SourceBuffer) {
        self.source = source
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        // yaml_parser_initialize only fails when malloc does; there is no sane recovery from that.
        guard yaml_parser_initialize(parser) == 1 else { fatalError("libyaml: out of memory") }
        yaml_parser_set_input_string(parser, source.bytes.baseAddress, source.bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Parses the next event and passes it to `body`, which must not keep pointers into it.
    func next<R>(_ body: (borrowing yaml_event_t) throws(YAMLError) -> R) throws(YAMLError) -> R {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            failed = true
            throw currentError()
        }
        defer { yaml_event_delete(&event) }
        return try body(event)
    }

    /// libyaml's message, worded as its own tools word it: `PROBLEM (CONTEXT at L:C)` at the problem mark.
    private func currentError() -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        switch p.error {
        case YAML_READER_ERROR:
            // Reader errors (bad encoding, control characters) carry a byte offset, not a mark.
            let (line, column) = source.position(ofByteOffset: p.problem_offset)
            return YAMLError(Self.readerMessage(problem, value: p.problem_value), line: line, column: column)
        case YAML_MEMORY_ERROR:
            return YAMLError("out of memory while parsing", line: 0, column: 0)
        default:
            let line = Int(p.problem_mark.line) + 1
            let column = Int(p.problem_mark.column) + 1
            var message = problem
            if let context = p.context {
                message += " (\(String(cString: context)) at \(p.context_mark.line + 1):\(p.context_mark.column + 1))"
            }
            // libyaml's wording for a tab in indentation does not say "tab"; the byte at the mark does.
            let tab = source.byte(atLine: line, column: column) == 0x09
            if tab, problem == "found character that cannot start any token" {
                message += "; YAML does not allow tabs for indentation"
            }
            return YAMLError(message, line: line, column: column)
        }
    }

    private static func readerMessage(_ problem: String, value: Int32) -> String {
        if problem.contains("UTF-8") {
            let byte = value >= 0 ? " 0x" + hex(UInt32(value), width: 2) : ""
            return "\(problem)\(byte): the input is not valid UTF-8 text"
        }
        if value >= 0 { return "\(problem) (U+\(hex(UInt32(value), width: 4)))" }
        return problem
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
