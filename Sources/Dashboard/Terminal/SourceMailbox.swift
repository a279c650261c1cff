import Foundation

/// The hand-over between a cluster source's thread and the UI thread, behind one condition variable: commands go
/// in, the newest publication comes out (its messages and trace result handed over once), and stopping waits until
/// the source's thread has returned.
final class SourceMailbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var inbox: [SourceCommand] = []
    private var stopping = false
    private var finished = false
    private var published: SourceUpdate

    init(_ first: SourceUpdate) { published = first }

    /// From the UI thread.
    func send(_ command: SourceCommand) {
        condition.lock()
        inbox.append(command)
        condition.signal()
        condition.unlock()
    }

    /// From the UI thread: the newest publication; its messages and trace are handed over once.
    func take() -> SourceUpdate {
        condition.lock()
        defer {
            published.messages.removeAll()
            published.trace = nil
            condition.unlock()
        }
        return published
    }

    /// From the source's thread: the commands sent since the last call, after waiting up to `timeout` seconds for
    /// one; nil once a stop was asked for, and the thread must then return.
    func receive(waitingUpTo timeout: TimeInterval) -> [SourceCommand]? {
        condition.lock()
        defer { condition.unlock() }
        if inbox.isEmpty, !stopping { _ = condition.wait(until: Date(timeIntervalSinceNow: timeout)) }
        if stopping {
            finished = true
            condition.broadcast()
            return nil
        }
        defer { inbox.removeAll() }
        return inbox
    }

    /// From the source's thread: `next` gets the current publication and returns this round's (its own messages and
    /// trace only), or nil for no change. Messages not yet taken are kept, as is a trace result. Returns whether it
    /// published, so the caller wakes the UI.
    func publish(_ next: (SourceUpdate) -> SourceUpdate?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard var update = next(published) else { return false }
        update.messages = published.messages + update.messages
        update.trace = update.trace ?? published.trace
        update.generation = published.generation + 1
        published = update
        return true
    }

    /// Asks the source's thread to stop and waits until it has.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
