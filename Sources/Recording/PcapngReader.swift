/// pcapng capture files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html).
///
/// A file is a sequence of blocks, each `type(4) total length(4) body total length(4)`, with
/// the total length a multiple of 4 and at least 12. A Section Header Block (SHB) starts each
/// section and fixes its byte order; Interface Description Blocks (IDB) declare the section's
/// interfaces, each with its link type and timestamp resolution (`if_tsresol`, `if_tsoffset`);
/// packets come in Enhanced (EPB), Simple (SPB) or the obsolete Packet Blocks (PB). Other block
/// types (name resolution, statistics, custom…) are skipped.
///
/// Block framing errors end the file (the next block cannot be found); a packet block that is
/// wrong inside a sound block is skipped and counted.
public struct PcapngReader: Sendable {
    /// Packets that gave no frame, by reason.
    public private(set) var skipped = SkipCounts()
    public var framing: PayloadFraming { framer.framing }

    /// What an IDB says about the packets of its interface.
    struct Interface: Sendable {
        var linkType: UInt16
        var snapLength: UInt32
        /// Timestamp units per second; nil when `if_tsresol` names one too fine to represent
        /// (packets then carry no timestamp).
        var unitsPerSecond: UInt64? = 1_000_000
        /// `if_tsoffset`: seconds to add to every timestamp.
        var offsetSeconds: Int64 = 0
    }

    private let bytes: ArraySlice<UInt8>
    private var position = 0
    private var order = ByteOrder.littleEndian
    private var interfaces: [Interface] = []
    private var framer: DatagramFramer
    private var finished = false

    static let sectionHeaderType: UInt32 = 0x0A0D_0D0A  // the same read in either byte order
    static let interfaceDescriptionType: UInt32 = 1
    static let obsoletePacketType: UInt32 = 2
    static let simplePacketType: UInt32 = 3
    static let enhancedPacketType: UInt32 = 6

    /// Checks that the file starts with a Section Header Block.
    public init(bytes: [UInt8], framing: PayloadFraming = .plain) throws(ContainerError) {
        let b = bytes[...]
        guard let type = b.u32(at: 0) else {
            throw ContainerError(.truncated, offset: 0, "pcapng file has \(b.count) bytes, too few for a section header block")
        }
        guard type == Self.sectionHeaderType else {
            throw ContainerError(.badFileHeader, offset: 0, "not a pcapng file: it starts with \(hex(type, digits: 8)), not a section header block (0A0D0D0A)")
        }
        self.bytes = b
        framer = DatagramFramer(framing: framing)
    }

    public mutating func next() throws(ContainerError) -> Frame? {
        while true {
            if let frame = framer.next(skipped: &skipped) { return frame }
            guard !finished, position < bytes.endIndex else { return nil }
            let at = position
            guard bytes.has(12, at: at), var type = bytes.u32(at: at, order) else {
                throw fail(.truncated, at, "pcapng block at offset \(at): only \(bytes.remaining(from: at)) bytes left, a block needs at least 12")
            }
            if type == Self.sectionHeaderType {
                // The byte-order magic decides how to read everything in the section, the
                // block's own length included.
                switch bytes.u32(at: at + 8, .bigEndian) {
                case 0x1A2B_3C4D: order = .bigEndian
                case 0x4D3C_2B1A: order = .littleEndian
                case let magic:
                    throw fail(.badFileHeader, at + 8, "pcapng section header at offset \(at) has byte-order magic \(hex(magic ?? 0, digits: 8)), expected 1A2B3C4D in either byte order")
                }
                type = Self.sectionHeaderType
            }
            guard let total = bytes.u32(at: at + 4, order).map(Int.init) else {
                throw fail(.truncated, at, "pcapng block at offset \(at): its length field is cut off by the end of the file")
            }
            guard total >= 12 else {
                throw fail(.badLength, at, "pcapng block at offset \(at) (type \(hex(type, digits: 8))) declares length \(total), less than the 12-byte minimum")
            }
            guard total % 4 == 0 else {
                throw fail(.badLength, at, "pcapng block at offset \(at) (type \(hex(type, digits: 8))) declares length \(total), not a multiple of 4")
            }
            guard bytes.has(total, at: at) else {
                throw fail(.truncated, at, "pcapng block at offset \(at) (type \(hex(type, digits: 8))) claims \(total) bytes, past the end of the file (\(bytes.count) bytes)")
            }
            let trailing = bytes.u32(at: at + total - 4, order).map(Int.init) ?? -1
            guard trailing == total else {
                throw fail(.badLength, at, "pcapng block at offset \(at) (type \(hex(type, digits: 8))) has trailing length \(trailing), but its leading length is \(total)")
            }
            position = at + total
            let body = bytes[at + 8 ..< at + total - 4]

            switch type {
            case Self.sectionHeaderType:
                // byte-order magic(4) major(2) minor(2) section length(8) options
                guard let major = body.u16(at: body.startIndex + 4, order), body.count >= 16 else {
                    throw fail(.badLength, at, "pcapng section header at offset \(at) is \(total) bytes, too short for its fields (28)")
                }
                guard major == 1 else {
                    throw fail(.unsupported, at, "pcapng section header at offset \(at) gives version \(major).x; only 1.x is read")
                }
                interfaces.removeAll(keepingCapacity: true)
            case Self.interfaceDescriptionType:
                try readInterface(body, blockOffset: at)
            case Self.enhancedPacketType:
                // interface(4) timestamp high(4) low(4) captured length(4) original length(4) data
                guard let id = body.u32(at: body.startIndex, order),
                      let high = body.u32(at: body.startIndex + 4, order), let low = body.u32(at: body.startIndex + 8, order),
                      let captured = body.u32(at: body.startIndex + 12, order).map(Int.init),
                      let original = body.u32(at: body.startIndex + 16, order).map(Int.init),
                      let packet = body.slice(at: body.startIndex + 20, count: captured)
                else { skipped.add(.malformedPacketBlock); continue }
                handle(packet, interfaceID: Int(id), timestamp: UInt64(high) << 32 | UInt64(low), hasTimestamp: true, original: original)
            case Self.obsoletePacketType:
                // interface(2) drops(2) timestamp high(4) low(4) captured length(4) original length(4) data
                guard let id = body.u16(at: body.startIndex, order),
                      let high = body.u32(at: body.startIndex + 4, order), let low = body.u32(at: body.startIndex + 8, order),
                      let captured = body.u32(at: body.startIndex + 12, order).map(Int.init),
                      let original = body.u32(at: body.startIndex + 16, order).map(Int.init),
                      let packet = body.slice(at: body.startIndex + 20, count: captured)
                else { skipped.add(.malformedPacketBlock); continue }
                handle(packet, interfaceID: Int(id), timestamp: UInt64(high) << 32 | UInt64(low), hasTimestamp: true, original: original)
            case Self.simplePacketType:
                // original length(4) data: the captured length is what the block holds, cut to
                // the snap length of interface 0 (the only interface an SPB can refer to).
                guard let original = body.u32(at: body.startIndex, order).map(Int.init) else {
                    skipped.add(.malformedPacketBlock); continue
                }
                guard let interface = interfaces.first else { skipped.add(.unknownInterface); continue }
                var captured = min(original, body.count - 4)
                if interface.snapLength > 0 { captured = min(captured, Int(interface.snapLength)) }
                let packet = body[(body.startIndex + 4)...].prefix(captured)
                handle(packet, interfaceID: 0, timestamp: 0, hasTimestamp: false, original: original)
            default:
                continue  // name resolution, interface statistics, decryption secrets, custom…
            }
        }
    }

