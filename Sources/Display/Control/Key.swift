/// A key an operator pressed, as the display understands it.
public enum Key: Sendable, Equatable {
    case character(Character)
    case up, down, left, right
    case tab, backTab
    case enter, escape, backspace
    /// Ctrl-L: repaint the whole screen.
    case redraw
}

/// Turns the bytes read from the terminal into keys: printable ASCII, Tab, Enter, Ctrl-L, and the
/// escape sequences of the arrow keys (`ESC [ A`, `ESC O A`) and Shift-Tab (`ESC [ Z`). A sequence
/// split across reads is completed by the next read; a lone ESC stays pending until `flush()`
/// (called when no more bytes came in time). Other sequences and non-ASCII bytes are skipped.
public struct KeyDecoder: Sendable {
    private enum State: Sendable, Equatable {
        case ground
        /// After ESC.
        case escape
        /// Inside `ESC [` or `ESC O`, until the final byte. Nothing is stored, so a sequence of
        /// any length costs nothing.
        case sequence(introducer: UInt8)
    }
    private var state = State.ground

    public init() {}

    public var hasPending: Bool { state != .ground }

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        var keys: [Key] = []
        for b in bytes {
            switch state {
            case .ground:
                if b == 0x1B { state = .escape } else if let k = Self.single(b) { keys.append(k) }
            case .escape:
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "O") {
                    state = .sequence(introducer: b)
                } else {
                    // ESC then a plain key (Alt+key, or Escape typed before a key): both count.
                    keys.append(.escape)
                    state = .ground
                    if b == 0x1B { state = .escape } else if let k = Self.single(b) { keys.append(k) }
                }
            case .sequence(let introducer):
                if (0x40...0x7E).contains(b) {
                    if let k = Self.sequence(introducer: introducer, final: b) { keys.append(k) }
                    state = .ground
                } else if !(0x20...0x3F).contains(b) {
                    state = .ground // not a sequence after all: drop it
                }
            }
        }
        return keys
    }

    /// No more bytes came: a lone ESC was the Escape key; a cut-off sequence is dropped.
    public mutating func flush() -> [Key] {
        defer { state = .ground }
        return state == .escape ? [.escape] : []
    }

    private static func single(_ b: UInt8) -> Key? {
        switch b {
        case 0x09: .tab
        case 0x0A, 0x0D: .enter
        case 0x0C: .redraw
        case 0x08, 0x7F: .backspace
        case 0x20...0x7E: .character(Character(Unicode.Scalar(b)))
        default: nil
        }
    }

    private static func sequence(introducer: UInt8, final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "Z") where introducer == UInt8(ascii: "["): .backTab
        default: nil
        }
    }
}
