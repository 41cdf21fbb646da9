import Surveillance

extension RunConfiguration {
    /// The default configuration as a file, every key with its default value and a note for
    /// people under `#` (which `run` skips). Built from `RunConfiguration()`, so it cannot drift.
    static var defaultText: String {
        let d = RunConfiguration()
        func q(_ s: String?) -> String { s.map { "\"\($0)\"" } ?? "null" }
        return """
            {
              "#": "centinela run configuration. Keys starting with # are notes. null turns an output off. All keys are optional.",
              "sources": [\(d.sources.map(q).joined(separator: ", "))],
              "#sources": "udp://HOST:PORT[?interface=IF&allow=A,B&buffer=BYTES&silence=S] or usb://VID:PID[:SERIAL]",
              "ring_capacity": \(d.ringCapacity),
              "filter": \(q(d.filter)),
              "radars": [],
              "#radars": "each {\\"sensor\\": \\"SAC/SIC\\", \\"latitude\\": DEG, \\"longitude\\": DEG, \\"height_m\\": M, \\"range_sigma_m\\": 70, \\"azimuth_sigma_deg\\": 0.1, \\"editions\\": {\\"48\\": \\"1.31\\"}}; position from CAT034 when not given",
              "zones": \(q(d.zones)),
              "terrain": \(q(d.terrain)),
              "alerts": {
                "#": "suspect-profile alerts: JSON lines and Cursor on Target, udp://HOST:PORT; need zones",
                "jsonl": \(q(d.alertsJSONLines)),
                "cot": \(q(d.alertsCursorOnTarget))
              },
              "tracks": {
                "#": "system tracks as ASTERIX CAT062 (and CAT065 heartbeats), udp://HOST:PORT",
                "cat062": \(q(d.tracks))
              },
              "store": {
                "#": "SQLite alert store; sync normal or full; limit_mib null: no limit",
                "path": \(q(d.storePath)),
                "sync": \(q(d.store.synchronous.rawValue)),
                "history_interval_s": \(fixed(d.store.historyInterval, 1)),
                "spool": \(d.store.spoolCapacity),
                "history_queue": \(d.store.historyQueueCapacity),
                "limit_mib": \(d.store.sizeLimit.map { String($0 >> 20) } ?? "null")
              },
              "health": {
                "#": "port: metrics on http://127.0.0.1:PORT/metrics (0: any free port; null: none); a health line on stderr every log_interval_s",
                "port": \(d.healthPort.map(String.init) ?? "null"),
                "log_interval_s": \(fixed(d.healthLogInterval, 1))
              }
            }

            """
    }
}
