import KubeModel
import Testing
@testable import Manifests

@Suite("Field paths back to line:column")
struct YAMLLocatorTests {
    static let text = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          <<: &defaults
            type: ClusterIP
          ports:
          - name: http
            port: 80
            targetPort: [8080]
        """

    func root() throws -> YAMLNode { try #require(try YAMLParser.parseAll(Self.text).first).root }

    @Test("a present field points at its value, or its key when asked")
    func present() throws {
        let root = try root()
        let path = FieldPath([.key("spec"), .key("ports"), .index(0), .key("targetPort")])
        #expect(root.position(of: path) == (11, 17))
        #expect(root.position(of: path, preferKey: true) == (11, 5))
        #expect(root.node(at: path)?.sequenceItems?.count == 1)
    }

    @Test("a missing field points at the deepest part that exists")
    func missing() throws {
        let root = try root()
        #expect(root.position(of: FieldPath([.key("metadata"), .key("namespace")])) == (3, 1))
        #expect(root.position(of: FieldPath([.key("spec"), .key("ports"), .index(0), .key("protocol")])) == (9, 5))
        #expect(root.position(of: FieldPath([.key("spec"), .key("ports"), .index(3)])) == (8, 3))
        #expect(root.position(of: FieldPath([.key("status")])) == (1, 1))
        #expect(root.node(at: FieldPath([.key("status")])) == nil)
    }

    @Test("fields that come from a merge key are found in their source")
    func merged() throws {
        let root = try root()
        #expect(root.position(of: FieldPath([.key("spec"), .key("type")])) == (7, 11))
    }
}
