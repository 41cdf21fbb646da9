/// The link-layer header types (tcpdump.org LINKTYPE_ values) whose packets this module turns
/// into UDP payloads. Shared by the pcap and pcapng readers.
enum LinkType {
    static let null: UInt16 = 0           // BSD loopback: 4-byte address family, host byte order
    static let ethernet: UInt16 = 1       // Ethernet II, 802.1Q VLAN, and 802.3 with LLC
    static let raw: UInt16 = 101          // raw IP (DLT_RAW)
    static let loop: UInt16 = 108         // OpenBSD loopback: address family in network order
    static let linuxSLL: UInt16 = 113     // Linux cooked capture v1 ("any" interface)
    static let ipv4: UInt16 = 228         // raw IPv4
    static let linuxSLL2: UInt16 = 276    // Linux cooked capture v2

    static func isSupported(_ type: UInt16) -> Bool {
        switch type {
        case null, ethernet, raw, loop, linuxSLL, ipv4, linuxSLL2: true
        default: false
        }
    }

    static let supportedList = "Ethernet (1), raw IPv4 (101, 228), Linux cooked capture (113, 276), BSD loopback (0, 108)"
}

/// What one captured packet gives: a payload with its origin, or why it gives none.
enum PacketContent {
    case payload(ArraySlice<UInt8>, FrameOrigin)
    case skip(SkipReason)
}

/// Peels the link, IPv4 and UDP headers off a captured packet. Pure, allocation-free and
/// bounds-checked: every length read from the packet is checked against the bytes present.
enum PacketDecoder {
    static func decode(_ packet: ArraySlice<UInt8>, linkType: UInt16) -> PacketContent {
        let s = packet.startIndex
        switch linkType {
        case LinkType.ethernet:
            return ethernet(packet)
        case LinkType.raw, LinkType.ipv4:
            return ipv4(packet)
        case LinkType.linuxSLL:
            // packet type(2) ARPHRD(2) address length(2) address(8) protocol(2)
            guard let proto = packet.u16(at: s + 14) else { return .skip(.malformedLinkHeader) }
            return cooked(packet, protocol: proto, headerLength: 16)
        case LinkType.linuxSLL2:
            // protocol(2) reserved(2) interface index(4) ARPHRD(2) packet type(1) address length(1) address(8)
            guard packet.has(20, at: s), let proto = packet.u16(at: s) else { return .skip(.malformedLinkHeader) }
            return cooked(packet, protocol: proto, headerLength: 20)
        case LinkType.null, LinkType.loop:
            // AF_INET is 2 on every BSD; LINKTYPE_NULL writes it in the capturing host's byte
            // order, so accept it either way round.
            guard let family = packet.u32(at: s) else { return .skip(.malformedLinkHeader) }
            guard family == 2 || family == 0x0200_0000 else { return .skip(.notIPv4) }
            return ipv4(packet.dropFirst(4))
        default:
            return .skip(.unsupportedLinkType)
        }
    }

    /// Ethernet II with up to two VLAN tags, or 802.3 with a length field and LLC.
    static func ethernet(_ p: ArraySlice<UInt8>) -> PacketContent {
        var i = p.startIndex + 12  // past destination and source MAC
        guard var type = p.u16(at: i) else { return .skip(.malformedLinkHeader) }
        var tags = 0
        // 802.1Q (0x8100), 802.1ad (0x88A8) and the pre-standard QinQ 0x9100: a 4-byte tag
        // whose last two bytes are the real type. Two tags at most (QinQ); more is malformed.
        while type == 0x8100 || type == 0x88A8 || type == 0x9100 {
            guard tags < 2, let inner = p.u16(at: i + 4) else { return .skip(.malformedLinkHeader) }
            i += 4
            type = inner
            tags += 1
        }
        i += 2
        if type <= 1500 {
            // IEEE 802.3: the field is the length of what follows (LLC header + data), not
            // counting the padding up to the 60-byte minimum frame, so it bounds the payload.
            guard let body = p.slice(at: i, count: Int(type)) else { return .skip(.malformedLinkHeader) }
            return llc(body)
        }
        if type < 0x0600 { return .skip(.malformedLinkHeader) }  // 1501...1535 mean nothing
        guard type == 0x0800 else { return .skip(.notIPv4) }
        return ipv4(p[i...])
    }

