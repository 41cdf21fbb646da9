import Geodesy
import Testing
@testable import Simulation

@Suite struct SyntheticTerrainTests {
    @Test func theSameSeedGivesTheSameGround() {
        let a = SyntheticTerrain(seed: 5), b = SyntheticTerrain(seed: 5), c = SyntheticTerrain(seed: 6)
        #expect(a.groundHeight(latitude: 31.3, longitude: -110.9) == b.groundHeight(latitude: 31.3, longitude: -110.9))
        #expect(a.groundHeight(latitude: 31.3, longitude: -110.9) != c.groundHeight(latitude: 31.3, longitude: -110.9))
    }

    @Test func reliefIsThatOfTheRegion() {
        let t = SyntheticTerrain(seed: 1)
        var low = Double.infinity, high = -Double.infinity
        for i in 0..<200 {
            for j in 0..<200 {
                let h = t.groundHeight(latitude: 29 + Double(i) * 0.02, longitude: -115 + Double(j) * 0.055)
                low = min(low, h)
                high = max(high, h)
            }
        }
        // Valleys near the Gulf a few hundred metres up; Sierra Madre summits near 3,000 m.
        #expect(low > 200 && low < 600)
        #expect(high > 2000 && high < 3500)
        // The plateau in the east stands higher than the coast in the west.
        #expect(t.groundHeight(latitude: 31, longitude: -106) > t.groundHeight(latitude: 31, longitude: -114) + 500)
    }

    @Test func tilesSampleTheGroundAndReadBackThroughTheTerrainReader() throws {
        let t = SyntheticTerrain(seed: 1)
        let tile = t.tile(south: 31, west: -111)
        let again = try SRTMTile(name: tile.name, bytes: tile.bytes)
        let terrain = Terrain(tiles: [again])
        for (lat, lon) in [(31.0, -111.0), (31.5, -110.5), (31.99, -110.01), (31.2345, -110.6789)] {
            let h = try #require(terrain.height(latitude: lat, longitude: lon))
            // 3″ samples rounded to the metre: the interpolated tile stays within a few metres
            // of the ground it was sampled from, even on ridge flanks.
            #expect(abs(h - t.groundHeight(latitude: lat, longitude: lon)) < 15, "at \(lat), \(lon)")
        }
    }
}
