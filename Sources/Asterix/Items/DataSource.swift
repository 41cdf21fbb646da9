import Surveillance

extension SensorID {
    /// From item 010 of any category: SAC then SIC.
    public init(item b: UnsafeRawBufferPointer) {
        self.init(sac: b[0], sic: b[1])
    }

    public func write(into w: inout DataBlockWriter) {
        w.u8(sac)
        w.u8(sic)
    }
}

extension TimeOfDay {
    /// From a 24-bit time of day in 1/128 s (048/140, 062/070, 034/030, 021/07x…).
    public init(item b: UnsafeRawBufferPointer, at i: Int = 0) {
        self.init(ticks: b.u24(i))
    }

    public func write(into w: inout DataBlockWriter) {
        w.u24(ticks & 0xFF_FFFF)
    }
}
