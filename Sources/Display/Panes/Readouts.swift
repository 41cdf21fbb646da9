import Surveillance

/// Short texts for the panes: clock times, ages, speeds.
enum Readouts {
    /// `hh:mm:ss` UTC of seconds since 1970.
    static func clock(_ utc: Double) -> String {
        let s = Int64(utc.rounded(.down))
        let day = s >= 0 ? s % 86_400 : (s % 86_400 + 86_400) % 86_400
        return pad(day / 3600) + ":" + pad(day / 60 % 60) + ":" + pad(day % 60)
    }

    /// `yyyy-mm-dd hh:mm:ssZ`.
    static func dateTime(_ utc: Double) -> String {
        let s = Int64(utc.rounded(.down))
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let d = CivilDate.of(daysSince1970: days)
        return String(d.year) + "-" + pad(d.month) + "-" + pad(d.day) + " " + clock(utc) + "Z"
    }

    /// `45s`, `3m05s`, `2h03m`: how long ago, to the second.
    static func age(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        let s = Int64(max(0, seconds).rounded(.down))
        if s < 60 { return String(s) + "s" }
        if s < 3600 { return String(s / 60) + "m" + pad(s % 60) + "s" }
        return String(s / 3600) + "h" + pad(s / 60 % 60) + "m"
    }

    /// `×10`, `max`.
    static func speed(_ factor: Double?) -> String {
        guard let factor else { return "max" }
        return "×" + (factor == factor.rounded() ? String(Int(factor)) : fixed(factor, 1))
    }

    static func pad(_ v: Int64) -> String { v < 10 ? "0" + String(v) : String(v) }
}
