import Geodesy
import Surveillance

/// What the tracker needs to know about one radar: where its antenna is and how good its plots
/// are. The position comes from configuration or, when configuration has none, from the radar's
/// own CAT034 I034/120; the noise from configuration or the defaults below.
public struct SensorSettings: Sendable {
    public var sensor: SensorID
    /// Antenna position, height above the ellipsoid; nil until configured or reported.
    public var antenna: GeodeticPosition?
    /// Plot noise, one σ: slant range (m), azimuth (degrees), 3-D height (m).
    public var rangeSigma: Double
    public var azimuthSigma: Double
    public var heightSigma: Double
    /// Antenna rotation period, seconds (CAT034 I034/041 updates it). It sets how long a track
    /// fed by this radar waits before it counts a scan as missed.
    public var scanPeriod: Double
    /// Plots beyond this slant range (m) are impossible for this radar and are refused.
    public var maximumRange: Double

    /// Long-range en-route radar figures (σ range 70 m, σ azimuth 0.1°, 12 s, 250 NM): a radar
    /// nobody configured is tracked with these rather than not at all.
    public init(sensor: SensorID, antenna: GeodeticPosition? = nil, rangeSigma: Double = 70,
                azimuthSigma: Double = 0.1, heightSigma: Double = 900, scanPeriod: Double = 12,
                maximumRange: Double = 250 * Units.metresPerNauticalMile) {
        self.sensor = sensor
        self.antenna = antenna
        self.rangeSigma = rangeSigma
        self.azimuthSigma = azimuthSigma
        self.heightSigma = heightSigma
        self.scanPeriod = scanPeriod
        self.maximumRange = maximumRange
    }
}
