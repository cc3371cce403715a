import HeatLoop

/// A run's time series as CSV (`heatloop run --csv`), for spreadsheets and EnergyPlus users: one header
/// line, one row per step (or per hour), every 1-D series of the result in file order.
///
///     time_utc,time_local,weather/dry_bulb [degC],…,facility/pue [1]
///     2025-01-01T06:00,2025-01-01T00:00,-6.1,…,1.084
///
/// - `time_utc` and `time_local` (local standard time of the weather file): the start of the row's step
///   or hour, `YYYY-MM-DDTHH:MM`;
/// - each series as `group/name [units]` (the units as declared, `Docs/output-series.md`); per-cluster
///   series are left out (they are in the HDF5 file);
/// - hourly rows aggregate each series as its declaration says (mean, sum, maximum, Σ/Σ for ratios);
/// - numbers as Swift prints them (shortest round-trip form), `nan` where a value is not a number.
public enum ResultCSV {
    public static func text(_ document: ResultDocument, hourly: Bool) -> String {
        let series = OutputSeries.allCases.filter { $0.descriptor.dimension == .time && document.series($0) != nil }
        let stepMinutes = document.time.stepMinutes
        let columns: [[Double]] = series.map { entry in
            let values = document.series(entry)?.values.doubles ?? []
            return hourly ? SeriesAggregation.hourly(entry, stepMinutes: stepMinutes) { document.series($0)?.values.doubles ?? [] }
                : values
        }
        let rowMinutes = hourly ? 60 : stepMinutes
        let rows = columns.map(\.count).max() ?? 0
        var lines = [(["time_utc", "time_local"] + series.map { "\($0.group.rawValue)/\($0.name) [\($0.descriptor.units)]" })
            .joined(separator: ",")]
        lines.reserveCapacity(rows + 1)
        let offset = document.time.utcOffsetMinutes, year = document.time.year
        for row in 0..<rows {
            let local = row * rowMinutes
            var fields = [stamp(year: year, minutes: local - offset), stamp(year: year, minutes: local)]
            for column in columns {
                let value = row < column.count ? column[row] : .nan
                fields.append(value.isNaN ? "nan" : "\(Float(value))")
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `YYYY-MM-DDTHH:MM` of `minutes` after `year`-01-01 00:00 (any sign; proleptic Gregorian calendar).
    public static func stamp(year: Int, minutes: Int) -> String {
        let dayMinutes = 1440
        var days = daysSinceEpoch(year: year) + Int((Double(minutes) / Double(dayMinutes)).rounded(.down))
        let minuteOfDay = minutes - (Int((Double(minutes) / Double(dayMinutes)).rounded(.down))) * dayMinutes
        // Civil date from days since 1970-01-01 (H. Hinnant, "chrono-compatible low-level date algorithms").
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let civilYear = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(civilYear, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(minuteOfDay / 60, 2)):\(pad(minuteOfDay % 60, 2))"
    }

    /// Days from 1970-01-01 to `year`-01-01.
    private static func daysSinceEpoch(year: Int) -> Int {
        let y = year - 1
        return 365 * (y - 1969) + (y / 4 - 1969 / 4) - (y / 100 - 1969 / 100) + (y / 400 - 1969 / 400)
    }
}
