import Foundation
import KubeModel
import Manifests

/// Reads k9s skins (`k9s: body / frame / views / dialog / prompt / help / info`) into themes, so any k9s skin works
/// unchanged. Keys a skin leaves out take k9s's own defaults; unknown colour names mean the terminal's default
/// colour, as they do in k9s (tcell).
public enum SkinLoader {
    public struct SkinError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        init(_ message: String) { self.message = message }
    }

    /// Parses a skin's YAML text.
    public static func parse(_ text: String, name: String) throws(SkinError) -> Theme {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser.parseAll(text)
        } catch {
            throw SkinError("\(name): \(error.description)")
        }
        guard let document = documents.first(where: { $0.root["k9s"] != nil }) else {
            throw SkinError("\(name): not a k9s skin (no top-level `k9s:` key)")
        }
        let json: JSONValue
        do {
            json = try document.root.json()
        } catch {
            throw SkinError("\(name): \(error.description)")
        }
        guard let skin = json["k9s"], skin.objectValue != nil || skin.isNull else {
            throw SkinError("\(name): `k9s:` must be a mapping")
        }
        return theme(from: skin, name: name)
    }

    /// The colour a skin value names: `default` (or empty) for the terminal's own, `#rrggbb`/`#rgb`, or a name.
    /// nil when the value is not a colour at all.
    public static func color(_ text: String) -> ThemeColor? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if s.isEmpty || s == "default" || s == "reset" || s == "-" { return .terminalDefault }
        if s.hasPrefix("#") {
            var hex = String(s.dropFirst())
            if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
            guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
            return .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
        }
        if let n = ColorNames.basic[s] { return .palette(n) }
        if let v = ColorNames.rgb[s] { return .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)) }
        if s.hasPrefix("color"), let n = Int(s.dropFirst(5)), (0..<256).contains(n) { return .palette(n) }
        return nil
    }

    /// k9s's built-in skin: what any key a skin leaves out falls back to.
    static let k9sDefaults: JSONValue = [
        "body": ["fgColor": "cadetblue", "bgColor": "black", "logoColor": "orange"],
        "prompt": ["fgColor": "cadetblue", "bgColor": "black", "suggestColor": "dodgerblue"],
        "info": ["fgColor": "orange", "sectionColor": "white"],
        "dialog": ["fgColor": "cadetblue", "bgColor": "black", "buttonFgColor": "black", "buttonBgColor": "dodgerblue",
                   "buttonFocusFgColor": "white", "buttonFocusBgColor": "fuchsia", "labelFgColor": "fuchsia",
                   "fieldFgColor": "cadetblue"],
        "frame": [
            "border": ["fgColor": "dodgerblue", "focusColor": "lightskyblue"],
            "menu": ["fgColor": "white", "keyColor": "dodgerblue", "numKeyColor": "fuchsia"],
            "crumbs": ["fgColor": "black", "bgColor": "aqua", "activeColor": "orange"],
            "status": ["newColor": "lightskyblue", "modifyColor": "greenyellow", "addColor": "dodgerblue",
                       "pendingColor": "darkorange", "errorColor": "orangered", "highlightColor": "aqua",
                       "killColor": "mediumpurple", "completedColor": "lightslategray"],
            "title": ["fgColor": "aqua", "bgColor": "black", "highlightColor": "fuchsia", "counterColor": "papayawhip",
                      "filterColor": "seagreen"],
        ],
        "views": ["table": ["fgColor": "aqua", "bgColor": "black", "cursorFgColor": "black", "cursorBgColor": "aqua",
                            "header": ["fgColor": "white", "bgColor": "black", "sorterColor": "aqua"]]],
        "help": ["fgColor": "cadetblue", "bgColor": "black", "sectionColor": "green", "keyColor": "dodgerblue",
                 "numKeyColor": "fuchsia"],
    ]

    static func theme(from skin: JSONValue, name: String) -> Theme {
        func value(_ path: String) -> ThemeColor {
            let keys = path.split(separator: ".").map(String.init)
            func lookup(_ root: JSONValue) -> ThemeColor? {
                var node: JSONValue? = root
                for k in keys { node = node?[k] }
                guard let text = node?.stringValue else { return nil }
                return color(text) ?? .terminalDefault
            }
            return lookup(skin) ?? lookup(k9sDefaults) ?? .terminalDefault
        }
        func style(_ fg: String, _ bg: String, bold: Bool = false, dim: Bool = false) -> TextStyle {
            TextStyle(foreground: value(fg), background: value(bg), bold: bold, dim: dim)
        }
        let menuDim = skin["frame"]?["menu"]?["fgStyle"]?.stringValue == "dim"
        let tableBg = "views.table.bgColor"
        var s: [StyleRole: TextStyle] = [
            .body: style("body.fgColor", "body.bgColor"),
            .logo: style("body.logoColor", "body.bgColor", bold: true),
            .headerLabel: style("info.fgColor", "body.bgColor"),
            .headerValue: style("info.sectionColor", "body.bgColor", bold: true),
            .paused: style("body.bgColor", "frame.status.pendingColor", bold: true),
            .recording: style("body.bgColor", "frame.status.errorColor", bold: true),
            .crumb: style("frame.crumbs.fgColor", "frame.crumbs.bgColor"),
            .crumbActive: style("frame.crumbs.fgColor", "frame.crumbs.activeColor", bold: true),
            .border: style("frame.border.focusColor", tableBg),
            .title: style("frame.title.fgColor", tableBg, bold: true),
            .titleScope: style("frame.title.highlightColor", tableBg, bold: true),
            .titleCounter: style("frame.title.counterColor", tableBg, bold: true),
            .titleFilter: style("frame.title.filterColor", tableBg),
            .tableHeader: style("views.table.header.fgColor", "views.table.header.bgColor", bold: true),
            .rowNormal: style("frame.status.newColor", tableBg),
            .rowPending: style("frame.status.pendingColor", tableBg),
            .rowError: style("frame.status.errorColor", tableBg),
            .rowTerminating: style("frame.status.killColor", tableBg),
            .rowCompleted: style("frame.status.completedColor", tableBg),
            .rowAdded: style("frame.status.addColor", tableBg, bold: true),
            .rowChanged: style("frame.status.modifyColor", tableBg, bold: true),
            .rowTraced: style("frame.status.highlightColor", tableBg, bold: true),
            .cursor: style("views.table.cursorFgColor", "views.table.cursorBgColor"),
            .menuKey: style("frame.menu.keyColor", "body.bgColor", bold: true),
            .menuText: style("frame.menu.fgColor", "body.bgColor", dim: menuDim),
            .flashInfo: style("info.fgColor", "body.bgColor"),
            .flashError: style("frame.status.errorColor", "body.bgColor", bold: true),
            .prompt: style("prompt.fgColor", "prompt.bgColor"),
            .promptSuggest: style("prompt.suggestColor", "prompt.bgColor"),
            .dialog: style("dialog.fgColor", "dialog.bgColor"),
            .dialogButton: style("dialog.buttonFocusFgColor", "dialog.buttonFocusBgColor", bold: true),
            .helpSection: style("help.sectionColor", "help.bgColor", bold: true),
            .helpKey: style("help.keyColor", "help.bgColor", bold: true),
            .helpText: style("help.fgColor", "help.bgColor"),
        ]
        // A traced route stays recognisable even where the skin's highlight colour equals a row colour.
        s[.rowTraced]?.underline = true
        // Where a skin leaves a role without colour (the terminal's own for both, or the same for both), the
        // monochrome attributes keep it distinguishable: a reversed cursor, bold headings.
        for role in StyleRole.allCases {
            guard var st = s[role] else { continue }
            if st.foreground == st.background {
                let mono = Theme.monochrome.style(role)
                st.bold = st.bold || mono.bold
                st.dim = st.dim || mono.dim
                st.underline = st.underline || mono.underline
                st.reverse = st.reverse || mono.reverse
                if st.foreground != .terminalDefault { st.foreground = .terminalDefault; st.background = .terminalDefault }
                s[role] = st
            }
        }
        return Theme(name: name, styles: s)
    }
}
