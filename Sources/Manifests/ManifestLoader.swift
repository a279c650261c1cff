import KubeModel

/// An object read from a manifest, with where it came from.
public struct LoadedObject: Sendable, Equatable {
    public var object: KubeObject
    public var source: ManifestSource

    public init(object: KubeObject, source: ManifestSource) {
        self.object = object
        self.source = source
    }
}

/// Everything one load produced. Problems with one document or file never hide the others' objects; whether to go on
/// with a partial load is the caller's decision (`validate` reports and exits 1, `apply` refuses).
public struct LoadResult: Sendable {
    public var objects: [LoadedObject]
    /// Errors and warnings in input order, each printable as one line.
    public var diagnostics: [ManifestDiagnostic]

    public init(objects: [LoadedObject] = [], diagnostics: [ManifestDiagnostic] = []) {
        self.objects = objects
        self.diagnostics = diagnostics
    }

    public var errors: [ManifestDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [ManifestDiagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads Kubernetes manifests the way `kubectl apply -f` reads them: files, directories (`.yaml`, `.yml`, `.json`,
/// sorted, not recursive) and `-` for stdin; multi-document streams; `kind: List` and typed lists (`ServiceList`)
/// expanded to their items; each document decoded by `KubeObject.decode`, with errors and unknown-field warnings at
/// the line and column of the node concerned.
public struct ManifestLoader: Sendable {
    /// Larger files are refused with a message rather than read. 256 MiB is far beyond any real manifest set (a
    /// 50 MB stream of 100,000 objects loads in well under this) while keeping a mistaken `-f /` or a disk image from
    /// exhausting memory.
    public var maxFileSize: Int
    public var limits: YAMLParser.Limits
    /// Supplies stdin's bytes for `-`; nil reads file descriptor 0. Tests substitute their own.
    public var standardInput: (@Sendable () -> [UInt8])?

    public init(maxFileSize: Int = 256 << 20, limits: YAMLParser.Limits = .init(),
                standardInput: (@Sendable () -> [UInt8])? = nil) {
        self.maxFileSize = maxFileSize
        self.limits = limits
        self.standardInput = standardInput
    }

    /// Loads each path in order (a file, a directory, or `-`).
    public func load(paths: [String]) -> LoadResult {
        let output = decoder.load(paths: paths, maxFileSize: maxFileSize) {
            if let standardInput { return .success(SourceBuffer(copying: standardInput())) }
            return ManifestFiles.read(.standardInput, maxSize: maxFileSize)
        }
        return LoadResult(output)
    }

    /// Loads manifests held in memory (the bundled demo cluster, tests); `name` stands for the path in messages.
    public func load(name: String, contents: String) -> LoadResult {
        load(name: name, source: SourceBuffer(copying: contents.utf8))
    }

    public func load(name: String, bytes: [UInt8]) -> LoadResult {
        load(name: name, source: SourceBuffer(copying: bytes))
    }

    private func load(name: String, source: SourceBuffer) -> LoadResult {
        var output = ManifestDecoder<KubeObject>.Output()
        decoder.decodeStream(source, path: name, into: &output)
        return LoadResult(output)
    }

    private var decoder: ManifestDecoder<KubeObject> {
        ManifestDecoder(decode: { json, context in try KubeObject.decode(json, context: context) }, limits: limits)
    }
}

extension LoadResult {
    fileprivate init(_ output: ManifestDecoder<KubeObject>.Output) {
        self.init(objects: output.objects.map { LoadedObject(object: $0.object, source: $0.source) },
                  diagnostics: output.diagnostics)
    }
}
