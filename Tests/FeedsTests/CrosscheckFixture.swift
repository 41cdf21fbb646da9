import Asterix
import Feeds
import Foundation
import Recording
import Testing

/// Tracks that exercise every item and flag the encoder writes: the input of the independent
/// check `python3 tools/crosscheck.py --tracks DIR`, which has tshark and asterix-decoder read the
/// CAT062 pcap and compares what they read with the JSON lines of the same tracks.
func crosscheckTracks() -> [SystemTrack] {
    var out: [SystemTrack] = []
    for i in 0..<40 {
        var t = makeTrack(number: UInt16(100 + i))
        let k = Double(i)
        t.time = may1 + k * 0.37
        t.latitude = -60 + k * 3.1
        t.longitude = -179 + k * 8.9
        t.x = -400_000 + k * 20_011.3
        t.y = 300_000 - k * 15_007.9
        t.vx = -300 + k * 15.3
        t.vy = 250 - k * 12.1
        t.verticalRate = -20 + k
        t.altitude = i % 4 == 0 ? nil : 100 + k * 300
        t.flightLevel = i % 5 == 0 ? nil : -10 + k * 10.25
        t.covariance = Covariance2(xx: (10 + k) * (10 + k), xy: (k - 20) * 30, yy: (200 - k) * (200 - k))
        t.stage = [.tentative, .confirmed, .coasting][i % 3]
        t.source = [.psrOnly, .ssr, .modeS][i % 3]
        if t.source == .psrOnly { t.mode3A = nil; t.address = nil; t.callsign = nil }
        if t.source == .ssr { t.address = nil; t.callsign = nil; t.mode3A = Mode3A(code: UInt16(i * 97 % 4096)) }
        if i == 7 { t.mode3A = Mode3A(octal: "7500") }
        t.manoeuvring = i % 2 == 1
        t.ended = i % 6 == 5
        t.updates = UInt32(i + 1)
        t.firstTime = t.time - k * 2
        out.append(t)
    }
    return out
}

extension Mode3A {
    init(code: UInt16) { self.init(item: code & 0x0FFF) }
}

@Suite("Crosscheck fixture")
struct CrosscheckFixture {
    /// Writes DIR/tracks.pcap and DIR/tracks.jsonl when CENTINELA_TRACKS_OUT=DIR is set (tools/test.sh
    /// does); otherwise into a temporary folder, checking only that the pcap reads back.
    @Test("a pcap of our CAT062 output and the JSON lines of the same tracks")
    func write() throws {
        let env = ProcessInfo.processInfo.environment["CENTINELA_TRACKS_OUT"]
        let dir = env ?? FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if env == nil { try? FileManager.default.removeItem(atPath: dir) } }

        let tracks = crosscheckTracks()
        var settings = Cat062TrackSettings()
        settings.sensor = SensorID(sac: 25, sic: 201)
        settings.maxDatagramBytes = 500  // several datagrams
        var encoder = try #require(Cat062TrackEncoder(settings: settings))
        for t in tracks { encoder.append(t) }
        let pcap = try PcapFileWriter(path: dir + "/tracks.pcap")
        for d in encoder.flush() { try pcap.write(d, timestamp: may1) }
        try pcap.close()
        var json: [UInt8] = []
        for t in tracks { TrackJSON.append(t, to: &json) }
        #expect(FileManager.default.createFile(atPath: dir + "/tracks.jsonl", contents: Data(json)))

        // Our own pcap reader and decoder find every track in it.
        let read = try #require(FileManager.default.contents(atPath: dir + "/tracks.pcap"))
        var reader = try PcapReader(bytes: Array(read))
        var numbers: [UInt16] = []
        while let frame = try reader.next() {
            numbers += decodeCat062(Array(frame.payload)).records.map { $0.trackNumber! }
        }
        #expect(pcap.count > 1)
        #expect(numbers == tracks.map(\.number))
    }
}
