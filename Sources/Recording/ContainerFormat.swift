/// The recording containers this module reads.
public enum ContainerFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case raw, pcap, pcapng, gps, final

    public var description: String { rawValue }

    /// Works out a file's format from its first bytes and its name.
    ///
    /// 1. pcap and pcapng by their magic number (the contents decide, whatever the name).
    /// 2. A `.gps` or `.ff` name, if the contents are plausible for it (for GPS: the records
    ///    after the 2200-byte header chain and carry times within a day; for final: A5A5A5A5
    ///    padding where the first record's LEN puts it).
    /// 3. Otherwise raw if the file starts with well-formed data blocks, else GPS or final if
    ///    the contents fit one of them, else raw, whose reader then explains what is wrong.
    public static func detect(bytes: [UInt8], path: String? = nil) -> ContainerFormat {
        let b = bytes[...]
        switch b.u32(at: 0, .bigEndian) {
        case 0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 0x4D3C_B2A1: return .pcap
        case PcapngReader.sectionHeaderType: return .pcapng
        default: break
        }
        let ext = path.map(Self.fileExtension) ?? ""
        if ext == "gps", GPSReader.isPlausible(b) { return .gps }
        if ext == "ff", FinalReader.isPlausible(b) { return .final }
        if RawReader.isPlausible(b) { return .raw }
        if GPSReader.isPlausible(b) { return .gps }
        if FinalReader.isPlausible(b) { return .final }
        return .raw
    }

    /// Lower-cased text after the last dot of the file name, "" if none.
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
