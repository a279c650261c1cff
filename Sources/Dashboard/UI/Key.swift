import Simulation

/// A key press, independent of the terminal library.
public enum Key: Sendable, Hashable {
    case char(Character)
    /// ctrl plus a letter (`.ctrl("k")`).
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    /// The terminal changed size.
    case resize
    /// Mouse: a click on a screen row, or the wheel.
    case click(x: Int, y: Int)
    case wheelUp, wheelDown
}

/// What a key asks of the world outside the UI state.
public enum Effect: Sendable, Hashable {
    case perform(Action)
    case setPaused(Bool)
    case setSpeed(Double)
    case quit
    /// Replay only: move the position; branch into a live simulation there.
    case seek(SeekTarget)
    case branch
    /// Pause or resume the session's recording (`--record`).
    case toggleRecording
    /// Send one request to the URL through the cluster as it is now; the result comes back with the next snapshot.
    case trace(String)
}

