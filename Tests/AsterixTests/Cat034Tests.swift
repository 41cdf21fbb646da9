import Testing
@testable import Asterix

// MARK: - Fixtures shared by Cat034Tests, Cat021Tests and Cat001Tests

/// The data blocks of the real recordings of `../shared/recordings/real` (see its README).
enum TypedCatFixtures {
    /// One data block, with the reception time of day the GPS recorder wrote after it.
    struct Block {
        var bytes: [UInt8]
        var received: TimeOfDay?
    }

    /// The data blocks of a recording, or nil (with the reason printed) when it is absent.
    static func blocks(_ name: String) -> [Block]? {
        guard let frames = RealRecordings.frames(name) else { return nil }
        return frames.flatMap { frame in
            var received: TimeOfDay?
            if case .timeOfDay(let t)? = frame.timestamp { received = t }
            return split(Array(frame.payload)).map { Block(bytes: $0, received: received) }
        }
    }

    /// Blocks back to back (CAT, LEN counting the header, records).
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var p = 0
        while p + 3 <= bytes.count {
            let len = Int(bytes[p + 1]) << 8 | Int(bytes[p + 2])
            guard len >= 3, p + len <= bytes.count else { break }
            out.append(Array(bytes[p..<(p + len)]))
            p += len
        }
        return out
    }

    /// Every record of `blocks` handed to `body` (the view is valid only during the call); returns
    /// the decode failures other than categories we have no definition for (CAT008, 019, …).
    @discardableResult
    static func visit(_ blocks: [Block], editions: EditionTable = .standard,
                      _ body: (RecordView, Block) -> Void) -> [DecodeError] {
        withoutActuallyEscaping(body) { body in
            var visitor = Visitor(body: body)
            var decoder = AsterixDecoder(editions: editions)
            for block in blocks {
                visitor.block = block
                block.bytes.withUnsafeBytes { _ = decoder.decode($0, into: &visitor) }
            }
            return visitor.failures
        }
    }

    private struct Visitor: RecordVisitor {
        var body: (RecordView, Block) -> Void
        var block = Block(bytes: [], received: nil)
        var failures: [DecodeError] = []
        mutating func record(_ r: RecordView) { body(r, block) }
        mutating func failure(_ e: DecodeError) {
            if e.reason != .unsupportedCategory { failures.append(e) }
        }
    }

    /// The records of one buffer, each as its item bytes by code, and the failures.
    static func items(of bytes: [UInt8], editions: EditionTable) -> (records: [[(code: Int, bytes: [UInt8])]], failures: [DecodeError]) {
        var records: [[(code: Int, bytes: [UInt8])]] = []
        let failures = visit([Block(bytes: bytes, received: nil)], editions: editions) { r, _ in
            records.append(r.items.map { (Int($0.code), Array(r[$0])) })
        }
        return (records, failures)
    }

    /// Round trip of one real record through a typed encoder: the block written must hold the
    /// record's exact bytes, and decoding it again must give the same items. nil when all agree.
    static func roundTrip(_ r: RecordView, _ encode: (inout DataBlockWriter) throws(RecordEncodeError) -> Void) -> String? {
        var w = DataBlockWriter(category: r.spec.category)
        do { try encode(&w) } catch { return "encode: \(error)" }
        let block = w.finish()
        let original = Array(r.bytes[r.range])
        if Array(block[3...]) != original { return "record bytes differ: \(hex(original)) → \(hex(Array(block[3...])))" }
        var editions = EditionTable.standard
        editions.use(r.spec.edition, for: r.spec.category)
        let again = items(of: block, editions: editions)
        guard again.failures.isEmpty, again.records.count == 1 else { return "re-decode: \(again.failures)" }
        let before = r.items.map { (Int($0.code), Array(r[$0])) }
        let after = again.records[0]
        guard before.count == after.count else { return "item count \(before.count) → \(after.count)" }
        for (a, b) in zip(before, after) where a.0 != b.code || a.1 != b.bytes {
            return "item \(a.0) differs: \(hex(a.1)) → \(hex(b.bytes))"
        }
        return nil
    }

    /// Every proper prefix of a record, as the only record of a block: the decoder must report one
    /// failure and deliver no record. Returns the number of prefixes that did otherwise.
    static func badPrefixes(of r: RecordView) -> Int {
        let record = Array(r.bytes[r.range])
        var editions = EditionTable.standard
        editions.use(r.spec.edition, for: r.spec.category)
        var bad = 0
        for k in 1..<record.count {
            let len = 3 + k
            let block = [r.spec.category, UInt8(len >> 8), UInt8(len & 0xFF)] + record[0..<k]
            let out = items(of: block, editions: editions)
            if !(out.records.isEmpty && out.failures.count == 1) { bad += 1 }
        }
        return bad
    }

    /// Every item of a record cut short, one at a time, to each shorter length: the typed decoder
    /// must throw. Returns (cuts tried, cuts that did not throw).
    static func itemCuts(of r: RecordView, _ decode: (RecordView) throws(SizeFailure) -> Void) -> (tried: Int, accepted: Int) {
        let refs = Array(r.items)
        var tried = 0, accepted = 0
        for i in refs.indices {
            for length in 0..<Int(refs[i].length) {
                var cut = refs
                cut[i].length = Int32(length)
                cut.withUnsafeBufferPointer { items in
                    let view = RecordView(spec: r.spec, uap: r.uap, bytes: r.bytes, range: r.range, items: items)
                    tried += 1
                    do { try decode(view) } catch { return }
                    accepted += 1
                }
            }
        }
        return (tried, accepted)
    }

    /// The generic decode of an item, by the definition.
    static func value(_ r: RecordView, _ ref: ItemRef) -> ItemValue? {
        try? ItemValue.decode(r.definition(of: ref), r[ref])
    }

    static func hex(_ b: some Sequence<UInt8>) -> String {
        b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }

    /// RE and SP as `ItemValue` shows them: length and the hex of the rest.
    static func explicitAgrees(_ v: ItemValue?, _ bytes: [UInt8]?) -> Bool {
        guard let bytes else { return v == nil }
        return v?["len"] == .integer(bytes.count) && v?["hex"] == .string(hex(bytes.dropFirst()))
    }
}

