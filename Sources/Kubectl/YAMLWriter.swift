import KubeModel

/// Prints JSON values as `kubectl -o yaml` does (sigs.k8s.io/yaml, i.e. go-yaml v2): keys sorted, two-space indent,
/// sequences in a mapping not indented (`containers:\n- name: web`), strings quoted only when needed (double quotes
/// for strings that would read as another type, such as `"80"`, `"true"`, `""` or timestamps; single quotes for
/// strings that start with an indicator or contain `: `/` #`), multi-line strings as `|`/`|-` blocks, `{}` and `[]`
/// for empty collections, long lines folded at spaces after column 80. Output ends with a newline.
public enum YAMLWriter {
    public static func write(_ value: JSONValue) -> String {
        var emitter = YAMLEmitter()
        emitter.emitDocument(value)
        return emitter.text
    }

    /// The `kind: List` wrapper kubectl prints for several objects (or for none, or for a listing).
    public static func list(_ items: [JSONValue]) -> String { write(ListWrapper.list(items)) }
}

/// The `v1/List` kubectl wraps listings in for `-o json` and `-o yaml`.
public enum ListWrapper {
    public static func list(_ items: [JSONValue]) -> JSONValue {
        [
            "apiVersion": "v1",
            "items": .array(items),
            "kind": "List",
            "metadata": ["resourceVersion": ""],
        ]
    }
}
