import Geodesy
import Glibc

/// A made-up but plausible relief for the Sonora–Chihuahua border: the basin-and-range country of
/// the west (long ridges running north-north-west, 10–20 km apart, with flat valleys between) rising
/// east into the Sierra Madre Occidental. No public data set is copied; the same seed gives the
/// same ground, so a session and its terrain tiles always agree. Around airfields the relief is
/// levelled to their real elevations.
public struct SyntheticTerrain: Ground {
    /// An airfield the ground is levelled around.
    public struct Airfield: Sendable, Equatable {
        public var latitude: Double
        public var longitude: Double
        /// Metres above sea level.
        public var elevation: Double

        public init(latitude: Double, longitude: Double, elevation: Double) {
            self.latitude = latitude
            self.longitude = longitude
            self.elevation = elevation
        }
    }

    /// Within this distance of an airfield, metres, the ground is at its elevation; beyond, it may
    /// depart from it by `airfieldSlope` of the extra distance, a gentler slope than a 3° glide
    /// path (5 %), so approaches and climb-outs clear the relief.
    public static let airfieldRadius = 3000.0
    public static let airfieldSlope = 0.02


    struct Ridge: Sendable {
        /// Spacing across the ridges, km, and where the first crest lies.
        var wavelength: Double
        var phase: Double
        /// Crest height above the valley floor, m.
        var amplitude: Double
        /// Orientation of the crest line, degrees east of north.
        var strike: Double
    }

    private let ridges: [Ridge]
    public let airfields: [Airfield]

    public init(seed: UInt64, airfields: [Airfield] = []) {
        self.airfields = airfields
        var rng = SplitMix64(seed: seed ^ 0x7E44_A1B5)
        ridges = (0..<4).map { i in
            Ridge(wavelength: Double.random(in: 9...22, using: &rng) * Double(i + 1) / 2,
                  phase: Double.random(in: 0..<1, using: &rng),
                  amplitude: Double.random(in: 150...650, using: &rng) / Double(i + 1).squareRoot(),
                  strike: Double.random(in: -25 ... -5, using: &rng))
        }
    }

    /// Ground height above the geoid, metres; defined everywhere.
    public func height(latitude: Double, longitude: Double) -> Double? {
        groundHeight(latitude: latitude, longitude: longitude)
    }

    /// Ground height above the geoid, metres.
    public func groundHeight(latitude: Double, longitude: Double) -> Double {
        // Valley floors near 350 m by the Gulf, rising east to ~1500 m on the Chihuahua plateau.
        let eastward = min(max((longitude + 114.5) / 8.5, 0), 1)
        var h = 350 + 1150 * eastward * eastward
        // The Sierra Madre: a broad high belt around 108° W south of 31° N.
        let sierra = exp(-pow((longitude + 108.0) / 0.9, 2)) * min(max((31.5 - latitude) / 1.5, 0), 1)
        h += 1300 * sierra
        // Basin and range: ridges as sharpened cosines, valley floors flat between them.
        let kmNorth = latitude * 111.2, kmEast = longitude * 111.2 * cos(31.0 * Double.pi / 180)
        for r in ridges {
            let s = r.strike * Double.pi / 180
            let across = kmEast * cos(s) - kmNorth * sin(s)
            let c = cos(2 * Double.pi * (across / r.wavelength + r.phase))
            h += r.amplitude * pow(max(c, 0), 3)
        }
        for a in airfields {
            let dn = (latitude - a.latitude) * 111_200
            let de = (longitude - a.longitude) * 111_200 * cos(a.latitude * Double.pi / 180)
            let allowed = max(0, (dn * dn + de * de).squareRoot() - Self.airfieldRadius) * Self.airfieldSlope
            h = min(max(h, a.elevation - allowed), a.elevation + allowed)
        }
        return h
    }

    /// An SRTM3 tile of this ground (1201 × 1201 samples, 3″ apart).
    public func tile(south: Int, west: Int) -> SRTMTile {
        let n = 1201
        var heights = [Int16](repeating: 0, count: n * n)
        for r in 0..<n {
            let lat = Double(south + 1) - Double(r) / Double(n - 1)
            for c in 0..<n {
                let h = groundHeight(latitude: lat, longitude: Double(west) + Double(c) / Double(n - 1))
                heights[r * n + c] = Int16(clamping: Int(h.rounded()))
            }
        }
        return SRTMTile(south: south, west: west, size: n, heights: heights)
    }
}
