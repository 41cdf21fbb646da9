extension Cat034Record {
    /// I034/000: what the service message is. Values the edition does not list stay as `other`,
    /// so the byte re-encodes unchanged.
    public enum MessageType: RawRepresentable, Sendable, Hashable {
        case northMarker
        case sectorCrossing
        case geographicalFiltering
        case jammingStrobe
        /// 1.29: solar storm message.
        case solarStorm
        /// 1.29: SSR jamming strobe message.
        case ssrJammingStrobe
        /// 1.29: Mode S jamming strobe message.
        case modeSJammingStrobe
        case other(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 1: self = .northMarker
            case 2: self = .sectorCrossing
            case 3: self = .geographicalFiltering
            case 4: self = .jammingStrobe
            case 5: self = .solarStorm
            case 6: self = .ssrJammingStrobe
            case 7: self = .modeSJammingStrobe
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
            case .geographicalFiltering: return 3
            case .jammingStrobe: return 4
            case .solarStorm: return 5
            case .ssrJammingStrobe: return 6
            case .modeSJammingStrobe: return 7
            case .other(let v): return v
            }
        }
    }
}
