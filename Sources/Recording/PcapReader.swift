/// libpcap capture files, format 2.4 (https://www.tcpdump.org/manpages/pcap-savefile.5.html):
/// a 24-byte file header, then per packet a 16-byte record header and the captured bytes.
///
/// Both byte orders and both timestamp resolutions (microsecond magic `A1B2C3D4`, nanosecond
/// magic `A1B23C4D`) are read. Each UDP datagram over IPv4 becomes one frame (or, with ORADIS
/// framing, one frame per ORADIS packet); everything else is counted in `skipped`.
public struct PcapReader: Sendable {
    /// Packets that gave no frame, by reason.
    public private(set) var skipped = SkipCounts()
    /// The link type from the file header (low 16 bits; the high bits carry FCS information).
    public let linkType: UInt16
    public var framing: PayloadFraming { framer.framing }

    private let bytes: ArraySlice<UInt8>
    private let order: ByteOrder
    private let fractionsPerSecond: Double
    private var position: Int
    private var framer: DatagramFramer
    private var finished = false

    static let fileHeaderLength = 24
    static let recordHeaderLength = 16

    /// Reads the file header; throws if it is not a pcap 2.x file or its link type is not one
    /// this module decodes.
    public init(bytes: [UInt8], framing: PayloadFraming = .plain) throws(ContainerError) {
        let b = bytes[...]
        guard let magic = b.u32(at: 0, .bigEndian) else {
            throw ContainerError(.truncated, offset: 0, "pcap file has \(b.count) bytes, less than the 24-byte pcap file header")
        }
        switch magic {
        case 0xA1B2_C3D4: (order, fractionsPerSecond) = (.bigEndian, 1e6)
        case 0xD4C3_B2A1: (order, fractionsPerSecond) = (.littleEndian, 1e6)
        case 0xA1B2_3C4D: (order, fractionsPerSecond) = (.bigEndian, 1e9)
        case 0x4D3C_B2A1: (order, fractionsPerSecond) = (.littleEndian, 1e9)
        default:
            throw ContainerError(.badFileHeader, offset: 0, "not a pcap file: magic number \(hex(magic, digits: 8)) at offset 0 is none of A1B2C3D4 (microseconds) or A1B23C4D (nanoseconds) in either byte order")
        }
        guard b.has(Self.fileHeaderLength, at: 0), let major = b.u16(at: 4, order), let network = b.u32(at: 20, order) else {
            throw ContainerError(.truncated, offset: 0, "pcap file has \(b.count) bytes, less than the 24-byte pcap file header")
        }
        guard major == 2 else {
            throw ContainerError(.badFileHeader, offset: 4, "pcap file header at offset 4 gives version \(major).x; only 2.x is read")
        }
        linkType = UInt16(truncatingIfNeeded: network)
        guard LinkType.isSupported(linkType) else {
            throw ContainerError(.unsupported, offset: 20, "pcap link type \(linkType) (file header offset 20) is not supported; supported: \(LinkType.supportedList)")
        }
        self.bytes = b
        position = Self.fileHeaderLength
        framer = DatagramFramer(framing: framing)
    }

    public mutating func next() throws(ContainerError) -> Frame? {
        while true {
            if let frame = framer.next(skipped: &skipped) { return frame }
            guard !finished, position < bytes.endIndex else { return nil }
            let at = position
            guard bytes.has(Self.recordHeaderLength, at: at),
                  let seconds = bytes.u32(at: at, order), let fraction = bytes.u32(at: at + 4, order),
                  let captured = bytes.u32(at: at + 8, order).map(Int.init),
                  let original = bytes.u32(at: at + 12, order).map(Int.init)
            else {
                throw fail(.truncated, at, "pcap record header at offset \(at): only \(bytes.remaining(from: at)) bytes left, a record header needs 16")
            }
            guard let packet = bytes.slice(at: at + Self.recordHeaderLength, count: captured) else {
                throw fail(.truncated, at, "pcap record at offset \(at) claims \(captured) bytes, past the end of the file (\(bytes.count) bytes)")
            }
            position = packet.endIndex
            if captured < original {
                skipped.add(.truncatedCapture)
                continue
            }
            switch PacketDecoder.decode(packet, linkType: linkType) {
            case .skip(let reason):
                skipped.add(reason)
            case .payload(let payload, let origin):
                let time = Double(seconds) + Double(fraction) / fractionsPerSecond
                framer.load(Frame(payload: payload, timestamp: .unix(seconds: time), origin: origin, offset: payload.startIndex))
            }
        }
    }

    private mutating func fail(_ kind: ContainerError.Kind, _ offset: Int, _ message: String) -> ContainerError {
        finished = true
        return ContainerError(kind, offset: offset, message)
    }
}
