import Display
import Geodesy
import Glibc  // cos, sin: see SWIFT.md, pitfall 3
import Profiling
import Tracking

/// The plan view's map: the zones file's border, restricted areas, airports and strips, the radar
/// sites, and each radar's low-altitude coverage floor.
enum DisplayMapBuilder {
    /// The height above the ground, metres (500 ft), whose coverage limit the display draws: the
    /// ring beyond which a flight that low is under the radar's horizon. Smooth 4/3 earth; terrain
    /// masking is not drawn.
    static let floorHeight = 150.0

    static func map(zones: Zones?, radars: [SensorSettings], ground: (any Ground)?) -> DisplayMap {
        var places: [DisplayMap.Place] = []
        var floor: [[DisplayMap.Point]] = []
        for r in radars {
            guard let a = r.antenna else { continue }
            let site = DisplayMap.Point(latitude: a.latitude, longitude: a.longitude)
            places.append(.init(kind: .radar, name: "\(r.sensor)", position: site))
            // The antenna's height above its own ground where the ground is known, else above the sea.
            let antenna = a.height - (ground?.height(latitude: a.latitude, longitude: a.longitude) ?? 0)
            let range = EarthModel.fourThirds.horizon(antennaHeight: antenna, targetHeight: floorHeight)
            floor.append(circle(around: site, radius: range))
        }
        for airport in zones?.airports ?? [] {
            places.append(.init(kind: .airport, name: airport.icao, position: airport.position))
        }
        for strip in zones?.strips ?? [] {
            places.append(.init(kind: .strip, name: strip.name, position: strip.position))
        }
        let border = zones.map { $0.border.isEmpty ? [] : [$0.border] } ?? []
        let restricted = zones?.restricted.map { $0.ring } ?? []
        return DisplayMap(centre: centre(radars: places.filter { $0.kind == .radar }.map(\.position), border: border.first ?? []),
                          border: border, restricted: restricted, places: places, coverageFloor: floor)
    }

    /// The radars' mean position; without radars, the border's middle point.
    private static func centre(radars: [DisplayMap.Point], border: [DisplayMap.Point]) -> DisplayMap.Point {
        let points = radars.isEmpty ? (border.isEmpty ? [] : [border[border.count / 2]]) : radars
        guard !points.isEmpty else { return .init(latitude: 0, longitude: 0) }
        let n = Double(points.count)
        return .init(latitude: points.map(\.latitude).reduce(0, +) / n, longitude: points.map(\.longitude).reduce(0, +) / n)
    }

    /// A circle of `radius` metres on the local flat earth, as 72 points (closed).
    private static func circle(around c: DisplayMap.Point, radius: Double) -> [DisplayMap.Point] {
        let metresPerDegreeLat = 110_574.0, metresPerDegreeLon = 111_320.0 * cos(c.latitude * .pi / 180)
        return (0...72).map { i in
            let a = Double(i) * 5 * .pi / 180
            return .init(latitude: c.latitude + radius * cos(a) / metresPerDegreeLat,
                         longitude: c.longitude + radius * sin(a) / metresPerDegreeLon)
        }
    }
}
