import Testing
@testable import Geodesy

@Suite struct EllipsoidTests {
    let wgs = Ellipsoid.wgs84

    @Test func wgs84Constants() {
        // NIMA TR8350.2 table 3.3: b = 6 356 752.3142 m, e² = 6.694 379 990 14e-3.
        #expect(abs(wgs.semiMinorAxis - 6_356_752.3142) < 1e-4)
        #expect(abs(wgs.eccentricitySquared - 6.694_379_990_14e-3) < 1e-14)
        // At the equator N = a and M = a(1 − e²); at the pole both are a²/b.
        #expect(abs(wgs.primeVerticalRadius(latitude: 0) - wgs.semiMajorAxis) < 1e-9)
        #expect(abs(wgs.meridianRadius(latitude: 0) - wgs.semiMajorAxis * (1 - wgs.eccentricitySquared)) < 1e-6)
        let polar = wgs.semiMajorAxis * wgs.semiMajorAxis / wgs.semiMinorAxis
        #expect(abs(wgs.meridianRadius(latitude: 90) - polar) < 1e-6)
        #expect(abs(wgs.gaussianRadius(latitude: 90) - polar) < 1e-6)
    }

    @Test func equatorAndPrimeMeridianIsOnTheXAxis() {
        let e = GeodeticPosition(latitude: 0, longitude: 0).ecef
        #expect(e == ECEF(x: 6_378_137, y: 0, z: 0))
        let east = GeodeticPosition(latitude: 0, longitude: 90, height: 1000).ecef
        #expect(abs(east.x) < 1e-9 && abs(east.y - 6_379_137) < 1e-9 && east.z == 0)
    }

    @Test func poleIsOnTheZAxisAtB() {
        let n = GeodeticPosition(latitude: 90, longitude: 0).ecef
        #expect(abs(n.x) < 1e-9 && n.y == 0 && abs(n.z - wgs.semiMinorAxis) < 1e-9)
        let s = GeodeticPosition(latitude: -90, longitude: 123, height: 10).ecef
        #expect(abs(s.x) < 1e-9 && abs(s.y) < 1e-9 && abs(s.z + wgs.semiMinorAxis + 10) < 1e-9)
        // And back: on the axis the longitude is 0 by convention.
        let back = n.geodetic
        #expect(back.latitude == 90 && back.longitude == 0 && abs(back.height) < 1e-9)
    }

    /// IOGP Guidance Note 7-2 §2.2.1 (EPSG method 9602), WGS 84: 53°48'33.820"N 2°07'46.380"E
    /// 73.0 m ⇄ X 3 771 793.968, Y 140 253.342, Z 5 124 304.349 m (published to the millimetre).
    @Test func publishedGeocentricExample() {
        let p = GeodeticPosition(latitude: 53 + 48 / 60.0 + 33.820 / 3600, longitude: 2 + 7 / 60.0 + 46.380 / 3600, height: 73)
        let published = ECEF(x: 3_771_793.968, y: 140_253.342, z: 5_124_304.349)
        #expect(p.ecef.distance(to: published) < 1e-3)
        #expect(separation(published.geodetic, p) < 1e-3)
    }

    @Test func roundTripsStayWithinAMillimetre() {
        var worst = 0.0
        for lat in stride(from: -90.0, through: 90, by: 7.5) {
            for lon in stride(from: -180.0, through: 180, by: 22.5) {
                for h in [-400.0, 0, 152.4, 1200, 12_000, 400_000, 35_786_000] {
                    let p = GeodeticPosition(latitude: lat, longitude: lon, height: h)
                    let back = p.ecef.geodetic
                    // Near a pole longitude means little: measure in metres.
                    let d = separation(back, p)
                    worst = max(worst, d)
                    #expect(abs(back.height - h) < 1e-3 && d < 1e-3, "\(p) came back as \(back)")
                }
            }
        }
        print("geodetic → ECEF → geodetic: max \(worst) m")
    }

    @Test func longitudeComesBackWithinHalfTurn() {
        let back = GeodeticPosition(latitude: 10, longitude: 190).ecef.geodetic
        #expect(abs(back.longitude - -170) < 1e-9)
        let validated = try? GeodeticPosition(validatingLatitude: 10, longitude: 540)
        #expect(validated?.longitude == 180)
        #expect((try? GeodeticPosition(validatingLatitude: 10, longitude: -180))?.longitude == 180)
    }

