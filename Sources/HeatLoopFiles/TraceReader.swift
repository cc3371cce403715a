import Foundation
import HeatLoop

/// A trace file that cannot be used, with where and why (an invalid-input error: the CLI exits 2).
///
/// `description` reads like a compiler diagnostic:
/// `traces/x.csv:17: column 'utilization': "abc" is not a number; expected a utilisation 0…1`.
public struct TraceFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the user named it.
    public var file: String
    /// 1-based line number in the file (comments and blank lines counted), when one line is at fault.
    public var line: Int?
    /// The column at fault (`time`, or the value column), when one is.
    public var column: String?
    /// What is wrong and what would be valid.
    public var message: String

    public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "column '\(column)': " }
        return text + message
    }
}

/// Reads a workload trace: a CSV of measured utilisation or power, one row per sample, at a regular
/// interval (`Sites/traces/README.md`).
///
///     # comment lines start with '#'; blank lines are ignored
///     time,utilization,gpu_power_kw
///     2025-01-06T00:00,0.41,812.5
///     2025-01-06T00:05,0.43,830.0
///
/// - **Header**: the first line that is neither blank nor a comment; comma-separated names, one of them
///   `time`. Other columns are allowed and ignored; only `column` is read.
/// - **Quantity** from the column name: `utilization` or `…_utilization` is a utilisation 0…1;
///   `power_kw` or `…_power_kw` a power in kW ≥ 0 (the whole cluster's); likewise `g_per_kwh` (grid
///   intensity), `mw` (heat demand) and `eur_per_mwh` (electricity or heat price, may be negative).
/// - **Time**: `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]`, no time zone in the stamp: a column
///   `time` is local standard time of the weather file (no daylight saving), a column `time_utc` is UTC
///   (prices and grid carbon usually are) and is moved onto local standard time by the weather file's
///   time zone (`RegularTrace.onLocalStandardTime`). A row's time is the start of its sample (the value holds until the next row).
///   Rows are mapped onto the simulated year by time of year (month, day, time), whatever their year, so
///   a 2024 trace replays on 2025. Rows on 29 February are dropped (HeatLoop simulates 365-day years):
///   28 February continues straight into 1 March. With an interval that does not divide a day this
///   leaves an irregular step, which is reported.
/// - **Regular**: the interval (any whole number of seconds: 10 s, 1 min, 5 min, 1 h …) is set by the
///   first two rows; every later row must follow its predecessor by exactly that (no gaps, no
///   duplicates, increasing time). The trace may cross a year end (31 December → 1 January) and may
///   cover at most one 365-day year.
/// - **Values**: every row needs a number in the column; there are no missing-value codes (fill gaps
///   before exporting).
///
/// The result is a `RegularTrace` whose `start` is the time of year of the first row; it tiles a
/// shorter trace over the year and resamples it onto the steps by exact interval averaging.
public enum TraceReader {
    /// Seconds in the simulated (365-day) year.
    public static let secondsPerYear = 365 * 86_400

    /// The quantity a value column holds, from its name: `utilization`/`…_utilization` → utilisation,
    /// `power_kw`/`…_power_kw` → kW, `g_per_kwh`, `mw` and `eur_per_mwh` likewise; nil for any other name.
    public static func quantity(column: String) -> RegularTrace.Quantity? {
        func named(_ name: String) -> Bool { column == name || column.hasSuffix("_" + name) }
        if named("eur_per_mwh") { return .eurosPerMegawattHour }
        if named("utilization") { return .utilization }
        if named("power_kw") { return .powerKilowatts }
        if named("g_per_kwh") { return .gramsPerKilowattHour }
        if named("mw") { return .megawatts }
        return nil
    }

