/// The text of a one-line prompt and its cursor (in characters).
public struct LineEditor: Sendable, Hashable {
    public var text: String
    public var cursor: Int
    /// Which completion candidate is suggested (↑/↓ step through them, as in k9s); any edit starts again at the best.
    public var choice = 0

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    mutating func insert(_ c: Character) {
        choice = 0
        let i = text.index(text.startIndex, offsetBy: cursor)
        text.insert(c, at: i)
        cursor += 1
    }

    mutating func backspace() {
        guard cursor > 0 else { return }
        choice = 0
        let i = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: i)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < text.count else { return }
        choice = 0
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    mutating func deleteWordBackward() {
        while cursor > 0, text[text.index(text.startIndex, offsetBy: cursor - 1)] == " " { backspace() }
        while cursor > 0, text[text.index(text.startIndex, offsetBy: cursor - 1)] != " " { backspace() }
    }

    mutating func set(_ s: String) {
        choice = 0
        text = s
        cursor = s.count
    }

    mutating func move(by n: Int) { cursor = min(text.count, max(0, cursor + n)) }
    mutating func home() { cursor = 0 }
    mutating func end() { cursor = text.count }
}
