import Recording
import Testing
@testable import Asterix

/// Every real recording decodes with the record counts its README lists (counts that three
/// independent decoders agree on), with no error.
@Suite struct RealRecordingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let counts: [UInt8: Int]
        var framing: PayloadFraming = .plain
        var editions: [UInt8: String] = [:]
        /// Blocks of categories we have no definition for.
        var unsupported: [UInt8: Int] = [:]
        /// The README counts both copies of datagrams sent on two LANs.
        var keepDuplicates = true
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "croatiacontrol-asterix/cat_034_048.pcap", counts: [34: 34, 48: 128]),
        Case(file: "croatiacontrol-asterix/cat_034_048.pcap", counts: [34: 17, 48: 64], keepDuplicates: false),
        Case(file: "croatiacontrol-asterix/parsegps.gps", counts: [34: 3, 48: 15]),
        Case(file: "croatiacontrol-asterix/cat048.raw", counts: [48: 1]),
        Case(file: "croatiacontrol-asterix/cat034.raw", counts: [34: 1]),
        Case(file: "croatiacontrol-asterix/cat_062_065.pcap", counts: [62: 2, 65: 1]),
        Case(file: "croatiacontrol-asterix/cat062cat065.raw", counts: [62: 2, 65: 1]),
        Case(file: "croatiacontrol-asterix/cat21_re.ast", counts: [21: 2]),
        Case(file: "croatiacontrol-asterix/cat_001_002.pcap", counts: [1: 7, 2: 1], framing: .oradis),
        Case(file: "reader_network/068test_bds30.gps", counts: [34: 951, 48: 1830]),
        Case(file: "reader_network/068test_rrd3.gps", counts: [1: 1534, 2: 66, 34: 5, 48: 770],
             unsupported: [8: 10, 19: 2, 20: 2]),
        Case(file: "reader_network/canalA.gps", counts: [1: 30651, 2: 716]),
        Case(file: "reader_network/local.gps", counts: [1: 444, 2: 5], unsupported: [8: 5]),
        Case(file: "reader_network/066test_filter.gps", counts: [2: 1, 48: 3]),
        Case(file: "goasterix/sample.ast", counts: [1: 5, 2: 1, 34: 1, 48: 11], unsupported: [30: 1, 32: 1, 255: 1]),
        Case(file: "jasterix-testvectors/cat001ed1.1.bin", counts: [1: 1]),
        Case(file: "jasterix-testvectors/cat002ed1.0.bin", counts: [2: 1]),
        Case(file: "jasterix-testvectors/cat021ed0.26.bin", counts: [21: 1], editions: [21: "0.26"]),
        Case(file: "jasterix-testvectors/cat021ed2.1.bin", counts: [21: 1]),
        Case(file: "jasterix-testvectors/cat034ed1.26.bin", counts: [34: 1]),
        Case(file: "jasterix-testvectors/cat048ed1.15.bin", counts: [48: 1]),
        Case(file: "jasterix-testvectors/cat048ed1.23.bin", counts: [48: 1]),
        Case(file: "jasterix-testvectors/cat062ed1.16.bin", counts: [62: 1], editions: [62: "1.16"]),
        Case(file: "jasterix-testvectors/cat065ed1.3.bin", counts: [65: 1]),
    ]

    @Test(arguments: cases)
    func decodesWithTheListedCounts(_ c: Case) throws {
        guard let frames = RealRecordings.frames(c.file, framing: c.framing) else { return }
        var editions = EditionTable.standard
        for (cat, ed) in c.editions {
            let known = editions.use(Edition(ed)!, for: cat)
            #expect(known)
        }
        var filter = DuplicateFilter(settings: c.keepDuplicates ? .off : .dualLAN)
        var counts: [UInt8: Int] = [:]
        var unsupported: [UInt8: Int] = [:]
        var errors: [DecodeError] = []
        for frame in frames where filter.admit(frame) {
            let out = decodeAll(Array(frame.payload), editions: editions)
            for r in out.records { counts[r.category, default: 0] += 1 }
            for e in out.failures {
                if e.reason == .unsupportedCategory { unsupported[e.category, default: 0] += 1 } else { errors.append(e) }
            }
        }
        #expect(counts == c.counts)
        #expect(unsupported == c.unsupported)
        #expect(errors.isEmpty, "\(errors.prefix(3))")
    }

    /// asterix.pcap conforms to no CAT062 edition (its README): every datagram must end in a
    /// counted error, and no record with an impossible time of track may come out.
    @Test func nonConformantCat062IsRejected() throws {
        guard let frames = RealRecordings.frames("croatiacontrol-asterix/asterix.pcap") else { return }
        var failed = 0
        for frame in frames {
            let out = decodeAll(Array(frame.payload))
            failed += out.failures.isEmpty ? 0 : 1
            for r in out.records {
                let tot = r.value("I062/070")?.double ?? 0
                #expect(tot < 86_400, "a record with time of track \(tot) s got through")
            }
        }
        #expect(failed == frames.count)
    }

    /// Decoded with a 2.x UAP, the CAT021 0.26 test vector "parses" into garbage (its README:
    /// all three oracles produce 2 records); with its own edition, one clean record.
    @Test func wrongEditionIsNotTheRightOne() throws {
        guard let frames = RealRecordings.frames("jasterix-testvectors/cat021ed0.26.bin") else { return }
        let bytes = Array(frames[0].payload)
        var editions = EditionTable.standard
        editions.use(Edition("0.26")!, for: 21)
        let right = decodeAll(bytes, editions: editions)
        let wrong = decodeAll(bytes)
        #expect(right.records.count == 1 && right.failures.isEmpty)
        #expect(wrong.records.count != 1 || !wrong.failures.isEmpty)

        // The same choice made for its source only (SAC 0, SIC 5) works; for another source not.
        var theSource = EditionTable.standard, another = EditionTable.standard
        theSource.use(Edition("0.26")!, for: 21, source: SensorID(sac: 0, sic: 5))
        another.use(Edition("0.26")!, for: 21, source: SensorID(sac: 0, sic: 6))
        #expect(decodeAll(bytes, editions: theSource).records.count == 1)
        #expect(decodeAll(bytes, editions: another).records.count == wrong.records.count)
    }
}