    @Test func centreOfTheEarthIsClearNotATrap() {
        let c = ECEF(x: 0, y: 0, z: 0).geodetic
        #expect(c.latitude == 90 && abs(c.height + wgs.semiMinorAxis) < 1e-9)
        // Deep inside, off the axis: finite, latitude in range.
        let deep = ECEF(x: 10_000, y: 0, z: 1_000).geodetic
        #expect(deep.isValid)
    }
}

@Suite struct BadInputTests {
    @Test func invalidPositionsConvertToNaNNotToAnotherPlace() {
        for bad in [GeodeticPosition(latitude: .nan, longitude: 0), GeodeticPosition(latitude: 95, longitude: 0),
                    GeodeticPosition(latitude: -90.000001, longitude: 0), GeodeticPosition(latitude: 0, longitude: .infinity),
                    GeodeticPosition(latitude: 0, longitude: 0, height: .nan)] {
            #expect(!bad.isValid)
            let e = bad.ecef
            #expect(e.x.isNaN && e.y.isNaN && e.z.isNaN, "\(bad)")
        }
        let g = ECEF(x: .nan, y: 1, z: 1).geodetic
        #expect(g.latitude.isNaN && g.longitude.isNaN && g.height.isNaN)
        #expect(!ECEF(x: .infinity, y: 0, z: 0).geodetic.isValid)
    }

    @Test func validationSaysWhatWasWrong() {
        #expect(throws: GeodesyError.latitudeOutOfRange(91)) { try GeodeticPosition(validatingLatitude: 91, longitude: 0) }
        #expect(throws: GeodesyError.longitudeNotFinite(.infinity)) { try GeodeticPosition(validatingLatitude: 0, longitude: .infinity) }
        #expect(throws: GeodesyError.heightNotFinite(.infinity)) { try GeodeticPosition(validatingLatitude: 0, longitude: 0, height: .infinity) }
        do {
            _ = try GeodeticPosition(validatingLatitude: .nan, longitude: 0)
            Issue.record("NaN latitude accepted")
        } catch {
            guard case .latitudeOutOfRange(let v) = error, v.isNaN else { Issue.record("\(error)"); return }
        }
        #expect(GeodesyError.latitudeOutOfRange(91).description == "latitude 91.0° is not within −90…90°")
    }

    @Test func planesRefuseAnInvalidCentre() {
        #expect(throws: GeodesyError.latitudeOutOfRange(100)) {
            try LocalTangentPlane(centre: GeodeticPosition(latitude: 100, longitude: 0))
        }
        #expect(throws: GeodesyError.centreAtPole(89.95)) {
            try StereographicPlane(centre: GeodeticPosition(latitude: 89.95, longitude: 0))
        }
        #expect(throws: GeodesyError.factorInvalid(0)) {
            try StereographicPlane(centre: GeodeticPosition(latitude: 31, longitude: -110), scale: 0)
        }
        #expect(throws: GeodesyError.longitudeNotFinite(.infinity)) {
            try RadarSite(sensor: .init(sac: 1, sic: 2), antenna: GeodeticPosition(latitude: 31, longitude: .infinity))
        }
    }

    @Test func planesPassNaNThrough() throws {
        let ltp = try LocalTangentPlane(centre: GeodeticPosition(latitude: 31.3, longitude: -110.9))
        #expect(ltp.enu(from: GeodeticPosition(latitude: 120, longitude: 0)).east.isNaN)
        #expect(!ltp.geodetic(from: ENU(east: .nan, north: 0, up: 0)).isValid)
        let st = try StereographicPlane(centre: GeodeticPosition(latitude: 31.3, longitude: -110.9))
        #expect(st.point(from: GeodeticPosition(latitude: .nan, longitude: 0)).x.isNaN)
        #expect(st.point(from: GeodeticPosition(latitude: -91, longitude: 0)).y.isNaN)
        #expect(!st.geodetic(from: PlanePoint(x: .infinity, y: 0)).isValid)
        #expect(st.scaleFactor(at: .invalid).isNaN && st.northDirection(at: .invalid).isNaN)
    }
}
