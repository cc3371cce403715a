import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// Compares `Psychrometrics` with the PsychroLib 2.5.0 oracle in `../shared/reference/psychrometrics.csv`
/// (ASHRAE Fundamentals 2017 ch. 1, SI), at the tolerances its README states: wet bulb and dew point to
/// 0.01 K (both are iterative solutions to 0.001 K), the closed-form properties to 1e-6 relative.
@Suite("Psychrometrics vs PsychroLib reference table")
struct PsychrometricsReferenceTests {
    struct Case {
        var id: String
        var values: [String: Double]
        func callAsFunction(_ column: String) throws -> Double {
            try #require(values[column], "case \(id): column \(column) missing from the reference table")
        }
    }

    /// The table's rows keyed by column name (the shared reference-table loader).
    static func loadCases() throws -> [Case] {
        let table = try ReferenceCSV("psychrometrics.csv")
        return table.records.map { record in
            Case(id: record[table.header[0]] ?? "", values: record.compactMapValues(Double.init))
        }
    }

    @Test("every reference case within the README tolerances")
    func everyCase() throws {
        let cases = try Self.loadCases()
        #expect(!cases.isEmpty, "reference table has no data rows")
        var worst: [String: Double] = [:]
        func relative(_ value: Double, _ reference: Double) -> Double {
            abs(value - reference) / max(abs(reference), .leastNormalMagnitude)
        }
        for row in cases {
            let dryBulb = try row("tdb_C"), humidity = try row("rh_pct") / 100, pressure = try row("pressure_Pa")
            let wetBulb = Psychrometrics.wetBulb(dryBulb: dryBulb, relativeHumidity: humidity, pressure: pressure)
            let dewPoint = Psychrometrics.dewPoint(dryBulb: dryBulb, relativeHumidity: humidity)
            let ratio = Psychrometrics.humidityRatio(dryBulb: dryBulb, relativeHumidity: humidity, pressure: pressure)
            let vapor = Psychrometrics.vaporPressure(dryBulb: dryBulb, relativeHumidity: humidity)
            let enthalpy = Psychrometrics.enthalpy(dryBulb: dryBulb, humidityRatio: ratio)
            let volume = Psychrometrics.specificVolume(dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure)
            let saturation = Psychrometrics.saturationVaporPressure(temperature: dryBulb)

            let errors: [(String, Double, Double)] = [
                ("twb_C", abs(wetBulb - (try row("twb_C"))), 0.01),
                ("tdp_C", abs(dewPoint - (try row("tdp_C"))), 0.01),
                ("hum_ratio_kg_per_kg", relative(ratio, try row("hum_ratio_kg_per_kg")), 1e-6),
                ("vap_pres_Pa", relative(vapor, try row("vap_pres_Pa")), 1e-6),
                ("enthalpy_J_per_kg_da", relative(enthalpy, try row("enthalpy_J_per_kg_da")), 1e-6),
                ("spec_vol_m3_per_kg_da", relative(volume, try row("spec_vol_m3_per_kg_da")), 1e-6),
                ("sat_vap_pres_Pa", relative(saturation, try row("sat_vap_pres_Pa")), 1e-6),
            ]
            for (column, error, tolerance) in errors {
                #expect(
                    error <= tolerance,
                    "case \(row.id) (\(dryBulb) °C, \(humidity * 100) %, \(pressure) Pa): \(column) off by \(error), tolerance \(tolerance)")
                worst[column] = max(worst[column] ?? 0, error)
            }
        }
        // Largest errors, for the record (K for temperatures, relative otherwise).
        print("psychrometrics reference: \(cases.count) cases, worst", worst.sorted { $0.key < $1.key })
    }
}
