#if canImport(Glibc)
import Glibc
#endif

/// Degrees to the plan view's dots. Flat earth, equirectangular around the view centre's
/// latitude: over the few hundred kilometres a display shows, the distortion is well under a
/// dot, and a display needs nothing better. The dots are square (a Braille cell is 2 dots wide
/// and 4 high, a terminal cell about twice as high as wide), so one scale serves both axes.
struct Projection {
    static let earthRadius = 6_371_008.8 // mean radius, metres
    static let metresPerDegree = earthRadius * Double.pi / 180

    let centre: DisplayMap.Point
    let metresPerDot: Double
    /// The dot the centre lands on.
    let originX: Double
    let originY: Double
    private let eastScale: Double

    init(centre: DisplayMap.Point, metresPerDot: Double, originX: Double, originY: Double) {
        self.centre = centre
        self.metresPerDot = metresPerDot
        self.originX = originX
        self.originY = originY
        eastScale = Self.metresPerDegree * cos(centre.latitude * Double.pi / 180)
    }

    /// Metres east and north of the centre.
    func metres(_ latitude: Double, _ longitude: Double) -> (east: Double, north: Double) {
        var dLon = longitude - centre.longitude
        if dLon > 180 { dLon -= 360 } else if dLon < -180 { dLon += 360 }
        return (dLon * eastScale, (latitude - centre.latitude) * Self.metresPerDegree)
    }

    /// The dot (x right, y down) of a position.
    func dot(_ latitude: Double, _ longitude: Double) -> (x: Double, y: Double) {
        let m = metres(latitude, longitude)
        return (originX + m.east / metresPerDot, originY - m.north / metresPerDot)
    }

    func dot(_ p: DisplayMap.Point) -> (x: Double, y: Double) { dot(p.latitude, p.longitude) }

    /// The position `east` and `north` metres from the centre.
    func point(east: Double, north: Double) -> DisplayMap.Point {
        DisplayMap.Point(latitude: centre.latitude + north / Self.metresPerDegree,
                         longitude: centre.longitude + (eastScale > 0 ? east / eastScale : 0))
    }
}
