/// A surveillance sensor as ASTERIX names it: System Area Code and System Identification Code.
public struct SensorID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var sac: UInt8
    public var sic: UInt8

    public init(sac: UInt8, sic: UInt8) {
        self.sac = sac
        self.sic = sic
    }

    public static func < (a: SensorID, b: SensorID) -> Bool {
        (a.sac, a.sic) < (b.sac, b.sic)
    }

    public var description: String { "\(sac)/\(sic)" }
}
