import Foundation
import KubeModel
import Testing
@testable import Manifests

/// Real files nobody on this project wrote: they must parse, anchors and all.
@Suite("Fixtures: YAML layer")
struct FixtureYAMLTests {
    static let skins: [URL] = Fixtures.directory("k9s-skins").map(Fixtures.files(under:)) ?? []

    @Test("the k9s skins fixture directory is present")
    func skinsPresent() throws {
        try #require(Fixtures.directory("k9s-skins") != nil,
                     "fixtures missing at \(Fixtures.root.path): skipping skin tests")
        #expect(Self.skins.count >= 40)
    }

    @Test("every k9s skin parses and converts, anchors and aliases expanded",
          .enabled(if: Fixtures.directory("k9s-skins") != nil, "fixtures directory missing"),
          arguments: skins)
    func skin(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let documents = try YAMLParser.parseAll(text)
        #expect(documents.count == 1)
        let json = try #require(try documents.first?.root.json())
        #expect(json["k9s"] != nil, "\(url.lastPathComponent) has no k9s: root key")
        // Aliases are expanded: no value in the tree is still an alias reference.
        if text.contains("*") { #expect(!"\(json)".contains("*")) }
    }
}
