import Foundation
import HeatLoop
import HeatLoopTestSupport
import HeatLoopFiles
import Testing

private let weatherDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Weather")
private func weatherPath(_ name: String) -> String { weatherDirectory.appendingPathComponent(name).path }
private let chicagoPath = weatherPath("USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw")
/// Tucson's file has CRLF line endings.
private let tucsonPath = weatherPath("USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw")

private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// Data rows (after the 8 header lines, without terminators) as field lists.
private func rows(_ text: String) -> [[Substring]] {
    text.split(separator: "\n").dropFirst(8).map {
        $0.trimmingCharacters(in: .newlines).split(separator: ",", omittingEmptySubsequences: false)
    }
}

private func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "heatloop-epw-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("EPW writer")
struct EPWWriterTests {
    @Test("an unmorphed series reproduces the original file byte for byte (LF and CRLF files)",
          arguments: [chicagoPath, tucsonPath])
    func unmorphedSeriesRoundTripsExactly(path: String) throws {
        let original = try text(path)
        let weather = try EPWReader.read(path: path)
        let rendered = try EPWWriter.render(weather: weather, template: original, templateFile: path)
        #expect(rendered == original)
    }

    @Test("write → read gives the morphed values to the format's precision and leaves everything else alone")
    func morphedRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let weather = try EPWReader.read(path: chicagoPath)
        let factors = try ClimateMorph.MonthlyFactors(
            dryBulbDelta: [1.2, 1.5, 1.9, 2.3, 2.6, 2.9, 3.4, 3.2, 2.7, 2.1, 1.6, 1.3],
            dryBulbMaxDelta: [1.0, 1.6, 2.2, 2.9, 3.3, 3.6, 4.2, 4.0, 3.1, 2.4, 1.5, 1.1],
            dryBulbMinDelta: [1.5, 1.4, 1.6, 1.8, 2.0, 2.2, 2.5, 2.6, 2.3, 1.9, 1.7, 1.6],
            relativeHumidityDelta: [0.5, 0, -1, -2, -3.5, -5, -6, -5.5, -4, -2, -0.5, 1])
        let morphed = try ClimateMorph.monthly(factors).apply(to: weather)
        let output = "\(folder)/morphed.epw"
        try EPWWriter.write(weather: morphed, templatePath: chicagoPath, to: output, comment: "morphed by HeatLoop, test")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["morphed.epw"], "no temporary file left")

        let reread = try EPWReader.read(path: output)
        for hour in 0..<WeatherSeries.hoursPerYear {
            #expect(abs(reread.dryBulb[hour] - morphed.dryBulb[hour]) <= 0.05 + 1e-9)
            #expect(abs(reread.dewPoint[hour] - morphed.dewPoint[hour]) <= 0.05 + 1e-9)
            #expect(abs(reread.relativeHumidity[hour] - morphed.relativeHumidity[hour]) <= 0.5 + 1e-9)
            #expect(reread.dewPoint[hour] <= reread.dryBulb[hour])
        }
        #expect(reread.pressure == weather.pressure)
        #expect(reread.windSpeed == weather.windSpeed)
        #expect(reread.location == weather.location)
        #expect(reread.filledValues.isEmpty)

        let originalText = try text(chicagoPath), writtenText = try text(output)
        let originalLines = originalText.split(separator: "\n", omittingEmptySubsequences: false)
        let writtenLines = writtenText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(originalLines.count == writtenLines.count)
        for line in 0..<8 where line != 6 { #expect(originalLines[line] == writtenLines[line]) }
        // COMMENTS 2 keeps its text and gains the note (commas would start new fields: they become ';').
        #expect(writtenLines[6] == originalLines[6] + " -- morphed by HeatLoop; test")
        let before = rows(originalText), after = rows(writtenText)
        var changedRows = 0
        for (old, new) in zip(before, after) {
            #expect(old.count == new.count)
            // Every field but dry bulb, dew point and RH (7, 8, 9) is untouched.
            #expect(Array(old[0..<6]) == Array(new[0..<6]))
            #expect(Array(old[9...]) == Array(new[9...]))
            if old[6] != new[6] { changedRows += 1 }
            // Formatted as EPW: one decimal for temperatures, whole-number RH.
            #expect(new[6].range(of: #"^-?\d+\.\d$"#, options: .regularExpression) != nil)
            #expect(new[7].range(of: #"^-?\d+\.\d$"#, options: .regularExpression) != nil)
            #expect(new[8].range(of: #"^\d+$"#, options: .regularExpression) != nil)
        }
        #expect(changedRows > 8000)
    }

    @Test("write replaces an existing file and leaves no .partial behind")
    func writeReplacesAtomically() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = "\(folder)/out.epw"
        try "old".write(toFile: output, atomically: false, encoding: .utf8)
        let weather = try ClimateMorph.offset(TemperatureDelta(1)).apply(to: try EPWReader.read(path: chicagoPath))
        try EPWWriter.write(weather: weather, templatePath: chicagoPath, to: output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.epw"])
        let reread = try EPWReader.read(path: output)
        #expect(abs(reread.dryBulb[0] - (weather.dryBulb[0])) < 1e-9)
    }

    @Test("a template that does not match the series is refused, and nothing is written")
    func mismatchedTemplateThrows() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let weather = try EPWReader.read(path: chicagoPath)
        let truncated = try text(chicagoPath).split(separator: "\n").dropLast(5).joined(separator: "\n")
        #expect(throws: WeatherFileError.self) {
            try EPWWriter.render(weather: weather, template: truncated, templateFile: "short.epw")
        }
        let missing = "\(folder)/none.epw", output = "\(folder)/out.epw"
        #expect(throws: WeatherFileError.self) {
            try EPWWriter.write(weather: weather, templatePath: missing, to: output)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("a leap-year template's 29 February rows take the series' 28 February hours")
    func leapDayRows() throws {
        var lines = try text(chicagoPath).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Data row of 28 February hour h: index 8 + 58·24 + h − 1. Insert copies dated 2/29 after them.
        let february28 = (0..<24).map { lines[8 + 58 * 24 + $0] }
        let leapRows = february28.map { row -> String in
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = "29"
            fields[6] = "5.0"  // distinct values that must be replaced
            return fields.joined(separator: ",")
        }
        lines.insert(contentsOf: leapRows, at: 8 + 59 * 24)
        let template = lines.joined(separator: "\n")
        let weather = try EPWReader.parse(text: template, file: "leap.epw")
        let warmer = try ClimateMorph.offset(TemperatureDelta(3)).apply(to: weather)
        let rendered = try EPWWriter.render(weather: warmer, template: template, templateFile: "leap.epw")
        let renderedRows = rows(rendered)
        #expect(renderedRows.count == 8784)
        for hour in 0..<24 {
            let leap = renderedRows[59 * 24 + hour], before = renderedRows[58 * 24 + hour]
            #expect(leap[2] == "29")
            #expect(Array(leap[6...8]) == Array(before[6...8]))
            #expect(leap[6] == Substring(EPWWriter.temperatureText(warmer.dryBulb[58 * 24 + hour])))
        }
    }

    @Test("EPW number formats")
    func numberFormats() {
        #expect(EPWWriter.temperatureText(-12.2) == "-12.2")
        #expect(EPWWriter.temperatureText(-0.04) == "0.0")
        #expect(EPWWriter.temperatureText(21.96) == "22.0")
        #expect(EPWWriter.temperatureText(.nan) == "99.9")
        #expect(EPWWriter.humidityText(72.6) == "73")
        #expect(EPWWriter.humidityText(100) == "100")
        #expect(EPWWriter.humidityText(.infinity) == "999")
    }
}
