import Asterix
import Feeds
import Foundation
import FoundationXML
import Recording
import Sockets
import TestSupport
import Testing

/// Every record of `bytes` (blocks back to back) as our decoder types it: CAT062 and CAT065.
private func decodeFeed(_ bytes: [UInt8]) -> (tracks: [Cat062Record], status: [Cat065Record], failures: Int) {
    struct Visitor: RecordVisitor {
        var tracks: [Cat062Record] = []
        var status: [Cat065Record] = []
        var failures = 0
        mutating func record(_ r: RecordView) {
            switch r.spec.category {
            case 62: if let t = try? Cat062Record(r) { tracks.append(t) } else { failures += 1 }
            case 65: if let s = try? Cat065Record(r) { status.append(s) } else { failures += 1 }
            default: failures += 1
            }
        }
        mutating func failure(_ error: DecodeError) { failures += 1 }
    }
    var decoder = AsterixDecoder()
    var v = Visitor()
    bytes.withUnsafeBytes { _ = decoder.decode($0, into: &v) }
    return (v.tracks, v.status, v.failures)
}

/// The fields tshark's PDML gives for each packet: name → (shown value, size in bytes), every
/// occurrence in order.
private final class PDMLFields: NSObject, XMLParserDelegate {
    var packets: [[(name: String, show: String, size: Int)]] = []

    static func read(_ data: Data) -> [[(name: String, show: String, size: Int)]] {
        let p = PDMLFields()
        let parser = XMLParser(data: data)
        parser.delegate = p
        parser.parse()
        return p.packets
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "packet" { packets.append([]) }
        if name == "field", let n = attributes["name"], n.hasPrefix("asterix.") {
            packets[packets.count - 1].append((n, attributes["show"] ?? "", Int(attributes["size"] ?? "") ?? -1))
        }
    }
}

@Suite("CAT062 track feed: suspect marks and CAT065 heartbeats")
struct TrackFeedTests {
    /// Track 43 is a suspect with an acknowledged alert, score 0.83.
    static func frame() -> (updates: [SystemTrack], suspect: Alert) {
        var alert = makeAlert(.acknowledged, number: 43)
        alert.classification = "stone-skip"
        return ([makeTrack(number: 42), makeTrack(number: 43), makeTrack(number: 44)], alert)
    }

    @Test("the SP field carries version, flags, score and class, after its length byte")
    func suspectMarkLayout() throws {
        let (updates, alert) = Self.frame()
        var record = Cat062Record(track: updates[1], settings: Cat062TrackSettings())
        record.markSuspect(alert)
        record.markSuspect(alert)  // marking twice leaves one SP field
        let sp = record.otherItems.filter { $0.code == ItemSpec.spCode }
        // README "CAT062 suspect mark": 4 + 10 bytes; flags 0x80 active | 0x40 acknowledged; 83 hundredths.
        #expect(sp.map(\.bytes) == [[14, 1, 0xC0, 83] + Array("stone-skip".utf8)])

        // Written and read back by our decoder, the field comes back whole.
        var encoder = try #require(Cat062TrackEncoder())
        encoder.append(record)
        let back = decodeFeed(encoder.flush().flatMap { $0 })
        #expect(back.failures == 0)
        #expect(back.tracks.first?.otherItems.first { $0.code == ItemSpec.spCode }?.bytes == sp.first?.bytes)
    }

    @Test("a consumer reads the suspect mark back; an SP field of another layout or length is no mark")
    func suspectMarkReadBack() throws {
        var record = Cat062Record()
        // The README's layout, written by hand: 14 bytes, active and acknowledged, 0.83, stone-skip.
        record.otherItems = [UntypedItem(code: ItemSpec.spCode, bytes: [14, 1, 0xC0, 83] + Array("stone-skip".utf8))]
        #expect(record.suspectMark == SuspectMark(active: true, acknowledged: true, score: 0.83, classification: "stone-skip"))
        record.otherItems = [UntypedItem(code: ItemSpec.spCode, bytes: [6, 1, 0x80, 90, 0x1B, 0x5B])]
        #expect(record.suspectMark?.classification == "?[", "a control byte from the wire is not passed on")
        for hostile: [UInt8] in [[4, 2, 0x80, 50], [9, 1, 0x80, 50], [3, 1, 0x80], [4, 1, 0x80, 200], []] {
            record.otherItems = [UntypedItem(code: ItemSpec.spCode, bytes: hostile)]
            #expect(record.suspectMark == nil, "\(hostile)")
        }
        record.otherItems = []
        #expect(record.suspectMark == nil)
    }

