/// UTC seconds since 1970 as ISO 8601 text with milliseconds, `2026-05-01T06:12:30.000Z`, written
/// as bytes: FoundationEssentials' formatter would cost a `Date` and a `String` per line.
public enum UTCText {
    /// In double quotes (a JSON string, an XML attribute value), or bare; a time outside the years
    /// 1–9999 is `null`, or nothing when bare.
    public static func append(_ utc: Double, to out: inout [UInt8], quoted: Bool = true) {
        guard utc.isFinite, utc > -62_135_596_800, utc < 253_402_300_800 else {  // years 1…9999
            if quoted { out.append(contentsOf: "null".utf8) }
            return
        }
        let ms = Int64((utc * 1000).rounded(.toNearestOrAwayFromZero))
        let days = Int64((Double(ms) / 86_400_000).rounded(.down))
        let inDay = ms - days * 86_400_000
        let (y, m, d) = civil(days: days)
        if quoted { out.append(UInt8(ascii: "\"")) }
        digits(y, 4, &out); out.append(UInt8(ascii: "-"))
        digits(m, 2, &out); out.append(UInt8(ascii: "-"))
        digits(d, 2, &out); out.append(UInt8(ascii: "T"))
        digits(inDay / 3_600_000, 2, &out); out.append(UInt8(ascii: ":"))
        digits(inDay / 60_000 % 60, 2, &out); out.append(UInt8(ascii: ":"))
        digits(inDay / 1000 % 60, 2, &out); out.append(UInt8(ascii: "."))
        digits(inDay % 1000, 3, &out)
        out.append(UInt8(ascii: "Z"))
        if quoted { out.append(UInt8(ascii: "\"")) }
    }

    /// Year, month, day of a day count since 1970-01-01 in the proleptic Gregorian calendar
    /// (Howard Hinnant's `civil_from_days`).
    static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `v` (≥ 0) in exactly `width` decimal digits.
    private static func digits(_ v: Int64, _ width: Int, _ out: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var v = v
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(v / divisor % 10))
            v %= divisor
            divisor /= 10
        }
    }
}
