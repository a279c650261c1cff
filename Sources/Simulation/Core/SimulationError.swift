/// An action or input the simulation refuses, worded for the person who typed it.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidDuration(String)
    case invalidAction(String)
    case notFound(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .invalidDuration(let text):
            return "invalid duration \"\(text)\": use a number with a unit, e.g. 500ms, 30s, 2m, 1h"
        case .invalidAction(let message), .notFound(let message), .unsupported(let message):
            return message
        }
    }
}
