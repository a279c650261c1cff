import Foundation

/// Where recording lines go: a file, or memory for re-simulation and tests.
public protocol RecordingSink: AnyObject {
    /// One line, without its newline.
    func write(bytes line: [UInt8]) throws(RecordingError)
}

extension RecordingSink {
    public func write(_ line: String) throws(RecordingError) { try write(bytes: Array(line.utf8)) }
}

/// Appends each line with one write(2), so a crash or kill -9 loses at most the line being written.
public final class FileSink: RecordingSink {
    private let fd: Int32
    public let path: String
    public private(set) var bytesWritten = 0

    public init(path: String) throws(RecordingError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { throw .cannotWrite(String(cString: strerror(errno))) }
    }

    deinit { close(fd) }

    public func write(bytes line: [UInt8]) throws(RecordingError) {
        var data = line
        data.append(0x0a)
        let ok = data.withUnsafeBufferPointer { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        if !ok { throw .cannotWrite(String(cString: strerror(errno))) }
        bytesWritten += data.count
    }
}

/// Keeps lines in memory.
public final class MemorySink: RecordingSink {
    public private(set) var lines: [String] = []
    public init() {}
    public func write(bytes line: [UInt8]) throws(RecordingError) { lines.append(String(decoding: line, as: UTF8.self)) }
}
