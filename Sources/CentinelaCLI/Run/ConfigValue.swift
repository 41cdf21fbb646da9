import FoundationEssentials

/// What is wrong with a configuration, with the key it is about (`sources[1]: …`, `store.sync: …`).
struct ConfigError: Error, CustomStringConvertible {
    let description: String
}

/// A JSON document as a tree, so a configuration can be read strictly: every key known, every
/// value of its type, and any error naming its key path.
indirect enum ConfigValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ConfigValue])
    case object([String: ConfigValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([ConfigValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: ConfigValue].self)) }
    }

    /// Parses JSON text; the error says where it stops being JSON. A key given twice in one
    /// object is refused too (the decoder would keep one silently).
    static func parse(_ bytes: [UInt8]) throws(ConfigError) -> ConfigValue {
        let value: ConfigValue
        do {
            value = try JSONDecoder().decode(ConfigValue.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            throw ConfigError(description: "not valid JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)")
        } catch let DecodingError.typeMismatch(_, context) {
            // Valid JSON that fits no case: a number no Double holds (1e400).
            let key = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw ConfigError(description: "a number out of range (beyond ±1.8e308) at or inside \(key.hasPrefix(".") ? String(key.dropFirst()) : key)")
        } catch {
            throw ConfigError(description: "not valid JSON: \(error)")
        }
        if let key = duplicateKey(in: bytes) { throw ConfigError(description: "\(key): given twice in one object") }
        return value
    }

    /// The first key (as written, quotes and escapes kept) that appears twice in one object of
    /// `json`, which must be valid JSON; nil when none does.
    static func duplicateKey(in json: [UInt8]) -> String? {
        var objects: [Set<ArraySlice<UInt8>>?] = []  // one entry per open object (its keys) or list (nil)
        var expectingKey = false
        var i = 0
        while i < json.count {
            switch json[i] {
            case UInt8(ascii: "{"): objects.append([]); expectingKey = true
            case UInt8(ascii: "["): objects.append(nil); expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"): objects.removeLast()
            case UInt8(ascii: ","): expectingKey = objects.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while json[i] != UInt8(ascii: "\"") { i += json[i] == UInt8(ascii: "\\") ? 2 : 1 }
                if expectingKey {
                    let key = json[start...i]
                    if objects[objects.count - 1]?.insert(key).inserted == false { return String(decoding: key, as: UTF8.self) }
                    expectingKey = false
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// One JSON object of the configuration and its path. Keys starting with `#` hold notes for
/// people and are skipped; any other key not read is an error (a misspelt key must not be silently ignored).
struct ConfigObject {
    let path: String
    private let fields: [String: ConfigValue]

    init(_ value: ConfigValue, path: String) throws(ConfigError) {
        guard case .object(let fields) = value else { throw ConfigError(description: "\(path.isEmpty ? "the file" : path): expected an object, found \(value.typeName)") }
        self.path = path
        self.fields = fields
    }

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// Throws for the first key (alphabetically) not in `known`.
    func onlyKeys(_ known: Set<String>) throws(ConfigError) {
        for name in fields.keys.sorted() where !name.hasPrefix("#") && !known.contains(name) {
            throw ConfigError(description: "\(key(name)): unknown key (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    /// The value of `name`; nil when absent or null.
    func value(_ name: String) -> ConfigValue? {
        guard let v = fields[name] else { return nil }
        if case .null = v { return nil }
        return v
    }

    func string(_ name: String) throws(ConfigError) -> String? {
        guard let v = value(name) else { return nil }
        guard case .string(let s) = v else { throw wrongType(name, v, "a string") }
        return s
    }

    /// A string that may be turned off: `fallback` when the key is absent, nil when it is null.
    func string(_ name: String, else fallback: String?) throws(ConfigError) -> String? {
        fields[name] == nil ? fallback : try string(name)
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws(ConfigError) -> Double? {
        guard let v = value(name) else { return nil }
        guard case .number(let n) = v else { throw wrongType(name, v, "a number") }
        guard range.contains(n) else { throw ConfigError(description: "\(key(name)): \(n) is outside \(range.lowerBound)…\(range.upperBound)") }
        return n
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let v = value(name) else { return nil }
        guard case .number(let n) = v, n == n.rounded(), abs(n) < 1e15 else { throw wrongType(name, v, "a whole number") }
        guard range.contains(Int(n)) else { throw ConfigError(description: "\(key(name)): \(Int(n)) is outside \(range.lowerBound)…\(range.upperBound)") }
        return Int(n)
    }

    func array(_ name: String) throws(ConfigError) -> [ConfigValue]? {
        guard let v = value(name) else { return nil }
        guard case .array(let a) = v else { throw wrongType(name, v, "a list") }
        return a
    }

    func object(_ name: String) throws(ConfigError) -> ConfigObject? {
        guard let v = value(name) else { return nil }
        return try ConfigObject(v, path: key(name))
    }

    /// The strings of a list, each error naming its index.
    func strings(_ name: String) throws(ConfigError) -> [String]? {
        guard let a = try array(name) else { return nil }
        var out: [String] = []
        for (i, v) in a.enumerated() {
            guard case .string(let s) = v else { throw ConfigError(description: "\(key(name))[\(i)]: expected a string, found \(v.typeName)") }
            out.append(s)
        }
        return out
    }

    /// The key/value pairs of a nested object, with their paths (every key allowed).
    var entries: [(name: String, value: ConfigValue)] {
        fields.keys.sorted().filter { !$0.hasPrefix("#") }.map { ($0, fields[$0]!) }
    }

    private func wrongType(_ name: String, _ v: ConfigValue, _ expected: String) -> ConfigError {
        ConfigError(description: "\(key(name)): expected \(expected), found \(v.typeName)")
    }
}
