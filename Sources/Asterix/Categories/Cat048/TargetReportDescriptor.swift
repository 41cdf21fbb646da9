/// I048/020: what kind of detection a plot is, and its flags. Up to three octets kept as sent.
public struct TargetReportDescriptor: Hashable, Sendable {
    /// The octets, first in the top byte; `count` says how many were sent.
    public var octets: UInt32
    public var count: Int

    /// TYP, which is the same code as the surveillance vocabulary's.
    public typealias Detection = Plot.Detection

    public init(_ b: UnsafeRawBufferPointer) {
        var v: UInt32 = 0
        for i in 0..<min(b.count, 4) { v |= UInt32(b[i]) << (24 - 8 * i) }
        octets = v
        count = min(b.count, 4)
    }

    public init(detection: Detection, simulated: Bool = false, spi: Bool = false, test: Bool = false) {
        var first = UInt32(detection.rawValue) << 5
        if simulated { first |= 0x10 }
        if spi { first |= 0x04 }
        if test {
            octets = (first | 1) << 24 | 0x80 << 16
            count = 2
        } else {
            octets = first << 24
            count = 1
        }
    }

    /// TYP
    public var detection: Detection { Detection(rawValue: UInt8(octets >> 29))! }
    public var simulated: Bool { octets & 0x1000_0000 != 0 }
    /// Special position identification (the pilot pressed IDENT).
    public var spi: Bool { octets & 0x0400_0000 != 0 }
    /// From a fixed field monitor rather than an aircraft.
    public var fieldMonitor: Bool { octets & 0x0200_0000 != 0 }
    public var test: Bool { count > 1 && octets & 0x0080_0000 != 0 }

    func write(into w: inout DataBlockWriter) {
        for i in 0..<count { w.u8(UInt8((octets >> (24 - 8 * UInt32(i))) & 0xFF)) }
    }
}
