extension Cat002Record {
    /// I002/000: what the service message is; other values (128–255 are application dependent)
    /// stay as `other`.
    public enum MessageType: RawRepresentable, Sendable, Hashable {
        case northMarker
        case sectorCrossing
        case southMarker
        case blindZoneFilteringStarted
        case blindZoneFilteringStopped
        case other(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 1: self = .northMarker
            case 2: self = .sectorCrossing
            case 3: self = .southMarker
            case 8: self = .blindZoneFilteringStarted
            case 9: self = .blindZoneFilteringStopped
            default: self = .other(rawValue)
            }
        }

        /// Compared by value: `.other(1)` is `.northMarker`.
        public static func == (a: Self, b: Self) -> Bool { a.rawValue == b.rawValue }
        public func hash(into h: inout Hasher) { h.combine(rawValue) }

        public var rawValue: UInt8 {
            switch self {
            case .northMarker: return 1
            case .sectorCrossing: return 2
            case .southMarker: return 3
            case .blindZoneFilteringStarted: return 8
            case .blindZoneFilteringStopped: return 9
            case .other(let v): return v
            }
        }
    }

    /// I002/070: one plot counter: aerial (1 bit), IDENT (5 bits: 1 sole primary, 2 sole SSR,
    /// 3 combined), COUNTER (10 bits).
    public struct PlotCount: Sendable, Hashable {
        public var raw: UInt16
        public init(raw: UInt16) { self.raw = raw }

        public init(antenna2: Bool, ident: UInt8, count: UInt16) {
            raw = (antenna2 ? 0x8000 : 0) | UInt16(ident & 0x1F) << 10 | (count & 0x3FF)
        }

        /// A: counter for antenna 2 (false: antenna 1).
        public var antenna2: Bool { raw & 0x8000 != 0 }
        /// IDENT.
        public var ident: UInt8 { UInt8((raw >> 10) & 0x1F) }
        /// COUNTER.
        public var count: UInt16 { raw & 0x3FF }
    }

    /// I002/100 Dynamic Window Type 1: rho in 1/128 NM (I034/100 uses 1/256), theta in 360/2¹⁶ °.
    public struct DynamicWindow: Sendable, Hashable {
        public var rhoStartRaw: UInt16
        public var rhoEndRaw: UInt16
        public var thetaStartRaw: UInt16
        public var thetaEndRaw: UInt16

        public init(rhoStartRaw: UInt16, rhoEndRaw: UInt16, thetaStartRaw: UInt16, thetaEndRaw: UInt16) {
            self.rhoStartRaw = rhoStartRaw
            self.rhoEndRaw = rhoEndRaw
            self.thetaStartRaw = thetaStartRaw
            self.thetaEndRaw = thetaEndRaw
        }

        /// NM.
        public var rhoStart: Double { Double(rhoStartRaw) / 128 }
        public var rhoEnd: Double { Double(rhoEndRaw) / 128 }
        /// Degrees.
        public var thetaStart: Double { Double(thetaStartRaw) * (360.0 / 65536.0) }
        public var thetaEnd: Double { Double(thetaEndRaw) * (360.0 / 65536.0) }
    }
}
