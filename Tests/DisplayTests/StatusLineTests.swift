@testable import Display
import Testing

@Suite struct StatusLineTests {
    private func status(_ picture: Picture, width: Int = 200) -> Screen {
        var screen = Screen(width: width, height: 1)
        StatusLine.draw(picture, into: &screen, row: 0, width: width)
        return screen
    }

    @Test func theTimeOfThePictureSourcesAndOutputs() {
        // 1 780 000 000 s after 1970: 20 601 days (2026-05-28) and 73 600 s (20:26:40).
        var picture = Fixtures.picture([Fixtures.track(1)])
        picture.sources = [SourceStatus(name: "radar-north", state: "connected", plotsPerSecond: 121.6, drops: 3, decodeErrors: 2),
                           SourceStatus(name: "usb\u{1B}[2J", state: "lost")]
        picture.outputs = ["CAT062 → 127.0.0.1:4001"]
        let line = status(picture).line(0)
        #expect(line.hasPrefix("2026-05-28 20:26:40Z"))
        #expect(line.contains("radar-north connected 122/s drops 3 errors 2"))
        #expect(line.contains("usb lost"))
        #expect(line.contains("→ CAT062 → 127.0.0.1:4001"))
        #expect(!line.contains("STALE"))
    }

    @Test func aStalePictureSaysHowOld() {
        var picture = Fixtures.picture([Fixtures.track(1)])
        picture.dataAge = 3
        #expect(!status(picture).line(0).contains("STALE"))
        picture.dataAge = 75
        let screen = status(picture)
        #expect(screen.line(0).contains("STALE 1m15s"))
        let at = screen.line(0).column(of: "STALE")!
        #expect(screen[at, 0].style.inverse)
    }

    @Test func aReplaySaysWhereHowFastAndPaused() {
        var picture = Fixtures.picture([Fixtures.track(1)])
        picture.replay = ReplayStatus(position: Fixtures.time - 1, speed: 10, paused: true)
        picture.dataAge = 60 // paused: no data is expected, so not stale
        let line = status(picture).line(0)
        #expect(line.contains("REPLAY 20:26:39 ×10"))
        #expect(line.contains("PAUSED"))
        #expect(!line.contains("STALE"))
        picture.replay = ReplayStatus(position: nil, speed: nil, finished: true)
        #expect(status(picture).line(0).contains("REPLAY --:--:-- max END"))
    }

    @Test func withoutDataItSaysSo() {
        #expect(status(Fixtures.picture()).line(0).hasPrefix("no data yet"))
    }
}
