/// The bytes of one input, at a stable address: libyaml keeps a pointer into them for the whole parse, which a Swift
/// array cannot promise outside `withUnsafeBufferPointer`.
final class SourceBuffer: @unchecked Sendable {
    // Immutable after init; the pointer is never handed out for writing, hence @unchecked Sendable.
    let bytes: UnsafeMutableBufferPointer<UInt8>

    /// Takes ownership of memory from `UnsafeMutableBufferPointer<UInt8>.allocate`.
    init(adopting bytes: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    convenience init<C: Collection>(copying source: C) where C.Element == UInt8 {
        let count = source.count
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(count, 1))
        // One memcpy for arrays and native strings' UTF-8 views; element by element only for other collections.
        let copied: Void? = source.withContiguousStorageIfAvailable { bytes in
            if let base = bytes.baseAddress { buffer.baseAddress!.initialize(from: base, count: count) }
        }
        if copied == nil { _ = buffer.initialize(from: source) }
        self.init(adopting: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
    }

    deinit { bytes.deallocate() }

    var count: Int { bytes.count }

    /// A 1-based line and column (in characters, as libyaml counts them) for a byte offset. Only used for errors,
    /// so a linear scan is fine.
    func position(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b == 0x0D {
                // A lone CR is a line break for libyaml too; CRLF counts once, at the LF.
                if i + 1 >= bytes.count || bytes[i + 1] != 0x0A {
                    line += 1
                    column = 1
                }
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// The byte at a 1-based line and column, if there is one: used to tell a tab from other stray characters.
    func byte(atLine line: Int, column: Int) -> UInt8? {
        var currentLine = 1
        var i = 0
        while currentLine < line, i < bytes.count {
            if bytes[i] == 0x0A { currentLine += 1 }
            i += 1
        }
        var currentColumn = 1
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { return nil }
            if b & 0xC0 != 0x80 {
                if currentColumn == column { return b }
                currentColumn += 1
            }
            i += 1
        }
        return nil
    }

    /// Heuristic for "this is not a text file", as git and grep use it: a NUL byte near the start. UTF-16 and UTF-32
    /// text (with a byte order mark) contains NULs too, and libyaml reads it, so a BOM exempts the input.
    var looksBinary: Bool {
        let n = bytes.count
        if n >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return false }
        if n >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return false }
        let limit = min(n, 8192)
        for i in 0..<limit where bytes[i] == 0 { return true }
        return false
    }
}
