import Foundation
import HeatLoop

/// A weather file that cannot be used, with where and why (an invalid-input error: the CLI exits 2).
///
/// `description` reads like a compiler diagnostic:
/// `Weather/x.epw:125: field 7 (dry bulb temperature, °C): "1x.2" is not a number; expected …`.
public struct WeatherFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the user named it.
    public var file: String
    /// 1-based line number in the file (header lines included), when the problem is on one line.
    public var line: Int?
    /// 1-based position of the comma-separated field on that line, when one field is at fault.
    public var fieldNumber: Int?
    /// What the field holds (`dry bulb temperature, °C`), or which fields are involved.
    public var fieldName: String?
    /// What is wrong and what would be valid.
    public var message: String

    public init(file: String, line: Int? = nil, fieldNumber: Int? = nil, fieldName: String? = nil,
                message: String) {
        self.file = file
        self.line = line
        self.fieldNumber = fieldNumber
        self.fieldName = fieldName
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        switch (fieldNumber, fieldName) {
        case let (number?, name?): text += "field \(number) (\(name)): "
        case let (number?, nil): text += "field \(number): "
        case let (nil, name?): text += "\(name): "
        case (nil, nil): break
        }
        return text + message
    }
}

/// Reads EnergyPlus weather files (EPW) into an hourly `WeatherSeries`.
///
/// Layout (EnergyPlus Auxiliary Programs, "Weather Converter Program", EPW data dictionary): 8 header
/// lines — `LOCATION` (city, state, country, source, WMO, latitude, longitude, time zone, elevation) first,
/// `DATA PERIODS` last — then one comma-separated row of at least 35 fields per hour: 8760 rows, or 8784
/// in a leap-year file, whose 29 February rows are dropped so every year maps onto 365 days.
///
/// Fields used, by 1-based position in the row (the dictionary's N-numbers in brackets; position 6 is
/// the data-source flags): year 1, month 2, day 3, hour 4 (1…24, the hour ending then), minute 5,
/// dry bulb 7 [N6] °C, dew point 8 [N7] °C, relative humidity 9 [N8] %, station pressure 10 [N9] Pa,
/// wind speed 22 [N21] m/s.
///
/// Missing values — the EPW codes (≥ 99.9 °C, ≥ 999 %, ≥ 999 999 Pa, ≥ 999 m/s) and, as EnergyPlus does,
/// values outside the dictionary's ranges (temperatures −70…70 °C exclusive, RH 0…110 %, pressure
/// 31 000…120 000 Pa exclusive, wind 0…40 m/s) — are filled by linear interpolation over the hour index
/// (the year wraps) and counted in `filledValues` (`dry_bulb`, `dew_point`, `relative_humidity`,
/// `pressure`, `wind_speed`). A gap longer than 24 h, or a column without any valid value, is an error,
/// except pressure missing everywhere: then the standard pressure at the LOCATION elevation is used
/// (ASHRAE Fundamentals 2017 ch. 1 eq. 3) and all 8760 values count as filled. A dew point above the
/// dry bulb is set to the dry bulb (saturation) and reported in `corrections`. Only regular files are
/// opened (a FIFO or a device is rejected before reading).
public enum EPWReader {
    /// Header lines before the first data row.
    public static let headerLineCount = 8
    /// Fields a data row must have.
    public static let minimumFieldCount = 35
    /// Longest run of missing hourly values that is filled by interpolation, h.
    public static let maximumFilledGap = 24

