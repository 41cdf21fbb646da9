import Sockets

/// A live source as the command line and the configuration write it:
///
///     udp://0.0.0.0:8600
///     udp://239.1.2.3:8600?interface=eth1&allow=10.0.0.5,10.0.0.6&buffer=16777216
///     usb://1209:0001
///     usb://1209:0001:A17
///
/// Parameters after `?`: `interface` (multicast), `allow` (comma-separated sender addresses),
/// `buffer` (socket receive buffer, bytes), `silence` (seconds before `silent`). A USB plot
/// extractor is `usb://VID:PID[:SERIAL]`, the ids in hexadecimal as `lsusb` prints them.
public enum SourceSpec: Sendable, Equatable {
    case udp(UDPSourceSettings)
    case usb(USBSourceSettings)

    /// Parses and resolves; the error says what is wrong and what was expected.
    public init(_ text: String) throws(SocketError) {
        let parts = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        if base.hasPrefix("usb://"), parts.count == 1 {
            do {
                self = .usb(try USBSourceSettings(device: String(base.dropFirst(6))))
                return
            } catch {
                throw SocketError("\(error)")
            }
        }
        guard base.hasPrefix("udp://") else {
            throw SocketError("\(text): not a source; expected udp://HOST:PORT[?interface=IF&allow=A,B&buffer=BYTES&silence=S] or usb://VID:PID[:SERIAL]")
        }
        var settings = UDPSourceSettings(listen: try UDPAddress(base))
        for pair in parts.count > 1 ? parts[1].split(separator: "&") : [] {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(kv[0]), value = kv.count > 1 ? String(kv[1]) : ""
            func bad(_ why: String) -> SocketError { SocketError("\(text): \(key): \(why)") }
            switch key {
            case "interface":
                guard !value.isEmpty else { throw bad("needs an interface name or address") }
                guard settings.listen.isMulticast else { throw bad("only a multicast group is joined on an interface") }
                settings.interface = value
            case "allow":
                settings.allow = value.split(separator: ",").map(String.init)
                guard !settings.allow.isEmpty else { throw bad("needs one or more sender addresses") }
                for (i, a) in settings.allow.enumerated() where SenderAddress.bytes(of: a) == nil {
                    throw SocketError("\(text): allow[\(i)]: '\(a)' is not an IP address")
                }
            case "buffer":
                guard let bytes = Int(value), bytes > 0, bytes <= 1 << 30 else { throw bad("a byte count from 1 to 1073741824") }
                settings.receiveBufferBytes = bytes
            case "silence":
                guard let s = Double(value), s > 0, s.isFinite else { throw bad("a positive number of seconds") }
                settings.silenceAfter = s
            default:
                throw SocketError("\(text): unknown parameter '\(key)' (interface, allow, buffer, silence)")
            }
        }
        self = .udp(settings)
    }
}
