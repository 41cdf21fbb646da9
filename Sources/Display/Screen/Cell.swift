/// The eight ANSI colours a terminal is sure to have; `none` leaves the terminal's own.
public enum Colour: UInt8, Sendable, Equatable {
    case none, black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. Bold and inverse survive `NO_COLOR`, so a suspect stays marked without colour.
public struct Style: Sendable, Equatable {
    public var colour: Colour
    public var bold: Bool
    public var dim: Bool
    public var inverse: Bool

    public init(colour: Colour = .none, bold: Bool = false, dim: Bool = false, inverse: Bool = false) {
        self.colour = colour
        self.bold = bold
        self.dim = dim
        self.inverse = inverse
    }

    public static let plain = Style()
    /// A suspect track, an unacknowledged alert, a stale picture: red and inverse.
    public static let alarm = Style(colour: .red, bold: true, inverse: true)
}

/// One character cell of the terminal: a single-width character and its style.
public struct Cell: Sendable, Equatable {
    public var character: Unicode.Scalar
    public var style: Style

    public init(_ character: Unicode.Scalar = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()
}
