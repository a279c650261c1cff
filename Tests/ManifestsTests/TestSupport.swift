import Foundation
import KubeModel
@testable import Manifests

/// Shared fixtures live next to the repository: `<repo>/../shared/fixtures`.
enum Fixtures {
    static let root: URL = {
        // <repo>/Tests/ManifestsTests/TestSupport.swift, through any symlinks to the working tree.
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    }()

    static func directory(_ name: String) -> URL? {
        let url = root.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return url
    }

    /// Every regular file under `url`, recursively, sorted.
    static func files(under url: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        var result: [URL] = []
        while let file = enumerator?.nextObject() as? URL {
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { result.append(file) }
        }
        return result.sorted { $0.path < $1.path }
    }
}

/// A private scratch directory per test, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("manifests-tests")
        url = base.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file.path
    }

    func mkdir(_ name: String) -> String {
        let dir = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }
}

/// Parses one document and converts it, for tests of the YAML layers.
func yamlJSON(_ text: String) throws -> JSONValue {
    let documents = try YAMLParser.parseAll(text)
    precondition(documents.count == 1, "expected one document, got \(documents.count)")
    return try documents[0].root.json()
}

/// The error a YAML text produces, parsing or converting, as `LINE:COLUMN: MESSAGE`.
func yamlError(_ text: String) -> String? {
    do {
        for document in try YAMLParser.parseAll(text) { _ = try document.root.json() }
        return nil
    } catch {
        return error.description
    }
}

func yamlError(bytes: [UInt8]) -> String? {
    let parser = YAMLParser(bytes: bytes)
    do {
        while let document = try parser.nextDocument() { _ = try document.root.json() }
        return nil
    } catch {
        return error.description
    }
}
