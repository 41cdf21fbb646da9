import Recording
import Testing
@testable import Asterix

/// Typed CAT048 against the definition-driven decoder, and the round trip, on every real CAT048
/// record we have.
@Suite struct Cat048Tests {
    static let files = [
        "croatiacontrol-asterix/cat_034_048.pcap", "croatiacontrol-asterix/parsegps.gps",
        "reader_network/068test_bds30.gps", "reader_network/068test_rrd3.gps", "goasterix/sample.ast",
        "jasterix-testvectors/cat048ed1.15.bin", "jasterix-testvectors/cat048ed1.23.bin",
    ]

    static func records() -> [Collected.Record]? {
        var out: [Collected.Record] = []
        for file in files {
            guard let frames = RealRecordings.frames(file) else { return nil }
            for frame in frames { out += decodeAll(Array(frame.payload)).records.filter { $0.category == 48 } }
        }
        return out
    }

    @Test func typedAgreesWithTheDefinitionOnEveryRealRecord() throws {
        guard let records = Self.records() else { return }
        #expect(records.count > 2_500)
        for r in records {
            let t = try #require(r.cat048)
            if let v = r.value("I048/010") {
                #expect(v["SAC"]?.double == t.sensor.map { Double($0.sac) })
                #expect(v["SIC"]?.double == t.sensor.map { Double($0.sic) })
            }
            #expect(r.value("I048/140")?.double == t.timeOfDay?.seconds)
            #expect(r.value("I048/020")?["TYP"]?.double == t.descriptor.map { Double($0.detection.rawValue) })
            #expect(r.value("I048/040")?["RHO"]?.double == t.polar?.rangeNM)
            #expect(r.value("I048/040")?["THETA"]?.double == t.polar?.azimuthDegrees)
            #expect(r.value("I048/070")?["MODE3A"] == t.mode3A.map { .string($0.description) })
            #expect(r.value("I048/090")?["FL"]?.double == t.flightLevel?.flightLevel)
            #expect(r.value("I048/220") == t.address.map { .string($0.description) })
            #expect(r.value("I048/240") == t.callsign.map { .string($0.description) })
            #expect(r.value("I048/161")?["TRN"]?.double == t.trackNumber.map { Double($0 & 0x0FFF) })
            #expect(r.value("I048/042")?["X"]?.double == t.cartesianNM?.x)
            #expect(r.value("I048/200")?["HDG"]?.double == t.velocity?.headingDegrees)
            #expect(r.value("I048/110")?["3DH"]?.double == t.height3DFeet)
        }
    }

    @Test func reEncodingGivesTheSameItemBytes() throws {
        guard let records = Self.records() else { return }
        let spec = EditionTable.standard[48]!
        let typed: Set = ["010", "140", "020", "040", "070", "090", "130", "220", "240", "161", "042", "200", "170", "110", "230"]
        var compared = 0
        for r in records {
            var w = DataBlockWriter(category: 48)
            try #require(r.cat048).encode(into: &w, spec: spec)
            let again = decodeAll(w.finish())
            #expect(again.failures.isEmpty)
            let copy = try #require(again.records.first)
            for (label, bytes) in r.items where typed.contains(String(label.suffix(3))) {
                #expect(copy.item(label) == bytes, "\(label)")
                compared += 1
            }
            // Nothing typed was lost and nothing untyped was added.
            #expect(copy.items.count == r.items.filter { typed.contains(String($0.label.suffix(3))) }.count)
        }
        #expect(compared > 10_000)
    }

    /// The tracker's entry point gives one plot per CAT048 detection, equal to the typed path's.
    @Test func decodePlotsMatchesTheTypedRecords() throws {
        guard let frames = RealRecordings.frames("reader_network/068test_bds30.gps") else { return }
        var decoder = AsterixDecoder()
        var plots: [Plot] = []
        var notPlots = 0
        for frame in frames {
            frame.payload.withUnsafeBytes { notPlots += decoder.decodePlots($0, into: &plots).notPlots }
        }
        let expected = frames.flatMap { decodeAll(Array($0.payload)).records.compactMap { $0.cat048.flatMap(Plot.init) } }
        // All 1830 CAT048 records of this file are Mode S roll-call detections (its README).
        #expect(plots.count == 1830 && notPlots == 0)
        #expect(plots == expected)
        #expect(plots.allSatisfy { $0.detection == .modeSRollCall && $0.address != nil })
    }

    /// The README's known disagreement: one I048/090 value reads FL −1 signed or 4095 unsigned.
    @Test func negativeFlightLevelInARealRecording() throws {
        guard let records = Self.records() else { return }
        let levels = records.compactMap { $0.cat048?.flightLevel?.flightLevel }
        #expect(levels.contains { $0 < 0 })
        #expect(!levels.contains { $0 > 1500 })
    }
}
