import Asterix
import Geodesy
import Glibc

/// A rotating surveillance radar with a primary and a secondary channel on one antenna, as the
/// simulator runs it: where it stands, how fast it turns, how far it sees, how noisy and how
/// sensitive it is.
public struct SimulatedRadar: Sendable {
    public var site: RadarSite
    /// Seconds per revolution.
    public var scanPeriod: Double
    /// Instrumented range, metres.
    public var maxRange: Double
    /// CAT034 sector messages a revolution.
    public var sectors: Int
    public var hasPSR: Bool
    public var hasSSR: Bool
    /// A 3-D radar measures height (I048/110).
    public var measuresHeight: Bool
    /// Measurement noise: metres, degrees, metres.
    public var rangeSigma: Double
    public var azimuthSigma: Double
    public var heightSigma: Double
    public var detection: DetectionModel
    /// Mean false plots a revolution (PSR-only, spread over the coverage by area).
    public var falsePlotsPerScan: Double

    public init(site: RadarSite, scanPeriod: Double = 12, maxRange: Double = 250 * 1852, sectors: Int = 16,
                hasPSR: Bool = true, hasSSR: Bool = true, measuresHeight: Bool = false,
                rangeSigma: Double = 116, azimuthSigma: Double = 0.18, heightSigma: Double = 900,
                detection: DetectionModel = DetectionModel(), falsePlotsPerScan: Double = 20) {
        self.site = site
        self.scanPeriod = scanPeriod
        self.maxRange = maxRange
        self.sectors = sectors
        self.hasPSR = hasPSR
        self.hasSSR = hasSSR
        self.measuresHeight = measuresHeight
        self.rangeSigma = rangeSigma
        self.azimuthSigma = azimuthSigma
        self.heightSigma = heightSigma
        self.detection = detection
        self.falsePlotsPerScan = falsePlotsPerScan
    }

    /// Antenna azimuth at `time` seconds, degrees: north at every multiple of the scan period.
    public func antennaAzimuth(at time: Double) -> Double {
        let turns = time / scanPeriod
        return (turns - turns.rounded(.down)) * 360
    }
}

/// What a transponder answers, if it is on.
public struct Transponder: Sendable, Equatable {
    public var mode3A: Mode3A?
    public var address: ModeSAddress?
    public var callsign: Callsign?
    /// Replies with pressure altitude (Mode C / Mode S).
    public var reportsAltitude: Bool

    public init(mode3A: Mode3A?, address: ModeSAddress? = nil, callsign: Callsign? = nil, reportsAltitude: Bool = true) {
        self.mode3A = mode3A
        self.address = address
        self.callsign = callsign
        self.reportsAltitude = reportsAltitude
    }
}

/// A target as one radar scan sees it: where it truly is at the moment the beam crosses it.
public struct ScanTarget: Sendable {
    public var position: GeodeticPosition
    /// Radar cross-section, m².
    public var rcs: Double
    /// nil when the transponder is off or absent.
    public var transponder: Transponder?

    public init(position: GeodeticPosition, rcs: Double, transponder: Transponder?) {
        self.position = position
        self.rcs = rcs
        self.transponder = transponder
    }
}

extension SimulatedRadar {
    /// Why a target gave no plot in a scan.
    public enum Miss: Error, Sendable, Equatable {
        case outOfRange, belowHorizonOrMasked, notDetected
    }

    /// The CAT048 report of one target at one beam crossing, or why there is none. `terrain`
    /// masks what the ridges hide; the k·R earth hides the rest.
    public func observe(_ target: ScanTarget, at time: TimeOfDay, terrain: some Ground, rng: inout SplitMix64)
        -> Result<Cat048Record, Miss> {
        let obs = site.observe(target.position)
        guard obs.slantRange.isFinite, obs.slantRange <= maxRange else { return .failure(.outOfRange) }
        guard terrain.lineOfSight(from: site, to: target.position) else { return .failure(.belowHorizonOrMasked) }
        let psr = hasPSR && Double.random(in: 0..<1, using: &rng) < detection.psrProbability(range: obs.slantRange, rcs: target.rcs)
        let ssr = hasSSR && target.transponder != nil && Double.random(in: 0..<1, using: &rng) < detection.ssrProbability
        guard psr || ssr else { return .failure(.notDetected) }
        let modeS = ssr && target.transponder?.address != nil
        let detection: Plot.Detection = switch (psr, ssr, modeS) {
        case (true, true, true): .modeSRollCallPSR
        case (false, true, true): .modeSRollCall
        case (true, true, false): .ssrPSR
        case (false, true, false): .ssr
        default: .psr
        }
        var r = Cat048Record()
        r.sensor = site.sensor
        r.timeOfDay = time
        r.descriptor = TargetReportDescriptor(detection: detection)
        let range = obs.slantRange + rng.gaussian(sigma: rangeSigma)
        r.polar = PolarPosition(rangeNM: range / Units.metresPerNauticalMile,
                                azimuthDegrees: obs.azimuth + rng.gaussian(sigma: azimuthSigma))
        if ssr, let t = target.transponder {
            r.mode3A = t.mode3A
            if t.reportsAltitude {
                // Mode C counts 100 ft, Mode S 25 ft: the level the transponder would encode.
                let step = modeS ? 0.25 : 1.0
                let level = StandardAtmosphere.flightLevel(geometricHeight: target.position.height)
                r.flightLevel = FlightLevelCode(flightLevel: (level / step).rounded() * step)
            }
            if modeS {
                r.address = t.address
                r.callsign = t.callsign
            }
        }
        if measuresHeight, psr {
            r.height3DFeet = (target.position.height + rng.gaussian(sigma: heightSigma)) / Units.metresPerFoot
        }
        return .success(r)
    }

    /// A false plot somewhere in the coverage, spread evenly over the area.
    public func falsePlot(at time: TimeOfDay, azimuthFrom: Double, to azimuthTo: Double, rng: inout SplitMix64) -> Cat048Record {
        var r = Cat048Record()
        r.sensor = site.sensor
        r.timeOfDay = time
        r.descriptor = TargetReportDescriptor(detection: .psr)
        let range = maxRange * Double.random(in: 0..<1, using: &rng).squareRoot()
        r.polar = PolarPosition(rangeNM: range / Units.metresPerNauticalMile,
                                azimuthDegrees: Double.random(in: azimuthFrom..<azimuthTo, using: &rng))
        return r
    }
}
