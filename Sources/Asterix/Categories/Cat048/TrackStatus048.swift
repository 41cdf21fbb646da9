/// I048/170: track status of the radar's own tracker, one or two octets kept as sent.
public struct TrackStatus048: Hashable, Sendable {
    public var octets: UInt16
    public var count: Int

    init(_ b: UnsafeRawBufferPointer) {
        count = min(b.count, 2)
        octets = UInt16(b[0]) << 8 | (count > 1 ? UInt16(b[1]) : 0)
    }

    /// CNF: tentative track.
    public var tentative: Bool { octets & 0x8000 != 0 }
    /// DOU: low confidence in plot-to-track association.
    public var doubtful: Bool { octets & 0x1000 != 0 }
    /// CDM: climbing (1), descending (2), maintaining (0), unknown (3).
    public var climbDescent: Int { Int(octets >> 9 & 3) }
    /// TRE: last report of the track.
    public var ended: Bool { count > 1 && octets & 0x0080 != 0 }
    /// GHO: ghost track.
    public var ghost: Bool { count > 1 && octets & 0x0040 != 0 }

    func write(into w: inout DataBlockWriter) {
        w.u8(UInt8(octets >> 8))
        if count > 1 { w.u8(UInt8(octets & 0xFF)) }
    }
}
