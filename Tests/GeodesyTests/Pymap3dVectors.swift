import FoundationEssentials
@testable import Geodesy

/// The vectors tools/geodesy_vectors.py computed with pymap3d (`--check` proves the file is
/// what pymap3d gives today).
struct Pymap3dVectors: Decodable, Sendable {
    struct Point: Decodable, Sendable {
        let lat: Double, lon: Double, h: Double
        var geodetic: GeodeticPosition { GeodeticPosition(latitude: lat, longitude: lon, height: h) }
    }
    struct GeodeticECEF: Decodable, Sendable {
        let lat: Double, lon: Double, h: Double, x: Double, y: Double, z: Double
        var geodetic: GeodeticPosition { GeodeticPosition(latitude: lat, longitude: lon, height: h) }
        var ecef: ECEF { ECEF(x: x, y: y, z: z) }
    }
    struct GeodeticENU: Decodable, Sendable {
        let lat: Double, lon: Double, h: Double, e: Double, n: Double, u: Double
        var geodetic: GeodeticPosition { GeodeticPosition(latitude: lat, longitude: lon, height: h) }
        var enu: ENU { ENU(east: e, north: n, up: u) }
    }
    struct AER: Decodable, Sendable {
        let site: String
        let siteLat: Double, siteLon: Double, siteH: Double
        let lat: Double, lon: Double, h: Double
        let az: Double, el: Double, range: Double
        /// Vincenty geodesic from the site to the target, at the ellipsoid.
        let geodesic: Double
        var antenna: GeodeticPosition { GeodeticPosition(latitude: siteLat, longitude: siteLon, height: siteH) }
        var target: GeodeticPosition { GeodeticPosition(latitude: lat, longitude: lon, height: h) }
    }

    let pymap3d: String
    let centre: Point
    let geodeticToECEF: [GeodeticECEF]
    let ecefToGeodetic: [GeodeticECEF]
    let geodeticToENU: [GeodeticENU]
    let enuToGeodetic: [GeodeticENU]
    let aer: [AER]

    static func load() throws -> Pymap3dVectors {
        let folder = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
        let data = try Data(contentsOf: URL(filePath: folder + "/Fixtures/pymap3d_vectors.json"))
        return try JSONDecoder().decode(Pymap3dVectors.self, from: data)
    }
}

/// Distance between two geodetic positions through ECEF, metres: one number for "the same
/// place", whichever way the longitude is written at the antimeridian.
func separation(_ a: GeodeticPosition, _ b: GeodeticPosition) -> Double {
    a.ecef.distance(to: b.ecef)
}

/// Smallest difference between two angles in degrees, modulo 360.
func angleDifference(_ a: Double, _ b: Double) -> Double {
    abs((a - b).remainder(dividingBy: 360))
}