/// Collects disagreements instead of recording thousands of expectations.
struct Disagreements {
    var list: [String] = []
    var checked = 0
    mutating func check(_ ok: Bool, _ what: @autoclosure () -> String) {
        checked += 1
        guard !ok else { return }
        if list.count < 20 { list.append(what()) } else { list[19] = "… and more" }
    }

    /// The definition-driven value of `field` (or of the bare item when nil) equals the typed one.
    mutating func same(_ value: ItemValue?, _ label: String, _ field: String?, _ typed: Double?) {
        let generic = field.map { value?[$0]?.double } ?? value?.double
        check(generic != nil && generic == typed, "\(label) \(field ?? ""): \(String(describing: generic)) vs \(String(describing: typed))")
    }
}

/// A typed flag or integer as the generic decoder gives it: a number.
func bit(_ b: Bool?) -> Double? { b.map { $0 ? 1 : 0 } }
func num<I: BinaryInteger>(_ i: I?) -> Double? { i.map { Double($0) } }

// MARK: - CAT034

@Suite struct Cat034Tests {
    /// Every real CAT034 record we have, with the record counts of the recordings README.
    static let files: [(name: String, records: Int)] = [
        ("croatiacontrol-asterix/cat034.raw", 1),
        ("jasterix-testvectors/cat034ed1.26.bin", 1),
        ("goasterix/sample.ast", 1),
        ("reader_network/068test_rrd3.gps", 5),
        ("croatiacontrol-asterix/parsegps.gps", 3),
        ("reader_network/068test_bds30.gps", 951),
        ("croatiacontrol-asterix/cat_034_048.pcap", 34),
    ]

