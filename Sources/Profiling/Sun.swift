import Glibc

/// Where the sun stands, from the low-precision solar coordinates of Meeus (Astronomical
/// Algorithms, ch. 25 and 28) as NOAA's solar calculator uses them: about 0.01° in declination and
/// a few seconds in the equation of time between 1950 and 2050, far inside what "night" needs.
/// Elevation is geometric (no refraction): refraction matters only within a degree of the horizon,
/// and night is decided at −6°.
public enum Sun {
    /// Degrees of the sun's centre above the horizon at a place and UTC time (seconds since 1970).
    public static func elevation(latitude: Double, longitude: Double, time: Double) -> Double {
        let (declination, equationOfTime) = coordinates(time: time)
        let minutesOfDay = (time - (time / 86_400).rounded(.down) * 86_400) / 60
        // True solar time, minutes: the mean time at the longitude, corrected by the equation of time.
        let solarMinutes = minutesOfDay + equationOfTime + 4 * longitude
        let hourAngle = radians(solarMinutes / 4 - 180)
        let lat = radians(latitude), dec = radians(declination)
        let cosZenith = sin(lat) * sin(dec) + cos(lat) * cos(dec) * cos(hourAngle)
        return 90 - degrees(acos(min(max(cosZenith, -1), 1)))
    }

    /// Apparent declination of the sun, degrees, and the equation of time, minutes (apparent minus
    /// mean solar time), at a UTC time (seconds since 1970; TT − UTC, about a minute, is ignored).
    public static func coordinates(time: Double) -> (declination: Double, equationOfTime: Double) {
        let julianDay = time / 86_400 + 2_440_587.5
        let t = (julianDay - 2_451_545) / 36_525  // Julian centuries since J2000.0
        let meanLongitude = (280.46646 + t * (36_000.76983 + t * 0.0003032)).truncatingRemainder(dividingBy: 360)
        let meanAnomaly = 357.52911 + t * (35_999.05029 - 0.0001537 * t)
        let eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t)
        let m = radians(meanAnomaly)
        let centre = sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t)) + sin(2 * m) * (0.019993 - 0.000101 * t)
            + sin(3 * m) * 0.000289
        let omega = radians(125.04 - 1934.136 * t)
        let apparentLongitude = radians(meanLongitude + centre - 0.00569 - 0.00478 * sin(omega))
        let meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60
        let obliquity = radians(meanObliquity + 0.00256 * cos(omega))
        let declination = degrees(asin(sin(obliquity) * sin(apparentLongitude)))
        let y = pow(tan(obliquity / 2), 2)
        let l0 = radians(meanLongitude)
        let e = eccentricity
        let equation = y * sin(2 * l0) - 2 * e * sin(m) + 4 * e * y * sin(m) * cos(2 * l0)
            - 0.5 * y * y * sin(4 * l0) - 1.25 * e * e * sin(2 * m)
        return (declination, 4 * degrees(equation))
    }

    private static func radians(_ d: Double) -> Double { d * Double.pi / 180 }
    private static func degrees(_ r: Double) -> Double { r * 180 / Double.pi }
}
