import Asterix
import Recording

/// One record as one JSON line: the schema the README documents under "decode output".
enum RecordJSON {
    static func append(_ record: RecordView, frame: Frame, to out: inout [UInt8]) throws(SizeFailure) {
        // Decoded first, so a record that fails leaves nothing half-written.
        let values = try record.values()
        out.append(contentsOf: "{\"cat\":".utf8)
        JSONText.appendInteger(Int(record.spec.category), to: &out)
        out.append(contentsOf: ",\"edition\":\"".utf8)
        out.append(contentsOf: record.spec.edition.description.utf8)
        out.append(UInt8(ascii: "\""))
        if let source = record.item(10), source.count >= 2 {
            out.append(contentsOf: ",\"sac\":".utf8)
            JSONText.appendInteger(Int(source[0]), to: &out)
            out.append(contentsOf: ",\"sic\":".utf8)
            JSONText.appendInteger(Int(source[1]), to: &out)
        }
        switch frame.timestamp {
        case .unix(let seconds)?:
            out.append(contentsOf: ",\"ts\":".utf8)
            out.append(contentsOf: fixed(seconds, 6).utf8)
        case .timeOfDay(let tod)?:
            out.append(contentsOf: ",\"rx_tod\":".utf8)
            JSONText.appendNumber(tod.seconds, to: &out)
        case nil:
            break
        }
        for (label, value) in values {
            out.append(UInt8(ascii: ","))
            JSONText.appendString(label, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.append(value, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
    }
}
