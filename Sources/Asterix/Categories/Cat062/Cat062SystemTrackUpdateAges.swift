extension Cat062Record {
    /// I062/290 system track update ages: a compound of ten subfields, each the age of the last
    /// update of one kind, LSB 1/4 s (ADS-C on 16 bits, the others on 8; the largest value means
    /// "that or more"). A subfield is absent when that kind of data never updated the track.
    ///
    /// Ages are counted back from the time of track (I062/070), except the track age, which is
    /// counted from the track's creation.
    public struct SystemTrackUpdateAges: Sendable, Equatable {
        public static let lsbSeconds = 0.25

        /// TRK (subfield 1): track age.
        public var trk: UInt8?
        /// PSR (2): age of the last primary detection used.
        public var psr: UInt8?
        /// SSR (3): age of the last secondary detection used.
        public var ssr: UInt8?
        /// MDS (4): age of the last Mode S detection used.
        public var mds: UInt8?
        /// ADS (5): age of the last ADS-C report used (16 bits).
        public var ads: UInt16?
        /// ES (6): age of the last 1090 ES ADS-B report used.
        public var es: UInt8?
        /// VDL (7): age of the last VDL Mode 4 ADS-B report used.
        public var vdl: UInt8?
        /// UAT (8): age of the last UAT ADS-B report used.
        public var uat: UInt8?
        /// LOP (9): age of the last magnetic loop detection.
        public var lop: UInt8?
        /// MLT (10): age of the last multilateration detection.
        public var mlt: UInt8?

        /// Set only when a received FSPEC was longer than needed, so it re-encodes as received.
        var fspecOctetsHint: UInt8 = 0

        public static let subfieldCount = 10

        public init() {}

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            var r = try Cat062CompoundReader(b, subfields: Self.subfieldCount)
            if r.has(1) { trk = try r.take(1)[0] }
            if r.has(2) { psr = try r.take(1)[0] }
            if r.has(3) { ssr = try r.take(1)[0] }
            if r.has(4) { mds = try r.take(1)[0] }
            if r.has(5) { ads = try r.take(2).u16(0) }
            if r.has(6) { es = try r.take(1)[0] }
            if r.has(7) { vdl = try r.take(1)[0] }
            if r.has(8) { uat = try r.take(1)[0] }
            if r.has(9) { lop = try r.take(1)[0] }
            if r.has(10) { mlt = try r.take(1)[0] }
            try r.finish()
            fspecOctetsHint = r.extraFSPECHint
        }

        private static func seconds(_ v: UInt8?) -> Double? { v.map { Double($0) * lsbSeconds } }

        public var trackAgeSeconds: Double? { Self.seconds(trk) }
        public var psrAgeSeconds: Double? { Self.seconds(psr) }
        public var ssrAgeSeconds: Double? { Self.seconds(ssr) }
        public var modeSAgeSeconds: Double? { Self.seconds(mds) }
        public var adsCAgeSeconds: Double? { ads.map { Double($0) * Self.lsbSeconds } }
        public var extendedSquitterAgeSeconds: Double? { Self.seconds(es) }
        public var vdlAgeSeconds: Double? { Self.seconds(vdl) }
        public var uatAgeSeconds: Double? { Self.seconds(uat) }
        public var loopAgeSeconds: Double? { Self.seconds(lop) }
        public var multilaterationAgeSeconds: Double? { Self.seconds(mlt) }

        /// Seconds to the raw 8-bit value: nearest quarter second, saturating at 63.75 s.
        public static func raw8(seconds: Double) -> UInt8 {
            UInt8(quantizeUnsigned(seconds, lsb: lsbSeconds, bits: 8))
        }

        /// Bit `i` set: subfield `i + 1` is present.
        public var presence: UInt64 {
            var p: UInt64 = 0
            if trk != nil { p |= 1 << 0 }
            if psr != nil { p |= 1 << 1 }
            if ssr != nil { p |= 1 << 2 }
            if mds != nil { p |= 1 << 3 }
            if ads != nil { p |= 1 << 4 }
            if es != nil { p |= 1 << 5 }
            if vdl != nil { p |= 1 << 6 }
            if uat != nil { p |= 1 << 7 }
            if lop != nil { p |= 1 << 8 }
            if mlt != nil { p |= 1 << 9 }
            return p
        }

        public func write(into w: inout DataBlockWriter) {
            Cat062CompoundWriter.writeFSPEC(presence, atLeast: fspecOctetsHint, into: &w)
            if let trk { w.u8(trk) }
            if let psr { w.u8(psr) }
            if let ssr { w.u8(ssr) }
            if let mds { w.u8(mds) }
            if let ads { w.u16(ads) }
            if let es { w.u8(es) }
            if let vdl { w.u8(vdl) }
            if let uat { w.u8(uat) }
            if let lop { w.u8(lop) }
            if let mlt { w.u8(mlt) }
        }
    }
}
