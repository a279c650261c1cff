/// How one role looks.
public struct TextStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }
}

/// A style for every role: what a k9s skin becomes (see `SkinLoader`).
public struct Theme: Sendable, Hashable {
    public var name: String
    var styles: [StyleRole: TextStyle]

    public init(name: String, styles: [StyleRole: TextStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> TextStyle { styles[role] ?? TextStyle() }

    /// Attributes only, no colour: what `NO_COLOR`, monochrome terminals and `--color` without a palette get.
    /// Every role stays distinguishable where it matters (the cursor is reversed, headings are bold).
    public static let monochrome: Theme = {
        var s: [StyleRole: TextStyle] = [:]
        for role in StyleRole.allCases { s[role] = TextStyle() }
        s[.logo] = TextStyle(bold: true)
        s[.headerLabel] = TextStyle(dim: true)
        s[.headerValue] = TextStyle(bold: true)
        s[.paused] = TextStyle(bold: true, reverse: true)
        s[.recording] = TextStyle(bold: true, reverse: true)
        s[.crumb] = TextStyle(reverse: true)
        s[.crumbActive] = TextStyle(bold: true, reverse: true)
        s[.title] = TextStyle(bold: true)
        s[.titleCounter] = TextStyle(bold: true)
        s[.titleFilter] = TextStyle(underline: true)
        s[.tableHeader] = TextStyle(bold: true)
        s[.rowPending] = TextStyle(dim: false, underline: false)
        s[.rowError] = TextStyle(bold: true)
        s[.rowTerminating] = TextStyle(dim: true)
        s[.rowCompleted] = TextStyle(dim: true)
        s[.rowAdded] = TextStyle(bold: true)
        s[.rowChanged] = TextStyle(bold: true)
        s[.rowTraced] = TextStyle(bold: true, underline: true)
        s[.cursor] = TextStyle(reverse: true)
        s[.menuKey] = TextStyle(bold: true)
        s[.flashError] = TextStyle(bold: true)
        s[.promptSuggest] = TextStyle(dim: true)
        s[.dialog] = TextStyle(reverse: true)
        s[.dialogButton] = TextStyle(bold: true)
        s[.helpSection] = TextStyle(bold: true, underline: true)
        s[.helpKey] = TextStyle(bold: true)
        return Theme(name: "monochrome", styles: s)
    }()

    /// The same theme without colours (for `NO_COLOR` or a terminal without colours): attributes kept, and the
    /// monochrome theme's attributes added where colour alone told roles apart.
    public func withoutColor() -> Theme {
        var s: [StyleRole: TextStyle] = [:]
        for role in StyleRole.allCases {
            let mono = Theme.monochrome.style(role)
            let own = style(role)
            s[role] = TextStyle(bold: own.bold || mono.bold, dim: own.dim || mono.dim,
                                underline: own.underline || mono.underline, reverse: own.reverse || mono.reverse)
        }
        return Theme(name: name, styles: s)
    }
}
