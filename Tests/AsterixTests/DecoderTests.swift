import Testing
@testable import Asterix

/// A CAT048 record written out by hand from the specification, each value worked out in the
/// comment beside it, so nothing here comes from our own encoder.
let handBuiltCat048: [UInt8] = [
    48, 0x00, 0x1E,              // CAT 48, LEN 30
    0xFD, 0xD0,                  // FSPEC: FRN 1–6 and FX; FRN 8, 9, 11
    0x32, 0x07,                  // 010 SAC 50 SIC 7
    0x07, 0x08, 0x40,            // 140 3600.5 s × 128 = 460864 = 0x070840
    0x40,                        // 020 TYP 2 (single SSR), no extension
    0x64, 0x00, 0x40, 0x00,      // 040 rho 100 NM × 256 = 0x6400; theta 90° × 2^16/360 = 0x4000
    0x0F, 0x40,                  // 070 Mode 3/A 7500: 111 101 000 000
    0x3F, 0xFC,                  // 090 FL −1: −4 quarter-FL in 14-bit two's complement
    0x0D, 0x12, 0x34,            // 220 address 0D1234
    0x04, 0xD6, 0x34, 0xC3, 0x18, 0x20,  // 240 "AMX401  ": 1 13 24 52 48 49 32 32 in 6 bits each
    0x04, 0xD2,                  // 161 track number 1234
]

@Suite struct DecoderTests {
    @Test func handBuiltRecordDecodesToTheSpecificationValues() throws {
        let out = decodeAll(handBuiltCat048)
        #expect(out.failures.isEmpty)
        let r = try #require(out.records.first)
        #expect(out.records.count == 1)
        // The generic, definition-driven decoder.
        #expect(r.value("I048/010")?["SAC"] == .integer(50))
        #expect(r.value("I048/140") == .number(3600.5))
        #expect(r.value("I048/020")?["TYP"] == .integer(2))
        #expect(r.value("I048/040")?["RHO"] == .number(100))
        #expect(r.value("I048/040")?["THETA"] == .number(90))
        #expect(r.value("I048/070")?["MODE3A"] == .string("7500"))
        #expect(r.value("I048/090")?["FL"] == .number(-1))
        #expect(r.value("I048/220") == .string("0D1234"))
        #expect(r.value("I048/240") == .string("AMX401"))
        #expect(r.value("I048/161")?["TRN"] == .integer(1234))
        // The typed decoder.
        let t = try #require(r.cat048)
        #expect(t.sensor == SensorID(sac: 50, sic: 7))
        #expect(t.timeOfDay?.seconds == 3600.5)
        #expect(t.descriptor?.detection == .ssr)
        #expect(t.polar?.rangeNM == 100)
        #expect(t.polar?.azimuthDegrees == 90)
        #expect(t.mode3A?.description == "7500")
        #expect(t.mode3A?.isEmergency == true)
        #expect(t.flightLevel?.flightLevel == -1)
        #expect(t.address?.description == "0D1234")
        #expect(t.callsign?.description == "AMX401")
        #expect(t.trackNumber == 1234)
        let plot = try #require(Plot(t))
        #expect(plot.range == 100 * 1852)
        #expect(plot.detection.hasSSR && !plot.detection.hasPSR)
    }

    @Test func typedRecordEncodesToTheSameBytes() throws {
        let t = try #require(decodeAll(handBuiltCat048).records.first?.cat048)
        var w = DataBlockWriter(category: 48)
        try t.encode(into: &w, spec: EditionTable.standard[48]!)
        #expect(w.finish() == handBuiltCat048)
    }

    /// Found by fuzzing: edition 1.32 lets I048/020 run to five octets, and all must survive.
    @Test func aFiveOctetTargetReportDescriptorReEncodesWhole() throws {
        let block: [UInt8] = [48, 0x00, 0x09, 0x20, 0x01, 0x01, 0x01, 0x01, 0x00]
        let t = try #require(decodeAll(block).records.first?.cat048)
        #expect(t.descriptor?.count == 5)
        var w = DataBlockWriter(category: 48)
        try t.encode(into: &w, spec: EditionTable.standard[48]!)
        #expect(w.finish() == block)
    }

    @Test func typedRecordFromPhysicalValuesRoundsToTheLSB() throws {
        var r = Cat048Record()
        r.polar = PolarPosition(rangeNM: 100.001, azimuthDegrees: -90)  // 100.001 × 256 = 25600.26
        r.flightLevel = FlightLevelCode(flightLevel: 330.1)  // 1320.4 quarters → 1320
        #expect(r.polar?.rho == 25600)
        #expect(r.polar?.theta == 49152)  // 270°
        #expect(r.flightLevel?.flightLevel == 330)
        // Out of range saturates, and a value that is no number is no trap.
        #expect(PolarPosition(rangeNM: 300, azimuthDegrees: 359.999).rho == 65535)
        #expect(PolarPosition(rangeNM: 300, azimuthDegrees: 359.999).theta == 0)
        #expect(PolarPosition(rangeNM: .nan, azimuthDegrees: .infinity) == PolarPosition(rho: 0, theta: 0))
        #expect(FlightLevelCode(flightLevel: 99_999).flightLevel == 2047.75)
        // I048/110: 25 ft steps, 14-bit two's complement: 1,012 ft → 1,000; −60 ft → −50; far
        // beyond its reach → the largest, 8191 × 25 ft.
        r.height3DFeet = 1012
        #expect(r.height3DFeet == 1000)
        r.height3DFeet = -60
        #expect(r.height3DFeet == -50)
        r.height3DFeet = 1e9
        #expect(r.height3DFeet == 204_775.0)
    }