    /// Checks every typed field of a record against the definition-driven decode.
    static func compare(_ r: RecordView, _ t: Cat034Record, _ d: inout Disagreements) {
        for ref in r.items {
            let v = TypedCatFixtures.value(r, ref)
            let label = r.spec.label(r.name(of: ref))
            func same(_ field: String?, _ typed: Double?) { d.same(v, label, field, typed) }
            switch Int(ref.code) {
            case 0: same(nil, num(t.messageType?.rawValue))
            case 10:
                same("SAC", num(t.dataSource?.sac))
                same("SIC", num(t.dataSource?.sic))
            case 20: same(nil, t.sectorAzimuth)
            case 30: same(nil, t.timeOfDay?.seconds)
            case 41: same(nil, t.antennaRotationPeriod)
            case 50:
                let c = t.systemConfiguration
                let com = v?["COM"], psr = v?["PSR"], ssr = v?["SSR"], mds = v?["MDS"]
                d.check((com == nil) == (c?.common == nil) && (psr == nil) == (c?.psr == nil)
                        && (ssr == nil) == (c?.ssr == nil) && (mds == nil) == (c?.modeS == nil), "\(label) parts")
                if c?.common != nil {
                    let pairs: [(String, Bool?)] = [("NOGO", c?.noGo), ("RDPC", c?.rdpChain2Selected), ("RDPR", c?.rdpReset),
                                                   ("OVLRDP", c?.rdpOverload), ("OVLXMT", c?.transmissionOverload),
                                                   ("MSC", c?.monitoringDisconnected), ("TSV", c?.timeSourceInvalid)]
                    for (name, value) in pairs { d.check(com?[name]?.double == bit(value), "\(label) COM \(name)") }
                }
                for (part, s) in [("PSR", c?.psr), ("SSR", c?.ssr)] {
                    guard let s else { continue }
                    let g = v?[part]
                    d.check(g?["ANT"]?.double == bit(s.antenna2Selected) && g?["CHAB"]?.double == num(s.channels)
                            && g?["OVL"]?.double == bit(s.overload) && g?["MSC"]?.double == bit(s.monitoringDisconnected),
                            "\(label) \(part)")
                }
                if let m = c?.modeS {
                    let pairs: [(String, Double?)] = [("ANT", bit(m.antenna2Selected)), ("CHAB", num(m.channels)),
                                                     ("OVLSUR", bit(m.surveillanceOverload)), ("MSC", bit(m.monitoringDisconnected)),
                                                     ("SCF", bit(m.scfChannelB)), ("DLF", bit(m.dlfChannelB)),
                                                     ("OVLSCF", bit(m.scfOverload)), ("OVLDLF", bit(m.dlfOverload))]
                    for (name, value) in pairs { d.check(mds?[name]?.double == value, "\(label) MDS \(name)") }
                }
            case 60:
                let m = t.processingMode
                d.check((v?["COM"] == nil) == (m?.common == nil) && (v?["PSR"] == nil) == (m?.psr == nil)
                        && (v?["SSR"] == nil) == (m?.ssr == nil) && (v?["MDS"] == nil) == (m?.modeS == nil), "\(label) parts")
                if m?.common != nil {
                    d.check(v?["COM"]?["REDRDP"]?.double == num(m?.rdpReduction)
                            && v?["COM"]?["REDXMT"]?.double == num(m?.transmissionReduction), "\(label) COM")
                }
                if m?.psr != nil {
                    d.check(v?["PSR"]?["POL"]?.double == bit(m?.psrCircularPolarization)
                            && v?["PSR"]?["REDRAD"]?.double == num(m?.psrReduction)
                            && v?["PSR"]?["STC"]?.double == num(m?.stcMap), "\(label) PSR")
                }
                if m?.ssr != nil { d.check(v?["SSR"]?["REDRAD"]?.double == num(m?.ssrReduction), "\(label) SSR") }
                if m?.modeS != nil {
                    d.check(v?["MDS"]?["REDRAD"]?.double == num(m?.modeSReduction)
                            && v?["MDS"]?["CLU"]?.double == bit(m?.modeSNotAutonomous), "\(label) MDS")
                }
            case 70:
                guard case .array(let generic)? = v, let counts = t.messageCounts, generic.count == counts.count else {
                    d.check(false, "\(label) count")
                    continue
                }
                for (g, c) in zip(generic, counts) {
                    d.check(g["TYP"]?.double == num(c.type) && g["COUNT"]?.double == num(c.count), "\(label) entry")
                }
            case 90:
                same("RNG", t.collimationError?.range)
                same("AZM", t.collimationError?.azimuth)
            case 100:
                same("RHOST", t.polarWindow?.rhoStart)
                same("RHOEND", t.polarWindow?.rhoEnd)
                same("THETAST", t.polarWindow?.thetaStart)
                same("THETAEND", t.polarWindow?.thetaEnd)
            case 110: same(nil, num(t.dataFilter))
            case 120:
                same("HGT", t.position?.height)
                same("LAT", t.position?.latitude)
                same("LON", t.position?.longitude)
            case ItemSpec.reCode: d.check(TypedCatFixtures.explicitAgrees(v, t.reservedExpansion), "\(label)")
            case ItemSpec.spCode: d.check(TypedCatFixtures.explicitAgrees(v, t.specialPurpose), "\(label)")
            default: d.check(false, "\(label) not typed")
            }
        }
    }

