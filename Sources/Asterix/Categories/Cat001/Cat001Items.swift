extension Cat001Record {
    /// I001/020 Target Report Descriptor: one or two octets, kept as sent.
    public struct TargetReportDescriptor: Sendable, Hashable {
        /// TYP SIM SSRPSR(2) ANT SPI RAB FX.
        public var octet1: UInt8
        /// TST DS1DS2(2) ME MI, 2 spare bits, FX; nil when not sent.
        public var octet2: UInt8?

        /// The FX bits are set to match whether `octet2` is present (and written so again).
        public init(octet1: UInt8, octet2: UInt8? = nil) {
            self.octet1 = octet2 == nil ? octet1 & 0xFE : octet1 | 1
            self.octet2 = octet2.map { $0 & 0xFE }
        }

        /// TYP: a track (false: a plot). Chooses the UAP.
        public var isTrack: Bool { octet1 & 0x80 != 0 }
        /// SIM: simulated.
        public var simulated: Bool { octet1 & 0x40 != 0 }
        /// SSRPSR: detection in the last scan, 0 none, 1 sole primary, 2 sole secondary, 3 combined.
        public var detection: UInt8 { (octet1 >> 4) & 3 }
        /// ANT: from antenna 2.
        public var antenna2: Bool { octet1 & 0x08 != 0 }
        /// SPI: special position identification.
        public var spi: Bool { octet1 & 0x04 != 0 }
        /// RAB: from a fixed field monitor.
        public var fieldMonitor: Bool { octet1 & 0x02 != 0 }
        /// TST: test target.
        public var test: Bool? { octet2.map { $0 & 0x80 != 0 } }
        /// DS1DS2: 0 default, 1 unlawful interference (7500), 2 radio failure (7600), 3 emergency (7700).
        public var emergency: UInt8? { octet2.map { ($0 >> 5) & 3 } }
        /// ME: military emergency.
        public var militaryEmergency: Bool? { octet2.map { $0 & 0x10 != 0 } }
        /// MI: military identification.
        public var militaryIdentification: Bool? { octet2.map { $0 & 0x08 != 0 } }

        func write(into w: inout DataBlockWriter) {
            if let octet2 {
                w.u8(octet1 | 1)
                w.u8(octet2 & 0xFE)
            } else {
                w.u8(octet1 & 0xFE)
            }
        }
    }

    /// I001/040 measured position in polar co-ordinates: rho in 1/128 NM (the default f = 0
    /// quantisation; I048/040 uses 1/256 NM), theta in 360/2¹⁶ °.
    public struct PolarPosition: Sendable, Hashable {
        public var rhoRaw: UInt16
        public var thetaRaw: UInt16

        public init(rhoRaw: UInt16, thetaRaw: UInt16) {
            self.rhoRaw = rhoRaw
            self.thetaRaw = thetaRaw
        }

        /// NM.
        public var rho: Double { Double(rhoRaw) / 128 }
        /// Degrees clockwise from north.
        public var theta: Double { Double(thetaRaw) * (360.0 / 65536.0) }
    }

    /// I001/042 calculated position in cartesian co-ordinates, 1/64 NM (default f = 0).
    public struct CartesianPosition: Sendable, Hashable {
        public var xRaw: Int16
        public var yRaw: Int16

        public init(xRaw: Int16, yRaw: Int16) {
            self.xRaw = xRaw
            self.yRaw = yRaw
        }

        /// NM, east positive.
        public var x: Double { Double(xRaw) / 64 }
        /// NM, north positive.
        public var y: Double { Double(yRaw) / 64 }
    }
}
