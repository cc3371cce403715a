import Foundation
import HeatLoop
import HeatLoopOutput

/// Writes an hourly `WeatherSeries` (typically morphed by a `ClimateMorph`) as an EnergyPlus weather file,
/// using the EPW file it was read from as the template.
///
/// Everything but three fields is copied byte for byte: the 8 header lines (optionally with a note
/// appended to `COMMENTS 2`), line endings, blank lines, and every data row except dry bulb (field 7, °C),
/// dew point (field 8, °C) and relative humidity (field 9, %) — 1-based comma positions, as in
/// `EPWReader`. Those are written as EPW files write them: temperatures with one decimal (`-12.2`),
/// RH as a whole number (`73`). A field whose value is unchanged at that precision keeps its original
/// text, so writing an unmorphed series reproduces those fields exactly (values the reader filled in for
/// missing codes are written as filled). Because the values are rounded independently with the same
/// rule, a dew point ≤ dry bulb stays ≤ after rounding.
///
/// Leap-year templates: the reader drops 29 February, so the series has no values for it; those 24 rows
/// get the series values of the same hours on 28 February (EnergyPlus skips 29 February unless a run
/// period asks for a leap year).
///
/// Source: EnergyPlus Auxiliary Programs, "Weather Converter Program", EPW data dictionary (field order
/// and missing codes); the format EnergyPlus itself reads with `WeatherManager`.
public enum EPWWriter {
    /// Data-row fields replaced (1-based comma positions).
    public static let dryBulbField = 7, dewPointField = 8, relativeHumidityField = 9

    /// The EPW text of `weather` laid out like `template` (the EPW text the series was read from);
    /// `templateFile` names the template in errors. `comment` (commas become semicolons) is appended to
    /// the `COMMENTS 2` header line. Throws when the template's data rows do not match the series
    /// (8760 rows besides 29 February) or a row has fewer than 9 fields.
    public static func render(weather: WeatherSeries, template: String, templateFile: String,
                              comment: String? = nil) throws(WeatherFileError) -> String {
        let hours = weather.dryBulb.count
        guard weather.dewPoint.count == hours, weather.relativeHumidity.count == hours else {
            throw WeatherFileError(file: templateFile, message: "the weather series' columns differ in length")
        }
        // Split on the byte: in a String "\r\n" is one Character and would not split on "\n".
        var lines = template.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(Substring($0)) }
        var row = 0
        for index in lines.indices {
            let lineNumber = index + 1
            var line = lines[index]
            let carriageReturn = line.hasSuffix("\r")
            if carriageReturn { line.removeLast() }
            if lineNumber <= EPWReader.headerLineCount {
                if lineNumber == 7, let comment, line.uppercased().hasPrefix("COMMENTS 2") {
                    let note = comment.replacingOccurrences(of: ",", with: ";")
                        .components(separatedBy: .newlines).joined(separator: " ")
                    line += (line.hasSuffix(",") ? " " : " -- ") + note
                    lines[index] = line + (carriageReturn ? "\r" : "")
                }
                continue
            }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= relativeHumidityField else {
                throw WeatherFileError(
                    file: templateFile, line: lineNumber,
                    message: "data row has \(fields.count) fields; expected at least \(EPWReader.minimumFieldCount)")
            }
            let month = Int(fields[1].trimmingCharacters(in: .whitespaces))
            let day = Int(fields[2].trimmingCharacters(in: .whitespaces))
            let source: Int
            if month == 2, day == 29 {
                // 28 February, same hour: day of year 58 (0-based), hour field 1…24.
                let hour = Int(fields[3].trimmingCharacters(in: .whitespaces)) ?? 1
                source = 58 * 24 + min(max(hour, 1), 24) - 1
            } else {
                source = row
                row += 1
            }
            guard source < hours else {
                throw WeatherFileError(
                    file: templateFile, line: lineNumber,
                    message: "more data rows than the \(hours) hours of the weather series; expected the EPW "
                        + "file the series was read from")
            }
            replace(&fields[dryBulbField - 1], with: temperatureText(weather.dryBulb[source]))
            replace(&fields[dewPointField - 1], with: temperatureText(weather.dewPoint[source]))
            replace(&fields[relativeHumidityField - 1], with: humidityText(weather.relativeHumidity[source]))
            lines[index] = fields.joined(separator: ",") + (carriageReturn ? "\r" : "")
        }
        guard row == hours else {
            throw WeatherFileError(
                file: templateFile,
                message: "has \(row) hourly data rows (29 February not counted); the weather series has \(hours); "
                    + "expected the EPW file the series was read from")
        }
        return lines.joined(separator: "\n")
    }

    /// Renders `weather` on the template EPW at `templatePath` (see `render`) and writes it to `path`
    /// atomically (`AtomicOutput`: a unique temporary file, synced, checked, renamed over `path`; an
    /// existing file is replaced only by a complete one). The folder must exist.
    public static func write(weather: WeatherSeries, templatePath: String, to path: String,
                             comment: String? = nil, interruption: Interruption? = nil) throws(WeatherFileError) {
        guard let data = FileManager.default.contents(atPath: templatePath) else {
            throw WeatherFileError(file: templatePath, message: "cannot be read (missing or not readable)")
        }
        let text = try render(
            weather: weather, template: String(decoding: data, as: UTF8.self), templateFile: templatePath,
            comment: comment)
        try AtomicOutput.publish(Data(text.utf8), to: path, interruption: interruption) {
            WeatherFileError(file: path, message: "cannot be written: \($0)")
        }
    }

    /// A temperature as EPW writes it, °C with one decimal (`-12.2`, `0.0`); non-finite → `99.9` (missing).
    public static func temperatureText(_ celsius: Double) -> String {
        guard celsius.isFinite else { return "99.9" }
        let text = String(format: "%.1f", celsius)
        return text == "-0.0" ? "0.0" : text
    }

    /// A relative humidity as EPW writes it, a whole percentage (`73`); non-finite → `999` (missing).
    public static func humidityText(_ percent: Double) -> String {
        guard percent.isFinite else { return "999" }
        return String(Int(min(max(percent, -1e9), 1e9).rounded()))
    }

    /// Replaces `field` by `text` unless both read as the same number (keeps `5` vs `5.0`, `-0.0`, spaces).
    private static func replace(_ field: inout String, with text: String) {
        if let old = Double(field.trimmingCharacters(in: .whitespaces)), let new = Double(text), old == new { return }
        field = text
    }
}
