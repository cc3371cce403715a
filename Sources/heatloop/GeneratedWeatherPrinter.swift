import Foundation
import HeatLoop

/// `heatloop weather EPW --generate N`: the generator's monthly spreads for the file (its climate noise)
/// and the spread of the generated years' heating degree-days and mean dry bulb.
enum GeneratedWeatherPrinter {
    static func table(base: WeatherSeries, generator: WeatherGenerator, years: [WeatherSeries], file: String) -> String {
        let variability = generator.variability
        var lines = ["\((file as NSString).lastPathComponent): \(years.count) years generated (seed \(generator.seed)); "
                     + "monthly anomalies AR(1), lag-1 \(decimalText(variability.lag1, 3)); Docs/uncertainty.md"]
        lines.append("       " + ClimatePrinter.monthNames.map { $0.padding(toLength: 6, withPad: " ", startingAt: 0) }.joined())
        lines.append("σ_T K  " + variability.dryBulbSD.map { decimalText($0, 2).padding(toLength: 6, withPad: " ", startingAt: 0) }.joined())
        lines.append("σ_RH % " + variability.relativeHumiditySD.map { decimalText($0, 1).padding(toLength: 6, withPad: " ", startingAt: 0) }.joined())
        let base15 = ClimateSummary.defaultHeatingBase
        func degreeDays(_ weather: WeatherSeries) -> Double { weather.dryBulb.reduce(0) { $0 + max(0, base15 - $1) } / 24 }
        func meanDryBulb(_ weather: WeatherSeries) -> Double { weather.dryBulb.reduce(0, +) / Double(weather.dryBulb.count) }
        let hdd = years.map(degreeDays), mean = years.map(meanDryBulb)
        let spread = (hdd.reduce(0) { $0 + ($1 - hdd.reduce(0, +) / Double(hdd.count)) * ($1 - hdd.reduce(0, +) / Double(hdd.count)) }
                      / Double(max(1, hdd.count - 1))).squareRoot()
        let p = Percentiles(hdd), t = Percentiles(mean)
        lines.append("HDD15 K·d: base year \(decimalText(degreeDays(base), 0)); generated P90 \(decimalText(p.p90, 0)), "
                     + "P50 \(decimalText(p.p50, 0)), P10 \(decimalText(p.p10, 0)), mean \(decimalText(p.mean, 0)), σ \(decimalText(spread, 0))")
        lines.append("mean dry bulb °C: base year \(decimalText(meanDryBulb(base), 2)); generated P90 \(decimalText(t.p90, 2)), "
                     + "P50 \(decimalText(t.p50, 2)), P10 \(decimalText(t.p10, 2))")
        return lines.joined(separator: "\n")
    }
}