    @Test func typedAgreesWithTheDefinitionAndReEncodesOnEveryRealRecord() {
        var d = Disagreements()
        var roundTrips = 0
        var itemsSeen: Set<Int> = []
        for (name, expected) in Self.files {
            guard let blocks = TypedCatFixtures.blocks(name) else { return }
            var count = 0
            let failures = TypedCatFixtures.visit(blocks) { r, _ in
                guard r.spec.category == 34 else { return }
                count += 1
                for ref in r.items { itemsSeen.insert(Int(ref.code)) }
                do {
                    let t = try Cat034Record(r)
                    Self.compare(r, t, &d)
                    let problem = TypedCatFixtures.roundTrip(r) { (w: inout DataBlockWriter) throws(RecordEncodeError) in
                        try t.encode(into: &w, spec: r.spec)
                    }
                    d.check(problem == nil, "\(name) round trip: \(problem ?? "")")
                    roundTrips += 1
                } catch {
                    d.check(false, "\(name): typed decode threw \(error)")
                }
            }
            #expect(count == expected, "\(name): CAT034 records")
            #expect(failures.filter { $0.category == 34 }.isEmpty, "\(name): \(failures)")
        }
        #expect(roundTrips == Self.files.reduce(0) { $0 + $1.records })
        // The items the real recordings exercise (090, 100, 110, RE and SP appear in none).
        #expect(itemsSeen.isSuperset(of: [0, 10, 20, 30, 41, 50, 60, 120]))
        #expect(d.list.isEmpty, "\(d.list)")
        print("CAT034: \(roundTrips) real records, \(d.checked) field checks, items \(itemsSeen.sorted())")
    }

    /// Expected values from the item definitions by hand, not from our own output.
    @Test func handBuiltRecordDecodesToSpecArithmetic() throws {
        // UAP: 010 000 030 020 041 050 060 | 070 100 110 120 090 RE SP.
        // Items 010 000 030 020 041 050 (FRN 1–6) → 1111 1101; 070 120 090 (FRN 8, 11, 12) → 1001 1000.
        let record: [UInt8] = [
            0xFD, 0x98,
            0x19, 0x0B,  // 010: SAC 25, SIC 11
            0x02,  // 000: sector crossing
            0x54, 0x60, 0x00,  // 030: 12:00:00 = 43200 s × 128 = 0x546000
            0x40,  // 020: 64 × 360/2^8 = 90°
            0x02, 0x00,  // 041: 512 / 128 = 4 s
            0x80, 0x80,  // 050: COM only, NOGO set
            0x02, 0x08, 0x64, 0x17, 0xFF,  // 070: (TYP 1, 100), (TYP 2, 2047)
            0x00, 0x64, 0x20, 0x00, 0x00, 0xC0, 0x00, 0x00,  // 120: 100 m, 45° = 2^21 LSB, −90° = −2^22 LSB
            0xFF, 0x02,  // 090: −1/128 NM, 2 × 360/2^14 °
        ]
        let block = [34, 0, UInt8(3 + record.count)] + record
        var decoded: Cat034Record?
        let failures = TypedCatFixtures.visit([.init(bytes: block, received: nil)]) { r, _ in decoded = try? Cat034Record(r) }
        #expect(failures.isEmpty)
        let t = try #require(decoded)
        #expect(t.messageType == .sectorCrossing)
        #expect(t.dataSource == SensorID(sac: 25, sic: 11))
        #expect(t.timeOfDay?.seconds == 43_200)
        #expect(t.sectorAzimuth == 90)
        #expect(t.antennaRotationPeriod == 4)
        #expect(t.systemConfiguration?.noGo == true)
        #expect(t.systemConfiguration?.rdpOverload == false)
        #expect(t.systemConfiguration?.psr == nil)
        #expect(t.messageCounts?.map(\.type) == [1, 2])
        #expect(t.messageCounts?.map(\.count) == [100, 2047])
        #expect(t.position?.height == 100)
        #expect(t.position?.latitude == 45)
        #expect(t.position?.longitude == -90)
        #expect(t.collimationError?.range == -1.0 / 128)
        #expect(t.collimationError?.azimuth == 0.0439453125)

        // Built from physical values, the same record encodes to the same bytes.
        var built = Cat034Record()
        built.dataSource = SensorID(sac: 25, sic: 11)
        built.messageType = .sectorCrossing
        built.timeOfDay = TimeOfDay(seconds: 43_200)
        built.sectorNumber = 64
        built.antennaRotationPeriodRaw = 512
        built.systemConfiguration = .init(common: 0x80)
        built.messageCounts = [.init(type: 1, count: 100), .init(type: 2, count: 2047)]
        built.position = Cat034Record.Position3D(height: 100, latitude: 45, longitude: -90)
        built.collimationError = .init(rangeRaw: -1, azimuthRaw: 2)
        #expect(built == t)
        var w = DataBlockWriter(category: 34)
        try built.encode(into: &w, spec: EditionTable.standard[34]!)
        #expect(w.finish() == block)
    }

