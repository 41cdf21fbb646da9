import Geodesy
import Simulation
import Surveillance
@testable import Tracking

/// Radars and straight-flying aircraft for tracker tests: plots made by the radars' own geometry
/// (`RadarSite.observe`), with Gaussian noise of the radar's σ, dated on 2026-05-28.
struct TrackerScene {
    /// 2026-05-28T04:30:00Z, UTC seconds since 1970 (20,601 days and 4.5 h).
    static let start = 1_779_926_400.0 + 4.5 * 3600
    static let nogales = SensorID(sac: 50, sic: 1)
    static let aguaPrieta = SensorID(sac: 50, sic: 2)
    static let nogalesAntenna = GeodeticPosition(latitude: 31.26, longitude: -110.92, height: 1250)
    static let aguaPrietaAntenna = GeodeticPosition(latitude: 31.33, longitude: -109.55, height: 1230)

    let sites: [SensorID: RadarSite]
    var random = SplitMix64(seed: 7)
    let rangeSigma: Double
    let azimuthSigma: Double

    init(rangeSigma: Double = 50, azimuthSigma: Double = 0.1) throws {
        sites = [Self.nogales: try RadarSite(sensor: Self.nogales, antenna: Self.nogalesAntenna),
                 Self.aguaPrieta: try RadarSite(sensor: Self.aguaPrieta, antenna: Self.aguaPrietaAntenna)]
        self.rangeSigma = rangeSigma
        self.azimuthSigma = azimuthSigma
    }

    /// Tracker settings that know both radars with this scene's noise and scan period.
    func settings(scanPeriod: Double = 4) -> TrackerSettings {
        var s = TrackerSettings()
        s.sensors = [SensorSettings(sensor: Self.nogales, antenna: Self.nogalesAntenna, rangeSigma: rangeSigma,
                                    azimuthSigma: azimuthSigma, scanPeriod: scanPeriod),
                     SensorSettings(sensor: Self.aguaPrieta, antenna: Self.aguaPrietaAntenna, rangeSigma: rangeSigma,
                                    azimuthSigma: azimuthSigma, scanPeriod: scanPeriod)]
        return s
    }

    /// An aircraft flying straight and level: `east`/`north` metres from Nogales's antenna at
    /// session second 0, velocity in m/s.
    struct Aircraft {
        var east: Double, north: Double, ve: Double, vn: Double
        var altitude = 3000.0
        var address: ModeSAddress?
        var mode3A: Mode3A?

        func position(at t: Double) -> GeodeticPosition {
            let frame = try! LocalTangentPlane(centre: TrackerScene.nogalesAntenna)
            var g = frame.geodetic(from: ENU(east: east + ve * t, north: north + vn * t, up: 0))
            g.height = altitude
            return g
        }
    }

    /// The plot `radar` makes of `aircraft` at session second `t`, with noise.
    mutating func plot(of aircraft: Aircraft, at t: Double, by radar: SensorID = nogales,
                       detection: Plot.Detection? = nil) -> Plot {
        plot(at: aircraft.position(at: t), time: t, by: radar,
             detection: detection ?? (aircraft.address != nil ? .modeSRollCallPSR : aircraft.mode3A != nil ? .ssrPSR : .psr),
             address: aircraft.address, mode3A: aircraft.mode3A,
             flightLevel: aircraft.address != nil || aircraft.mode3A != nil
                ? StandardAtmosphere.flightLevel(geometricHeight: aircraft.altitude) : nil)
    }

    mutating func plot(at position: GeodeticPosition, time t: Double, by radar: SensorID, detection: Plot.Detection,
                       address: ModeSAddress? = nil, mode3A: Mode3A? = nil, flightLevel: Double? = nil) -> Plot {
        let o = sites[radar]!.observe(position)
        let range = o.slantRange + random.gaussian(sigma: rangeSigma)
        var azimuth = (o.azimuth + random.gaussian(sigma: azimuthSigma)).truncatingRemainder(dividingBy: 360)
        if azimuth < 0 { azimuth += 360 }
        return Plot(sensor: radar, time: TimeOfDay(seconds: (Self.start + t).truncatingRemainder(dividingBy: 86_400)),
                    detection: detection, range: range, azimuth: azimuth, mode3A: mode3A,
                    flightLevel: flightLevel.map { ($0 * 4).rounded() / 4 }, address: address)
    }
}
