import Glibc

/// Ground height from a set of SRTM tiles: what turns an altitude into a height above ground, and
/// what masks a low flight from a radar.
public struct Terrain: Sendable {
    private var tiles: [Int: SRTMTile] = [:]

    public init(tiles: [SRTMTile] = []) {
        for t in tiles { add(t) }
    }

    public mutating func add(_ tile: SRTMTile) {
        tiles[Self.key(tile.south, tile.west)] = tile
    }

    public var tileCount: Int { tiles.count }

    /// Metres above the geoid at a point, or nil where no tile covers it (or its data is void).
    public func height(latitude: Double, longitude: Double) -> Double? {
        guard latitude.isFinite, longitude.isFinite else { return nil }
        let south = Int(floor(latitude)), west = Int(floor(longitude))
        if let h = tiles[Self.key(south, west)]?.height(latitude: latitude, longitude: longitude) { return h }
        // A point on a tile's north or east edge belongs to the neighbour's key but lies in this one
        // too; its north-east corner, to the diagonal neighbour's.
        return tiles[Self.key(south - 1, west)]?.height(latitude: latitude, longitude: longitude)
            ?? tiles[Self.key(south, west - 1)]?.height(latitude: latitude, longitude: longitude)
            ?? tiles[Self.key(south - 1, west - 1)]?.height(latitude: latitude, longitude: longitude)
    }

    private static func key(_ south: Int, _ west: Int) -> Int { (south + 90) * 1000 + (west + 180) }
}
