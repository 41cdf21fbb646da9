import ArgumentParser
import Pipeline
import Evaluation
import Recording
import Surveillance
import Tracking

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Track a simulated session and measure the tracks against its truth: GOSPA, OSPA, breaks, switches, false tracks, completeness, latency; with --zones, the alerts too.",
        discussion: """
            The session is tracked as `replay` would; a flight counts only while some plot fell \
            near it (a flight below the radar horizon is not a miss). With --zones (and \
            --terrain), the tracks are judged by the suspect-profile classifier and the alert \
            lifecycle as `replay` judges them, and the alerts are scored against the truth's \
            labels: suspects alerted and how early, false alerts, precision and recall. The \
            measures and the JSON fields are in the README.
            """)

    @OptionGroup var source: SourceOptions
    @OptionGroup var tracking: TrackerOptions
    @OptionGroup var alerting: AlertOptions

    @Option(help: "Truth file of the session (JSON lines, as `simulate --truth` writes).")
    var truth: String

    @Option(help: "table (for people) or json (for tools).")
    var format: String = "table"

    func validate() throws {
        guard format == "table" || format == "json" else {
            throw ValidationError("unknown format '\(format)': use table or json")
        }
        if alerting.wanted {
            throw ValidationError("evaluate scores alerts rather than sending them: --alerts and --cot are for replay")
        }
    }

    func run() throws {
        let answers: Truth
        do {
            answers = try Truth(bytes: RecordingFile.load(path: truth))
        } catch let error as TruthError {
            throw RuntimeFailure(message: "\(truth): \(error)")
        } catch {
            throw RuntimeFailure(message: "\(error)")
        }
        var run = TrackingRun(settings: try tracking.settings, editions: try source.editionTable(), date: tracking.midnight)
        var updates: [SystemTrack] = []
        var sightings: [PlotSighting] = []
        var watch: SuspectWatch?
        if alerting.zones != nil {
            guard let w = SuspectWatch(context: try alerting.context()) else { throw RuntimeFailure(message: "alert settings cannot work") }
            watch = w
        }
        var alerts: [Alert] = []
        try forEachFrame(source) { frame in
            let before = updates.count
            // A gap in the recording moves the tracker on as `replay` does (`TrackingRun.advanceQuiet`).
            if let received = run.receiveTime(of: frame) {
                while run.advanceQuiet(until: received, into: &updates) != nil {}
            }
            run.process(frame, into: &updates)
            watch?.judge(Array(updates[before...]), into: &alerts)
            run.tracker.forEachPlacedPlot { t, lat, lon, sigma in
                sightings.append(PlotSighting(time: t, latitude: lat, longitude: lon, sigma: sigma))
            }
        } onFileEnd: { _, _, readError in
            if let readError { Console.error("centinela: \(readError)") }
        }
        var settings = EvaluationSettings()
        settings.centre = run.tracker.plane?.centre
        let report: EvaluationReport
        do {
            report = try Evaluator.evaluate(truth: answers, tracks: updates, plots: sightings,
                                            alerts: watch == nil ? nil : alerts, rulesOff: watch?.rulesOff ?? [],
                                            settings: settings)
        } catch {
            throw RuntimeFailure(message: "\(error)")
        }
        let out = OutputBuffer()
        if format == "json" {
            out.write { $0.append(contentsOf: report.json()) }
        } else {
            out.write(report.text())
        }
        out.flush()
    }
}
