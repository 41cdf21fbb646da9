import Asterix
import Recording

/// One aligned line a record for people: time, source, what it is, where, who.
enum RecordTable {
    static let header = [
        padded("TOD", 13), padded("CAT", 4), padded("SAC/SIC", 8), padded("KIND", 16),
        padded("POSITION", 24), padded("M3A", 5), padded("FL", 7, right: true), " ",
        padded("ADDR", 7), padded("CALLSIGN", 9), "TRK",
    ].joined()

    static func line(_ record: RecordView) throws(SizeFailure) -> String {
        let values = try record.values()
        func item(_ code: String) -> ItemValue? {
            let label = record.spec.label(code)
            return values.first { $0.label == label }?.value
        }
        let cat = record.spec.category
        var tod = "-", kind = "-", position = "-", m3a = "-", fl = "-", addr = "-", callsign = "-", track = "-"
        let source = item("010").map { "\($0["SAC"]?.double.map { Int($0) } ?? 0)/\($0["SIC"]?.double.map { Int($0) } ?? 0)" } ?? "-"
        for code in ["140", "070", "030", "073", "071", "075", "077"] {
            if cat == 62, code != "070" { continue }
            if let s = item(code)?.double, cat != 1 || code != "070" { tod = TimeOfDay(seconds: s).description; break }
        }
        switch cat {
        case 48, 1:
            if let typ = item("020")?["TYP"]?.double {
                kind = cat == 48 ? ["no detection", "PSR", "SSR", "SSR+PSR", "S all-call", "S roll-call", "S all-call+PSR", "S roll-call+PSR"][Int(typ) & 7]
                    : (typ == 0 ? "plot" : "track")
            }
            if let p = item("040"), let rho = p["RHO"]?.double, let theta = p["THETA"]?.double {
                position = fixed(rho, 3) + " NM " + fixed(theta, 3) + "°"
            }
            if let code = item("070")?["MODE3A"], case .string(let s) = code { m3a = s }
            if let f = item("090")?["FL"]?.double { fl = fixed(f, 2) }
            if let a = item("220"), case .string(let s) = a { addr = s }
            if let c = item("240"), case .string(let s) = c { callsign = s }
            if let t = item("161")?["TRN"]?.double ?? item("161")?.double { track = String(Int(t)) }
        case 62:
            kind = "track"
            if let p = item("105"), let lat = p["LAT"]?.double, let lon = p["LON"]?.double {
                position = fixed(lat, 5) + " " + fixed(lon, 5)
            }
            if let code = item("060")?["MODE3A"], case .string(let s) = code { m3a = s }
            if let f = item("136")?.double { fl = fixed(f, 2) }
            if let a = item("380")?["ADR"], case .string(let s) = a { addr = s }
            if let c = item("380")?["ID"], case .string(let s) = c { callsign = s }
            if let t = item("040")?.double { track = String(Int(t)) }
        case 34, 2:
            if let t = item("000")?.double {
                kind = [1: "north marker", 2: "sector", 3: "south marker", 8: "activation", 9: "deactivation"][Int(t)] ?? "message \(Int(t))"
            }
            if let s = item("020")?.double { position = "sector " + fixed(s, 2) + "°" }
            if let r = item("041")?.double { position += (position == "-" ? "" : " ") + "rot " + fixed(r, 2) + " s" }
        case 21:
            kind = "ADS-B"
            if let p = item("131") ?? item("130"), let lat = p["LAT"]?.double, let lon = p["LON"]?.double {
                position = fixed(lat, 5) + " " + fixed(lon, 5)
            }
            if let code = item("070")?["MODE3A"], case .string(let s) = code { m3a = s }
            if let f = item("145")?.double { fl = fixed(f, 2) }
            if let a = item("080"), case .string(let s) = a { addr = s }
            if let c = item("170"), case .string(let s) = c { callsign = s }
        default:
            break
        }
        return [
            padded(tod, 13), padded(String(cat), 4), padded(source, 8), padded(kind, 16), padded(position, 24),
            padded(m3a, 5), padded(fl, 7, right: true), " ", padded(addr, 7), padded(callsign, 9), track,
        ].joined() + "\n"
    }
}
