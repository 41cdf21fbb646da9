import Testing
@testable import Geodesy

@Suite struct TerrainTests {
    /// An SRTM3 tile whose samples lie on the plane h = 3·row + 2·col metres: bilinear
    /// interpolation reproduces a plane exactly, so every expected height below is worked out
    /// from the plane, not from our code.
    static func plane(south: Int = 31, west: Int = -111) -> SRTMTile {
        let n = 1201
        var h = [Int16](repeating: 0, count: n * n)
        for r in 0..<n { for c in 0..<n { h[r * n + c] = Int16(3 * r + 2 * c) } }
        return SRTMTile(south: south, west: west, size: n, heights: h)
    }

    @Test func namesGiveTheSouthWestCorner() {
        #expect(SRTMTile.corner(of: "N31W111.hgt")! == (31, -111))
        #expect(SRTMTile.corner(of: "data/s05e010.HGT")! == (-5, 10))
        #expect(SRTMTile.corner(of: "X31W111.hgt") == nil)
        #expect(SRTMTile.corner(of: "N3W1.hgt") == nil)
        #expect(SRTMTile.name(south: 31, west: -111) == "N31W111.hgt")
        #expect(SRTMTile.name(south: -5, west: 10) == "S05E010.hgt")
    }

    @Test func heightsAreInterpolatedBetweenSamples() throws {
        let tile = Self.plane()
        let step = 1.0 / 1200
        // The north-west corner is sample (0, 0).
        #expect(tile.height(latitude: 32, longitude: -111) == 0)
        // Row 10, column 20: 3·10 + 2·20 = 70 m.
        let h = try #require(tile.height(latitude: 32 - 10 * step, longitude: -111 + 20 * step))
        #expect(abs(h - 70) < 1e-6)
        // Half-way between rows 10 and 11 and columns 20 and 21: 3·10.5 + 2·20.5 = 72.5 m.
        let mid = try #require(tile.height(latitude: 32 - 10.5 * step, longitude: -111 + 20.5 * step))
        #expect(abs(mid - 72.5) < 1e-6)
        // The south-east corner, sample (1200, 1200): 3·1200 + 2·1200 = 6000 m.
        #expect(tile.height(latitude: 31, longitude: -110) == 6000)
        #expect(tile.height(latitude: 30.999, longitude: -110.5) == nil)
        #expect(tile.height(latitude: .nan, longitude: -110.5) == nil)
    }

    @Test func voidSamplesGiveNoHeight() {
        var h = Self.plane().heights
        h[0] = SRTMTile.void
        let tile = SRTMTile(south: 31, west: -111, size: 1201, heights: h)
        #expect(tile.height(latitude: 32, longitude: -111) == nil)
        #expect(tile.height(latitude: 31.5, longitude: -110.5) != nil)
    }

    @Test func fileBytesRoundTripAndBadFilesAreRefused() throws {
        let tile = Self.plane()
        let bytes = tile.bytes
        #expect(bytes.count == 2 * 1201 * 1201)
        // Big-endian: sample (0, 1) is 2 m → 00 02.
        #expect(Array(bytes[2..<4]) == [0x00, 0x02])
        #expect(try SRTMTile(name: "N31W111.hgt", bytes: bytes) == tile)
        #expect(throws: SRTMTile.Failure.badSize(name: "N31W111.hgt", bytes: 10)) {
            try SRTMTile(name: "N31W111.hgt", bytes: [UInt8](repeating: 0, count: 10))
        }
        #expect(throws: SRTMTile.Failure.badName("terrain.bin")) { try SRTMTile(name: "terrain.bin", bytes: bytes) }
    }

    @Test func terrainFindsTheTileAndItsEdges() {
        let terrain = Terrain(tiles: [Self.plane(south: 31, west: -111), Self.plane(south: 31, west: -110)])
        #expect(terrain.tileCount == 2)
        // −110° is the east edge of the first tile and the west edge of the second: both say
        // column 0 of the second, which at the north edge is 0 m.
        #expect(terrain.height(latitude: 32, longitude: -110) != nil)
        #expect(terrain.height(latitude: 31.5, longitude: -109.5) != nil)
        // The north-east corner of the last tile is its sample (0, 1200), though it keys to 32° N 109° W.
        #expect(terrain.height(latitude: 32, longitude: -109) == Self.plane(south: 31, west: -110).height(latitude: 32, longitude: -109))
        #expect(terrain.height(latitude: 32, longitude: -109) != nil)
        #expect(terrain.height(latitude: 33.5, longitude: -109.5) == nil)
        #expect(terrain.height(latitude: .infinity, longitude: 0) == nil)
    }
}
