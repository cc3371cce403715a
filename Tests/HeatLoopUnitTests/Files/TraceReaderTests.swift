import Foundation
import HeatLoop
import HeatLoopFiles
import Testing

/// `Sites/traces/` under the package root (this file is `Tests/HeatLoopUnitTests/Files/…`).
private let tracesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Files
    .deletingLastPathComponent()  // HeatLoopUnitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Sites/traces")

private let file = "traces/x.csv"

private func parse(_ lines: [String], column: String = "utilization") throws(TraceFileError) -> RegularTrace {
    try TraceReader.parse(text: lines.joined(separator: "\n") + "\n", file: file, column: column)
}

/// The error parsing `lines` throws, or nil when it parses.
private func parseError(_ lines: [String], column: String = "utilization") -> TraceFileError? {
    do {
        _ = try parse(lines, column: column)
        return nil
    } catch {
        return error
    }
}

/// `YYYY-MM-DDTHH:MM[:SS]` for `second` seconds after `year`-01-01 00:00 (real calendar, leap days
/// included).
private func time(_ year: Int, _ second: Int, separator: String = "T") -> String {
    var year = year, day = second / 86_400, month = 0
    while true {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if day < days[month] { break }
        day -= days[month]
        month += 1
        if month == 12 {
            month = 0
            year += 1
        }
    }
    let rest = second % 86_400
    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let clock = "\(pad(rest / 3600)):\(pad(rest % 3600 / 60))" + (rest % 60 == 0 ? "" : ":\(pad(rest % 60))")
    return "\(year)-\(pad(month + 1))-\(pad(day + 1))\(separator)\(clock)"
}

/// `count` rows `time,value` every `interval` seconds from `first` seconds into `year`.
private func rows(_ year: Int = 2025, from first: Int = 0, every interval: Int = 300, count: Int,
                  value: (Int) -> String = { _ in "0.5" }) -> [String] {
    (0..<count).map { "\(time(year, first + $0 * interval)),\(value($0))" }
}

@Suite("Trace reader")
struct TraceReaderTests {
    // MARK: Valid files

    @Test("the shipped example parses: one week of 5-min utilisation from Monday 2025-01-06")
    func shippedExample() throws {
        let path = tracesDirectory.appendingPathComponent("inference-week.csv").path
        let trace = try TraceReader.read(path: path, column: "utilization")
        #expect(trace.quantity == .utilization)
        #expect(trace.interval == 300)
        #expect(trace.start == 5 * 86_400)
        #expect(trace.values.count == 7 * 288)
        #expect(trace.values.allSatisfy { (0...1).contains($0) })
        // Tiled over 2025 at 15-min steps: the year's mean is the week's within a day's share.
        let means = trace.stepMeans(calendar: SimulationCalendar(year: 2025, stepMinutes: 15))
        let weekMean = trace.values.reduce(0, +) / Double(trace.values.count)
        let yearMean = means.reduce(0, +) / Double(means.count)
        #expect(abs(yearMean - weekMean) < 0.01)
        #expect((try? Data(contentsOf: URL(fileURLWithPath: path)).count).map { $0 < 100_000 } == true)
    }

