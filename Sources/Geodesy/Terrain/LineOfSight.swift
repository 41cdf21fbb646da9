import Glibc

/// Anything that knows the height of the ground: SRTM tiles, or the simulator's synthetic relief.
public protocol Ground: Sendable {
    /// Metres above the geoid, or nil where unknown.
    func height(latitude: Double, longitude: Double) -> Double?
}

extension Terrain: Ground {}

extension Ground {
    /// True when the radar's ray to the target clears the ground all the way: the radio path
    /// profile on a k·R earth, where the ground between the two ends rises by the earth bulge
    /// d·(D−d)/(2kR) against the straight line joining the antenna and the target. Heights of
    /// antenna and target are taken as above the geoid like the tiles' (the ellipsoid–geoid gap,
    /// about −30 m in the region, is far inside what masking needs). Where no tile covers a point,
    /// or the ground lies below the sea, it counts as sea level.
    /// - Parameter spacing: metres between the profile's samples (SRTM3 samples are ~90 m apart).
    public func lineOfSight(from site: RadarSite, to target: GeodeticPosition,
                            earth: EarthModel = .fourThirds, spacing: Double = 250) -> Bool {
        guard target.isValid, earth.isValid, spacing > 0 else { return false }
        let end = site.frame.enu(from: target)
        let distance = site.groundDistance(to: target)
        guard distance.isFinite else { return false }
        let kR = earth.k * site.earthRadius(azimuth: Self.azimuthDegrees(east: end.east, north: end.north))
        let steps = max(2, Int((distance / spacing).rounded(.up)))
        let ha = site.antenna.height, ht = target.height
        for i in 1..<steps {
            let f = Double(i) / Double(steps)
            let d = f * distance
            let ground = site.frame.geodetic(from: ENU(east: f * end.east, north: f * end.north, up: 0))
            let terrain = max(height(latitude: ground.latitude, longitude: ground.longitude) ?? 0, 0)
            let bulge = d * (distance - d) / (2 * kR)
            if ha + (ht - ha) * f < terrain + bulge { return false }
        }
        return true
    }

    static func azimuthDegrees(east: Double, north: Double) -> Double {
        var a = atan2(east, north) * 180 / Double.pi
        if a < 0 { a += 360 }
        return a
    }
}
