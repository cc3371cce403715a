import Foundation
import HeatLoop
import HeatLoopTestSupport
import HeatLoopFiles
import Testing

/// `heatloop weather`: climate summaries, offsets, morph files, writing EPW, and invalid input.
@Suite(.serialized) struct WeatherCommandTests {
    static let chicago = "Weather/" + PackagePaths.climates["chicago"]!

    /// A morph file in `folder` with these lines.
    private func morphFile(_ folder: String, _ text: String) throws -> String {
        let path = "\(folder)/scenario.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func yearMeanDryBulb(_ object: [String: Any]) -> Double? {
        (object["year"] as? [String: Any])?["mean_dry_bulb_c"] as? Double
    }

    @Test func tableHasTwelveMonthsAndTheYear() throws {
        let outcome = try CLI.run(["weather", Self.chicago])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for name in ["Jan", "Jun", "Dec", "Year", "HDH15", "CDH18", "DB≤27", "WB≤15", "Chicago"] {
            #expect(outcome.stdout.contains(name), "missing \(name) in\n\(outcome.stdout)")
        }
    }

    @Test func jsonMatchesTheCoreSummaryAndOffsetShiftsTheMean() throws {
        let weather = try EPWReader.read(path: PackagePaths.weather(PackagePaths.climates["chicago"]!))
        let expected = ClimateSummary(weather: weather)
        let plain = try CLI.run(["weather", Self.chicago, "--json"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let object = try json(plain.stdout)
        #expect((object["months"] as? [Any])?.count == 12)
        #expect(yearMeanDryBulb(object) == expected.year.meanDryBulb)
        let year = try #require(object["year"] as? [String: Any])
        #expect(year["heating_degree_hours_Kh"] as? Double == expected.year.heatingDegreeHours)
        #expect((year["hours_dry_bulb_at_or_below"] as? [String: Int])?["27.0"] == expected.year.hoursAtOrBelowDryBulb[2])
        // The hours whose RH column disagrees with the dew-point column by more than 1 K (the file is read
        // from its dew points): 29 in the Chicago TMY3 file, in the JSON and the table.
        #expect(expected.humidityDisagreementHours == 29)
        #expect(object["humidity_disagreement_hours"] as? Int == 29)
        let table = try CLI.run(["weather", Self.chicago])
        #expect(table.stdout.contains("29 h where the RH column disagrees by > 1 K of dew point"), "\(table.stdout)")

        let warmer = try CLI.run(["weather", Self.chicago, "--offset-k", "2", "--json"])
        #expect(warmer.status == 0, "\(warmer.stderr)")
        let shifted = try #require(yearMeanDryBulb(try json(warmer.stdout)))
        #expect(abs(shifted - expected.year.meanDryBulb - 2) < 1e-9)
    }

    @Test func morphFileWritesAMorphedEPW() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let morph = try morphFile(folder, """
            # Illustrative 2050s anomalies
            dry_bulb_delta_k:     [1.2, 1.5, 1.9, 2.3, 2.6, 2.9, 3.4, 3.2, 2.7, 2.1, 1.6, 1.3]
            dry_bulb_max_delta_k: [1.0, 1.6, 2.2, 2.9, 3.3, 3.6, 4.2, 4.0, 3.1, 2.4, 1.5, 1.1]
            dry_bulb_min_delta_k: [1.5, 1.4, 1.6, 1.8, 2.0, 2.2, 2.5, 2.6, 2.3, 1.9, 1.7, 1.6]
            rh_delta_pct: [0, 0, -1, -2, -3, -5, -6, -5, -4, -2, 0, 1]
            """)
        let output = "\(folder)/out/chicago-2050.epw"
        let outcome = try CLI.run(["weather", Self.chicago, "--morph", morph, "--write", output])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Belcher"))
        #expect(files(in: "\(folder)/out") == ["chicago-2050.epw"])
        let original = try EPWReader.read(path: PackagePaths.weather(PackagePaths.climates["chicago"]!))
        let written = try EPWReader.read(path: output)
        let before = MonthlyDryBulbStatistics(original.dryBulb), after = MonthlyDryBulbStatistics(written.dryBulb)
        // July's mean rises by 3.4 K (to the file's 0.1 K rounding: ≤ 0.05 K on the mean).
        #expect(abs(after.mean[6] - before.mean[6] - 3.4) < 0.05)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.split(separator: "\n")[6].contains("morphed by HeatLoop"))
    }

    /// Each broken morph file exits 2 naming the file, line:column and key, and writes nothing.
    @Test(arguments: [
        ("dry_bulb_delta_k: [1, 2, 3]", "dry_bulb_delta_k: expected 12 numbers, found 3"),
        ("dry_bulb_delta_k: [1,1,1,1,1,1,1,1,1,1,1,warm]", "dry_bulb_delta_k[11]: expected a number"),
        ("dry_bulb_delta_k: [1,1,1,1,1,1,1,1,1,1,1,1]\ndry_bulb_max_delta_k: [1,1,1,1,1,1,1,1,1,1,1,1]",
         "dry_bulb_min_delta_k is needed"),
        ("dry_bulb_delta_k: [1,1,1,1,1,1,1,1,1,1,1,1]\nrh_delta: [1,1,1,1,1,1,1,1,1,1,1,1]", "did you mean 'rh_delta_pct'"),
        ("dry_bulb_delta_k: [1,1,1,1,1,1,1,1,1,1,1,90]", "90 is out of range"),
        ("rh_delta_pct: [1,1,1,1,1,1,1,1,1,1,1,1]", "missing required key 'dry_bulb_delta_k'"),
    ])
    func brokenMorphFileExitsTwo(text: String, expected: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let morph = try morphFile(folder, text)
        let output = "\(folder)/out.epw"
        let outcome = try CLI.run(["weather", Self.chicago, "--morph", morph, "--write", output])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
        #expect(outcome.stderr.range(of: #"scenario\.yaml:\d+:\d+: "#, options: .regularExpression) != nil,
                "\(outcome.stderr)")
        #expect(files(in: folder) == ["scenario.yaml"])
    }