    @Test func compoundItemsAndUnknownMessageTypesRoundTrip() throws {
        var t = Cat034Record()
        t.dataSource = SensorID(sac: 1, sic: 2)
        t.messageType = .other(200)
        t.systemConfiguration = .init(common: 0x42, psr: .init(raw: 0x68), ssr: .init(raw: 0x90), modeS: .init(raw: 0xFF80))
        t.processingMode = .init(common: 0x7E, psr: 0xFC, ssr: 0xE0, modeS: 0xF0)
        t.polarWindow = .init(rhoStartRaw: 256, rhoEndRaw: 65535, thetaStartRaw: 0, thetaEndRaw: 32768)
        t.dataFilter = 3
        t.messageCounts = []
        t.reservedExpansion = [3, 0xAA, 0xBB]
        t.specialPurpose = [1]
        let spec = EditionTable.standard[34]!
        var w = DataBlockWriter(category: 34)
        try t.encode(into: &w, spec: spec)
        let block = w.finish()
        var back: Cat034Record?
        var d = Disagreements()
        let failures = TypedCatFixtures.visit([.init(bytes: block, received: nil)]) { r, _ in
            back = try? Cat034Record(r)
            if let back { Self.compare(r, back, &d) }
        }
        #expect(failures.isEmpty)
        #expect(back == t)
        #expect(d.list.isEmpty, "\(d.list)")
        #expect(back?.messageType?.rawValue == 200)
        #expect(Cat034Record.MessageType.other(1) == .northMarker)
        #expect(Cat002Record.MessageType(rawValue: 9) == .blindZoneFilteringStopped)
        #expect(back?.systemConfiguration?.psr?.channels == 3)
        #expect(back?.systemConfiguration?.modeS?.dlfOverload == true)
        #expect(back?.processingMode?.rdpReduction == 7)
        #expect(back?.processingMode?.transmissionReduction == 7)
        #expect(back?.polarWindow?.rhoStart == 1)
        #expect(back?.polarWindow?.thetaEnd == 180)
    }

    @Test func encodingRefusesWhatCannotBeWritten() {
        let spec = EditionTable.standard[34]!
        var w = DataBlockWriter(category: 34)
        #expect(throws: RecordEncodeError(category: 34, edition: spec.edition, reason: .emptyRecord)) {
            try Cat034Record().encode(into: &w, spec: spec)
        }
        var t = Cat034Record()
        t.specialPurpose = [5, 1]  // says 5 bytes, holds 2
        #expect(throws: RecordEncodeError(category: 34, edition: spec.edition, reason: .invalidItem("SP"))) {
            try t.encode(into: &w, spec: spec)
        }
        t.specialPurpose = nil
        t.messageCounts = Array(repeating: .init(type: 1, count: 1), count: 256)
        #expect(throws: RecordEncodeError(category: 34, edition: spec.edition, reason: .invalidItem("070"))) {
            try t.encode(into: &w, spec: spec)
        }
        let cat048 = EditionTable.standard[48]!
        #expect(throws: RecordEncodeError(category: 48, edition: cat048.edition, reason: .wrongCategory)) {
            try Cat034Record().encode(into: &w, spec: cat048)
        }
        #expect(w.finish() == [34, 0, 3])
    }

    @Test func everyTruncationOfARealRecordFailsCleanly() {
        var prefixes = 0, badPrefixes = 0, cuts = 0, accepted = 0
        for (name, _) in Self.files {
            guard let blocks = TypedCatFixtures.blocks(name) else { return }
            TypedCatFixtures.visit(blocks) { r, _ in
                guard r.spec.category == 34 else { return }
                prefixes += r.range.count - 1
                badPrefixes += TypedCatFixtures.badPrefixes(of: r)
                let c = TypedCatFixtures.itemCuts(of: r) { (v: RecordView) throws(SizeFailure) in _ = try Cat034Record(v) }
                cuts += c.tried
                accepted += c.accepted
            }
        }
        #expect(prefixes > 5_000)
        #expect(badPrefixes == 0)
        #expect(cuts > 5_000)
        #expect(accepted == 0)
        print("CAT034: \(prefixes) record prefixes and \(cuts) item cuts, all rejected")
    }

    @Test func aRecordOfAnotherCategoryIsRefused() throws {
        // The CAT048 record of croatiacontrol-asterix/cat048.raw, by the CAT034 typed decoder.
        guard let blocks = TypedCatFixtures.blocks("croatiacontrol-asterix/cat048.raw") else { return }
        var result: Result<Cat034Record, SizeFailure>?
        TypedCatFixtures.visit(blocks) { r, _ in
            do throws(SizeFailure) { result = .success(try Cat034Record(r)) } catch { result = .failure(error) }
        }
        #expect(result.map { if case .failure(.invalidDefinition) = $0 { true } else { false } } == true)
    }
}
