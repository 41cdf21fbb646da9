/// I048/020: what kind of detection a plot is, and its flags. The octets are kept as sent (1.32
/// defines up to five; eight fit).
public struct TargetReportDescriptor: Hashable, Sendable {
    /// The octets, first in the top byte; `count` says how many were sent.
    public var octets: UInt64
    public var count: Int

    /// TYP, which is the same code as the surveillance vocabulary's.
    public typealias Detection = Plot.Detection

    public init(_ b: UnsafeRawBufferPointer) {
        var v: UInt64 = 0
        count = min(b.count, 8)
        for i in 0..<count { v |= UInt64(b[i]) << (56 - 8 * UInt64(i)) }
        octets = v
    }

    public init(detection: Detection, simulated: Bool = false, spi: Bool = false, test: Bool = false) {
        var first = UInt64(detection.rawValue) << 5
        if simulated { first |= 0x10 }
        if spi { first |= 0x04 }
        if test {
            octets = (first | 1) << 56 | 0x80 << 48
            count = 2
        } else {
            octets = first << 56
            count = 1
        }
    }

    /// TYP
    public var detection: Detection { Detection(rawValue: UInt8(octets >> 61))! }
    private var first: UInt8 { UInt8(octets >> 56) }
    public var simulated: Bool { first & 0x10 != 0 }
    /// Special position identification (the pilot pressed IDENT).
    public var spi: Bool { first & 0x04 != 0 }
    /// From a fixed field monitor rather than an aircraft.
    public var fieldMonitor: Bool { first & 0x02 != 0 }
    public var test: Bool { count > 1 && (octets >> 48) & 0x80 != 0 }

    func write(into w: inout DataBlockWriter) {
        for i in 0..<count { w.u8(UInt8((octets >> (56 - 8 * UInt64(i))) & 0xFF)) }
    }
}