    private mutating func readInterface(_ body: ArraySlice<UInt8>, blockOffset: Int) throws(ContainerError) {
        // link type(2) reserved(2) snap length(4) options
        guard let linkType = body.u16(at: body.startIndex, order), let snap = body.u32(at: body.startIndex + 4, order) else {
            throw fail(.badLength, blockOffset, "pcapng interface description block at offset \(blockOffset) is too short for its 8 bytes of fields")
        }
        var interface = Interface(linkType: linkType, snapLength: snap)
        // Options: code(2) length(2) value padded to 4. A malformed option list loses only the
        // options after it (the block itself is sound), so it is not an error.
        var i = body.startIndex + 8
        while let code = body.u16(at: i, order), let length = body.u16(at: i + 2, order).map(Int.init), code != 0 {
            let value = i + 4
            guard body.has(length, at: value) else { break }
            if code == 9, length == 1 {  // if_tsresol
                let r = body[value]
                let exponent = Int(r & 0x7F)
                if r & 0x80 == 0 {
                    interface.unitsPerSecond = exponent <= 19 ? (0 ..< exponent).reduce(UInt64(1)) { a, _ in a * 10 } : nil
                } else {
                    interface.unitsPerSecond = exponent <= 63 ? UInt64(1) << UInt64(exponent) : nil
                }
            } else if code == 14, length == 8, let v = body.slice(at: value, count: 8) {  // if_tsoffset
                var raw: UInt64 = 0
                for (k, byte) in v.enumerated() {
                    raw |= UInt64(byte) << UInt64(order == .bigEndian ? 8 * (7 - k) : 8 * k)
                }
                interface.offsetSeconds = Int64(bitPattern: raw)
            }
            i = value + (length + 3) / 4 * 4
        }
        interfaces.append(interface)
    }

    private mutating func handle(_ packet: ArraySlice<UInt8>, interfaceID: Int, timestamp: UInt64, hasTimestamp: Bool, original: Int) {
        guard interfaceID < interfaces.count else { skipped.add(.unknownInterface); return }
        let interface = interfaces[interfaceID]
        guard packet.count >= original else { skipped.add(.truncatedCapture); return }
        guard LinkType.isSupported(interface.linkType) else { skipped.add(.unsupportedLinkType); return }
        switch PacketDecoder.decode(packet, linkType: interface.linkType) {
        case .skip(let reason):
            skipped.add(reason)
        case .payload(let payload, let origin):
            var time: FrameTime?
            if hasTimestamp, let units = interface.unitsPerSecond {
                // Whole seconds and the fraction apart, so a nanosecond count keeps its precision.
                let seconds = Double(timestamp / units) + Double(timestamp % units) / Double(units)
                time = .unix(seconds: seconds + Double(interface.offsetSeconds))
            }
            framer.load(Frame(payload: payload, timestamp: time, origin: origin, offset: payload.startIndex))
        }
    }

    private mutating func fail(_ kind: ContainerError.Kind, _ offset: Int, _ message: String) -> ContainerError {
        finished = true
        return ContainerError(kind, offset: offset, message)
    }
}
