import Testing
@testable import Asterix

@Suite struct JSONTextTests {
    func text(_ v: ItemValue) -> String {
        var out: [UInt8] = []
        JSONText.append(v, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapesWhatJSONRequires() {
        #expect(text(.string("a\"b\\c\nd\u{1}\u{1F}")) == #""a\"b\\c\nd\u0001\u001f""#)
        #expect(text(.string("DLH65A")) == #""DLH65A""#)
    }

    @Test func numbersReadBackAsThemselves() {
        #expect(text(.integer(-1234)) == "-1234")
        #expect(text(.integer(0)) == "0")
        #expect(text(.integer(Int.min)) == "-9223372036854775808")
        #expect(text(.number(330)) == "330.0")
        #expect(text(.number(-0.25)) == "-0.25")
        #expect(text(.number(.nan)) == "null")
    }

    @Test func objectsKeepTheirFieldOrder() {
        let v = ItemValue.object([.init(name: "RHO", value: .number(1.5)), .init(name: "THETA", value: .array([.integer(1), .integer(2)]))])
        #expect(text(v) == #"{"RHO":1.5,"THETA":[1,2]}"#)
    }
}
