import LiveSources
import Testing

@Suite struct USBSourceSettingsTests {
    @Test func theDefaultsAreTheDemoDeviceAndValid() throws {
        let s = USBSourceSettings()
        #expect(s.deviceName == "1209:0001" && s.endpoint == 0x81 && s.serial == nil)
        try s.validate()
    }

    @Test func aDeviceIsVidPidAndOptionallyASerial() throws {
        let plain = try USBSourceSettings(device: "1209:0001")
        #expect(plain.vendorID == 0x1209 && plain.productID == 0x0001 && plain.serial == nil)
        let withSerial = try USBSourceSettings(device: "0BDA:2838:A1:7")
        #expect(withSerial.vendorID == 0x0BDA && withSerial.productID == 0x2838 && withSerial.serial == "A1:7")
        #expect(withSerial.deviceName == "0bda:2838:A1:7")
    }

    @Test(arguments: ["", "1209", "1209:", "12g9:0001", "1209:00001", "1209:001", "1209:0001:", ":0001", "+209:0001"])
    func aMalformedDeviceIsRefusedNamingIt(_ text: String) {
        #expect {
            try USBSourceSettings(device: text)
        } throws: { error in
            guard case .badSetting(let message) = error as? USBSourceError else { return false }
            return message.hasPrefix("USB device \"\(text)\"")
        }
    }

    @Test func settingsThatCannotWorkAreRefusedNamingTheSetting() {
        func refused(_ change: (inout USBSourceSettings) -> Void, _ word: String) -> Bool {
            var s = USBSourceSettings()
            change(&s)
            do {
                try s.validate()
                return false
            } catch {
                return error.description.contains(word)
            }
        }
        #expect(refused({ $0.endpoint = 0x02 }, "OUT endpoint"))
        #expect(refused({ $0.transferSize = 0 }, "transfer size 0"))
        #expect(refused({ $0.transferCount = 0 }, "transfer count 0"))
        #expect(refused({ $0.maximumBlockLength = 2 }, "maximum block length 2"))
        #expect(refused({ $0.maximumBlockLength = 65536 }, "maximum block length 65536"))
        #expect(refused({ $0.categories = [] }, "no data block categories"))
        #expect(refused({ $0.reconnectDelay = 0 }, "reconnect delays"))
        #expect(refused({ $0.maximumReconnectDelay = 0.1 }, "reconnect delays"))
        #expect(refused({ $0.reconnectDelay = .nan }, "reconnect delays"))
    }

    @Test func theBackOffDoublesUpToItsMaximum() {
        var s = USBSourceSettings()
        s.reconnectDelay = 0.5
        s.maximumReconnectDelay = 30
        #expect((1...9).map { s.backOff(attempt: $0) } == [0.5, 1, 2, 4, 8, 16, 30, 30, 30])
        #expect(s.backOff(attempt: 1_000_000) == 30)
    }
}
