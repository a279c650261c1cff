/// The non-ASCII characters frames use, with an ASCII set for terminals whose locale is not UTF-8.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var ellipsis: Character
    /// Endpoint states: ready, serving but terminating, not ready.
    public var ready: Character
    public var servingTerminating: Character
    public var notReady: Character
    public var arrow: String
    public var times: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", ready: "●", servingTerminating: "◐", notReady: "○", arrow: "→", times: "×")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", ready: "*", servingTerminating: "~", notReady: "o", arrow: "->", times: "x")
}
