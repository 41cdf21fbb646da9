import Asterix
import Display
import Feeds
import Surveillance

/// The `display` client's side of a CAT062 track feed: each datagram's track records as display
/// tracks, its CAT065 status messages as a sign of life, and what could not be read counted.
struct TrackFeedReader {
    private var decoder = AsterixDecoder()
    private(set) var records = 0
    private(set) var heartbeats = 0
    private(set) var errors = 0
    /// The SDPS said it was overloaded (CAT065 OVL) in its last status message.
    private(set) var overloaded = false

    /// The tracks of one datagram received at `received` (UTC seconds; it dates the times of day).
    mutating func read(_ datagram: [UInt8], received: Double, into tracks: inout [DisplayTrack]) {
        var visitor = Visitor(received: received)
        let counts = datagram.withUnsafeBytes { decoder.decode($0, into: &visitor) }
        errors += counts.errors + visitor.unreadable
        records += visitor.tracks.count
        heartbeats += visitor.statuses.count
        if let last = visitor.statuses.last { overloaded = last.overload }
        tracks.append(contentsOf: visitor.tracks)
    }

    private struct Visitor: RecordVisitor {
        let received: Double
        var tracks: [DisplayTrack] = []
        var statuses: [Cat065Record.Status] = []
        var unreadable = 0

        mutating func record(_ record: RecordView) {
            switch record.spec.category {
            case 62:
                guard let r = try? Cat062Record(record), let track = TrackFeedReader.track(r, received: received) else {
                    unreadable += 1
                    return
                }
                tracks.append(track)
            case 65:
                guard let r = try? Cat065Record(record) else {
                    unreadable += 1
                    return
                }
                if let s = r.status { statuses.append(s) }
            default:
                unreadable += 1
            }
        }

        mutating func failure(_ error: DecodeError) {}
    }

    /// A CAT062 record as the display shows it; nil without the track number, time or position
    /// a track cannot be drawn without.
    static func track(_ r: Cat062Record, received: Double) -> DisplayTrack? {
        guard let number = r.trackNumber, let tod = r.timeOfTrack, let position = r.wgs84 else { return nil }
        let status = r.status
        let stage: SystemTrack.Stage = status?.tentative == true ? .tentative : status?.coasting == true ? .coasting : .confirmed
        let source: SystemTrack.Source
        if let status, status.octetCount >= 4 {
            source = status.ssrAgeExpired && status.modeSAgeExpired ? .psrOnly : status.modeSAgeExpired ? .ssr : .modeS
        } else {
            source = r.address != nil ? .modeS : r.mode3A != nil || r.measuredFlightLevel != nil ? .ssr : .psrOnly
        }
        let mark = r.suspectMark
        return DisplayTrack(number: number, time: tod.utc(near: received), stage: stage, source: source,
                            latitude: position.latitudeDegrees, longitude: position.longitudeDegrees,
                            groundSpeed: r.velocity?.speedMetresPerSecond ?? 0, heading: r.velocity?.trackAngleDegrees ?? 0,
                            flightLevel: r.measuredFlightLevel, altitude: r.geometricAltitudeFeet.map { $0 * 0.3048 },
                            mode3A: r.mode3A, callsign: r.callsign, address: r.address,
                            score: mark?.active == true ? mark?.score : nil, ended: status?.lastMessage == true)
    }
}
