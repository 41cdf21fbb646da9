/// An item decoded by its definition alone, with the field names and units of the category
/// document: what `centinela decode` prints. Typed decoders (`Cat048`, …) are the fast path; this
/// is the complete one.
public indirect enum ItemValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case string(String)
    case object([Field])
    case array([ItemValue])

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: ItemValue

        public init(name: String, value: ItemValue) {
            self.name = name
            self.value = value
        }
    }

    /// The value of a named field of an object, or nil.
    public subscript(name: String) -> ItemValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.name == name }?.value
    }

    public var double: Double? {
        switch self {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
}

extension ItemValue {
    /// Decodes an item's bytes, already sized by the record scanner.
    public static func decode(_ item: ItemSpec, _ bytes: UnsafeRawBufferPointer) throws(SizeFailure) -> ItemValue {
        var reader = ValueReader(bytes: bytes)
        return try reader.variation(item.variation, name: item.name)
    }
}

/// Reads values bit by bit from an item's bytes.
struct ValueReader {
    typealias Field = ItemValue.Field
    let bytes: UnsafeRawBufferPointer
    /// Position in bits from the first byte.
    var bit = 0

    mutating func variation(_ v: Variation, name: String) throws(SizeFailure) -> ItemValue {
        switch v {
        case .element(let bits, let content):
            return try element(bits: bits, content: content)
        case .group(let members):
            return .object(try fields(members, extended: false))
        case .extended(let members):
            return .object(try fields(members, extended: true))
        case .repetitive(let countBytes, let element):
            var count = 0
            for _ in 0..<countBytes { count = count << 8 | Int(try take(8)) }
            // Each repetition takes at least one byte: a count past the end fails before allocating.
            guard count <= bytes.count - bit / 8 else { throw .truncated }
            var out: [ItemValue] = []
            out.reserveCapacity(count)
            for _ in 0..<count { out.append(try variation(element, name: name)) }
            return .array(out)
        case .repetitiveFX(let element):
            var out: [ItemValue] = []
            var more = true
            while more {
                out.append(try variation(element, name: name))
                more = try take(1) == 1
            }
            return .array(out)
        case .explicit:
            let length = Int(try take(8))
            guard length >= 1 else { throw .zeroExplicitLength }
            var hex = ""
            for _ in 1..<length { hex += Self.hex(try take(8), digits: 2) }
            return .object([Field(name: "len", value: .integer(length)), Field(name: "hex", value: .string(hex))])
        case .compound(let subs):
            var present: [Int] = []
            var byte = 0
            repeat {
                let b = try take(8)
                for i in 0..<7 where b & (0x80 >> UInt64(i)) != 0 { present.append(byte * 7 + i) }
                byte += 1
                if b & 1 == 0 { break }
            } while true
            var out: [Field] = []
            for index in present {
                guard index < subs.count, let sub = subs[index] else { throw .undefinedSubitem(index + 1) }
                out.append(Field(name: sub.name, value: try variation(sub.variation, name: sub.name)))
            }
            return .object(out)
        }
    }

    private mutating func fields(_ members: [Member], extended: Bool) throws(SizeFailure) -> [Field] {
        var out: [Field] = []
        out.reserveCapacity(members.count)
        for m in members {
            switch m {
            case .field(let name, let v):
                let value = try variation(v, name: name)
                // A group nested in a group keeps its own object; its name is the field name.
                out.append(Field(name: name, value: value))
            case .spare(let bits):
                _ = try take(bits)
            case .fx:
                if try take(1) == 0 { return out }
            }
        }
        return out
    }

    private mutating func element(bits: Int, content: Content) throws(SizeFailure) -> ItemValue {
        switch content {
        case .stringICAO:
            var s = ""
            for _ in 0..<(bits / 6) { s.append(Callsign.character(Int(try take(6)))) }
            return .string(Callsign.trimmed(s))
        case .stringASCII:
            var s = ""
            for _ in 0..<(bits / 8) {
                let c = try take(8)
                s.append(c >= 0x20 && c < 0x7F ? Character(Unicode.Scalar(UInt8(c))) : c == 0 ? " " : "?")
            }
            return .string(Callsign.trimmed(s))
        case .stringOctal:
            var s = ""
            for _ in 0..<(bits / 3) { s += String(try take(3)) }
            return .string(s)
        case .raw, .table, .integer(signed: false):
            if bits > 64 {
                var hex = ""
                var left = bits
                while left > 0 {
                    let n = min(4, left)
                    hex += Self.hex(try take(n), digits: 1)
                    left -= n
                }
                return .string(hex)
            }
            let v = try take(bits)
            if case .raw = content, bits > 16 { return .string(Self.hex(v, digits: (bits + 3) / 4)) }
            return .integer(Int(truncatingIfNeeded: v))
        case .integer(signed: true):
            return .integer(Self.signed(try take(bits), bits: bits))
        case .quantity(let signed, let lsb, _):
            let v = try take(bits)
            let n = signed ? Self.signed(v, bits: bits) : Int(truncatingIfNeeded: v)
            return .number(Double(n) * lsb)
        }
    }

    /// The next `n` bits (n ≤ 64) as an unsigned value.
    mutating func take(_ n: Int) throws(SizeFailure) -> UInt64 {
        guard n <= 64, bit + n <= bytes.count * 8 else { throw .truncated }
        var v: UInt64 = 0
        for _ in 0..<n {
            let byte = bytes[bit >> 3]
            v = v << 1 | UInt64((byte >> (7 - UInt8(bit & 7))) & 1)
            bit += 1
        }
        return v
    }

    static func signed(_ v: UInt64, bits: Int) -> Int {
        guard bits < 64 else { return Int(truncatingIfNeeded: v) }
        let sign: UInt64 = 1 << (bits - 1)
        return v & sign != 0 ? Int(truncatingIfNeeded: v) - (1 << bits) : Int(v)
    }

    static func hex(_ v: UInt64, digits: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
