import Surveillance

/// Short texts for the panes: clock times, ages, speeds.
enum Readouts {
    /// `hh:mm:ss` UTC of seconds since 1970.
    static func clock(_ utc: Double) -> String {
        guard isTime(utc) else { return "--:--:--" }
        let s = Int64(utc.rounded(.down))
        let day = s >= 0 ? s % 86_400 : (s % 86_400 + 86_400) % 86_400
        return pad(day / 3600) + ":" + pad(day / 60 % 60) + ":" + pad(day % 60)
    }

    /// `yyyy-mm-dd hh:mm:ssZ`.
    static func dateTime(_ utc: Double) -> String {
        guard isTime(utc) else { return "time unknown" }
        let s = Int64(utc.rounded(.down))
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let d = CivilDate.of(daysSince1970: days)
        return String(d.year) + "-" + pad(d.month) + "-" + pad(d.day) + " " + clock(utc) + "Z"
    }

    /// `45s`, `3m05s`, `2h03m`: how long ago, to the second.
    static func age(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        let s = Int64(min(max(0, seconds), 1e9).rounded(.down))
        if s < 60 { return String(s) + "s" }
        if s < 3600 { return String(s / 60) + "m" + pad(s % 60) + "s" }
        return String(s / 3600) + "h" + pad(s / 60 % 60) + "m"
    }

    /// `×10`, `max`.
    static func speed(_ factor: Double?) -> String {
        guard let factor else { return "max" }
        return "×" + number(factor, factor == factor.rounded() ? 0 : 1)
    }

    /// `fixed`, or `-` for a value no display column could hold (not finite, or beyond a billion):
    /// a number from a feed must never stop the display.
    static func number(_ v: Double, _ places: Int) -> String {
        v.isFinite && abs(v) < 1e9 ? fixed(v, places) : "-"
    }

    /// Between years 0 and 9999: anything else is not a time this display can show.
    static func isTime(_ utc: Double) -> Bool { utc.isFinite && abs(utc) < 253_402_300_800 }

    static func pad(_ v: Int64) -> String { v < 10 ? "0" + String(v) : String(v) }
}
