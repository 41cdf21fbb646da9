/// How many bytes an item takes, derived once from its `Variation` so that sizing a record is a
/// walk over a few integers rather than over the definition tree.
enum SizeRule: Sendable {
    case fixed(Int)
    /// Byte size of each part, four bits each from the lowest (so the rule holds no array and
    /// copies without reference counting); every part but possibly the last ends in an FX bit.
    case extended(parts: UInt64, count: Int, lastHasFX: Bool)
    /// A count, then elements of a fixed size: the usual repetitive item, kept free of boxes.
    case repetitiveFixed(countBytes: Int, elementBytes: Int)
    indirect case repetitive(countBytes: Int, element: SizeRule)
    case repetitiveFX(elementBytes: Int)
    case explicit
    case compound([SizeRule?])
    /// A definition the decoder cannot size (a bit count that is not whole bytes).
    case invalid

    init(_ v: Variation) {
        switch v {
        case .element, .group:
            let bits = v.fixedBits ?? 1
            self = bits % 8 == 0 ? .fixed(bits / 8) : .invalid
        case .extended(let members):
            var parts: [Int] = []
            var bits = 0
            for m in members {
                switch m {
                case .fx:
                    bits += 1
                    guard bits % 8 == 0 else { self = .invalid; return }
                    parts.append(bits / 8)
                    bits = 0
                case .spare(let b): bits += b
                case .field(_, let fv): bits += fv.fixedBits ?? 1
                }
            }
            guard bits % 8 == 0 else { self = .invalid; return }
            if bits > 0 { parts.append(bits / 8) }
            guard !parts.isEmpty, parts.count <= 16, parts.allSatisfy({ $0 < 16 }) else { self = .invalid; return }
            var packed: UInt64 = 0
            for (i, n) in parts.enumerated() { packed |= UInt64(n) << (4 * UInt64(i)) }
            self = .extended(parts: packed, count: parts.count, lastHasFX: bits == 0)
        case .repetitive(let countBytes, let element):
            if let bits = element.fixedBits, bits % 8 == 0 {
                self = .repetitiveFixed(countBytes: countBytes, elementBytes: bits / 8)
            } else {
                self = .repetitive(countBytes: countBytes, element: SizeRule(element))
            }
        case .repetitiveFX(let element):
            let bits = (element.fixedBits ?? 0) + 1
            self = bits % 8 == 0 ? .repetitiveFX(elementBytes: bits / 8) : .invalid
        case .explicit:
            self = .explicit
        case .compound(let subs):
            self = .compound(subs.map { $0.map { SizeRule($0.variation) } })
        }
    }
}

/// Why an item could not be sized.
public enum SizeFailure: Error, Sendable, Equatable {
    case truncated
    /// The FX bit of the last part the edition defines is set.
    case extensionBeyondDefinition
    case zeroExplicitLength
    /// A compound's FSPEC marks a subitem the edition does not define.
    case undefinedSubitem(Int)
    case compoundFSPECTooLong
    case invalidDefinition
}

extension SizeRule {
    /// The size in bytes of the item starting at `start`, which must end by `end`.
    @inline(__always)
    func size(_ buf: UnsafeRawBufferPointer, at start: Int, end: Int) throws(SizeFailure) -> Int {
        if case .fixed(let n) = self {
            guard start + n <= end else { throw .truncated }
            return n
        }
        return try variableSize(buf, at: start, end: end)
    }

    private func variableSize(_ buf: UnsafeRawBufferPointer, at start: Int, end: Int) throws(SizeFailure) -> Int {
        switch self {
        case .fixed(let n):
            guard start + n <= end else { throw .truncated }
            return n
        case .extended(let parts, let count, let lastHasFX):
            var len = 0
            for i in 0..<count {
                len += Int((parts >> (4 * UInt64(i))) & 0xF)
                guard start + len <= end else { throw .truncated }
                let last = i == count - 1
                if last && !lastHasFX { return len }
                if buf[start + len - 1] & 1 == 0 { return len }
                if last { throw .extensionBeyondDefinition }
            }
            return len
        case .repetitiveFixed(let countBytes, let n):
            guard start + countBytes <= end else { throw .truncated }
            var count = 0
            for i in 0..<countBytes { count = count << 8 | Int(buf[start + i]) }
            // Checked before use: a count past the end is an error, not an allocation.
            guard count <= (end - start - countBytes) / max(n, 1) else { throw .truncated }
            return countBytes + count * n
        case .repetitive(let countBytes, let element):
            guard start + countBytes <= end else { throw .truncated }
            var count = 0
            for i in 0..<countBytes { count = count << 8 | Int(buf[start + i]) }
            var len = countBytes
            for _ in 0..<count {
                len += try element.size(buf, at: start + len, end: end)
            }
            return len
        case .repetitiveFX(let n):
            var len = 0
            repeat {
                len += n
                guard start + len <= end else { throw .truncated }
            } while buf[start + len - 1] & 1 == 1
            return len
        case .explicit:
            guard start < end else { throw .truncated }
            let n = Int(buf[start])
            guard n > 0 else { throw .zeroExplicitLength }
            guard start + n <= end else { throw .truncated }
            return n
        case .compound(let subs):
            let maxFSPEC = (subs.count + 6) / 7
            var fspecLen = 0
            repeat {
                guard fspecLen < maxFSPEC else { throw .compoundFSPECTooLong }
                guard start + fspecLen < end else { throw .truncated }
                fspecLen += 1
            } while buf[start + fspecLen - 1] & 1 == 1
            var len = fspecLen
            for byte in 0..<fspecLen {
                let bits = buf[start + byte]
                for bit in 0..<7 where bits & (0x80 >> bit) != 0 {
                    let index = byte * 7 + bit
                    guard index < subs.count, let rule = subs[index] else { throw .undefinedSubitem(index + 1) }
                    len += try rule.size(buf, at: start + len, end: end)
                }
            }
            return len
        case .invalid:
            throw .invalidDefinition
        }
    }
}
