/// A screenful of styled cells: what a view produces and a backend draws. A value, so two frames can be compared
/// (tests) or diffed (the ncurses backend draws only the cells that changed).
public struct Frame: Sendable, Equatable {
    public struct Position: Sendable, Hashable {
        public var x: Int
        public var y: Int
        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    public let cols: Int
    public let rows: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (in a prompt); nil hides it.
    public var cursor: Position?

    public init(cols: Int, rows: Int, role: StyleRole = .body) {
        self.cols = max(0, cols)
        self.rows = max(0, rows)
        cells = Array(repeating: Cell(" ", role: role), count: self.cols * self.rows)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * cols + x] }
        set {
            guard x >= 0, y >= 0, x < cols, y < rows else { return }
            cells[y * cols + x] = newValue
        }
    }

    /// Writes `text` at (x, y), clipped to `width` columns (default: to the right edge). Control characters are
    /// shown as `?` so hostile names cannot move the terminal cursor. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, width: Int? = nil) -> Int {
        guard y >= 0, y < rows, x < cols else { return 0 }
        let limit = min(cols, x + max(0, width ?? (cols - x)))
        var col = x
        for var c in text {
            if c.isASCII, let a = c.asciiValue, a < 0x20 || a == 0x7F { c = "?" }
            else if let s = c.unicodeScalars.first, (0x80..<0xA0).contains(s.value) { c = "?" }
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                clearWide(at: col, y: y)
                cells[y * cols + col] = Cell(c, role: role)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    cells[y * cols + col + 1] = Cell(Cell.continuationCharacter, role: role)
                }
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Fills `width` cells of row `y` from `x` with a character (a space by default).
    public mutating func fill(x: Int = 0, y: Int, width: Int? = nil, role: StyleRole, character: Character = " ") {
        guard y >= 0, y < rows else { return }
        let start = max(0, x)
        let end = min(cols, x + (width ?? cols))
        guard start < end else { return }
        for col in start..<end { cells[y * cols + col] = Cell(character, role: role) }
    }

    /// Gives cells a new role, keeping their characters (for highlighting a row).
    public mutating func restyle(x: Int = 0, y: Int, width: Int? = nil, role: StyleRole) {
        guard y >= 0, y < rows else { return }
        let start = max(0, x)
        let end = min(cols, x + (width ?? cols))
        guard start < end else { return }
        for col in start..<end { cells[y * cols + col].role = role }
    }

    /// Overwriting half of a double-width character blanks its other half.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < cols else { return }
        let i = y * cols + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1].character = " "
        } else if x + 1 < cols, cells[i + 1].isContinuation {
            cells[i + 1].character = " "
        }
    }

    /// The text of row `y`, continuation cells dropped.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<cols {
            let c = cells[y * cols + x]
            if !c.isContinuation { s.append(c.character) }
        }
        return s
    }
}
