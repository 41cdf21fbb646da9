/// Why a captured packet gave no frame. These are not errors: a capture of a radar LAN holds
/// ARP, spanning tree and other traffic, and a truncated packet or a fragment says nothing
/// about the records after it. They are counted so that a person can see what was left out.
public enum SkipReason: Int, CaseIterable, Sendable, CustomStringConvertible {
    /// The capture kept fewer bytes than the packet had (caplen < len, a snap length).
    case truncatedCapture
    /// The interface's link type is not one this module decodes.
    case unsupportedLinkType
    /// A pcapng packet names an interface its section never described.
    case unknownInterface
    /// A pcapng packet block whose captured length is more than the block holds.
    case malformedPacketBlock
    /// The link-layer header is cut short or inconsistent.
    case malformedLinkHeader
    /// Not IPv4 (ARP, IPv6, …).
    case notIPv4
    /// An IPv4 fragment: reassembly is not done, so every fragment is skipped.
    case ipFragment
    /// An IPv4 header that is too short or disagrees with the packet's size.
    case malformedIPv4
    /// IPv4 but not UDP.
    case notUDP
    /// A UDP header whose length is below 8 or past the end of the IP packet.
    case malformedUDP
    /// An 802.3/LLC frame that does not carry an ASTERIX block (spanning tree, SNAP, …).
    case notASTERIXOverLLC
    /// An ORADIS packet length below its 6-byte header or past the datagram's end; the rest of
    /// that datagram is skipped.
    case oradisFraming

    public var description: String {
        switch self {
        case .truncatedCapture: "truncated by the capture's snap length"
        case .unsupportedLinkType: "on an unsupported link type"
        case .unknownInterface: "on an undeclared pcapng interface"
        case .malformedPacketBlock: "in malformed pcapng packet blocks"
        case .malformedLinkHeader: "with a malformed link-layer header"
        case .notIPv4: "not IPv4"
        case .ipFragment: "IPv4 fragments (not reassembled)"
        case .malformedIPv4: "with a malformed IPv4 header"
        case .notUDP: "not UDP"
        case .malformedUDP: "with a malformed UDP header"
        case .notASTERIXOverLLC: "802.3/LLC frames not carrying ASTERIX"
        case .oradisFraming: "datagrams with broken ORADIS framing (rest of datagram)"
        }
    }
}

/// How many packets were skipped, by reason. Fixed size: one counter per reason.
public struct SkipCounts: Sendable, Hashable, CustomStringConvertible {
    private var counts = [Int](repeating: 0, count: SkipReason.allCases.count)

    public init() {}

    public subscript(reason: SkipReason) -> Int { counts[reason.rawValue] }

    mutating func add(_ reason: SkipReason) { counts[reason.rawValue] += 1 }

    public var total: Int { counts.reduce(0, +) }

    /// e.g. "3 skipped: 2 not UDP, 1 IPv4 fragments (not reassembled)", or "none skipped".
    public var description: String {
        let parts = SkipReason.allCases.compactMap { r in counts[r.rawValue] > 0 ? "\(counts[r.rawValue]) \(r)" : nil }
        return parts.isEmpty ? "none skipped" : "\(total) skipped: " + parts.joined(separator: ", ")
    }
}
