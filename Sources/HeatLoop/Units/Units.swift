/// Typed physical quantities for the public API.
///
/// Each is a one-`Double` struct with only the operators that make physical sense
/// (`Watts * Seconds -> Joules`, `Celsius - Celsius -> TemperatureDelta`). Inside short kernels
/// the code unwraps to local `Double`s named with their unit; the types guard the seams.
/// SI throughout; temperatures in °C with `.kelvin` for Carnot-type ratios.

/// Power in watts (W).
public struct Watts: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: Double
    @inlinable public init(_ value: Double) { self.value = value }
    @inlinable public static func kilowatts(_ kw: Double) -> Watts { Watts(kw * 1e3) }
    @inlinable public static func megawatts(_ mw: Double) -> Watts { Watts(mw * 1e6) }
    public static let zero = Watts(0)
    @inlinable public var megawatts: Double { value / 1e6 }
    @inlinable public static func < (a: Watts, b: Watts) -> Bool { a.value < b.value }
    @inlinable public static func + (a: Watts, b: Watts) -> Watts { Watts(a.value + b.value) }
    @inlinable public static func - (a: Watts, b: Watts) -> Watts { Watts(a.value - b.value) }
    @inlinable public static func * (a: Watts, k: Double) -> Watts { Watts(a.value * k) }
    @inlinable public static func * (k: Double, a: Watts) -> Watts { Watts(a.value * k) }
    @inlinable public static func / (a: Watts, b: Watts) -> Double { a.value / b.value }
    @inlinable public static func * (p: Watts, t: Seconds) -> Joules { Joules(p.value * t.value) }
    public var description: String { "\(value) W" }
}

/// Energy in joules (J).
public struct Joules: Hashable, Comparable, Sendable {
    public var value: Double
    @inlinable public init(_ value: Double) { self.value = value }
    @inlinable public static func megawattHours(_ mwh: Double) -> Joules { Joules(mwh * 3.6e9) }
    @inlinable public var megawattHours: Double { value / 3.6e9 }
    @inlinable public var kilowattHours: Double { value / 3.6e6 }
    @inlinable public static func < (a: Joules, b: Joules) -> Bool { a.value < b.value }
    @inlinable public static func + (a: Joules, b: Joules) -> Joules { Joules(a.value + b.value) }
    @inlinable public static func - (a: Joules, b: Joules) -> Joules { Joules(a.value - b.value) }
    @inlinable public static func / (e: Joules, t: Seconds) -> Watts { Watts(e.value / t.value) }
}

/// Time span in seconds (s).
public struct Seconds: Hashable, Comparable, Sendable {
    public var value: Double
    @inlinable public init(_ value: Double) { self.value = value }
    @inlinable public static func minutes(_ m: Double) -> Seconds { Seconds(m * 60) }
    @inlinable public static func hours(_ h: Double) -> Seconds { Seconds(h * 3600) }
    @inlinable public var hours: Double { value / 3600 }
    @inlinable public static func < (a: Seconds, b: Seconds) -> Bool { a.value < b.value }
}

/// Temperature in degrees Celsius (°C). Differences are `TemperatureDelta`.
public struct Celsius: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: Double
    @inlinable public init(_ value: Double) { self.value = value }
    /// Absolute temperature in kelvin, for Carnot-type ratios.
    @inlinable public var kelvin: Double { value + 273.15 }
    @inlinable public static func < (a: Celsius, b: Celsius) -> Bool { a.value < b.value }
    @inlinable public static func - (a: Celsius, b: Celsius) -> TemperatureDelta {
        TemperatureDelta(a.value - b.value)
    }
    @inlinable public static func + (a: Celsius, d: TemperatureDelta) -> Celsius { Celsius(a.value + d.value) }
    @inlinable public static func - (a: Celsius, d: TemperatureDelta) -> Celsius { Celsius(a.value - d.value) }
    public var description: String { "\(value) °C" }
}

/// Temperature difference in kelvin (K).
public struct TemperatureDelta: Hashable, Comparable, Sendable {
    public var value: Double
    @inlinable public init(_ value: Double) { self.value = value }
    @inlinable public static func < (a: TemperatureDelta, b: TemperatureDelta) -> Bool { a.value < b.value }
    @inlinable public static func * (d: TemperatureDelta, k: Double) -> TemperatureDelta {
        TemperatureDelta(d.value * k)
    }
}


/// Mass flow in kilograms per second (kg/s).
public struct KilogramsPerSecond: Hashable, Comparable, Sendable {
    public var value: Double
    @inlinable public init(_ value: Double) { self.value = value }
    @inlinable public static func < (a: KilogramsPerSecond, b: KilogramsPerSecond) -> Bool { a.value < b.value }
}
