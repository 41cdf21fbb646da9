import Surveillance
import Testing
@testable import Geodesy

@Suite struct LineOfSightTests {
    /// A radar at 31.0° N 111.0° W, antenna 15 m up, over flat ground at sea level (one tile of
    /// zeros north of it), and the same with a ridge across the tile.
    static let site = try! RadarSite(sensor: SensorID(sac: 50, sic: 1),
                                     antenna: GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 15))

    static func flat() -> Terrain {
        Terrain(tiles: [SRTMTile(south: 31, west: -111, size: 1201, heights: [Int16](repeating: 0, count: 1201 * 1201))])
    }

    /// Flat ground with a 1,000 m ridge along latitude 31.36° (about 40 km north of the radar).
    static func ridge() -> Terrain {
        var h = [Int16](repeating: 0, count: 1201 * 1201)
        let row = Int(((32.0 - 31.36) * 1200).rounded())
        for r in (row - 3)...(row + 3) { for c in 0..<1201 { h[r * 1201 + c] = 1000 } }
        return Terrain(tiles: [SRTMTile(south: 31, west: -111, size: 1201, heights: h)])
    }

    /// A point due north of the radar at `km` and `height` metres.
    static func north(_ km: Double, height: Double) -> GeodeticPosition {
        site.frame.geodetic(from: ENU(east: 0, north: km * 1000, up: 0)).with(height: height)
    }

    @Test func overFlatGroundTheHorizonIsTheFourThirdsEarthOne() {
        // 500 ft (152.4 m) with a 15 m antenna: 4.12 (√15 + √152.4) = 66.8 km (DOMAIN.md §2).
        let terrain = Self.flat()
        #expect(terrain.lineOfSight(from: Self.site, to: Self.north(60, height: 152.4)))
        #expect(!terrain.lineOfSight(from: Self.site, to: Self.north(75, height: 152.4)))
        // On the geometric earth the horizon is nearer: 3.57 (√15 + √152.4) = 57.9 km.
        #expect(!terrain.lineOfSight(from: Self.site, to: Self.north(62, height: 152.4), earth: .geometric))
    }

    @Test func aRidgeHidesWhatFliesLowBehindIt() {
        let terrain = Self.ridge()
        // In front of the ridge, low: seen. Behind it, low: hidden. Behind it, high enough that the
        // line from the antenna clears 1,000 m at 40 km (≥ 1,000 · 60/40 m plus the bulge): seen.
        #expect(terrain.lineOfSight(from: Self.site, to: Self.north(30, height: 300)))
        #expect(!terrain.lineOfSight(from: Self.site, to: Self.north(60, height: 500)))
        #expect(terrain.lineOfSight(from: Self.site, to: Self.north(60, height: 2000)))
        // The flat ground alone would have shown the low one.
        #expect(Self.flat().lineOfSight(from: Self.site, to: Self.north(60, height: 500)))
    }

    @Test func badTargetsAreNotVisible() {
        #expect(!Self.flat().lineOfSight(from: Self.site, to: GeodeticPosition(latitude: .nan, longitude: 0, height: 0)))
        #expect(!Self.flat().lineOfSight(from: Self.site, to: Self.north(10, height: 100), spacing: 0))
    }
}

extension GeodeticPosition {
    func with(height h: Double) -> GeodeticPosition { GeodeticPosition(latitude: latitude, longitude: longitude, height: h) }
}
