import Surveillance

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
        let (y, m, d) = CivilDate.of(daysSince1970: days)
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
