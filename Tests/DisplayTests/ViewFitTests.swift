@testable import Display
import Testing

@Suite struct ViewFitTests {
    static let centre = DisplayMap.Point(latitude: 31, longitude: -110)

    /// A point `east`, `north` metres from the centre, by the display's own flat earth.
    static func point(east: Double, north: Double) -> DisplayMap.Point {
        Projection(centre: centre, metresPerDot: 1, originX: 0, originY: 0).point(east: east, north: north)
    }

    @Test func theFirstZoomShowsTheWholeMapOnTheZoomLadder() throws {
        // A pane of 40×10 cells reaches 40 dots east and 20 dots north of its centre.
        let east = DisplayMap(centre: Self.centre, places: [.init(kind: .radar, name: "R", position: Self.point(east: 100_000, north: 0))])
        // 100 km in 40 dots needs 2,500 m a dot: the ladder 250, 500, 1,000, 2,000, 4,000 gives 4,000.
        #expect(ViewState.fittingScale(east, width: 40, height: 10) == 4_000)
        // 30 km north in 20 dots needs 1,500 m: 2,000.
        let north = DisplayMap(centre: Self.centre, border: [[Self.point(east: -5_000, north: 30_000), Self.point(east: 5_000, north: 30_000)]])
        #expect(ViewState.fittingScale(north, width: 40, height: 10) == 2_000)
        // A small map zooms in below the default: 1 km in 40 dots fits at 31.25 m.
        let small = DisplayMap(centre: Self.centre, places: [.init(kind: .strip, name: "=", position: Self.point(east: 1_000, north: 0))])
        #expect(ViewState.fittingScale(small, width: 40, height: 10) == 31.25)
        #expect(ViewState.fittingScale(DisplayMap(centre: Self.centre), width: 40, height: 10) == nil)
        // Radars and strips set it; an airport 300 km away does not.
        let watch = DisplayMap(centre: Self.centre, places: [
            .init(kind: .radar, name: "R", position: Self.point(east: 100_000, north: 0)),
            .init(kind: .airport, name: "A", position: Self.point(east: 0, north: 300_000)),
        ])
        #expect(ViewState.fittingScale(watch, width: 40, height: 10) == 4_000)
    }
}
