import FoundationEssentials

/// A whole truth file, indexed by flight and time: where every flight of a simulated session
/// really was, second by second.
///
/// The file is JSON lines (README, "Truth file"), optionally opened by a header: a JSON object
/// without a `t` key, e.g. `{"scenario":"smoke","start":"2026-05-28T04:30:00Z","seed":1}`, whose
/// `start` is the UTC time of session second 0. Track times are UTC, truth times are session
/// seconds; `start` joins the two.
public struct Truth: Sendable {
    /// One flight's samples, in time order.
    public struct Flight: Sendable {
        public let id: String
        /// The first sample's label (`normal` or `suspect:<profile>`).
        public let label: String
        /// The first sample's role (`hard-negative:crop-duster`), when the scenario gives one.
        public let role: String?
        public let samples: [TruthSample]

        /// Index of the last sample at or before `t` (session seconds), or nil before the first.
        public func index(atOrBefore t: Double) -> Int? {
            var low = 0, high = samples.count  // the answer + 1 is in low...high
            while low < high {
                let mid = (low + high) / 2
                if samples[mid].t <= t { low = mid + 1 } else { high = mid }
            }
            return low == 0 ? nil : low - 1
        }

        /// The sample at exactly `t`, if there is one.
        public func sample(at t: Double) -> TruthSample? {
            guard let i = index(atOrBefore: t), samples[i].t == t else { return nil }
            return samples[i]
        }
    }

    /// Flights sorted by id.
    public let flights: [Flight]
    /// UTC seconds since 1970 of session second 0.
    public let start: Double
    /// Whether `start` came from the file's header (else from the caller).
    public let startFromHeader: Bool
    /// The header's scenario name, when there is a header.
    public let scenario: String?
    /// Earliest and latest sample time, session seconds.
    public let span: ClosedRange<Double>
    private let flightIndex: [String: Int]

    /// Reads a truth file.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - start: UTC seconds since 1970 of session second 0, used when the file has no header
    ///     (or a header without `start`); the header wins when it has one.
    public init(bytes: [UInt8], start fallbackStart: Double? = nil) throws(TruthError) {
        let decoder = JSONDecoder()
        var byFlight: [String: [(sample: TruthSample, line: Int)]] = [:]
        var headerStart: Double?
        var scenario: String?
        var firstLine = true
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let range = lineStart..<lineEnd
            lineStart = lineEnd + 1
            // Blank lines (a trailing newline, CRLF endings) carry nothing.
            guard bytes[range].contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            let data = Data(bytes[range])
            if firstLine {
                firstLine = false
                let probe = try Self.decode(KeyProbe.self, from: data, line: lineNumber, decoder)
                if !probe.hasTime {
                    let header = try Self.decode(Header.self, from: data, line: lineNumber, decoder)
                    scenario = header.scenario
                    if let text = header.start {
                        guard let date = try? Date(text, strategy: .iso8601) else {
                            throw .badStart(line: lineNumber, value: text)
                        }
                        headerStart = date.timeIntervalSince1970
                    }
                    continue
                }
            }
            let s = try Self.decode(TruthSample.self, from: data, line: lineNumber, decoder)
            guard abs(s.lat) <= 90 else { throw .outOfRange(line: lineNumber, field: "lat", value: s.lat) }
            guard abs(s.lon) <= 180 else { throw .outOfRange(line: lineNumber, field: "lon", value: s.lon) }
            byFlight[s.id, default: []].append((s, lineNumber))
        }
        guard !byFlight.isEmpty else { throw .empty }
        guard let start = headerStart ?? fallbackStart else { throw .noStart }

        var flights: [Flight] = []
        var first = Double.infinity, last = -Double.infinity
        for id in byFlight.keys.sorted() {
            // Stable: equal times keep file order, so the duplicate reported is the later line.
            let lines = byFlight[id]!.enumerated().sorted { a, b in
                a.element.sample.t != b.element.sample.t ? a.element.sample.t < b.element.sample.t : a.offset < b.offset
            }.map(\.element)
            for i in 1..<lines.count where lines[i].sample.t == lines[i - 1].sample.t {
                throw .duplicate(line: max(lines[i].line, lines[i - 1].line), flight: id, t: lines[i].sample.t)
            }
            let samples = lines.map(\.sample)
            flights.append(Flight(id: id, label: samples[0].label, role: samples[0].role, samples: samples))
            first = min(first, samples[0].t)
            last = max(last, samples[samples.count - 1].t)
        }
        self.flights = flights
        self.start = start
        self.startFromHeader = headerStart != nil
        self.scenario = scenario
        self.span = first...last
        flightIndex = Dictionary(uniqueKeysWithValues: flights.enumerated().map { ($1.id, $0) })
    }

    /// The flight with this id.
    public func flight(_ id: String) -> Flight? { flightIndex[id].map { flights[$0] } }

    /// Decodes one line, turning the decoder's error into a `TruthError` that names the line and
    /// the key.
    private static func decode<T: Decodable>(_ type: T.Type, from data: Data, line: Int,
                                             _ decoder: JSONDecoder) throws(TruthError) -> T {
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            switch error {
            case .keyNotFound(let key, _):
                throw .missingField(line: line, field: key.stringValue)
            case .typeMismatch(_, let context), .valueNotFound(_, let context):
                guard let key = context.codingPath.last else { throw .notJSON(line: line) }
                throw .wrongType(line: line, field: key.stringValue)
            case .dataCorrupted(let context):
                guard let key = context.codingPath.last else { throw .notJSON(line: line) }
                throw .wrongType(line: line, field: key.stringValue)
            @unknown default:
                throw .notJSON(line: line)
            }
        } catch {
            throw .notJSON(line: line)
        }
    }

    /// Tells a header from a sample: samples have `t`.
    private struct KeyProbe: Decodable {
        let hasTime: Bool
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        init(from decoder: any Decoder) throws {
            hasTime = try decoder.container(keyedBy: Key.self).contains(Key(stringValue: "t"))
        }
    }

    private struct Header: Decodable {
        var scenario: String?
        var start: String?
    }
}