    /// Reads and parses the EPW file at `path` (see `EPWReader`); throws when it is missing, unreadable
    /// or malformed.
    public static func read(path: String) throws(WeatherFileError) -> WeatherSeries {
        // A FIFO or a device would block or never end: only regular files are opened.
        if let problem = InputFile.problem(at: path) {
            throw WeatherFileError(file: path, message: "\(problem); expected the path of an EPW weather file (*.epw)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WeatherFileError(file: path, message: "cannot be read (check the file's permissions)")
        }
        let outcome = data.withUnsafeBytes { raw -> Result<WeatherSeries, WeatherFileError> in
            do throws(WeatherFileError) {
                return .success(try parse(bytes: raw.bindMemory(to: UInt8.self), file: path))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Parses EPW `text`; `file` names it in error messages.
    public static func parse(text: String, file: String) throws(WeatherFileError) -> WeatherSeries {
        var text = text
        let outcome = text.withUTF8 { bytes -> Result<WeatherSeries, WeatherFileError> in
            do throws(WeatherFileError) {
                return .success(try parse(bytes: bytes, file: file))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    // MARK: - Parsing

    /// The columns read from each row, by 1-based field position.
    private enum Field {
        static let year = 1, month = 2, day = 3, hour = 4, minute = 5
        static let dryBulb = 7, dewPoint = 8, relativeHumidity = 9, pressure = 10, windSpeed = 22

        static func name(_ position: Int) -> String {
            switch position {
            case year: "year"
            case month: "month"
            case day: "day"
            case hour: "hour"
            case minute: "minute"
            case dryBulb: "dry bulb temperature, °C"
            case dewPoint: "dew point temperature, °C"
            case relativeHumidity: "relative humidity, %"
            case pressure: "atmospheric station pressure, Pa"
            case windSpeed: "wind speed, m/s"
            default: "field \(position)"
            }
        }

        static func example(_ position: Int) -> String {
            switch position {
            case year: "a year such as 1986"
            case month: "a month 1…12"
            case day: "a day of the month 1…31"
            case hour: "an hour 1…24"
            case minute: "a minute 0…60"
            case dryBulb, dewPoint: "a temperature in °C such as -3.5 (99.9 = missing)"
            case relativeHumidity: "a relative humidity in % such as 73 (999 = missing)"
            case pressure: "a pressure in Pa such as 99500 (999999 = missing)"
            case windSpeed: "a wind speed in m/s such as 2.6 (999 = missing)"
            default: "a number"
            }
        }
    }

    /// One value column: its output name, its field position, and its values with NaN marking the
    /// missing ones (filled in place).
    private struct Column {
        var name: String
        var position: Int
        var values: [Double]
        var filled = 0
    }

    private static let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    private static let carriageReturn = UInt8(ascii: "\r")
    private static let comma = UInt8(ascii: ","), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Parses the file in stages: the header lines (LOCATION, DATA PERIODS), every data row into
    /// `DataRows` (numbers, date checks, chronological order), the row count, then the gap filling
    /// into a `WeatherSeries`.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(WeatherFileError) -> WeatherSeries {
        var lines = LineScanner(bytes)
        var location: WeatherLocation?
        var rows = DataRows(capacity: WeatherSeries.hoursPerYear)
        while let line = lines.next() {
            let lineStart = line.start, lineEnd = line.end, lineNumber = lines.lineNumber
            if lineNumber <= headerLineCount {
                if lineNumber == 1 {
                    location = try parseLocation(bytes, lineStart, lineEnd, file: file)
                } else if lineNumber == headerLineCount {
                    try checkDataPeriods(bytes, lineStart, lineEnd, file: file)
                }
                continue
            }
            if isBlank(bytes, lineStart, lineEnd) { continue }
            try rows.add(bytes, lineStart, lineEnd, line: lineNumber, file: file)
        }

        guard lines.lineNumber >= headerLineCount, let location else {
            let count = lines.lineNumber
            throw WeatherFileError(
                file: file,
                message: "has \(count) line\(count == 1 ? "" : "s"); expected an EPW file: "
                    + "\(headerLineCount) header lines (LOCATION … DATA PERIODS) and 8760 hourly rows")
        }
        try rows.checkCount(file: file)
        return try series(rows, location: location, file: file)
    }

    /// The data rows read so far: the five value columns (NaN marks a missing value), the line of every
    /// row kept, and what the checks across rows need.
    private struct DataRows {
        var dryBulb = [Double](), dewPoint = [Double](), humidity = [Double](), pressure = [Double](), wind = [Double]()
        /// The file line of each kept row (for gap messages).
        var lines = [Int32]()
        /// Data rows seen, 29 February included, and the lines of the first and last.
        var count = 0, firstLine = 0, lastLine = 0
        /// The previous row's `(month · 100 + day) · 100 + hour`, its line and its date.
        var previousKey = 0, previousLine = 0
        var previousDate = (month: 0, day: 0, hour: 0)

        init(capacity: Int) {
            dryBulb.reserveCapacity(capacity)
            dewPoint.reserveCapacity(capacity)
            humidity.reserveCapacity(capacity)
            pressure.reserveCapacity(capacity)
            wind.reserveCapacity(capacity)
            lines.reserveCapacity(capacity)
        }

        /// Reads the data row in `bytes[start..<end]`: its numbers, its date (valid, later than the
        /// previous row's), then its values unless it is on 29 February (dropped: the year maps onto
        /// 365 days).
        @inline(__always)
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int,
                          file: String) throws(WeatherFileError) {
            count += 1
            if firstLine == 0 { firstLine = line }
            lastLine = line
            let row = try scanRow(bytes, start, end, line: line, file: file)
            let date = try checkedDate(row, line: line, file: file)
            try checkOrder(date, line: line, file: file)
            if date.month == 2 && date.day == 29 { return }
            append(row, line: line)
        }

        /// Throws unless the row's `date` comes after the previous row's; then remembers it.
        @inline(__always)
        mutating func checkOrder(_ date: (month: Int, day: Int, hour: Int), line: Int,
                                 file: String) throws(WeatherFileError) {
            let key = (date.month * 100 + date.day) * 100 + date.hour
            if key <= previousKey {
                let found = "\(date.month)/\(date.day) hour \(date.hour)"
                let before = "\(previousDate.month)/\(previousDate.day) hour \(previousDate.hour)"
                throw WeatherFileError(
                    file: file, line: line, fieldName: "month, day, hour (fields 2–4)",
                    message: "rows are not in chronological order: \(found) (month/day) comes after \(before) "
                        + "on line \(previousLine)"
                        + (key == previousKey ? " (sub-hourly EPW files are not supported)" : "")
                        + "; expected one row per hour from 1/1 hour 1 to 12/31 hour 24")
            }
            previousKey = key
            previousLine = line
            previousDate = date
        }

        /// Appends the row's values; missing codes and values outside the EPW dictionary's ranges become
        /// NaN, filled later (`fillGaps`).
        @inline(__always)
        mutating func append(_ row: Row, line: Int) {
            dryBulb.append(row.dryBulb > -70 && row.dryBulb < 70 ? row.dryBulb : .nan)
            dewPoint.append(row.dewPoint > -70 && row.dewPoint < 70 ? row.dewPoint : .nan)
            humidity.append(row.humidity >= 0 && row.humidity <= 110 ? row.humidity : .nan)
            pressure.append(row.pressure > 31_000 && row.pressure < 120_000 ? row.pressure : .nan)
            wind.append(row.wind >= 0 && row.wind <= 40 ? row.wind : .nan)
            lines.append(Int32(truncatingIfNeeded: line))
        }

        /// Throws unless exactly one year of hours was kept (8760; 8784 rows less 29 February).
        func checkCount(file: String) throws(WeatherFileError) {
            let hours = WeatherSeries.hoursPerYear
            guard dryBulb.count != hours else { return }
            let span = count == 0 ? "" : " (lines \(firstLine)–\(lastLine))"
            let leap = count - dryBulb.count
            let dropped = leap > 0 ? ", \(leap) of them on 29 February (dropped)" : ""
            throw WeatherFileError(
                file: file,
                message: "found \(count) hourly data row\(count == 1 ? "" : "s")\(span)\(dropped); "
                    + "expected 8760 (or 8784 in a leap-year file)"
                    + (dryBulb.count < hours ? " — is the file truncated?" : ""))
        }
    }

    /// The row's month, day and hour after checking every date field is a whole number in its range
    /// (the day for its month; minute and year are checked, not used).
    @inline(__always)
    private static func checkedDate(_ row: Row, line: Int,
                                    file: String) throws(WeatherFileError) -> (month: Int, day: Int, hour: Int) {
        let month = try integer(row.month, in: 1...12, field: Field.month, line: line, file: file)
        let day = try integer(
            row.day, in: 1...daysInMonth[month - 1], field: Field.day, line: line, file: file,
            context: " for month \(month)")
        let hour = try integer(row.hour, in: 1...24, field: Field.hour, line: line, file: file)
        _ = try integer(row.minute, in: 0...60, field: Field.minute, line: line, file: file)
        _ = try integer(row.year, in: Int(Int32.min)...Int(Int32.max), field: Field.year, line: line, file: file)
        return (month, day, hour)
    }

    /// The year's series from the rows: each column's gaps filled by interpolation, except pressure
    /// missing everywhere, which becomes the standard pressure at the LOCATION elevation.
    private static func series(_ rows: consuming DataRows, location: WeatherLocation,
                               file: String) throws(WeatherFileError) -> WeatherSeries {
        let hours = WeatherSeries.hoursPerYear
        var columns = [
            Column(name: "dry_bulb", position: Field.dryBulb, values: rows.dryBulb),
            Column(name: "dew_point", position: Field.dewPoint, values: rows.dewPoint),
            Column(name: "relative_humidity", position: Field.relativeHumidity, values: rows.humidity),
            Column(name: "pressure", position: Field.pressure, values: rows.pressure),
            Column(name: "wind_speed", position: Field.windSpeed, values: rows.wind),
        ]
        for index in columns.indices {
            if columns[index].position == Field.pressure, columns[index].values.allSatisfy(\.isNaN) {
                let standard = Psychrometrics.standardPressure(elevation: location.elevation)
                columns[index].values = [Double](repeating: standard, count: hours)
                columns[index].filled = hours
                continue
            }
            try fillGaps(&columns[index], lines: rows.lines, file: file)
        }
        var filledValues: [String: Int] = [:]
        for column in columns where column.filled > 0 { filledValues[column.name] = column.filled }
        let correction = capDewPoint(&columns[1].values, dryBulb: columns[0].values, lines: rows.lines, file: file)
        var weather = WeatherSeries(
            location: location, dryBulb: columns[0].values, dewPoint: columns[1].values,
            relativeHumidity: columns[2].values, pressure: columns[3].values, windSpeed: columns[4].values,
            filledValues: filledValues)
        weather.corrections = correction.map { [$0] } ?? []
        return weather
    }

    /// Air cannot hold more water than at saturation, where the dew point equals the dry bulb: a dew point
    /// above the dry bulb (a station or conversion error) is set to the dry bulb, and the rows counted in
    /// the returned warning (file, first line, largest excess). Nothing changes in a consistent file.
    private static func capDewPoint(_ dewPoint: inout [Double], dryBulb: [Double], lines: [Int32],
                                    file: String) -> String? {
        var count = 0, firstLine = 0, largest = 0.0
        for hour in dewPoint.indices where dewPoint[hour] > dryBulb[hour] {
            if count == 0 { firstLine = hour < lines.count ? Int(lines[hour]) : 0 }
            count += 1
            largest = max(largest, dewPoint[hour] - dryBulb[hour])
            dewPoint[hour] = dryBulb[hour]
        }
        guard count > 0 else { return nil }
        return "\(file):\(firstLine): \(count) hourly dew point\(count == 1 ? "" : "s") above the dry bulb "
            + "(up to \(String(format: "%.1f", largest)) K) set to the dry bulb (saturated air)"
    }

    /// The values used from one data row (see `Field`).
    private struct Row {
        var year = 0.0, month = 0.0, day = 0.0, hour = 0.0, minute = 0.0
        var dryBulb = 0.0, dewPoint = 0.0, humidity = 0.0, pressure = 0.0, wind = 0.0
    }

    /// Scans the data row in `bytes[start..<end]` once: parses the fields used and checks there are at
    /// least 35. A short row is reported before a bad number (a truncated line explains both).
    @inline(__always)
    private static func scanRow(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int,
                                file: String) throws(WeatherFileError) -> Row {
        var row = Row()
        var badField = 0
        var field = 1
        var fieldStart = start
        var cursor = start
        while true {
            let atEnd = cursor == end
            if atEnd || bytes[cursor] == comma {
                switch field {
                case Field.year...Field.minute, Field.dryBulb...Field.pressure, Field.windSpeed:
                    if let value = DecimalParser.parse(bytes, fieldStart, cursor) {
                        switch field {
                        case Field.year: row.year = value
                        case Field.month: row.month = value
                        case Field.day: row.day = value
                        case Field.hour: row.hour = value
                        case Field.minute: row.minute = value
                        case Field.dryBulb: row.dryBulb = value
                        case Field.dewPoint: row.dewPoint = value
                        case Field.relativeHumidity: row.humidity = value
                        case Field.pressure: row.pressure = value
                        default: row.wind = value
                        }
                    } else if badField == 0 {
                        badField = field
                    }
                default: break
                }
                if atEnd || field == minimumFieldCount { break }
                field += 1
                fieldStart = cursor + 1
            }
            cursor += 1
        }
        if field < minimumFieldCount {
            throw WeatherFileError(
                file: file, line: line,
                message: "data row has \(field) field\(field == 1 ? "" : "s"); expected at least "
                    + "\(minimumFieldCount) comma-separated fields (year, month, day, hour, minute, "
                    + "data source, dry bulb, …) — is the line truncated?")
        }
        if badField != 0 {
            let text = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[fieldRange(bytes, start, end, field: badField)]),
                as: UTF8.self)
            throw WeatherFileError(
                file: file, line: line, fieldNumber: badField, fieldName: Field.name(badField),
                message: "\"\(text)\" is not a number; expected \(Field.example(badField))")
        }
        return row
    }

    /// Fills NaN runs by linear interpolation between the valid neighbours, wrapping at the year's end.
    private static func fillGaps(_ column: inout Column, lines: [Int32], file: String) throws(WeatherFileError) {
        let count = column.values.count
        guard let firstValid = column.values.firstIndex(where: { !$0.isNaN }) else {
            throw WeatherFileError(
                file: file, fieldNumber: column.position, fieldName: Field.name(column.position),
                message: "no valid value in any row; expected \(Field.example(column.position))")
        }
        var lastValid = firstValid  // unrolled position: index = position % count
        for position in (firstValid + 1)...(firstValid + count) {
            let index = position % count
            guard !column.values[index].isNaN else { continue }
            let gap = position - lastValid - 1
            if gap > maximumFilledGap {
                let first = (lastValid + 1) % count, last = (position - 1) % count
                throw WeatherFileError(
                    file: file, line: Int(lines[first]), fieldNumber: column.position,
                    fieldName: Field.name(column.position),
                    message: "\(gap) consecutive hours are missing (lines \(lines[first])–\(lines[last])); "
                        + "at most \(maximumFilledGap) h can be filled by interpolation — expected "
                        + Field.example(column.position))
            }
            if gap > 0 {
                let start = column.values[lastValid % count], stop = column.values[index]
                for step in 1...gap {
                    let weight = Double(step) / Double(gap + 1)
                    column.values[(lastValid + step) % count] = start + (stop - start) * weight
                }
                column.filled += gap
            }
            lastValid = position
        }
    }

    /// The byte range of the 1-based `field` within a line (for error messages).
    private static func fieldRange(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                   field: Int) -> Range<Int> {
        var current = 1, fieldStart = start, cursor = start
        while cursor < end {
            if bytes[cursor] == comma {
                if current == field { return fieldStart..<cursor }
                current += 1
                fieldStart = cursor + 1
            }
            cursor += 1
        }
        return current == field ? fieldStart..<end : end..<end
    }

    /// An integral value within `range`, or an error naming the field.
    private static func integer(_ value: Double, in range: ClosedRange<Int>, field: Int, line: Int,
                                file: String, context: String = "") throws(WeatherFileError) -> Int {
        guard value.rounded() == value, value >= Double(range.lowerBound), value <= Double(range.upperBound)
        else {
            throw WeatherFileError(
                file: file, line: line, fieldNumber: field, fieldName: Field.name(field),
                message: "\(formatted(value)) is out of range\(context); expected a whole number "
                    + "\(range.lowerBound)…\(range.upperBound)")
        }
        return Int(value)
    }

    private static func formatted(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            if byte != space && byte != tab && byte != carriageReturn { return false }
            cursor += 1
        }
        return true
    }

    /// The comma-separated fields of one header line, trimmed.
    private static func headerFields(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [String] {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            .split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Line 1: `LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation`.
    private static func parseLocation(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                      file: String) throws(WeatherFileError) -> WeatherLocation {
        var first = start
        if end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
            first += 3  // UTF-8 byte-order mark
        }
        let fields = headerFields(bytes, first, end)
        guard fields.first?.uppercased() == "LOCATION" else {
            let found = fields.first.map { String($0.prefix(40)) } ?? ""
            throw WeatherFileError(
                file: file, line: 1, fieldNumber: 1, fieldName: "record name",
                message: "\"\(found)\" found; an EPW file starts with the LOCATION record "
                    + "(LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation)")
        }
        let numbers: [(position: Int, name: String, range: ClosedRange<Double>, unit: String)] = [
            (7, "latitude, °N", -90...90, "degrees north, −90…90"),
            (8, "longitude, °E", -180...180, "degrees east, −180…180"),
            (9, "time zone, h from UTC", -12...14, "hours from UTC, −12…14"),
            (10, "elevation, m", -1000...9999.9, "metres above sea level, −1000…9999.9"),
        ]
        var values: [Double] = []
        for entry in numbers {
            guard entry.position <= fields.count else {
                throw WeatherFileError(
                    file: file, line: 1, fieldNumber: entry.position, fieldName: entry.name,
                    message: "missing (the LOCATION record has \(fields.count) fields); expected 10: "
                        + "LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation")
            }
            let text = fields[entry.position - 1]
            guard let value = Double(text), value.isFinite, entry.range.contains(value) else {
                throw WeatherFileError(
                    file: file, line: 1, fieldNumber: entry.position, fieldName: entry.name,
                    message: "\"\(text)\" is not valid; expected a number in \(entry.unit)")
            }
            values.append(value)
        }
        return WeatherLocation(
            city: fields.count > 1 ? fields[1] : "", country: fields.count > 3 ? fields[3] : "",
            latitude: values[0], longitude: values[1], timeZone: values[2], elevation: values[3])
    }

    /// Line 8: `DATA PERIODS,count,records per hour,…`; only hourly files are supported.
    private static func checkDataPeriods(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                         file: String) throws(WeatherFileError) {
        let fields = headerFields(bytes, start, end)
        guard fields.first?.uppercased() == "DATA PERIODS" else {
            let found = fields.first.map { String($0.prefix(40)) } ?? ""
            throw WeatherFileError(
                file: file, line: headerLineCount, fieldNumber: 1, fieldName: "record name",
                message: "\"\(found)\" found; expected the DATA PERIODS record as the last of "
                    + "\(headerLineCount) header lines (LOCATION, DESIGN CONDITIONS, TYPICAL/EXTREME PERIODS, "
                    + "GROUND TEMPERATURES, HOLIDAYS/DAYLIGHT SAVINGS, COMMENTS 1, COMMENTS 2, DATA PERIODS)")
        }
        if fields.count > 2, let perHour = Int(fields[2]), perHour != 1 {
            throw WeatherFileError(
                file: file, line: headerLineCount, fieldNumber: 3, fieldName: "records per hour",
                message: "\(perHour) records per hour; only hourly EPW files (1) are supported")
        }
    }
}
