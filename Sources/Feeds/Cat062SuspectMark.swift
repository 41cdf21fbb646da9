import Asterix

extension Cat062Record {
    /// Version of the suspect mark's layout in the SP field (the README's "CAT062 suspect mark").
    public static let suspectMarkVersion: UInt8 = 1

    /// Marks this track as a suspect flight: the SP (special purpose) field carries the alert,
    /// since no standard CAT062 item says "suspect". Layout, after SP's length byte:
    /// version (1), flags (bit 8 alert active, bit 7 acknowledged), score in hundredths (0–100),
    /// then the class as ASCII (e.g. `low-level-border-approach`), cut to fit the 255-byte field.
    /// A consumer that knows nothing of it skips SP by its length, as the standard requires.
    public mutating func markSuspect(_ alert: Alert) {
        var sp: [UInt8] = [0, Self.suspectMarkVersion]
        sp.append(0x80 | (alert.acknowledged ? 0x40 : 0))
        sp.append(UInt8(max(0, min(100, (alert.score * 100).rounded()))))
        sp.append(contentsOf: alert.classification.utf8.prefix(255 - sp.count).map { $0 < 0x20 || $0 > 0x7E ? UInt8(ascii: "?") : $0 })
        sp[0] = UInt8(sp.count)
        otherItems.removeAll { $0.code == ItemSpec.spCode }
        otherItems.append(UntypedItem(code: ItemSpec.spCode, bytes: sp))
    }
}