    /// Linux cooked capture: the protocol is an EtherType, or 4 (ETH_P_802_2) for an LLC frame.
    static func cooked(_ p: ArraySlice<UInt8>, protocol proto: UInt16, headerLength: Int) -> PacketContent {
        guard p.has(headerLength, at: p.startIndex) else { return .skip(.malformedLinkHeader) }
        let body = p.dropFirst(headerLength)
        switch proto {
        case 0x0800: return ipv4(body)
        case 0x0004: return llc(body)
        default: return .skip(.notIPv4)
        }
    }

    /// An LLC header (DSAP, SSAP, control) followed directly by ASTERIX, as some radar LANs
    /// send it. Only unnumbered-information frames (control 0x03) that are not SNAP, and whose
    /// first bytes look like a data block header, are taken: a LAN also carries spanning-tree
    /// BPDUs (DSAP 0x42) and other LLC traffic, which must not reach the decoder as ASTERIX.
    static func llc(_ body: ArraySlice<UInt8>) -> PacketContent {
        let s = body.startIndex
        guard let dsap = body.u8(at: s), let ssap = body.u8(at: s + 1), let control = body.u8(at: s + 2) else {
            return .skip(.malformedLinkHeader)
        }
        guard control == 0x03, !(dsap == 0xAA && ssap == 0xAA) else { return .skip(.notASTERIXOverLLC) }
        let data = body.dropFirst(3)
        guard let length = data.u16(at: data.startIndex + 1), length >= 3, Int(length) <= data.count else {
            return .skip(.notASTERIXOverLLC)
        }
        return .payload(data, .llc(dsap: dsap, ssap: ssap))
    }

    /// IPv4 then UDP. Fragments are skipped: reassembly would need state across packets and
    /// radar feeds are sent in datagrams well below the MTU.
    static func ipv4(_ p: ArraySlice<UInt8>) -> PacketContent {
        let s = p.startIndex
        guard let versionAndLength = p.u8(at: s) else { return .skip(.malformedIPv4) }
        guard versionAndLength >> 4 == 4 else { return .skip(.notIPv4) }
        let headerLength = Int(versionAndLength & 0x0F) * 4
        guard headerLength >= 20, p.has(headerLength, at: s),
              let total = p.u16(at: s + 2).map(Int.init), total >= headerLength, total <= p.count,
              let fragment = p.u16(at: s + 6), let proto = p.u8(at: s + 9),
              let source = p.u32(at: s + 12), let destination = p.u32(at: s + 16)
        else { return .skip(.malformedIPv4) }
        // More-fragments flag or a non-zero fragment offset.
        guard fragment & 0x3FFF == 0 else { return .skip(.ipFragment) }
        guard proto == 17 else { return .skip(.notUDP) }

        // The IP total length, not the captured length, ends the packet: Ethernet pads short
        // frames and some captures keep the frame check sequence.
        let udp = s + headerLength
        let udpSpace = total - headerLength
        guard udpSpace >= 8, let sourcePort = p.u16(at: udp), let destinationPort = p.u16(at: udp + 2),
              let udpLength = p.u16(at: udp + 4).map(Int.init), udpLength >= 8, udpLength <= udpSpace
        else { return .skip(.malformedUDP) }
        let origin = FrameOrigin.udp(
            source: UDPEndpoint(IPv4Address(source), port: sourcePort),
            destination: UDPEndpoint(IPv4Address(destination), port: destinationPort))
        return .payload(p[udp + 8 ..< udp + udpLength], origin)
    }
}
