// One redraw of the operator's display: the whole screen rendered from the picture, then the
// bytes that change the terminal from the last screen to it. 500 tracks with full history and
// leader lines, 20 alerts, a border of 400 points, a coverage floor and restricted areas, at
// 200×60. Each iteration moves every track (two pictures a scan apart, alternately), so the
// writer has changes to write: the worst case of the four redraws a second.
import Benchmark
import Glibc
import Display
import Surveillance

let benchmarks: @Sendable () -> Void = {
    let pictures = [displayPicture(scan: 0), displayPicture(scan: 1)]
    let redraw = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 5,
        maxDuration: .seconds(3),
        maxIterations: 2_000
    )
    Benchmark("Display redraw, 500 tracks, 200×60", configuration: redraw) { benchmark in
        var view = ViewState(metresPerDot: 400, selected: 7)
        var writer = ScreenWriter(colour: true)
        for i in benchmark.scaledIterations {
            let screen = DisplayRenderer.render(pictures[i & 1], view: &view, width: 200, height: 60)
            blackHole(writer.update(to: screen))
        }
    }
}

/// 500 tracks on circles around the centre, 12 history dots each; `scan` moves them all on.
func displayPicture(scan: Int) -> Picture {
    let centre = DisplayMap.Point(latitude: 31, longitude: -106)
    func point(_ north: Double, _ east: Double) -> DisplayMap.Point {
        DisplayMap.Point(latitude: centre.latitude + north / 111_195, longitude: centre.longitude + east / 95_310)
    }
    let border = (0..<400).map { k in point(20_000 + 3_000 * sin(Double(k) / 10), -100_000 + Double(k) * 500) }
    let floor = (0..<360).map { k in point(70_000 * cos(Double(k) * .pi / 180), 70_000 * sin(Double(k) * .pi / 180)) }
    let restricted = (0..<5).map { a in [point(Double(a) * 10_000, 0), point(Double(a) * 10_000 + 5_000, 0), point(Double(a) * 10_000 + 5_000, 5_000)] }
    var picture = Picture(map: DisplayMap(centre: centre, border: [border], restricted: restricted,
                                          places: [.init(kind: .radar, name: "R1", position: centre)], coverageFloor: [floor]))
    let t0 = 1_780_000_000.0
    for step in 0...(Picture.historyLength * 3 + scan) {
        let t = t0 + Double(step) * 4
        for n in 0..<500 {
            let radius = 5_000 + Double(n) * 150, angle = Double(n) * 0.37 + Double(step) * 0.01
            let p = point(radius * cos(angle), radius * sin(angle))
            picture.apply(DisplayTrack(number: UInt16(n + 1), time: t, stage: n % 9 == 0 ? .tentative : .confirmed,
                                       source: n % 4 == 0 ? .psrOnly : .modeS, latitude: p.latitude, longitude: p.longitude,
                                       groundSpeed: 120, heading: Double((n * 37) % 360), flightLevel: n % 4 == 0 ? nil : 120,
                                       altitude: n % 4 == 0 ? 900 : nil, heightAboveGround: 300, borderDistance: 12_000,
                                       mode3A: Mode3A(octal: "1200"), callsign: Callsign("AMX\(n)")))
        }
    }
    for k in 0..<20 {
        picture.apply(DisplayAlert(id: "a\(k)", state: .raised, time: t0 + Double(k), raisedTime: t0 + Double(k),
                                   classification: "transponder-off", score: 0.9, reasons: ["PSR-only", "150 m above ground"],
                                   acknowledged: k % 2 == 0, track: UInt16(k * 25 + 1)))
    }
    return picture
}
