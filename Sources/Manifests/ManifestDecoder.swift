import KubeModel

/// Decodes one input (a file's bytes) document by document: YAML tree → JSON → `kind: List` expansion → object,
/// reporting every problem at the line and column of the node it concerns.
///
/// Generic over the object type so the stream handling is testable on its own; `ManifestLoader` instantiates it with
/// `KubeObject`. One document's tree lives at a time, so memory follows the largest document, not the file.
struct ManifestDecoder<Object> {
    typealias Decode = (JSONValue, DecodeContext) throws -> Object

    let decode: Decode
    var limits = YAMLParser.Limits()

    struct Output {
        var objects: [(object: Object, source: ManifestSource)] = []
        var diagnostics: [ManifestDiagnostic] = []
    }

    /// Loads `-f` style arguments in order; problems with one input never stop the others.
    func load(paths: [String], maxFileSize: Int, standardInput: () -> Result<SourceBuffer, ManifestFiles.Problem>)
        -> Output
    {
        var output = Output()
        for path in paths {
            switch ManifestFiles.expand(path) {
            case .failure(let problem):
                output.diagnostics.append(.init(.error, path: path, message: problem.message))
            case .success(let inputs):
                for input in inputs {
                    let name: String
                    let read: Result<SourceBuffer, ManifestFiles.Problem>
                    switch input {
                    case .file(let file):
                        name = file
                        read = ManifestFiles.read(input, maxSize: maxFileSize)
                    case .standardInput:
                        name = ManifestFiles.stdinName
                        read = standardInput()
                    }
                    switch read {
                    case .success(let source): decodeStream(source, path: name, into: &output)
                    case .failure(let problem):
                        output.diagnostics.append(.init(.error, path: name, message: problem.message))
                    }
                }
            }
        }
        return output
    }

    func decodeStream(_ source: SourceBuffer, path: String, into output: inout Output) {
        if source.looksBinary {
            let message = "not a YAML or JSON file (it contains binary data)"
            output.diagnostics.append(.init(.error, path: path, message: message))
            return
        }
        var stream = Stream(path: path, decode: decode, output: output)
        output = Output()  // the stream owns it meanwhile, so appends do not copy
        let parser = YAMLParser(source: source, limits: limits)
        while true {
            do {
                guard let document = try parser.nextDocument() else { break }
                stream.document(document.root)
            } catch {
                stream.error(error.message, line: error.line, column: error.column)
            }
        }
        if stream.objectCount == 0, stream.errorCount == 0 {
            stream.output.diagnostics.append(.init(.error, path: path, message: "no objects in file"))
        }
        output = stream.output
    }

    /// The state of one input being decoded.
    private struct Stream {
        let path: String
        let decode: Decode
        var output: Output
        var objectCount = 0
        var errorCount = 0

        init(path: String, decode: @escaping Decode, output: Output) {
            self.path = path
            self.decode = decode
            self.output = output
        }

        mutating func error(_ message: String, line: Int, column: Int) {
            errorCount += 1
            output.diagnostics.append(.init(.error, path: path, line: line, column: column, message: message))
        }

        mutating func document(_ root: YAMLNode) {
            // kubectl skips documents that are null (`~`, `null`), as well as empty ones.
            if case .scalar = root.content, case .some(.null) = try? root.json() { return }
            guard case .mapping = root.content else { return notAnObject(root) }
            let json: JSONValue
            do {
                json = try root.json()
            } catch {
                return self.error(error.message, line: error.line, column: error.column)
            }
            if let items = listItems(json, root) {
                for (node, item) in items { object(item, node) }
            } else {
                object(json, root)
            }
        }

        private mutating func notAnObject(_ node: YAMLNode) {
            error("expected a Kubernetes object (a mapping with apiVersion and kind), got \(node.kindDescription)",
                  line: node.line, column: node.column)
        }

        /// The items of a `kind: List` (or a typed list such as `ServiceList`), each with its node; nil when the
        /// document is not a list. Items of typed lists may omit apiVersion and kind (the API server omits them),
        /// which then come from the list, as kubectl's unstructured decoder does.
        private mutating func listItems(_ json: JSONValue, _ root: YAMLNode) -> [(YAMLNode, JSONValue)]? {
            guard case .string(let kind) = json["kind"], kind.hasSuffix("List"), let items = json["items"] else {
                return nil
            }
            if items.isNull { return [] }
            guard case .array(let values) = items, let nodes = root.node(at: FieldPath([.key("items")]))?.sequenceItems,
                  nodes.count == values.count
            else {
                let at = root.position(of: FieldPath([.key("items")]))
                error("items: expected a list, got \(items.typeName)", line: at.line, column: at.column)
                return []
            }
            let itemKind = kind == "List" ? nil : String(kind.dropLast(4))
            return zip(nodes, values).map { node, value in
                guard let itemKind, case .object(var fields) = value, fields["kind"] == nil,
                      fields["apiVersion"] == nil
                else { return (node, value) }
                fields["kind"] = .string(itemKind)
                fields["apiVersion"] = json["apiVersion"]
                return (node, .object(fields))
            }
        }

        private mutating func object(_ json: JSONValue, _ node: YAMLNode) {
            guard case .object = json else { return notAnObject(node) }
            let context = DecodeContext()
            let result = Result { try decode(json, context) }
            // Decoders warn in the order they read fields; print in the order of the text.
            let warnings = context.warnings.map { warning in
                let at = node.position(of: warning.path, preferKey: true)
                return ManifestDiagnostic(.warning, path: path, line: at.line, column: at.column,
                                          message: warning.message)
            }
            output.diagnostics += warnings.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
            switch result {
            case .success(let object):
                objectCount += 1
                output.objects.append((object, ManifestSource(path: path, line: node.line, column: node.column)))
            case .failure(let failure as FieldError):
                let at = node.position(of: failure.path)
                error(failure.description, line: at.line, column: at.column)
            case .failure(let failure):
                // Errors without a field path concern the object's type (an unknown apiVersion for its kind).
                let at = node.position(of: FieldPath([.key("apiVersion")]))
                error(String(describing: failure), line: at.line, column: at.column)
            }
        }
    }
}
