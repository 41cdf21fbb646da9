import Glibc

/// East, north, up, metres, in a local tangent plane.
public struct ENU: Sendable, Equatable, CustomStringConvertible {
    public var east: Double
    public var north: Double
    public var up: Double

    public init(east: Double, north: Double, up: Double) {
        self.east = east
        self.north = north
        self.up = up
    }

    /// Length of the vector, metres.
    public var norm: Double { (east * east + north * north + up * up).squareRoot() }

    public var description: String { "ENU(\(east), \(north), \(up))" }
}

/// A local east-north-up frame around a configured centre: the plane tangent to the ellipsoid at
/// the centre, up along the ellipsoid normal. Exact (a rotation and a shift of ECEF, no
/// projection), so it suits 3-D work near the centre; far from it "up" tilts away from the local
/// vertical (about 1° per 111 km), which is what the stereographic plane avoids.
///
/// The rotation is computed once in the initializer, so ECEF ↔ ENU is nine multiply-adds.
public struct LocalTangentPlane: Sendable {
    public let centre: GeodeticPosition
    public let centreECEF: ECEF
    public let ellipsoid: Ellipsoid
    // Rows of the ECEF → ENU rotation; its transpose goes back.
    let ex: Double, ey: Double
    let nx: Double, ny: Double, nz: Double
    let ux: Double, uy: Double, uz: Double

    public init(centre: GeodeticPosition, ellipsoid: Ellipsoid = .wgs84) throws(GeodesyError) {
        let c = try GeodeticPosition(validatingLatitude: centre.latitude, longitude: centre.longitude,
                                     height: centre.height)
        self.centre = c
        self.ellipsoid = ellipsoid
        centreECEF = ellipsoid.ecef(from: c)
        let φ = c.latitude * Angle.radiansPerDegree, λ = c.longitude * Angle.radiansPerDegree
        let sφ = sin(φ), cφ = cos(φ), sλ = sin(λ), cλ = cos(λ)
        ex = -sλ; ey = cλ
        nx = -sφ * cλ; ny = -sφ * sλ; nz = cφ
        ux = cφ * cλ; uy = cφ * sλ; uz = sφ
    }

    @inline(__always)
    public func enu(from p: ECEF) -> ENU {
        let dx = p.x - centreECEF.x, dy = p.y - centreECEF.y, dz = p.z - centreECEF.z
        return ENU(east: ex * dx + ey * dy,
                   north: nx * dx + ny * dy + nz * dz,
                   up: ux * dx + uy * dy + uz * dz)
    }

    @inline(__always)
    public func ecef(from v: ENU) -> ECEF {
        ECEF(x: centreECEF.x + ex * v.east + nx * v.north + ux * v.up,
             y: centreECEF.y + ey * v.east + ny * v.north + uy * v.up,
             z: centreECEF.z + nz * v.north + uz * v.up)
    }

    /// An invalid position gives all-NaN.
    public func enu(from p: GeodeticPosition) -> ENU { enu(from: ellipsoid.ecef(from: p)) }

    public func geodetic(from v: ENU) -> GeodeticPosition { ellipsoid.geodetic(from: ecef(from: v)) }

    /// A direction (no shift): ECEF vector → ENU components.
    @inline(__always)
    func rotate(dx: Double, dy: Double, dz: Double) -> ENU {
        ENU(east: ex * dx + ey * dy, north: nx * dx + ny * dy + nz * dz, up: ux * dx + uy * dy + uz * dz)
    }
}
