import Foundation
import HeatLoop
import HeatLoopFiles
import Testing

/// `Weather/` under the package root (this file is `Tests/HeatLoopUnitTests/Weather/…`).
private let weatherDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Weather
    .deletingLastPathComponent()  // HeatLoopUnitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Weather")

private let chicagoFile = "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"

private func weatherPath(_ name: String) -> String { weatherDirectory.appendingPathComponent(name).path }

/// The Chicago file as lines (no terminators); data row `r` is `lines[8 + r]`, line number `9 + r`.
private func chicagoLines() throws -> [String] {
    let text = try String(contentsOfFile: weatherPath(chicagoFile), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
}

/// Replaces field `position` (1-based) of data row `row` by `value`.
private func replace(_ lines: inout [String], row: Int, field position: Int, with value: String) {
    var fields = lines[8 + row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[position - 1] = value
    lines[8 + row] = fields.joined(separator: ",")
}

/// `lines` with field `position` (1-based) of data row `row` replaced by `value`.
private func replacing(_ lines: [String], row: Int, field position: Int, with value: String) -> [String] {
    var lines = lines
    replace(&lines, row: row, field: position, with: value)
    return lines
}

private func parse(_ lines: [String]) throws(WeatherFileError) -> WeatherSeries {
    try EPWReader.parse(text: lines.joined(separator: "\n") + "\n", file: "test.epw")
}

/// The error parsing `lines` throws, or nil when it parses.
private func parseError(_ lines: [String]) -> WeatherFileError? {
    do {
        _ = try parse(lines)
        return nil
    } catch {
        return error
    }
}

// Field positions in a data row (1-based): dry bulb 7, dew point 8, RH 9, pressure 10, wind speed 22.
private let dryBulbField = 7, dewPointField = 8, humidityField = 9, pressureField = 10, windField = 22

@Suite("EPW reader")
struct EPWReaderTests {
    @Test(
        "the four example files parse to 8760 complete hours",
        arguments: [
            "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw", "USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw",
            "USA_FL_Tampa.Intl.AP.722110_TMY3.epw", "USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw",
        ])
    func exampleFiles(name: String) throws {
        let series = try EPWReader.read(path: weatherPath(name))
        for column in [series.dryBulb, series.dewPoint, series.relativeHumidity, series.pressure, series.windSpeed] {
            #expect(column.count == 8760)
            #expect(column.allSatisfy { $0.isFinite })
        }
        #expect(series.dryBulb.allSatisfy { (-40...50).contains($0) })
        #expect(series.relativeHumidity.allSatisfy { (0...100).contains($0) })
        #expect(series.pressure.allSatisfy { (80_000...106_000).contains($0) })
        #expect(series.filledValues.isEmpty)
        // parse(text:) and read(path:) agree.
        let text = try String(contentsOfFile: weatherPath(name), encoding: .utf8)
        let parsed = try EPWReader.parse(text: text, file: name)
        #expect(parsed.dryBulb == series.dryBulb && parsed.pressure == series.pressure)
        #expect(parsed.location == series.location)
    }

    @Test("Chicago: location, first and last hours, annual mean")
    func chicago() throws {
        let series = try EPWReader.read(path: weatherPath(chicagoFile))
        #expect(series.location.city == "Chicago Ohare Intl Ap")
        #expect(series.location.country == "USA")
        #expect(series.location.latitude == 41.98)
        #expect(series.location.longitude == -87.92)
        #expect(series.location.timeZone == -6)
        #expect(series.location.elevation == 201)
        // Line 9: 1986,1,1,1,0,…,-12.2,-16.1,73,99500,…,270,2.6,…
        #expect(series.dryBulb[0] == -12.2 && series.dewPoint[0] == -16.1)
        #expect(series.relativeHumidity[0] == 73 && series.pressure[0] == 99_500 && series.windSpeed[0] == 2.6)
        // Last line: 1981,12,31,24,0,…,-6.1,-8.9,81,98300,…,260,7.2,…
        #expect(series.dryBulb[8759] == -6.1 && series.pressure[8759] == 98_300 && series.windSpeed[8759] == 7.2)
        let mean = series.dryBulb.reduce(0, +) / 8760
        #expect((9...10.5).contains(mean), "Chicago annual mean dry bulb \(mean) °C")
    }

    @Test("missing values are interpolated across the gap and counted")
    func missingValues() throws {
        let original = try parse(try chicagoLines())
        var lines = try chicagoLines()
        for row in 10...12 { replace(&lines, row: row, field: dryBulbField, with: "99.9") }
        for row in 100...104 { replace(&lines, row: row, field: pressureField, with: "999999") }
        replace(&lines, row: 200, field: humidityField, with: "999")
        replace(&lines, row: 300, field: windField, with: "999")
        replace(&lines, row: 400, field: dewPointField, with: "99.9")
        // Wrapping gap: the first two hours interpolate between 31 Dec 24:00 and 1 Jan 03:00.
        for row in 0...1 { replace(&lines, row: row, field: windField, with: "999.0") }
        let series = try parse(lines)

        #expect(series.filledValues == [
            "dry_bulb": 3, "pressure": 5, "relative_humidity": 1, "wind_speed": 3, "dew_point": 1,
        ])
        let scale = 1e-12
        for step in 1...3 {
            let expected = original.dryBulb[9] + (original.dryBulb[13] - original.dryBulb[9]) * Double(step) / 4
            #expect(abs(series.dryBulb[9 + step] - expected) < scale)
        }
        for step in 1...5 {
            let expected = original.pressure[99] + (original.pressure[105] - original.pressure[99]) * Double(step) / 6
            #expect(abs(series.pressure[99 + step] - expected) < 1e-9)
        }
        #expect(abs(series.relativeHumidity[200] - (original.relativeHumidity[199] + original.relativeHumidity[201]) / 2) < scale)
        #expect(abs(series.dewPoint[400] - (original.dewPoint[399] + original.dewPoint[401]) / 2) < scale)
        #expect(abs(series.windSpeed[300] - (original.windSpeed[299] + original.windSpeed[301]) / 2) < scale)
        let start = original.windSpeed[8759], stop = original.windSpeed[2]
        #expect(abs(series.windSpeed[0] - (start + (stop - start) / 3)) < scale)
        #expect(abs(series.windSpeed[1] - (start + (stop - start) * 2 / 3)) < scale)
        // Everything else untouched.
        #expect(series.dryBulb[14...] == original.dryBulb[14...])
    }

    @Test("a gap longer than 24 h is an error naming its lines")
    func longGap() throws {
        var lines = try chicagoLines()
        for row in 50..<75 { replace(&lines, row: row, field: dryBulbField, with: "99.9") }
        let error = try #require(parseError(lines))
        #expect(error.line == 59)
        #expect(error.fieldNumber == dryBulbField)
        #expect(error.description.contains("25 consecutive hours"))
        #expect(error.description.contains("dry bulb"))
        // 24 h is still filled.
        var shorter = try chicagoLines()
        for row in 50..<74 { replace(&shorter, row: row, field: dryBulbField, with: "99.9") }
        #expect(try parse(shorter).filledValues["dry_bulb"] == 24)
    }

    @Test("pressure missing everywhere becomes the standard pressure at the site elevation")
    func pressureMissingEverywhere() throws {
        var lines = try chicagoLines()
        for row in 0..<8760 { replace(&lines, row: row, field: pressureField, with: "999999") }
        let series = try parse(lines)
        let standard = Psychrometrics.standardPressure(elevation: 201)
        #expect(series.pressure.allSatisfy { $0 == standard })
        #expect(abs(standard - 98_934) < 1)  // ASHRAE Table 1: 98.945 kPa at 200 m
        #expect(series.filledValues == ["pressure": 8760])

        var noDryBulb = try chicagoLines()
        for row in 0..<8760 { replace(&noDryBulb, row: row, field: dryBulbField, with: "99.9") }
        let error = try #require(parseError(noDryBulb))
        #expect(error.description.contains("no valid value"))
        #expect(error.fieldNumber == dryBulbField)
    }

    @Test("a non-number names the line and field")
    func malformedValue() throws {
        let lines = replacing(try chicagoLines(), row: 11, field: dryBulbField, with: "1x.2")
        let error = try #require(parseError(lines))
        #expect(error.line == 20)
        #expect(error.fieldNumber == 7)
        #expect(error.description.hasPrefix("test.epw:20: field 7 (dry bulb temperature, °C)"))
        #expect(error.description.contains("\"1x.2\" is not a number"))

        let emptyPressure = replacing(try chicagoLines(), row: 0, field: pressureField, with: "")
        let pressureError = try #require(parseError(emptyPressure))
        #expect(pressureError.line == 9 && pressureError.fieldNumber == 10)
        #expect(pressureError.description.contains("station pressure"))
    }

    @Test("a short row, a bad month and a bad header are errors with their line")
    func malformedRows() throws {
        var lines = try chicagoLines()
        lines[8 + 30] = lines[8 + 30].split(separator: ",").prefix(20).joined(separator: ",")
        let short = try #require(parseError(lines))
        #expect(short.line == 39)
        #expect(short.description.contains("20 fields"))
        #expect(short.description.contains("35"))

        let badMonth = try #require(parseError(replacing(try chicagoLines(), row: 5, field: 2, with: "13")))
        #expect(badMonth.line == 14 && badMonth.fieldNumber == 2 && badMonth.description.contains("month"))
        let badHour = try #require(parseError(replacing(try chicagoLines(), row: 5, field: 4, with: "0")))
        #expect(badHour.line == 14 && badHour.fieldNumber == 4 && badHour.description.contains("1…24"))
        let badDay = try #require(parseError(replacing(try chicagoLines(), row: 5, field: 3, with: "31.5")))
        #expect(badDay.fieldNumber == 3)

        var badLatitude = try chicagoLines()
        badLatitude[0] = "LOCATION,Chicago Ohare Intl Ap,IL,USA,TMY3,725300,north,-87.92,-6.0,201.0"
        let location = try #require(parseError(badLatitude))
        #expect(location.line == 1 && location.fieldNumber == 7 && location.description.contains("latitude"))

        var noLocation = try chicagoLines()
        noLocation.removeFirst()
        #expect(parseError(noLocation)?.line == 1)

        let fewLines = try #require(parseError(Array(try chicagoLines().prefix(5))))
        #expect(fewLines.description.contains("8 header lines"))
        do {
            _ = try EPWReader.parse(text: "", file: "empty.epw")
            Issue.record("expected an error for an empty file")
        } catch {
            #expect(error.line == nil && error.description.hasPrefix("empty.epw: has 0 lines"))
        }
    }

    @Test("rows out of chronological order are an error")
    func chronology() throws {
        var lines = try chicagoLines()
        lines.swapAt(8 + 100, 8 + 101)
        let error = try #require(parseError(lines))
        #expect(error.line == 110)
        #expect(error.description.contains("chronological"))
    }

    @Test("a truncated file says how many rows were found and which counts are expected")
    func truncated() throws {
        let lines = Array(try chicagoLines().prefix(8 + 100))
        let error = try #require(parseError(lines))
        #expect(error.description.contains("found 100 hourly data rows"))
        #expect(error.description.contains("8760"))
        #expect(error.description.contains("8784"))
    }

    @Test("a leap-year file (8784 rows) drops 29 February")
    func leapYear() throws {
        let lines = try chicagoLines()
        let original = try parse(lines)
        // Rows 1392…1415 are 28 February; add 24 rows for the 29th (with their own values) after them.
        let february28 = lines[(8 + 1392)..<(8 + 1416)]
        #expect(february28.allSatisfy { $0.split(separator: ",")[1] == "2" && $0.split(separator: ",")[2] == "28" })
        let february29 = february28.map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = "29"
            fields[dryBulbField - 1] = "45.0"
            return fields.joined(separator: ",")
        }
        var leap = lines
        leap.insert(contentsOf: february29, at: 8 + 1416)
        #expect(leap.count == 8 + 8784)
        let series = try parse(leap)
        #expect(series.dryBulb == original.dryBulb)
        #expect(series.pressure == original.pressure)
        #expect(series.filledValues.isEmpty)
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        do {
            _ = try EPWReader.read(path: "/nonexistent/nowhere.epw")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("/nonexistent/nowhere.epw"))
            #expect(error.description.contains("not found"))
        }
    }

    @Test("Windows line endings and trailing blank lines are accepted")
    func lineEndings() throws {
        let lines = try chicagoLines()
        let crlf = lines.joined(separator: "\r\n") + "\r\n\r\n\n"
        let series = try EPWReader.parse(text: crlf, file: "crlf.epw")
        #expect(series.dryBulb == (try parse(lines)).dryBulb)
    }

    @Test("hourly values are interpolated to step midpoints, row i sitting at (i + 1) h")
    func stepMidpoints() throws {
        let series = try EPWReader.read(path: weatherPath(chicagoFile))
        let hourly = series.atStepMidpoints(stepMinutes: 60)
        #expect(hourly.count == 8760)
        // Step 0 (00:00–01:00, midpoint 00:30) lies between row 8759 (24:00 of 31 Dec ≡ 00:00) and row 0 (01:00).
        #expect(abs(hourly.dryBulb[0] - (series.dryBulb[8759] + series.dryBulb[0]) / 2) < 1e-12)
        // Step 1 (midpoint 01:30) is the mean of rows 0 and 1; likewise every later step.
        #expect(abs(hourly.dryBulb[1] - (series.dryBulb[0] + series.dryBulb[1]) / 2) < 1e-12)
        for step in 1..<8760 {
            let expected = (series.dryBulb[step - 1] + series.dryBulb[step]) / 2
            guard abs(hourly.dryBulb[step] - expected) < 1e-12 else {
                Issue.record("step \(step): \(hourly.dryBulb[step]) ≠ \(expected)")
                break
            }
        }
        #expect(zip(hourly.wetBulb, hourly.dryBulb).allSatisfy { $0 <= $1 })

        // At 15-min steps the midpoints average to the hourly values: the annual mean is preserved.
        let quarter = series.atStepMidpoints(stepMinutes: 15)
        #expect(quarter.count == 35_040)
        let hourlyMean = series.dryBulb.reduce(0, +) / 8760
        let quarterMean = quarter.dryBulb.reduce(0, +) / 35_040
        let scale = series.dryBulb.map(abs).max() ?? 1
        #expect(abs(quarterMean - hourlyMean) <= 1e-9 * scale)
    }
}
