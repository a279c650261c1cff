import Foundation

/// Finding a theme by name or path, as `--theme NAME|FILE` does.
public enum Themes {
    /// The skins shipped in themes/.
    public static var bundledNames: [String] { BundledThemes.files.map(\.name) }

    /// The default theme (themes/default.yaml).
    public static let standard: Theme = (try? named("default")) ?? Theme.monochrome

    /// A bundled skin by name.
    public static func named(_ name: String) throws(SkinLoader.SkinError) -> Theme {
        guard let file = BundledThemes.files.first(where: { $0.name == name }) else {
            throw SkinLoader.SkinError("unknown theme \"\(name)\" (bundled: \(bundledNames.joined(separator: ", ")))")
        }
        return try SkinLoader.parse(file.contents, name: name)
    }

    /// `--theme` resolution: a bundled name; else a file path; else a k9s skin of that name in
    /// `$XDG_CONFIG_HOME/k9s/skins` or `~/.config/k9s/skins` (so a k9s user's skins work by name).
    public static func load(_ nameOrPath: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(SkinLoader.SkinError) -> Theme {
        if bundledNames.contains(nameOrPath) { return try named(nameOrPath) }
        var candidates = [nameOrPath]
        if !nameOrPath.contains("/") {
            let file = nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") ? nameOrPath : nameOrPath + ".yaml"
            if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { candidates.append("\(xdg)/k9s/skins/\(file)") }
            if let home = environment["HOME"], !home.isEmpty { candidates.append("\(home)/.config/k9s/skins/\(file)") }
        }
        for path in candidates {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SkinLoader.SkinError("\(path): cannot read the file")
            }
            guard data.count <= 1 << 20 else { throw SkinLoader.SkinError("\(path): too large for a skin") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw SkinLoader.SkinError("\(path): not UTF-8 text")
            }
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return try SkinLoader.parse(text, name: name)
        }
        throw SkinLoader.SkinError(
            "no theme \"\(nameOrPath)\": not a bundled theme (\(bundledNames.joined(separator: ", "))) nor a readable file")
    }

    /// Whether colour is wanted at all: `NO_COLOR` (any non-empty value) turns it off.
    public static func colorDisabled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let v = environment["NO_COLOR"], !v.isEmpty { return true }
        return false
    }
}
