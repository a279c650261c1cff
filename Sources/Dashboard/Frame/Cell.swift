/// One character cell of a frame. A character wider than one column occupies its cell and the next, which holds
/// `Cell.continuation`.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var role: StyleRole

    public init(_ character: Character = " ", role: StyleRole = .body) {
        self.character = character
        self.role = role
    }

    /// The character stored in the right half of a double-width character; backends skip it.
    public static let continuationCharacter: Character = "\u{0}"
    public var isContinuation: Bool { character == Self.continuationCharacter }
}
