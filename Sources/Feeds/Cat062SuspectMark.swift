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

/// The suspect mark of a CAT062 track, as a consumer reads it back from the SP field.
public struct SuspectMark: Sendable, Equatable {
    public var active: Bool
    public var acknowledged: Bool
    /// The score, in hundredths as sent.
    public var score: Double
    public var classification: String

    public init(active: Bool, acknowledged: Bool, score: Double, classification: String) {
        self.active = active
        self.acknowledged = acknowledged
        self.score = score
        self.classification = classification
    }
}

extension Cat062Record {
    /// The suspect mark in the SP field, or nil: no SP, a layout version this reader does not
    /// know, or a field too short or with a length byte that disagrees with the item.
    public var suspectMark: SuspectMark? {
        guard let sp = otherItems.first(where: { $0.code == ItemSpec.spCode })?.bytes,
              sp.count >= 4, Int(sp[0]) == sp.count, sp[1] == Self.suspectMarkVersion, sp[3] <= 100 else { return nil }
        let text = sp[4...].map { $0 < 0x20 || $0 > 0x7E ? UInt8(ascii: "?") : $0 }
        return SuspectMark(active: sp[2] & 0x80 != 0, acknowledged: sp[2] & 0x40 != 0, score: Double(sp[3]) / 100,
                           classification: String(decoding: text, as: UTF8.self))
    }
}
