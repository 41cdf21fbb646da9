import ArgumentParser
import FoundationEssentials
import Store

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Export one flight's sampled track history from a store, for an analyst: GeoJSON, KML or CSV.",
        discussion: """
            A track number is given again to another flight after it rests, so TRACK alone means \
            the latest flight with that number: from the latest session that has one, the track \
            whose first plot is latest. --session picks the session; --at picks the flight with that \
            number that was in the air at that time.
            """)

    @Argument(help: "Track number (1–65535).")
    var track: UInt16

    @Option(help: ArgumentHelp("The store file.", valueName: "FILE"))
    var store: String = StoreOptions.defaultPath

    @Option(help: "Only this session (a replay run; its id is in replay's summary).")
    var session: Int64?

    @Option(help: ArgumentHelp("The flight in the air at this UTC time, e.g. 2026-05-28T04:41:00Z.", valueName: "TIME"))
    var at: String?

    @Option(help: "geojson (a Feature: LineString and per-sample properties), kml (a LineString with altitude) or csv.")
    var format: String

    func validate() throws {
        guard ["geojson", "kml", "csv"].contains(format) else {
            throw ValidationError("--format takes geojson, kml or csv; got '\(format)'")
        }
        guard track > 0 else { throw ValidationError("track numbers run from 1 to 65535") }
        _ = try time
    }

    var time: Double? {
        get throws {
            guard let at else { return nil }
            guard let date = try? Date(at, strategy: .iso8601) else {
                throw ValidationError("--at takes a UTC time such as 2026-05-28T04:41:00Z; got '\(at)'")
            }
            return date.timeIntervalSince1970
        }
    }

    func run() throws {
        let flight: FlightHistory?
        do {
            flight = try StoreFile(path: store).history(track: track, session: session, at: try time)
        } catch let error as StoreError {
            throw RuntimeFailure(message: "\(error)")
        }
        guard let flight else {
            var s = "\(store): no history of track \(track)"
            if let session { s += " in session \(session)" }
            if let at { s += " in the air at \(at)" }
            throw RuntimeFailure(message: s)
        }
        let out = OutputBuffer()
        out.write { bytes in
            switch format {
            case "geojson": HistoryGeoJSON.append(flight, to: &bytes)
            case "kml": HistoryKML.append(flight, to: &bytes)
            default: HistoryCSV.append(flight, to: &bytes)
            }
        }
        out.flush()
    }
}
