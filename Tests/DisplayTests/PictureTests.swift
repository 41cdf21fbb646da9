import Display
import Surveillance
import Testing

@Suite struct PictureTests {
    private func track(_ n: UInt16, at t: Double, lat: Double = 31, ended: Bool = false) -> DisplayTrack {
        DisplayTrack(number: n, time: t, stage: .confirmed, source: .psrOnly, latitude: lat, longitude: -106,
                     groundSpeed: 60, heading: 0, ended: ended)
    }

    @Test func anEndedTrackLeavesThePicture() {
        var p = Picture(map: DisplayMap(centre: .init(latitude: 31, longitude: -106)))
        p.apply(track(7, at: 100))
        p.apply(track(7, at: 104, ended: true))
        #expect(p.tracks[7] == nil)
        #expect(p.time == 104)
    }

    @Test func historyDotsAreSpacedAndBounded() {
        var p = Picture(map: DisplayMap(centre: .init(latitude: 31, longitude: -106)))
        // An update every 4 s for 200 s: a dot each 10 s or more, never more than the limit.
        for i in 0...50 { p.apply(track(1, at: Double(i) * 4, lat: 31 + Double(i) * 0.001)) }
        let history = p.tracks[1]?.history ?? []
        #expect(history.count == Picture.historyLength)
        // The newest dot is an earlier position than the track's own.
        #expect(history.last!.latitude < p.tracks[1]!.track.latitude)
        let steps = zip(history, history.dropFirst()).map { ($1.latitude - $0.latitude) / 0.001 }
        #expect(steps.allSatisfy { $0 >= 2.5 - 1e-9 }) // 10 s apart at one update per 4 s: every 3rd update
    }

    @Test func alertsAreNewestFirstAndTheirTrackCarriesTheScore() {
        var p = Picture(map: DisplayMap(centre: .init(latitude: 31, longitude: -106)))
        p.apply(track(3, at: 10))
        let a = DisplayAlert(id: "3-10000", state: .raised, time: 10, raisedTime: 10, classification: "transponder-off",
                             score: 0.9, reasons: ["PSR-only"], acknowledged: false, track: 3)
        let b = DisplayAlert(id: "4-20000", state: .raised, time: 20, raisedTime: 20, classification: "stone-skip",
                             score: 0.85, reasons: [], acknowledged: false, track: 4)
        p.apply(a)
        p.apply(b)
        #expect(p.alerts.map(\.id) == ["4-20000", "3-10000"])
        #expect(p.tracks[3]?.track.score == 0.9)
        var cleared = a
        cleared.state = .cleared
        p.apply(cleared)
        #expect(p.alerts.map(\.id) == ["4-20000", "3-10000"])
        #expect(p.tracks[3]?.track.score == nil)
        #expect(p.activeAlert(track: 3) == nil)
    }
}