    @Test("a power_kw column among others, in any order, with spaces, CRLF line ends and a BOM")
    func powerColumn() throws {
        let text = "\u{FEFF}# exported from Prometheus\r\n"
            + "node, cluster_power_kw , time,gpu_utilization\r\n"
            + "a, 812.5, 2025-03-01T00:00 ,0.41\r\n"
            + "a,830,2025-03-01T01:00,0.43\r\n"
            + "a,  0 ,2025-03-01T02:00,0.00\r\n"
        let power = try TraceReader.parse(text: text, file: file, column: "cluster_power_kw")
        #expect(power == RegularTrace(quantity: .powerKilowatts, interval: 3600, start: 59 * 86_400,
                                       values: [812.5, 830, 0]))
        let utilization = try TraceReader.parse(text: text, file: file, column: "gpu_utilization")
        #expect(utilization.quantity == .utilization)
        #expect(utilization.values == [0.41, 0.43, 0])
    }

    /// A `time_utc` price file from a leap year (2024, 8784 UTC hours, value = the hour's index) on the
    /// local standard time of Chicago (UTC−6) and Paris (UTC+1): local hour k takes UTC hour k − offset, the
    /// year wraps, and past the dropped UTC 29 February the values skip that day's 24 hours.
    @Test("a UTC trace joins local standard time across the offset and a leap year")
    func utcTraceAcrossOffsetAndLeapYear() throws {
        func read(_ timeColumn: String) throws -> RegularTrace {
            try TraceReader.parse(text: ([timeColumn + ",eur_per_mwh"] + rows(2024, every: 3600, count: 8784, value: { "\($0)" }))
                                    .joined(separator: "\n"), file: file, column: "eur_per_mwh", accepting: [.eurosPerMegawattHour])
        }
        let utc = try read("time_utc")
        #expect(utc.clock == .utc && utc.values.count == 8760)
        let calendar = SimulationCalendar(year: 2025, stepMinutes: 60)
        let chicago = utc.onLocalStandardTime(utcOffsetMinutes: -360).stepMeans(calendar: calendar)
        #expect(chicago[0] == 6)                      // 00:00 local = 06:00 UTC, 1 January
        #expect(chicago[58 * 24 + 17] == 58 * 24 + 23) // 28 February 17:00 local = 23:00 UTC
        #expect(chicago[59 * 24] == 60 * 24 + 6)       // 1 March 00:00 local = 06:00 UTC, after 29 February
        #expect(chicago[8759] == 5)                    // 31 December 23:00 local = 05:00 UTC, wrapped
        let paris = utc.onLocalStandardTime(utcOffsetMinutes: 60).stepMeans(calendar: calendar)
        #expect(paris[0] == 8783)                      // 00:00 local = 23:00 UTC the day before (wrapped)
        #expect(paris[1] == 0)
        #expect(paris[59 * 24 + 1] == 60 * 24)         // 1 March 01:00 local = 00:00 UTC
        let local = try read("time")
        #expect(local.clock == .localStandard && local.onLocalStandardTime(utcOffsetMinutes: -360) == local)
    }

    @Test("the quantity follows the column name")
    func quantityFromName() {
        #expect(TraceReader.quantity(column: "utilization") == .utilization)
        #expect(TraceReader.quantity(column: "gpu_utilization") == .utilization)
        #expect(TraceReader.quantity(column: "power_kw") == .powerKilowatts)
        #expect(TraceReader.quantity(column: "rack_12_power_kw") == .powerKilowatts)
        #expect(TraceReader.quantity(column: "power_w") == nil)
        #expect(TraceReader.quantity(column: "gpu_util") == nil)
        #expect(TraceReader.quantity(column: "xutilization") == nil)
    }

    @Test("seconds, a space between date and time, 10 s samples, numbers in any decimal form")
    func secondsAndSpace() throws {
        let values = ["0.5", ".25", "1", "0", "4.2e-1", " 0.125 "]
        let trace = try parse(["time,utilization"]
            + rows(from: 86_400 + 3_599, every: 10, count: 6, value: { values[$0] })
                .map { $0.replacingOccurrences(of: "T", with: " ") })
        #expect(trace.interval == 10)
        #expect(trace.start == 86_400 + 3_599)
        #expect(trace.values == [0.5, 0.25, 1, 0, 0.42, 0.125])
    }

    @Test("rows on 29 February are dropped: a 2024 trace maps onto the 365-day year")
    func leapDayDropped() throws {
        // Hourly from 2024-02-28 00:00 to 2024-03-01 23:00: 72 rows, 24 of them on 29 February.
        let lines = ["time,utilization"] + rows(2024, from: 58 * 86_400, every: 3600, count: 72, value: {
            String(Double($0) / 100)
        })
        let trace = try parse(lines)
        #expect(trace.values.count == 48)
        #expect(trace.start == 58 * 86_400)  // 28 February in a 365-day year
        #expect(trace.values[23] == 0.23)
        #expect(trace.values[24] == 0.48)  // 1 March 00:00 follows 28 February 23:00
        // A whole leap year (8784 hourly rows) is exactly one simulated year.
        let year = try parse(["time,utilization"] + rows(2024, every: 3600, count: 8784))
        #expect(year.values.count == 8760)
        #expect(year.start == 0)
    }

    @Test("a trace may cross the year end; its start is its time of year")
    func crossesYearEnd() throws {
        let trace = try parse(["time,utilization"] + rows(2024, from: 366 * 86_400 - 3600, every: 1800, count: 4))
        #expect(trace.start == 365 * 86_400 - 3600)
        #expect(trace.values.count == 4)
        #expect(trace.interval == 1800)
    }

    @Test("comment and blank lines are skipped anywhere but count in line numbers")
    func commentsAndBlankLines() throws {
        let lines = ["# a comment", "", "time,utilization", "  # indented comment", "2025-01-01T00:00,0.1", "",
                     "# between rows", "2025-01-01T00:05,0.2", "2025-01-01T00:10,abc"]
        #expect(parseError(lines)?.line == 9)
        let trace = try parse(Array(lines.dropLast()))
        #expect(trace.values == [0.1, 0.2])
    }

    @Test("a trace of exactly 365 days parses; one more sample is an error on its line")
    func atMostOneYear() throws {
        let year = ["time,utilization"] + rows(every: 3600, count: 8760)
        #expect(try parse(year).values.count == 8760)
        let longer = year + rows(2026, every: 3600, count: 1)
        let error = try #require(parseError(longer))
        #expect(error.line == 8762)
        #expect(error.column == "time")
        #expect(error.message.contains("runs past one 365-day year from its first row (2025-01-01 00:00, line 2)"))
        #expect(error.message.contains("at most 365 days"))
        // Started in June, the trace may reach the next June.
        let june = ["time,utilization"] + rows(from: 151 * 86_400, every: 86_400, count: 366)
        #expect(parseError(june)?.line == 367)
    }

    @Test("read(path:) names the file when it is missing or a directory")
    func missingFile() {
        #expect(throws: TraceFileError(
            file: "/nonexistent/t.csv", message: "not found; expected the path of a trace CSV file")) {
            try TraceReader.read(path: "/nonexistent/t.csv", column: "utilization")
        }
        #expect(throws: TraceFileError(file: "/tmp", message: "is a folder, not a file; expected the path of a trace CSV file")) {
            try TraceReader.read(path: "/tmp", column: "utilization")
        }
    }

    // MARK: Errors

    @Test("an empty file, or one with only comments, has no header")
    func emptyFile() {
        for text in ["", "\n\n", "# only a comment\n"] {
            let error = TraceReader.parseError(text)
            #expect(error?.line == nil)
            #expect(error?.message.hasPrefix("is empty (no header line); expected a CSV with a header such as "
                + "`time,utilization`") == true)
        }
    }

    @Test("a header without data rows, or one data row, cannot give an interval")
    func tooFewRows() {
        let none = parseError(["# c", "time,utilization"])
        #expect(none?.line == 2)
        #expect(none?.message.hasPrefix("has a header (line 2) but no data rows; expected at least two rows") == true)
        let one = parseError(["time,utilization", "2025-01-01T00:00,0.5"])
        #expect(one?.line == 2)
        #expect(one?.message.hasPrefix("has one data row (line 2); expected at least two rows") == true)
    }

    @Test("a missing time column is named, with the closest header name")
    func missingTimeColumn() {
        let error = parseError(["Time,utilization", "2025-01-01T00:00,0.5"])
        #expect(error?.line == 1)
        #expect(error?.column == "time")
        #expect(error?.message.hasPrefix("not in the header, which has 'Time', 'utilization' (did you mean 'Time'? "
            + "rename it to 'time')") == true)
    }

    @Test("a missing value column lists the columns found and suggests the closest")
    func missingValueColumn() {
        let lines = ["time,gpu_utilization,node_power_kw", "2025-01-01T00:00,0.5,3"]
        let error = parseError(lines, column: "gpu_utilisation")
        #expect(error?.description == "traces/x.csv:1: column 'gpu_utilisation': not in the header, which has "
            + "'time', 'gpu_utilization', 'node_power_kw' (did you mean 'gpu_utilization'?); expected the value "
            + "column named in the site file")
        #expect(parseError(lines, column: "utilization")?.message.contains("did you mean 'gpu_utilization'?") == true)
        #expect(parseError(lines, column: "temperature")?.message.contains("did you mean") == false)
    }

    @Test("a column whose name gives no unit says which names are valid")
    func unknownQuantity() {
        let error = parseError(["time,gpu_util", "2025-01-01T00:00,0.5"], column: "gpu_util")
        #expect(error?.line == 1)
        #expect(error?.column == "gpu_util")
        #expect(error?.message == "the unit cannot be told from the name; expected `utilization` or a name ending in "
            + "`_utilization` (a utilisation 0…1), or `power_kw` or a name ending in `_power_kw` (the cluster's "
            + "power in kW)")
        let twice = parseError(["time,utilization,utilization", "2025-01-01T00:00,0.5,0.5"])
        #expect(twice?.message.hasPrefix("appears twice in the header (fields 2 and 3)") == true)
    }

    @Test("a value that is not a number names the line, the column and what is expected")
    func notANumber() {
        var lines = ["time,utilization"] + rows(count: 20)
        lines[16] = "2025-01-01T01:15,abc"
        #expect(parseError(lines)?.description
            == "traces/x.csv:17: column 'utilization': \"abc\" is not a number; expected a utilisation 0…1")
        lines[16] = "2025-01-01T01:15,"
        #expect(parseError(lines)?.message.hasPrefix("is empty; expected a utilisation 0…1 in every row") == true)
        lines[16] = "2025-01-01T01:15,NaN"
        #expect(parseError(lines)?.message == "\"NaN\" is not a number; expected a utilisation 0…1")
    }

    @Test("values out of range: utilisation outside 0…1 (percent hinted), negative power")
    func outOfRange() {
        var lines = ["time,utilization"] + rows(count: 5)
        lines[3] = "2025-01-01T00:10,1.2"
        #expect(parseError(lines)?.line == 4)
        #expect(parseError(lines)?.message == "1.2 is outside 0…1; expected a utilisation 0…1")
        lines[3] = "2025-01-01T00:10,85"
        #expect(parseError(lines)?.message == "85 is outside 0…1 (a percentage? divide by 100); expected a "
            + "utilisation 0…1")
        lines[3] = "2025-01-01T00:10,-0.1"
        #expect(parseError(lines)?.message == "-0.1 is outside 0…1; expected a utilisation 0…1")
        let power = ["time,power_kw", "2025-01-01T00:00,12", "2025-01-01T00:05,-3"]
        #expect(parseError(power, column: "power_kw")?.description
            == "traces/x.csv:3: column 'power_kw': -3 is negative; expected a power in kW ≥ 0")
    }

    @Test("malformed or impossible times", arguments: [
        ("2025-13-01T00:00", "\"2025-13-01T00:00\" is not a valid time: month 13 is not 1…12"),
        ("2025-02-29T00:00", "\"2025-02-29T00:00\" is not a valid time: day 29 is not 1…28 for month 2 of 2025"),
        ("2025-01-01T24:00", "\"2025-01-01T24:00\" is not a valid time: hour 24 is not 0…23"),
        ("2025-01-01T00:00Z", "\"2025-01-01T00:00Z\" is not a time (time zones are not read"),
        ("2025-01-01T00:00+01:00", "\"2025-01-01T00:00+01:00\" is not a time (time zones are not read"),
        ("2025-01-01T00:00:00.000", "\"2025-01-01T00:00:00.000\" is not a time (fractions of a second"),
        ("1735689600", "\"1735689600\" is not a time (a Unix time?"),
        ("01/01/2025 00:00", "\"01/01/2025 00:00\" is not a time; expected YYYY-MM-DDTHH:MM[:SS] or"),
        ("2025-1-1T0:00", "\"2025-1-1T0:00\" is not a time; expected"),
    ])
    func badTimes(text: String, message: String) {
        let error = parseError(["time,utilization", "2025-01-01T00:00,0.5", "\(text),0.5"])
        #expect(error?.line == 3)
        #expect(error?.column == "time")
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "no error")")
    }

    @Test("rows out of time order name both times")
    func unsorted() {
        var lines = ["# trace", "time,utilization"] + rows(count: 20)
        lines[11] = "2025-01-01T00:10,0.5"  // line 12, after 00:40 on line 11
        #expect(parseError(lines)?.description == "traces/x.csv:12: column 'time': time 2025-01-01 00:10 is before "
            + "the previous row's 00:40 (line 11); rows must be in increasing time order")
        // A previous row on another day is written in full.
        let days = ["time,utilization", "2025-01-02T00:00,0.5", "2025-01-01T23:55,0.5"]
        #expect(parseError(days)?.message == "time 2025-01-01 23:55 is before the previous row's 2025-01-02 00:00 "
            + "(line 2); rows must be in increasing time order")
    }

    @Test("duplicate times")
    func duplicates() {
        let lines = ["time,utilization", "2025-01-01T00:00,0.5", "2025-01-01T00:05,0.5", "2025-01-01 00:05:00,0.6"]
        #expect(parseError(lines)?.description == "traces/x.csv:4: column 'time': time 2025-01-01 00:05 repeats the "
            + "previous row's (line 3); each time must appear once")
    }

    @Test("gaps and irregular intervals are reported on the row after them")
    func irregular() {
        var lines = ["time,utilization"] + rows(count: 50)
        lines.remove(at: 39)  // the row at 03:10 (line 40): the 03:15 row now follows 03:05
        #expect(parseError(lines)?.description == "traces/x.csv:40: column 'time': interval 10 min differs from the "
            + "5 min of the first rows (lines 2–3); traces must be regular (no gaps): after 2025-01-01 03:05 on "
            + "line 39 the next row should be 2025-01-01 03:10")
        let uneven = ["time,utilization", "2025-01-01T00:00,0.5", "2025-01-01T00:00:10,0.5", "2025-01-01T00:00:25,0.5"]
        #expect(parseError(uneven)?.message.hasPrefix("interval 15 s differs from the 10 s of the first rows") == true)
    }

    @Test("an interval that does not divide a day cannot cross a dropped 29 February")
    func leapDayIrregular() {
        // 7-min samples across 2024-02-29: dropping that day breaks the 7-min rhythm.
        let lines = ["time,utilization"] + rows(2024, from: 59 * 86_400 - 3600, every: 420, count: 300)
        let error = parseError(lines)
        #expect(error?.column == "time")
        #expect(error?.message.contains("29 February, dropped because HeatLoop simulates 365-day years, lies "
            + "between them") == true, "\(error?.message ?? "no error")")
        // Hourly samples cross it without a problem.
        #expect(parseError(["time,utilization"] + rows(2024, from: 58 * 86_400, every: 3600, count: 72)) == nil)
    }

    @Test("a row with the wrong number of fields")
    func fieldCount() {
        let lines = ["time,utilization,node", "2025-01-01T00:00,0.5,a", "2025-01-01T00:05,0.5"]
        #expect(parseError(lines)?.description == "traces/x.csv:3: row has 2 fields; expected 3 like the header on "
            + "line 1 (time,utilization,node)")
    }
}

extension TraceReader {
    /// The error parsing `text` throws, or nil.
    fileprivate static func parseError(_ text: String) -> TraceFileError? {
        do {
            _ = try parse(text: text, file: file, column: "utilization")
            return nil
        } catch {
            return error
        }
    }
}
