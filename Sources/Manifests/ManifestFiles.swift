#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns `-f` arguments into inputs, as kubectl does: a file as given (any extension), a directory's `.yaml`, `.yml`
/// and `.json` files (sorted, not recursive, like `kubectl apply -f DIR` without `-R`), or `-` for standard input.
/// Plain POSIX calls: errno gives exact reasons, and reading is one allocation per file.
enum ManifestFiles {
    static let extensions = [".yaml", ".yml", ".json"]
    static let stdinName = "<stdin>"

    struct Problem: Error {
        var message: String
    }

    enum Input {
        case file(String)
        case standardInput
    }

    /// The inputs one argument stands for.
    static func expand(_ path: String) -> Result<[Input], Problem> {
        if path == "-" { return .success([.standardInput]) }
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Problem(message: errnoMessage())) }
        guard info.st_mode & S_IFMT == S_IFDIR else { return .success([.file(path)]) }

        guard let dir = opendir(path) else { return .failure(Problem(message: errnoMessage())) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard extensions.contains(where: { name.hasSuffix($0) && name.count > $0.count }) else { continue }
            let full = join(path, name)
            var entryInfo = stat()
            // Follow symlinks; skip what is not a file (a directory that happens to be called x.yaml).
            guard stat(full, &entryInfo) == 0, entryInfo.st_mode & S_IFMT != S_IFDIR else { continue }
            names.append(name)
        }
        guard !names.isEmpty else {
            return .failure(Problem(message: "no manifests (.yaml, .yml, .json) in directory"))
        }
        // Byte order, as Go's filepath.Walk visits them: deterministic whatever the locale.
        names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return .success(names.map { .file(join(path, $0)) })
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Reads a whole file (or stdin) into a buffer libyaml can parse in place.
    static func read(_ input: Input, maxSize: Int) -> Result<SourceBuffer, Problem> {
        switch input {
        case .standardInput:
            return readAll(fd: STDIN_FILENO, sizeHint: 0, maxSize: maxSize)
        case .file(let path):
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return .failure(Problem(message: errnoMessage())) }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { return .failure(Problem(message: errnoMessage())) }
            if info.st_mode & S_IFMT == S_IFDIR { return .failure(Problem(message: "is a directory")) }
            return readAll(fd: fd, sizeHint: Int(info.st_size), maxSize: maxSize)
        }
    }

    /// Reads to end of file; the size from fstat is only a hint (pipes, /proc and growing files report otherwise).
    private static func readAll(fd: Int32, sizeHint: Int, maxSize: Int) -> Result<SourceBuffer, Problem> {
        if sizeHint > maxSize { return .failure(tooLarge(sizeHint, maxSize)) }
        var capacity = max(sizeHint + 1, 64 * 1024)
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity {
                guard capacity <= maxSize else {
                    buffer.deallocate()
                    return .failure(tooLarge(count, maxSize))
                }
                let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity * 2)
                _ = bigger.initialize(fromContentsOf: buffer[0..<count])
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = Glibc_read(fd, buffer.baseAddress! + count, capacity - count)
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                let message = errnoMessage()
                buffer.deallocate()
                return .failure(Problem(message: message))
            }
            count += n
        }
        if count > maxSize {
            buffer.deallocate()
            return .failure(tooLarge(count, maxSize))
        }
        return .success(SourceBuffer(adopting: UnsafeMutableBufferPointer(rebasing: buffer[0..<count])))
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> Problem {
        Problem(message: "file is too large (\(megabytes(size)); the limit is \(megabytes(limit)))")
    }

    private static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb >= 10 ? "\(Int(mb.rounded())) MB" : "\((mb * 10).rounded() / 10) MB"
    }

    /// strerror's text in the lower case of compiler diagnostics: "no such file or directory".
    private static func errnoMessage() -> String {
        let text = String(cString: strerror(errno))
        guard let first = text.first else { return "unknown error" }
        return first.lowercased() + text.dropFirst()
    }
}

/// `read(2)`, named apart from the many Swift `read` methods in scope.
@inline(__always)
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
