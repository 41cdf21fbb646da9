extension Cat034Record {
    /// I034/050 System Configuration and Status: a compound of a common part and one part per
    /// sensor (PSR, SSR, Mode S). Each part is kept as its raw octet(s); the flags are computed.
    public struct SystemConfiguration: Sendable, Hashable {
        /// COM: NOGO RDPC RDPR OVLRDP OVLXMT MSC TSV, spare.
        public var common: UInt8?
        /// PSR: ANT CHAB(2) OVL MSC, 3 spare bits.
        public var psr: SensorStatus?
        /// SSR: ANT CHAB(2) OVL MSC, 3 spare bits.
        public var ssr: SensorStatus?
        /// MDS: ANT CHAB(2) OVLSUR MSC SCF DLF OVLSCF OVLDLF, 7 spare bits.
        public var modeS: ModeSStatus?

        public init(common: UInt8? = nil, psr: SensorStatus? = nil, ssr: SensorStatus? = nil, modeS: ModeSStatus? = nil) {
            self.common = common
            self.psr = psr
            self.ssr = ssr
            self.modeS = modeS
        }

        private func bit(_ mask: UInt8) -> Bool? { common.map { $0 & mask != 0 } }
        /// NOGO: operational use of the system is inhibited (an SDPS must discard its data).
        public var noGo: Bool? { bit(0x80) }
        /// RDPC: radar data processor chain 2 selected (false: chain 1).
        public var rdpChain2Selected: Bool? { bit(0x40) }
        /// RDPR: the selected RDP chain was reset: expect new track numbers.
        public var rdpReset: Bool? { bit(0x20) }
        /// OVLRDP: radar data processor overload.
        public var rdpOverload: Bool? { bit(0x10) }
        /// OVLXMT: transmission subsystem overload.
        public var transmissionOverload: Bool? { bit(0x08) }
        /// MSC: monitoring system disconnected.
        public var monitoringDisconnected: Bool? { bit(0x04) }
        /// TSV: time source invalid.
        public var timeSourceInvalid: Bool? { bit(0x02) }

        /// Subitem layout: FRN 1 COM, 2–3 spare, 4 PSR, 5 SSR, 6 MDS; one FSPEC octet.
        init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            var p = try Cat034Record.compoundFSPEC(b, allowed: 0x80 | 0x10 | 0x08 | 0x04)
            let fspec = b[0]
            if fspec & 0x80 != 0 { common = try Cat034Record.take(b, &p, 1).first }
            if fspec & 0x10 != 0 { psr = SensorStatus(raw: try Cat034Record.take(b, &p, 1).first) }
            if fspec & 0x08 != 0 { ssr = SensorStatus(raw: try Cat034Record.take(b, &p, 1).first) }
            if fspec & 0x04 != 0 {
                let (hi, lo) = try Cat034Record.take(b, &p, 2)
                modeS = ModeSStatus(raw: UInt16(hi) << 8 | UInt16(lo))
            }
            if p != b.count { throw .invalidDefinition }
        }

        func write(into w: inout DataBlockWriter) {
            var fspec: UInt8 = 0
            if common != nil { fspec |= 0x80 }
            if psr != nil { fspec |= 0x10 }
            if ssr != nil { fspec |= 0x08 }
            if modeS != nil { fspec |= 0x04 }
            w.u8(fspec)
            if let common { w.u8(common) }
            if let psr { w.u8(psr.raw) }
            if let ssr { w.u8(ssr.raw) }
            if let modeS { w.u16(modeS.raw) }
        }
    }

    /// The PSR or SSR part of I034/050.
    public struct SensorStatus: Sendable, Hashable {
        public var raw: UInt8
        public init(raw: UInt8) { self.raw = raw }
        /// ANT: antenna 2 selected (false: antenna 1).
        public var antenna2Selected: Bool { raw & 0x80 != 0 }
        /// CHAB: 0 no channel, 1 channel A only, 2 channel B only, 3 both (PSR: diversity; SSR: invalid).
        public var channels: UInt8 { (raw >> 5) & 3 }
        /// OVL: overload.
        public var overload: Bool { raw & 0x10 != 0 }
        /// MSC: monitoring system disconnected.
        public var monitoringDisconnected: Bool { raw & 0x08 != 0 }
    }

    /// The Mode S part of I034/050 (two octets).
    public struct ModeSStatus: Sendable, Hashable {
        public var raw: UInt16
        public init(raw: UInt16) { self.raw = raw }
        /// ANT: antenna 2 selected.
        public var antenna2Selected: Bool { raw & 0x8000 != 0 }
        /// CHAB: 0 no channel, 1 A only, 2 B only, 3 illegal.
        public var channels: UInt8 { UInt8((raw >> 13) & 3) }
        /// OVLSUR: surveillance overload.
        public var surveillanceOverload: Bool { raw & 0x1000 != 0 }
        /// MSC: monitoring system disconnected.
        public var monitoringDisconnected: Bool { raw & 0x0800 != 0 }
        /// SCF: channel B in use for the surveillance co-ordination function (false: A).
        public var scfChannelB: Bool { raw & 0x0400 != 0 }
        /// DLF: channel B in use for the data link function (false: A).
        public var dlfChannelB: Bool { raw & 0x0200 != 0 }
        /// OVLSCF: overload in the surveillance co-ordination function.
        public var scfOverload: Bool { raw & 0x0100 != 0 }
        /// OVLDLF: overload in the data link function.
        public var dlfOverload: Bool { raw & 0x0080 != 0 }
    }

    /// I034/060 System Processing Mode: the reduction steps in use during the last revolution.
    /// Parts kept as raw octets (FRN 1 COM, 4 PSR, 5 SSR, 6 MDS).
    public struct ProcessingMode: Sendable, Hashable {
        /// COM: spare, REDRDP(3), REDXMT(3), spare.
        public var common: UInt8?
        /// PSR: POL, REDRAD(3), STC(2), 2 spare bits.
        public var psr: UInt8?
        /// SSR: REDRAD(3), 5 spare bits.
        public var ssr: UInt8?
        /// MDS: REDRAD(3), CLU, 4 spare bits.
        public var modeS: UInt8?

        public init(common: UInt8? = nil, psr: UInt8? = nil, ssr: UInt8? = nil, modeS: UInt8? = nil) {
            self.common = common
            self.psr = psr
            self.ssr = ssr
            self.modeS = modeS
        }

        /// REDRDP: reduction step (0 none, 1–7) for an RDP overload.
        public var rdpReduction: UInt8? { common.map { ($0 >> 4) & 7 } }
        /// REDXMT: reduction step for a transmission subsystem overload.
        public var transmissionReduction: UInt8? { common.map { ($0 >> 1) & 7 } }
        /// POL: circular polarisation in use (false: linear).
        public var psrCircularPolarization: Bool? { psr.map { $0 & 0x80 != 0 } }
        /// PSR REDRAD: reduction step for a PSR overload.
        public var psrReduction: UInt8? { psr.map { ($0 >> 4) & 7 } }
        /// STC: STC map in use, 0–3 for maps 1–4.
        public var stcMap: UInt8? { psr.map { ($0 >> 2) & 3 } }
        /// SSR REDRAD.
        public var ssrReduction: UInt8? { ssr.map { ($0 >> 5) & 7 } }
        /// MDS REDRAD.
        public var modeSReduction: UInt8? { modeS.map { ($0 >> 5) & 7 } }
        /// CLU: the Mode S station is not autonomous (in a cluster).
        public var modeSNotAutonomous: Bool? { modeS.map { $0 & 0x10 != 0 } }

        init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            var p = try Cat034Record.compoundFSPEC(b, allowed: 0x80 | 0x10 | 0x08 | 0x04)
            let fspec = b[0]
            if fspec & 0x80 != 0 { common = try Cat034Record.take(b, &p, 1).first }
            if fspec & 0x10 != 0 { psr = try Cat034Record.take(b, &p, 1).first }
            if fspec & 0x08 != 0 { ssr = try Cat034Record.take(b, &p, 1).first }
            if fspec & 0x04 != 0 { modeS = try Cat034Record.take(b, &p, 1).first }
            if p != b.count { throw .invalidDefinition }
        }

        func write(into w: inout DataBlockWriter) {
            var fspec: UInt8 = 0
            if common != nil { fspec |= 0x80 }
            if psr != nil { fspec |= 0x10 }
            if ssr != nil { fspec |= 0x08 }
            if modeS != nil { fspec |= 0x04 }
            w.u8(fspec)
            for part in [common, psr, ssr, modeS] { if let part { w.u8(part) } }
        }
    }

    /// I034/070: one message counter of the last antenna revolution, 5-bit type and 11-bit count.
    public struct MessageCount: Sendable, Hashable {
        public var raw: UInt16
        public init(raw: UInt16) { self.raw = raw }
        /// `type` 0–31 (0 misses, 1 single PSR, 2 single SSR, 3 SSR+PSR, 4 all-call, 5 roll-call,
        /// 6 all-call+PSR, 7 roll-call+PSR, 8–16 filters, 17–20 per-sector counts); count < 2048.
        public init(type: UInt8, count: UInt16) {
            raw = UInt16(type & 0x1F) << 11 | (count & 0x7FF)
        }
        /// TYP.
        public var type: UInt8 { UInt8(raw >> 11) }
        /// COUNT.
        public var count: UInt16 { raw & 0x7FF }
    }

    /// The compound FSPEC of I034/050 and /060 (one octet, FX clear); returns where parts start.
    static func compoundFSPEC(_ b: UnsafeRawBufferPointer, allowed: UInt8) throws(SizeFailure) -> Int {
        guard let fspec = b.first else { throw .truncated }
        if fspec & 1 != 0 { throw .compoundFSPECTooLong }
        let stray = fspec & ~allowed & 0xFE
        if stray != 0 { throw .undefinedSubitem(stray.leadingZeroBitCount + 1) }
        return 1
    }

    /// The next `n` (1 or 2) bytes of a compound part, bounds-checked.
    static func take(_ b: UnsafeRawBufferPointer, _ p: inout Int, _ n: Int) throws(SizeFailure) -> (first: UInt8, second: UInt8) {
        guard p + n <= b.count else { throw .truncated }
        defer { p += n }
        return (b[p], n > 1 ? b[p + 1] : 0)
    }
}
