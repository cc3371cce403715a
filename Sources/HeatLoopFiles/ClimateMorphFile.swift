import Foundation
import HeatLoop

/// Belcher et al. (2005) monthly morphing factors as YAML — a morph file, or the `morph:` mapping of a
/// batch file's climate entry (DESIGN §5):
///
/// ```yaml
/// dry_bulb_delta_k:     [1.9, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.4, 2.3, 2.2, 2.1, 2.0]   # required, K
/// dry_bulb_max_delta_k: [2.1, …]   # optional, with dry_bulb_min_delta_k: change of the daily maxima, K
/// dry_bulb_min_delta_k: [1.7, …]   # change of the monthly mean daily minima, K
/// rh_delta_pct:         [-1, …]    # optional, change of relative humidity, percentage points
/// ```
///
/// Twelve numbers each, January first. Temperature changes must lie within ±30 K, RH changes within
/// ±100 points. Every problem is reported with file:line:column and the key.
public enum ClimateMorphFile {
    static let keys = ["dry_bulb_delta_k", "dry_bulb_max_delta_k", "dry_bulb_min_delta_k", "rh_delta_pct"]
    static let temperatureRange: ClosedRange<Double> = -30...30
    static let humidityRange: ClosedRange<Double> = -100...100

    /// Reads the morph file at `path`.
    public static func read(path: String) throws(SpecProblems) -> ClimateMorph.MonthlyFactors {
        try decode(text: try YAMLDocument.text(ofFile: path, what: "morph file"), file: path)
    }

    /// Decodes morph-file `text`; `file` names it in problems.
    public static func decode(text: String, file: String) throws(SpecProblems) -> ClimateMorph.MonthlyFactors {
        let log = SpecProblemLog(file: file)
        var factors: ClimateMorph.MonthlyFactors?
        if let root = YAMLDocument.parse(text: text, log: log), let object = SpecCursor(root: root, log: log).object(keys: keys) {
            factors = monthlyFactors(object)
        }
        guard log.problems.isEmpty, let factors else { throw SpecProblems(log.problems) }
        return factors
    }

    /// The factors of one mapping with `keys`; problems go to the mapping's log (nil when any).
    static func monthlyFactors(_ o: SpecMapping) -> ClimateMorph.MonthlyFactors? {
        let before = o.log.problems.count
        let mean = o.numbers("dry_bulb_delta_k", count: 12, temperatureRange)
        if !o["dry_bulb_delta_k"].isPresent {
            o.log.add(o.position, joinPath(o.path, "dry_bulb_delta_k"),
                      "missing required key 'dry_bulb_delta_k' (12 monthly changes of the mean dry bulb, K)")
        }
        let maximum = o.numbers("dry_bulb_max_delta_k", count: 12, temperatureRange)
        let minimum = o.numbers("dry_bulb_min_delta_k", count: 12, temperatureRange)
        let humidity = o.numbers("rh_delta_pct", count: 12, humidityRange)
        switch (o["dry_bulb_max_delta_k"].isPresent, o["dry_bulb_min_delta_k"].isPresent) {
        case (true, false):
            o.log.add(o.position, joinPath(o.path, "dry_bulb_min_delta_k"),
                      "missing: dry_bulb_max_delta_k is given, so dry_bulb_min_delta_k is needed too (the change "
                        + "of the mean diurnal range is their difference); give both or neither")
        case (false, true):
            o.log.add(o.position, joinPath(o.path, "dry_bulb_max_delta_k"),
                      "missing: dry_bulb_min_delta_k is given, so dry_bulb_max_delta_k is needed too (the change "
                        + "of the mean diurnal range is their difference); give both or neither")
        default: break
        }
        guard o.log.problems.count == before, let mean else { return nil }
        do {
            return try ClimateMorph.MonthlyFactors(
                dryBulbDelta: mean, dryBulbMaxDelta: maximum, dryBulbMinDelta: minimum, relativeHumidityDelta: humidity)
        } catch {
            o.log.add(o.position, o.path, error.description)
            return nil
        }
    }
}
