import Foundation

/// Undisturbed ground temperature with depth and time of year (Kusuda & Achenbach 1965):
///
///     T(z, t) = T_m − A · e^(−z·√(π/(α P))) · cos(2π/P · (t − t_min − (z/2)·√(P/(π α))))
///
/// `T_m` the annual mean surface temperature, °C; `A` the amplitude of its annual wave, K; `t_min` the time of
/// year of its minimum, s; `α` the soil's thermal diffusivity, m²/s; `P` one year (365 days), s. The wave is
/// damped and delayed with depth: at a pipe's 1 m it keeps ~2/3 of its amplitude, some three weeks late.
///
/// The surface wave is fitted to the weather: `T_m`, `A` and `t_min` are the mean and the first annual
/// harmonic of the daily mean air temperatures (the surface is taken at the air temperature, as EnergyPlus's
/// `Site:GroundTemperature:Undisturbed:KusudaAchenbach` does from a weather file's monthly means).
///
/// Sources: T. Kusuda and P. R. Achenbach, "Earth temperature and thermal diffusivity at selected stations in
/// the United States", ASHRAE Transactions 71(1), 1965, pp. 61–75; EnergyPlus Engineering Reference,
/// "Undisturbed Ground Temperature Model: Kusuda-Achenbach".
public struct GroundTemperature: Sendable, Equatable {
    /// Annual mean surface temperature, °C.
    public var mean: Double
    /// Amplitude of the annual surface wave, K.
    public var amplitude: Double
    /// Time of year of the coldest surface, s from 1 January 00:00.
    public var coldest: Double
    /// Soil thermal diffusivity, m²/s.
    public var diffusivity: Double

    /// One year, s.
    static let period = 365 * 86_400.0

    public init(mean: Double, amplitude: Double, coldest: Double, diffusivity: Double) {
        self.mean = mean
        self.amplitude = amplitude
        self.coldest = coldest
        self.diffusivity = diffusivity
    }

    /// The wave fitted to hourly air temperatures (value 0: the hour from midnight of 1 January): the mean
    /// and first harmonic of the daily means, each day at its midpoint.
    public static func fitted(hourlyAir: [Double], diffusivity: Double) -> GroundTemperature {
        let days = hourlyAir.count / 24
        guard days > 0 else { return GroundTemperature(mean: 0, amplitude: 0, coldest: 0, diffusivity: diffusivity) }
        var sum = 0.0, cosine = 0.0, sine = 0.0
        for day in 0..<days {
            let dailyMean = hourlyAir[(day * 24)..<(day * 24 + 24)].reduce(0, +) / 24
            let angle = 2 * Double.pi * (Double(day) + 0.5) / 365
            sum += dailyMean
            cosine += dailyMean * cos(angle)
            sine += dailyMean * sin(angle)
        }
        let a = 2 * cosine / Double(days), b = 2 * sine / Double(days)
        // T̄ + a cos ωt + b sin ωt = T̄ + R cos(ωt − φ): the minimum is at ωt = φ + π.
        let phase = atan2(b, a)
        let coldest = (phase + Double.pi) / (2 * Double.pi) * period
        return GroundTemperature(mean: sum / Double(days), amplitude: (a * a + b * b).squareRoot(),
                                 coldest: coldest.truncatingRemainder(dividingBy: period), diffusivity: diffusivity)
    }

    /// Ground temperature at `depth` (m) at time of year `time` (s), °C.
    public func temperature(depth: Double, time: Double) -> Double {
        guard diffusivity > 0 else { return mean }
        let damping = depth * (Double.pi / (diffusivity * Self.period)).squareRoot()
        let angle = 2 * Double.pi / Self.period * (time - coldest) - damping
        return mean - amplitude * exp(-damping) * cos(angle)
    }
}