    @Test func severalBlocksOfSeveralCategoriesInOneBuffer() {
        // A CAT034 north marker between two copies of the CAT048 record: FSPEC FRN 1–3 =
        // 010 (SAC 50 SIC 7), 000 (message type 1), 030 (3600.5 s).
        let cat034: [UInt8] = [34, 0x00, 0x0A, 0xE0, 0x32, 0x07, 0x01, 0x07, 0x08, 0x40]
        let out = decodeAll(handBuiltCat048 + cat034 + handBuiltCat048)
        #expect(out.failures.isEmpty)
        #expect(out.records.map(\.category) == [48, 34, 48])
        #expect(out.records[1].value("I034/000") == .integer(1))
        #expect(out.records[1].value("I034/030") == .number(3600.5))
    }
}

@Suite struct DefinitionTests {
    /// Every item of every edition we carry can be sized: none falls back to `.invalid`.
    @Test func everyItemOfEveryEditionHasASizeRule() {
        for (category, editions) in SpecLibrary.all {
            for (edition, spec) in editions {
                for (name, item) in spec.items {
                    if case .invalid = item.size { Issue.record("CAT\(category) \(edition) I\(name) cannot be sized") }
                }
            }
        }
        #expect(SpecLibrary.editions(of: 48).map(\.description) == ["1.27", "1.28", "1.29", "1.30", "1.31", "1.32"])
    }
}

@Suite struct BadInputTests {
    /// Decodes, expecting exactly one failure with this reason.
    func failure(_ bytes: [UInt8], editions: EditionTable = .standard) -> DecodeError? {
        let out = decodeAll(bytes, editions: editions)
        #expect(out.failures.count == 1, "failures: \(out.failures)")
        return out.failures.first
    }

    @Test func blockLengthSmallerThanItsHeader() {
        #expect(failure([48, 0, 2, 0xFF])?.reason == .blockLengthTooSmall(2))
    }

    @Test func blockLengthPastTheEnd() {
        var bytes = handBuiltCat048
        bytes[2] = 40
        #expect(failure(bytes)?.reason == .blockLengthOverrun(length: 40, available: 30))
    }

    @Test func truncatedHeader() {
        #expect(failure(handBuiltCat048 + [48, 0])?.reason == .truncatedHeader(available: 2))
    }

    @Test func fspecWithEndlessExtensionBits() {
        // CAT048's UAP has 28 FRNs: at most 4 FSPEC bytes.
        let e = failure([48, 0, 13] + Array(repeating: 0xFF, count: 10))
        #expect(e?.reason == .fspecTooLong)
        #expect(e?.offset == 3)
    }

    @Test func repetitiveCountPastTheEnd() {
        // I048/250 (FRN 10): a count of 255 eight-byte registers, one present.
        let e = failure([48, 0, 14, 0x01, 0x20, 0xFF] + Array(repeating: 0, count: 8))
        #expect(e?.reason == .item(.truncated))
        #expect(e?.item == "I048/250")
        #expect(e?.offset == 5)
    }

    @Test func explicitItemOfLengthZero() {
        // SP is FRN 27: fourth FSPEC byte, sixth bit.
        let e = failure([48, 0, 8, 0x01, 0x01, 0x01, 0x04, 0x00])
        #expect(e?.reason == .item(.zeroExplicitLength))
        #expect(e?.item == "I048/SP")
    }

    @Test func fspecNamesAnUnusedFRN() {
        // CAT062 leaves FRN 2 unused.
        #expect(failure([62, 0, 6, 0x40, 0x00, 0x00])?.reason == .undefinedFRN(2))
    }

    @Test func emptyFSPEC() {
        #expect(failure([48, 0, 4, 0x00])?.reason == .emptyFSPEC)
    }

    @Test func timeOfDayPastMidnight() {
        var bytes = handBuiltCat048
        bytes[7...9] = [0xFF, 0xFF, 0xFF]
        #expect(failure(bytes)?.reason == .timeOfDayOutOfRange(0xFF_FFFF))
    }

    @Test func aFailedBlockDoesNotStopTheNextOne() {
        let bad: [UInt8] = [48, 0, 6, 0xFF, 0xFF, 0xFF]
        let out = decodeAll(bad + handBuiltCat048)
        #expect(out.failures.count == 1)
        #expect(out.records.count == 1)
    }

    @Test func unsupportedCategoryIsSkippedWhole() {
        let out = decodeAll([8, 0, 5, 0x80, 0x00] + handBuiltCat048)
        #expect(out.failures.map(\.reason) == [.unsupportedCategory])
        #expect(out.records.count == 1)
    }

    @Test func everyTruncationOfARecordFailsCleanly() {
        // The block shortened byte by byte, LEN kept honest: each must end in an error, not a trap.
        for cut in 4..<handBuiltCat048.count {
            var bytes = Array(handBuiltCat048[0..<cut])
            bytes[2] = UInt8(cut)
            let out = decodeAll(bytes)
            #expect(out.records.isEmpty && out.failures.count == 1, "cut at \(cut)")
        }
    }

    @Test func randomBytesNeverTrapOrHang() {
        var seeded = Xorshift(state: 0x5EED)
        for _ in 0..<5_000 {
            let n = Int(seeded.next() % 300)
            var bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: seeded.next()) }
            // Half the time make the header plausible so the record scanner is reached.
            if n > 3, seeded.next() % 2 == 0 {
                bytes[0] = [1, 2, 21, 34, 48, 62, 65][Int(seeded.next() % 7)]
                bytes[1] = UInt8(n >> 8)
                bytes[2] = UInt8(n & 0xFF)
            }
            let out = decodeAll(bytes)
            #expect(out.records.count <= n)
        }
    }
}

/// A fixed-seed generator so a failing input can be found again.
struct Xorshift: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
