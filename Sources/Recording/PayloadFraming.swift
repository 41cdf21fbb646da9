/// How the bytes of each captured UDP payload are laid out.
public enum PayloadFraming: String, Sendable, Hashable, CaseIterable {
    /// The payload is ASTERIX data blocks: one frame per datagram.
    case plain
    /// The payload is a sequence of ORADIS packets, each `LEN(2, big-endian, counts the 6-byte
    /// header) TIME(4)` followed by data blocks: one frame per ORADIS packet, holding its blocks.
    /// The frame keeps the capture timestamp; the ORADIS TIME field is not interpreted (its
    /// unit is not documented anywhere we could check).
    case oradis
}

/// Turns each captured payload into the frames the caller sees, according to the framing.
/// Holds at most one datagram (a slice of the file), so memory stays flat.
struct DatagramFramer: Sendable {
    let framing: PayloadFraming
    /// What is left of the current datagram.
    private var pending: Frame?

    init(framing: PayloadFraming) { self.framing = framing }

    mutating func load(_ datagram: Frame) { pending = datagram }

    mutating func next(skipped: inout SkipCounts) -> Frame? {
        guard var rest = pending else { return nil }
        switch framing {
        case .plain:
            pending = nil
            return rest
        case .oradis:
            while !rest.payload.isEmpty {
                let p = rest.payload, s = p.startIndex
                guard let length = p.u16(at: s).map(Int.init), length >= 6, length <= p.count else {
                    skipped.add(.oradisFraming)
                    break
                }
                let blocks = p[s + 6 ..< s + length]
                rest.payload = p[(s + length)...]
                rest.offset = s + length
                if blocks.isEmpty { continue }  // a bare header carries nothing
                pending = rest
                return Frame(payload: blocks, timestamp: rest.timestamp, origin: rest.origin, offset: blocks.startIndex)
            }
            pending = nil
            return nil
        }
    }
}