    @Test("over loopback: tracks with the suspect marked, then SDPS status every 5 s of data time")
    func loopback() throws {
        let receiver = try LoopbackReceiver()
        let feed = try TrackFeed(to: UDPAddress("udp://127.0.0.1:\(receiver.port)"))
        let (updates, alert) = Self.frame()
        feed.tick(at: may1, overloaded: false)
        feed.send(updates) { $0 == 43 ? alert : nil }
        feed.tick(at: may1 + 1, overloaded: false)  // not due
        feed.send([], suspect: { _ in nil })           // nothing to send
        feed.tick(at: may1 + 5.5, overloaded: true)
        #expect(feed.sender.sent == 3 && feed.datagrams == 1 && feed.heartbeats == 2)

        var datagrams: [[UInt8]] = []
        for i in 1...3 { datagrams.append(try #require(receiver.receive(), "datagram \(i) lost on loopback")) }
        #expect(datagrams.map { $0[0] } == [65, 62, 65])
        let decoded = decodeFeed(datagrams.flatMap { $0 })
        #expect(decoded.failures == 0)
        #expect(decoded.tracks.map(\.trackNumber) == [42, 43, 44])
        #expect(decoded.tracks.map { $0.otherItems.contains { $0.code == ItemSpec.spCode } } == [false, true, false])
        #expect(decoded.status.count == 2)
        for (s, (t, overload)) in zip(decoded.status, [(may1TimeOfDay, false), (may1TimeOfDay + 5.5, true)]) {
            #expect(s.messageType == .sdpsStatus && s.dataSource == SensorID(sac: 0, sic: 100) && s.serviceID == 1)
            #expect(s.timeOfDay == TimeOfDay(seconds: t))
            #expect(s.status?.overload == overload && s.status?.nogo == 0)
        }

        // tshark, an independent decoder, reads the same: CAT065 items by the specification, and an
        // SP field as long as its length byte says, on track 43 only.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).pcap").path
        let pcap = try PcapFileWriter(path: path)
        for d in datagrams { try pcap.write(d, timestamp: may1) }
        try pcap.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let data = try TShark.run(["-n", "-r", path, "-d", "udp.port==8600,asterix", "-T", "pdml"])
        let packets = PDMLFields.read(data)
        try #require(packets.count == 3)
        func values(_ packet: Int, _ name: String) -> [String] { packets[packet].filter { $0.name == name }.map(\.show) }
        for (packet, ovl) in [(0, "0"), (2, "1")] {
            #expect(values(packet, "asterix.category") == ["65"])
            #expect(values(packet, "asterix.065_000_VALUE") == ["1"])
            #expect(values(packet, "asterix.065_010_SIC") == ["0x64"])
            #expect(values(packet, "asterix.065_040_OVL") == [ovl])
            #expect(values(packet, "asterix.065_040_NOGO") == ["0"])
        }
        #expect(values(0, "asterix.065_030_VALUE").compactMap(Double.init) == [may1TimeOfDay])
        #expect(values(1, "asterix.062_040_VALUE") == ["0x002a", "0x002b", "0x002c"])
        #expect(packets[1].filter { $0.name == "asterix.062_SP" }.map(\.size) == [14])
    }

    @Test("a CAT065 record with a short item, or of an unknown message type")
    func hostileStatus() throws {
        let spec = try #require(SpecLibrary.spec(category: 65, edition: Edition(major: 1, minor: 6)))
        // Message type 9 is not in 1.6: kept as it is, so the record re-encodes byte for byte.
        var r = Cat065Record()
        r.messageType = .init(rawValue: 9)
        r.dataSource = SensorID(sac: 1, sic: 2)
        r.specialPurpose = [3, 0xAB, 0xCD]
        var w = DataBlockWriter(category: 65)
        try r.encode(into: &w, spec: spec)
        let block = w.finish()
        let back = decodeFeed(block)
        #expect(back.failures == 0 && back.status == [r] && back.status.first?.messageType?.rawValue == 9)
        // An SP whose length byte lies cannot be written.
        r.specialPurpose = [5, 0xAB]
        #expect(throws: RecordEncodeError.self) { try r.encode(into: &w, spec: spec) }

        // The block cut inside its items (its length byte mended to match): the decoder reports it, no record comes out.
        let cut = Array(block.prefix(block.count - 4))
        var fixed = cut
        fixed[1] = 0; fixed[2] = UInt8(cut.count)
        let damaged = decodeFeed(fixed)
        #expect(damaged.status.isEmpty && damaged.failures > 0)
    }
}
