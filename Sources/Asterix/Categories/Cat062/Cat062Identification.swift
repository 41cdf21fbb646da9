// I062/200 mode of movement and I062/245 target identification: two small fixed items.

extension Cat062Record {
    /// I062/200 calculated mode of movement, one octet kept whole (the spare bit included).
    public struct ModeOfMovement: Sendable, Equatable {
        /// TRANS: transversal acceleration.
        public enum Turn: UInt8, Sendable { case constantCourse = 0, rightTurn, leftTurn, undetermined }
        /// LONG: longitudinal acceleration.
        public enum Speed: UInt8, Sendable { case constant = 0, increasing, decreasing, undetermined }
        /// VERT: vertical rate.
        public enum Vertical: UInt8, Sendable { case level = 0, climb, descent, undetermined }

        public var raw: UInt8

        public init(raw: UInt8) { self.raw = raw }

        public init(turn: Turn, speed: Speed, vertical: Vertical, altitudeDiscrepancy: Bool = false) {
            raw = turn.rawValue << 6 | speed.rawValue << 4 | vertical.rawValue << 2 | (altitudeDiscrepancy ? 2 : 0)
        }

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            try TypedItemCheck.fixed(b, 1)
            raw = b[0]
        }

        // Every 2-bit value names a case, so these never fail.
        public var turn: Turn { Turn(rawValue: raw >> 6 & 3) ?? .undetermined }
        public var speed: Speed { Speed(rawValue: raw >> 4 & 3) ?? .undetermined }
        public var vertical: Vertical { Vertical(rawValue: raw >> 2 & 3) ?? .undetermined }
        /// ADF: the radar altitude differs from other sources' (such as ADS-B).
        public var altitudeDiscrepancy: Bool { raw & 2 != 0 }

        public func write(into w: inout DataBlockWriter) { w.u8(raw) }
    }

    /// I062/245 target identification: STI (2 bits), 6 spare bits, then 8 ICAO 6-bit
    /// characters. The specification says this item "SHALL not be used" (the callsign travels in
    /// 380/ID or 390/CS), but some systems send it.
    public struct TargetIdentification: Sendable, Equatable {
        /// STI: where the identification comes from.
        public enum Source: UInt8, Sendable {
            case downlinked = 0, callsignNotDownlinked, registrationNotDownlinked, invalid
        }

        /// The first octet whole: STI in the top 2 bits, then spare bits kept as received.
        public var header: UInt8
        public var callsign: Callsign

        public init(source: Source, callsign: Callsign) {
            header = source.rawValue << 6
            self.callsign = callsign
        }

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            try TypedItemCheck.fixed(b, 7)
            header = b[0]
            callsign = Callsign(b, at: 1)
        }

        public var source: Source { Source(rawValue: header >> 6) ?? .invalid }

        public func write(into w: inout DataBlockWriter) {
            w.u8(header)
            callsign.write(into: &w)
        }
    }
}
