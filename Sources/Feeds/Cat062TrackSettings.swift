import Asterix

/// How system tracks go out as ASTERIX CAT062: who we say we are, which edition, how big a
/// datagram may be. Every default works for the shipped demo.
public struct Cat062TrackSettings: Sendable, Equatable {
    /// I062/010: the SAC/SIC of this tracker (the SDPS), not of any radar.
    public var sensor = SensorID(sac: 0, sic: 100)
    /// I062/015 service identification: lets a consumer tell two feeds of one tracker apart.
    public var serviceID: UInt8 = 1
    /// The CAT062 edition written. The items written have the same layout in 1.16–1.21, so any
    /// reader of those editions reads them; the default is the latest one we have.
    public var edition: Edition = SpecLibrary.defaultEditions[62] ?? Edition(major: 1, minor: 21)
    /// The largest UDP payload, bytes. 1,400 stays under a 1,500-byte Ethernet MTU with IPv6 and
    /// tunnel headers, so no datagram is fragmented.
    public var maxDatagramBytes = 1_400
    /// Vertical rates within ±this (m/s) are reported as level flight in I062/200 (1.5 m/s is
    /// about 300 ft/min, the usual threshold for "level").
    public var levelRate = 1.5

    public init() {}
}