    @Test func collapsingDiurnalRangeExitsTwoNamingTheMonth() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let morph = try morphFile(folder, """
            dry_bulb_delta_k: [0,0,0,0,0,0,0,0,0,0,0,0]
            dry_bulb_max_delta_k: [0,0,0,0,0,0,-10,0,0,0,0,0]
            dry_bulb_min_delta_k: [0,0,0,0,0,0,10,0,0,0,0,0]
            """)
        let outcome = try CLI.run(["weather", Self.chicago, "--morph", morph, "--write", "\(folder)/out.epw"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("scenario.yaml: month 7"), "\(outcome.stderr)")
        #expect(files(in: folder) == ["scenario.yaml"])
    }

    @Test(arguments: [
        (["--offset-k", "2", "--morph", "x.yaml"], "alternatives"),
        (["--offset-k", "45"], "out of range"),
        (["--offset-k", "warm"], "offset-k"),
    ])
    func invalidOptionsExitTwo(arguments: [String], expected: String) throws {
        let outcome = try CLI.run(["weather", Self.chicago] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
    }

    @Test func missingInputsExitTwo() throws {
        let missingEPW = try CLI.run(["weather", "Weather/NOWHERE.epw"])
        #expect(missingEPW.status == 2)
        #expect(missingEPW.stderr.contains("Weather/NOWHERE.epw: not found"), "\(missingEPW.stderr)")
        let missingMorph = try CLI.run(["weather", Self.chicago, "--morph", "NOWHERE.yaml"])
        #expect(missingMorph.status == 2)
        #expect(missingMorph.stderr.contains("NOWHERE.yaml: cannot read the morph file"), "\(missingMorph.stderr)")
        let overwrite = try CLI.run(["weather", Self.chicago, "--offset-k", "1", "--write", Self.chicago])
        #expect(overwrite.status == 2)
        #expect(overwrite.stderr.contains("would overwrite the input"), "\(overwrite.stderr)")
    }
}