    /// How a column must be named for each quantity, for error messages.
    static func naming(_ quantity: RegularTrace.Quantity) -> String {
        switch quantity {
        case .utilization: "`utilization` or a name ending in `_utilization` (a utilisation 0…1)"
        case .powerKilowatts: "`power_kw` or a name ending in `_power_kw` (the cluster's power in kW)"
        case .gramsPerKilowattHour: "`g_per_kwh` or a name ending in `_g_per_kwh` (grid intensity, g CO2/kWh)"
        case .megawatts: "`mw` or a name ending in `_mw` (heat demand, MW)"
        case .eurosPerMegawattHour: "`eur_per_mwh` or a name ending in `_eur_per_mwh` (electricity or heat price, €/MWh)"
        }
    }

    /// Reads and parses the trace file at `path` (see `TraceReader`); throws when it is missing,
    /// unreadable or malformed, or has no usable `column`.
    public static func read(path: String, column: String,
                            accepting quantities: [RegularTrace.Quantity] = [.utilization, .powerKilowatts])
        throws(TraceFileError) -> RegularTrace {
        // A FIFO or a device would block or never end: only regular files are opened.
        if let problem = InputFile.problem(at: path) {
            throw TraceFileError(file: path, message: "\(problem); expected the path of a trace CSV file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TraceFileError(file: path, message: "cannot be read (check the file's permissions)")
        }
        let outcome = data.withUnsafeBytes { raw -> Result<RegularTrace, TraceFileError> in
            do throws(TraceFileError) {
                return .success(try parse(bytes: raw.bindMemory(to: UInt8.self), file: path, column: column,
                                          accepting: quantities))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Parses trace `text`; `file` names it in error messages, `column` is the value column to read.
    public static func parse(text: String, file: String, column: String,
                             accepting quantities: [RegularTrace.Quantity] = [.utilization, .powerKilowatts])
        throws(TraceFileError) -> RegularTrace {
        var text = text
        let outcome = text.withUTF8 { bytes -> Result<RegularTrace, TraceFileError> in
            do throws(TraceFileError) {
                return .success(try parse(bytes: bytes, file: file, column: column, accepting: quantities))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    // MARK: - Parsing

    private static let comma = UInt8(ascii: ","), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let hash = UInt8(ascii: "#")

    /// Where the two columns read sit in a row.
    private struct Header {
        var line: Int
        var names: [String]
        var timeField: Int
        var valueField: Int
        var quantity: RegularTrace.Quantity
        /// `time` (local standard time) or `time_utc`, from the time column's name.
        var clock: RegularTrace.Clock
    }

    /// Parses the file in stages: skips blank and comment lines, reads the header (`parseHeader`), then
    /// every data row into `DataRows` (fields, time, value, time order), and checks at the end that there
    /// were at least two samples.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String, column: String,
                      accepting quantities: [RegularTrace.Quantity])
        throws(TraceFileError) -> RegularTrace
    {
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var lines = LineScanner(bytes, from: hasByteOrderMark ? 3 : 0)
        var header: Header?
        var rows = DataRows(capacity: bytes.count / 20)
        while let line = lines.next() {
            if isBlankOrComment(bytes, line.start, line.end) { continue }
            guard let header else {
                header = try parseHeader(bytes, line.start, line.end, line: lines.lineNumber, file: file,
                                         column: column, accepting: quantities)
                continue
            }
            try rows.add(bytes, line.start, line.end, line: lines.lineNumber, header: header, file: file,
                         column: column)
        }
        guard let header else {
            throw TraceFileError(
                file: file,
                message: "is empty (no header line); expected a CSV with a header such as `time,\(column)` "
                    + "and one row per sample such as `2025-01-06T00:05,0.42`")
        }
        return try rows.trace(header: header, file: file)
    }

    /// True for a line of spaces and tabs only, or whose first other character is `#`.
    @inline(__always)
    private static func isBlankOrComment(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var first = start
        while first < end, bytes[first] == space || bytes[first] == tab { first += 1 }
        return first == end || bytes[first] == hash
    }

    /// The data rows read so far: the kept samples' values, the time checks across rows (`Timeline`),
    /// and the count and last line of all data rows (29 February included) for messages.
    private struct DataRows {
        var values = [Double]()
        var timeline = Timeline()
        var count = 0, lastLine = 0

        init(capacity: Int) { values.reserveCapacity(capacity) }

        /// Reads the data row in `bytes[start..<end]`: its fields (as many as the header's), its time and
        /// its value, checked in that order; the value is kept unless the row is on 29 February.
        @inline(__always)
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int, header: Header,
                          file: String, column: String) throws(TraceFileError) {
            count += 1
            lastLine = line
            let fields = try TraceReader.fields(bytes, start, end, header: header, line: line, file: file)
            let stamp = try parseTime(bytes, fields.time, line: line, file: file)
            let value = try parseValue(bytes, fields.value, quantity: header.quantity, line: line, file: file,
                                       column: column)
            if try timeline.accept(stamp, line: line, file: file) { values.append(value) }
        }

        /// The trace, or an error when fewer than two samples were kept.
        func trace(header: Header, file: String) throws(TraceFileError) -> RegularTrace {
            guard let start = timeline.first?.mapped, values.count >= 2 else {
                let found = count == 0
                    ? "has a header (line \(header.line)) but no data rows"
                    : values.isEmpty
                        ? "has only rows on 29 February, which are dropped (HeatLoop simulates 365-day years)"
                        : "has one data row (line \(timeline.first?.line ?? lastLine))"
                            + (count > 1 ? " besides rows on 29 February, which are dropped" : "")
                throw TraceFileError(
                    file: file, line: count == 0 ? header.line : timeline.first?.line ?? lastLine,
                    message: "\(found); expected at least two rows, one per sample at a regular interval "
                        + "(the first two rows set the interval)")
            }
            return RegularTrace(
                quantity: header.quantity, interval: Double(timeline.interval), start: Double(start), values: values,
                clock: header.clock)
        }
    }

    /// The byte ranges of the time and value fields of the row in `bytes[start..<end]`, after checking it
    /// has as many fields as the header.
    @inline(__always)
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, header: Header,
                               line: Int, file: String) throws(TraceFileError) -> (time: Range<Int>, value: Range<Int>) {
        var field = 0, fieldStart = start, cursor = start
        var timeRange = start..<start, valueRange = start..<start
        while true {
            if cursor == end || bytes[cursor] == comma {
                if field == header.timeField { timeRange = fieldStart..<cursor }
                if field == header.valueField { valueRange = fieldStart..<cursor }
                field += 1
                if cursor == end { break }
                fieldStart = cursor + 1
            }
            cursor += 1
        }
        guard field == header.names.count else {
            throw TraceFileError(
                file: file, line: line,
                message: "row has \(field) field\(field == 1 ? "" : "s"); expected \(header.names.count) "
                    + "like the header on line \(header.line) (\(header.names.joined(separator: ",")))")
        }
        return (timeRange, valueRange)
    }

    // MARK: Header

    private static func parseHeader(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int,
                                    file: String, column: String, accepting quantities: [RegularTrace.Quantity])
        throws(TraceFileError) -> Header {
        let names = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            .split(separator: ",", omittingEmptySubsequences: false)
            .map { name -> String in
                var trimmed = name.trimmingCharacters(in: .whitespaces)
                if trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") {
                    trimmed = String(trimmed.dropFirst().dropLast())
                }
                return trimmed
            }
        let found = names.map { "'\($0)'" }.joined(separator: ", ")
        let clocks = [RegularTrace.Clock.localStandard, .utc]
        guard let clock = clocks.first(where: { names.contains($0.rawValue) }),
              let timeField = names.firstIndex(of: clock.rawValue) else {
            let hint = closest(to: "time", in: names).map { " (did you mean '\($0)'? rename it to 'time')" } ?? ""
            throw TraceFileError(
                file: file, line: line, column: "time",
                message: "not in the header, which has \(found)\(hint); expected a header line such as "
                    + "`time,\(column)` (local standard time) or `time_utc,\(column)` (UTC) as the first line "
                    + "that is not a comment")
        }
        guard let valueField = names.firstIndex(of: column) else {
            let candidates = names.filter { $0 != clock.rawValue }
            let hint = closest(to: column, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
            throw TraceFileError(
                file: file, line: line, column: column,
                message: "not in the header, which has \(found)\(hint); expected the value column named in "
                    + "the site file")
        }
        if let second = names[(valueField + 1)...].firstIndex(of: column) {
            throw TraceFileError(
                file: file, line: line, column: column,
                message: "appears twice in the header (fields \(valueField + 1) and \(second + 1)); "
                    + "expected column names to be unique")
        }
        guard let quantity = quantity(column: column), quantities.contains(quantity) else {
            throw TraceFileError(
                file: file, line: line, column: column,
                message: "the unit cannot be told from the name; expected "
                    + quantities.map(naming).joined(separator: ", or "))
        }
        return Header(line: line, names: names, timeField: timeField, valueField: valueField, quantity: quantity, clock: clock)
    }

    /// The name in `names` closest to `wanted`: the same but for case, one containing the other, or the
    /// nearest by edit distance when it is near enough to be a typo.
    private static func closest(to wanted: String, in names: [String]) -> String? {
        let target = wanted.lowercased()
        let lowered = names.filter { !$0.isEmpty }.map { ($0, $0.lowercased()) }
        if let same = lowered.first(where: { $0.1 == target }) { return same.0 }
        if let containing = lowered.first(where: { $0.1.contains(target) || target.contains($0.1) }),
           containing.1.count >= 3 {
            return containing.0
        }
        let ranked = lowered.map { ($0.0, Suggestion.editDistance($0.1, target)) }
            .min { $0.1 < $1.1 }
        guard let ranked, ranked.1 <= max(2, target.count / 3) else { return nil }
        return ranked.0
    }

    // MARK: Time order

    /// The checks across rows' times — increasing, regular, at most a year — and the mapping of each row
    /// onto the 365-day year.
    private struct Timeline {
        /// A row kept: its line, its time, and its seconds since 1 January 00:00 of the first row's year,
        /// counting 365-day years.
        typealias Row = (line: Int, stamp: Stamp, mapped: Int)

        var first: Row?
        var previousKept: Row?
        /// The previous row, 29 February included.
        var previous: (line: Int, stamp: Stamp)?
        /// Seconds between rows (0 until the second row), and the line of the row that set it.
        var interval = 0, intervalLine = 0

        /// Checks the row at `stamp` against the rows before it; false when it is dropped (29 February).
        mutating func accept(_ stamp: Stamp, line: Int, file: String) throws(TraceFileError) -> Bool {
            // Increasing time, by the real calendar of the trace's own years.
            if let previous, stamp.absolute <= previous.stamp.absolute {
                let relation = stamp.absolute == previous.stamp.absolute
                    ? "repeats the previous row's (line \(previous.line)); each time must appear once"
                    : "is before the previous row's \(previous.stamp.text(relativeTo: stamp)) "
                        + "(line \(previous.line)); rows must be in increasing time order"
                throw TraceFileError(file: file, line: line, column: "time", message: "time \(stamp.text) \(relation)")
            }
            previous = (line, stamp)
            if stamp.month == 2 && stamp.day == 29 { return false }  // leap day: dropped (365-day year)

            // Regular, in the 365-day calendar the trace is mapped onto.
            guard let first, let previousKept else {
                let row = (line, stamp, stamp.timeOfYear)
                first = row
                previousKept = row
                return true
            }
            let mapped = (stamp.year - first.stamp.year) * TraceReader.secondsPerYear + stamp.timeOfYear
            let step = mapped - previousKept.mapped
            if interval == 0 {
                interval = step
                intervalLine = line
            } else if step != interval {
                let leapDay = stamp.absolute - previousKept.stamp.absolute - step == 86_400
                    ? " (29 February, dropped because HeatLoop simulates 365-day years, lies between them: "
                        + "traces that span it need an interval that divides a day)"
                    : ""
                throw TraceFileError(
                    file: file, line: line, column: "time",
                    message: "interval \(duration(step)) differs from the \(duration(interval)) of the first rows "
                        + "(lines \(first.line)–\(intervalLine)); traces must be regular (no gaps): after "
                        + "\(previousKept.stamp.text) on line \(previousKept.line) the next row should be "
                        + "\(previousKept.stamp.adding(seconds: interval).text)\(leapDay)")
            }
            if mapped - first.mapped + interval > TraceReader.secondsPerYear {
                throw TraceFileError(
                    file: file, line: line, column: "time",
                    message: "the trace runs past one 365-day year from its first row (\(first.stamp.text), line "
                        + "\(first.line)): this \(duration(interval)) sample ends after "
                        + "\(first.stamp.oneYearLater.text); HeatLoop simulates one year, so a trace may cover at "
                        + "most 365 days")
            }
            self.previousKept = (line, stamp, mapped)
            return true
        }
    }

    // MARK: Time

    /// A row's local time, as written.
    private struct Stamp {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

        /// Days before each month in a 365-day year.
        static let daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

        var secondOfDay: Int { (hour * 60 + minute) * 60 + second }
        /// Seconds since 1 January 00:00 in a 365-day year (not for 29 February).
        var timeOfYear: Int { (Self.daysBeforeMonth[month - 1] + day - 1) * 86_400 + secondOfDay }
        /// Seconds since 1970-01-01 00:00 in the real (proleptic Gregorian) calendar.
        var absolute: Int { TraceReader.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + secondOfDay }

        var text: String {
            let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
            return "\(date) \(clock)"
        }

        var clock: String {
            "\(pad(hour, 2)):\(pad(minute, 2))" + (second == 0 ? "" : ":\(pad(second, 2))")
        }

        /// The time alone when `other` is on the same day, the full date and time otherwise.
        func text(relativeTo other: Stamp) -> String {
            year == other.year && month == other.month && day == other.day ? clock : text
        }

        /// The same time of year one year later (for messages; never 29 February).
        var oneYearLater: Stamp {
            var later = self
            later.year += 1
            if later.month == 2 && later.day == 29 { later.day = 28 }
            return later
        }

        /// The stamp `seconds` later in the real calendar (for messages).
        func adding(seconds: Int) -> Stamp {
            let total = absolute + seconds
            let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
            let rest = total - days * 86_400
            let date = TraceReader.civilDate(daysSinceEpoch: days)
            return Stamp(year: date.year, month: date.month, day: date.day, hour: rest / 3600,
                         minute: rest % 3600 / 60, second: rest % 60)
        }

        private func pad(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
    }

    private static let timeExample = "YYYY-MM-DDTHH:MM[:SS] or YYYY-MM-DD HH:MM[:SS] (local standard time of "
        + "the weather file, no time zone), such as 2025-01-06T00:05"

    /// Parses `YYYY-MM-DD(T| )HH:MM[:SS]` (spaces around allowed).
    private static func parseTime(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int,
                                  file: String) throws(TraceFileError) -> Stamp {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        let length = end - start

        func digits(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start + offset..<start + offset + count {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ offset: Int) -> UInt8 { bytes[start + offset] }

        var stamp: Stamp?
        var trailing = ""
        if length >= 16, byte(4) == UInt8(ascii: "-"), byte(7) == UInt8(ascii: "-"),
           byte(10) == UInt8(ascii: "T") || byte(10) == space, byte(13) == UInt8(ascii: ":"),
           let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
           let hour = digits(11, 2), let minute = digits(14, 2)
        {
            var second: Int? = 0
            var used = 16
            if length >= 19, byte(16) == UInt8(ascii: ":") {
                second = digits(17, 2)
                used = 19
            }
            if let second {
                stamp = Stamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            }
            if length > used {
                trailing = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + used)..<end]), as: UTF8.self)
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let stamp, trailing.isEmpty else {
            let hint: String
            if trailing.hasPrefix("Z") || trailing.hasPrefix("+") || trailing.hasPrefix("-") {
                hint = " (time zones are not read: convert to the local standard time of the weather file and "
                    + "drop the offset)"
            } else if trailing.hasPrefix(".") {
                hint = " (fractions of a second are not read)"
            } else if !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." }) {
                hint = " (a Unix time? convert it to a local date and time)"
            } else {
                hint = ""
            }
            throw TraceFileError(
                file: file, line: line, column: "time",
                message: "\"\(text)\" is not a time\(hint); expected \(timeExample)")
        }
        let daysInMonth = stamp.month == 2 && isLeap(stamp.year)
            ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][max(0, min(11, stamp.month - 1))]
        let problem: String? =
            !(1...12).contains(stamp.month) ? "month \(stamp.month) is not 1…12"
            : !(1...daysInMonth).contains(stamp.day)
                ? "day \(stamp.day) is not 1…\(daysInMonth) for month \(stamp.month) of \(stamp.year)"
            : stamp.hour > 23 ? "hour \(stamp.hour) is not 0…23"
            : stamp.minute > 59 ? "minute \(stamp.minute) is not 0…59"
            : stamp.second > 59 ? "second \(stamp.second) is not 0…59"
            : nil
        if let problem {
            throw TraceFileError(
                file: file, line: line, column: "time",
                message: "\"\(text)\" is not a valid time: \(problem); expected \(timeExample)")
        }
        return stamp
    }

    private static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date
    /// algorithms", `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSinceEpoch` (Hinnant, `civil_from_days`).
    private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `seconds` as `5 min`, `1 h 30 min`, `10 s`, `2 d`.
    private static func duration(_ seconds: Int) -> String {
        guard seconds > 0 else { return "\(seconds) s" }
        let parts = [(seconds / 86_400, "d"), (seconds % 86_400 / 3600, "h"), (seconds % 3600 / 60, "min"),
                     (seconds % 60, "s")]
        return parts.filter { $0.0 != 0 }.map { "\($0.0) \($0.1)" }.joined(separator: " ")
    }

    // MARK: Values

    private static func parseValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                   quantity: RegularTrace.Quantity, line: Int, file: String,
                                   column: String) throws(TraceFileError) -> Double {
        let expected = switch quantity {
        case .utilization: "a utilisation 0…1"
        case .powerKilowatts: "a power in kW ≥ 0"
        case .gramsPerKilowattHour: "a carbon intensity in g/kWh ≥ 0"
        case .megawatts: "a heat power in MW ≥ 0"
        case .eurosPerMegawattHour: "a price in €/MWh"
        }
        guard let value = DecimalParser.parse(bytes, range.lowerBound, range.upperBound) else {
            var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            text = text.trimmingCharacters(in: .whitespaces)
            throw TraceFileError(
                file: file, line: line, column: column,
                message: text.isEmpty
                    ? "is empty; expected \(expected) in every row (fill gaps in the telemetry before exporting)"
                    : "\"\(text)\" is not a number; expected \(expected)")
        }
        switch quantity {
        case .utilization:
            guard value >= 0 && value <= 1 else {
                let hint = value >= 2 && value <= 100 ? " (a percentage? divide by 100)" : ""
                throw TraceFileError(
                    file: file, line: line, column: column,
                    message: "\(formatted(value)) is outside 0…1\(hint); expected \(expected)")
            }
        case .eurosPerMegawattHour:
            break
        case .powerKilowatts, .gramsPerKilowattHour, .megawatts:
            guard value >= 0 else {
                throw TraceFileError(
                    file: file, line: line, column: column, message: "\(formatted(value)) is negative; expected \(expected)")
            }
        }
        let limit = InputLimits.maximumTraceMagnitude(quantity)
        guard abs(value) <= limit else {
            throw TraceFileError(file: file, line: line, column: column,
                                 message: "\(formatted(value)) is not a physical value (magnitude above \(formatted(limit))); expected \(expected)")
        }
        return value
    }

    /// `85` rather than `85.0`; other values as Swift prints them.
    private static func formatted(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
