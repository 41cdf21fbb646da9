import Geodesy
import Glibc  // floor

extension Session {
    /// South-west corners of the 1° cells any flight passes over (its position each second),
    /// south to north, then west to east: where a classifier of this session's tracks needs the
    /// ground.
    public func tileCorners() -> [(south: Int, west: Int)] {
        var cells = Set<[Int]>()
        for t in trajectories() {
            for s in t.states {
                let p = position(of: s)
                cells.insert([Int(floor(p.latitude)), Int(floor(p.longitude))])
            }
        }
        return cells.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }.map { ($0[0], $0[1]) }
    }

    /// The synthetic relief the flights fly over; nil for a scenario without `terrain_seed`,
    /// whose sea-level ground no tile describes.
    public var relief: SyntheticTerrain? { ground as? SyntheticTerrain }

    /// The relief as SRTM3 tiles over `tileCorners()`; none without a relief.
    public func terrainTiles() -> [SRTMTile] {
        guard let relief else { return [] }
        return tileCorners().map { relief.tile(south: $0.south, west: $0.west) }
    }
}
