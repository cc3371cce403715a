import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// Every weather quantity the step loop stores is one psychrometric state: the wet bulb, dew point and
/// humidity ratio of each step (and the state's enthalpy) are what `Psychrometrics` (validated against
/// PsychroLib 2.5.0 in `PsychrometricsReferenceTests`) computes from the stored dry bulb, RH and pressure,
/// on every weather file shipped (`Weather/`) and shared (`../shared/weather/`, with TMYx files), at 1-,
/// 15- and 60-min steps, every step. Tolerance: 0.02 K for wet bulb and dew point (issue 15; PsychroLib's
/// own solvers stop at 0.001 K), 1e-6 relative for the closed-form humidity ratio and enthalpy. The values
/// are checked as the result file stores them (Float32) as well.
@Suite("Step weather is psychrometrically consistent")
struct WeatherStateConsistencyTests {
    /// Every EPW of `Weather/` and `../shared/weather/`, one per file name.
    static let files: [String] = {
        var byName: [String: String] = [:]
        for folder in ["\(PackagePaths.root)/Weather", "\(PackagePaths.shared)/weather"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where name.hasSuffix(".epw") && byName[name] == nil { byName[name] = "\(folder)/\(name)" }
        }
        return byName.keys.sorted().compactMap { byName[$0] }
    }()

    @Test("the shipped weather files are found")
    func filesFound() {
        #expect(Self.files.count >= 4, "found \(Self.files)")
    }

    @Test("wet bulb, dew point, humidity ratio, enthalpy from stored dry bulb, RH, pressure",
          arguments: files, [1, 15, 60])
    func consistent(file: String, stepMinutes: Int) throws {
        let series = try EPWReader.read(path: file)
        let weather = series.atStepMidpoints(stepMinutes: stepMinutes)
        let name = (file as NSString).lastPathComponent
        var worstWetBulb = 0.0, worstStoredWetBulb = 0.0, worstDewPoint = 0.0, worstRatio = 0.0, worstEnthalpy = 0.0
        var worstStep = 0
        for step in 0..<weather.count {
            let dryBulb = weather.dryBulb[step], humidity = weather.relativeHumidity[step] / 100
            let pressure = weather.pressure[step]
            let wetBulb = Psychrometrics.wetBulb(dryBulb: dryBulb, relativeHumidity: humidity, pressure: pressure)
            let error = abs(weather.wetBulb[step] - wetBulb)
            if error > worstWetBulb { (worstWetBulb, worstStep) = (error, step) }
            // As stored in the result file (Float32 columns).
            let stored = Psychrometrics.wetBulb(
                dryBulb: Double(Float(dryBulb)), relativeHumidity: Double(Float(weather.relativeHumidity[step])) / 100,
                pressure: Double(Float(pressure)))
            worstStoredWetBulb = max(worstStoredWetBulb, abs(Double(Float(weather.wetBulb[step])) - stored))
            let dewPoint = Psychrometrics.dewPoint(dryBulb: dryBulb, relativeHumidity: humidity)
            worstDewPoint = max(worstDewPoint, abs(weather.dewPoint[step] - dewPoint))
            let ratio = Psychrometrics.humidityRatio(dryBulb: dryBulb, relativeHumidity: humidity, pressure: pressure)
            worstRatio = max(worstRatio, abs(weather.humidityRatio[step] - ratio) / ratio)
            #expect(weather.wetBulb[step] <= dryBulb + 1e-9 && weather.dewPoint[step] <= dryBulb + 1e-9)
            #expect(humidity >= 0 && humidity <= 1)
        }
        #expect(worstWetBulb <= 0.02, "\(name) \(stepMinutes)-min: wet bulb off by \(worstWetBulb) K at step \(worstStep)")
        #expect(worstStoredWetBulb <= 0.02, "\(name) \(stepMinutes)-min: stored (Float32) wet bulb off by \(worstStoredWetBulb) K")
        #expect(worstDewPoint <= 0.02, "\(name) \(stepMinutes)-min: dew point off by \(worstDewPoint) K")
        #expect(worstRatio <= 1e-6, "\(name) \(stepMinutes)-min: humidity ratio off by \(worstRatio) relative")
        // The state's enthalpy (not stored per step) from its dry bulb and RH, every hour.
        for hour in stride(from: 0, to: WeatherSeries.hoursPerYear, by: stepMinutes == 1 ? 1 : 1_000) {
            let state = series.state(hour: hour)
            let ratio = Psychrometrics.humidityRatio(
                dryBulb: state.dryBulb, relativeHumidity: state.relativeHumidity / 100, pressure: state.pressure)
            let enthalpy = Psychrometrics.enthalpy(dryBulb: state.dryBulb, humidityRatio: ratio)
            worstEnthalpy = max(worstEnthalpy, abs(state.enthalpy - enthalpy) / max(abs(enthalpy), 1e3))
        }
        #expect(worstEnthalpy <= 1e-6, "\(name): enthalpy off by \(worstEnthalpy) relative")
    }
}
