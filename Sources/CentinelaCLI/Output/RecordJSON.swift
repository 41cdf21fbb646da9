import Asterix
import Recording

/// One record as one JSON line: the schema the README documents under "decode output".
enum RecordJSON {
    static func line(_ record: RecordView, frame: Frame) throws(SizeFailure) -> String {
        var out = "{\"cat\":" + String(record.spec.category)
        out += ",\"edition\":\"" + record.spec.edition.description + "\""
        if let source = record.item(10), source.count >= 2 {
            out += ",\"sac\":" + String(source[0]) + ",\"sic\":" + String(source[1])
        }
        switch frame.timestamp {
        case .unix(let seconds)?:
            out += ",\"ts\":" + fixed(seconds, 6)
        case .timeOfDay(let tod)?:
            out += ",\"rx_tod\":"
            JSONText.appendNumber(tod.seconds, to: &out)
        case nil:
            break
        }
        for (label, value) in try record.values() {
            out += ","
            JSONText.appendString(label, to: &out)
            out += ":"
            JSONText.append(value, to: &out)
        }
        out += "}\n"
        return out
    }
}
