/// An item a typed record does not decode, kept as received so that the record re-encodes whole.
/// Typed records refuse to encode one whose code has a typed property (`.invalidItem`).
public struct UntypedItem: Sendable, Hashable {
    /// The item number as `ItemRef.code` gives it (I021/090 → 90; RE −1, SP −2).
    public var code: Int
    /// The whole item as the definition sizes it (RE and SP start with their length byte).
    public var bytes: [UInt8]

    public init(code: Int, bytes: [UInt8]) {
        self.code = code
        self.bytes = bytes
    }
}
