import Foundation
import HeatLoop

/// How a study under uncertainty is split for a cluster (`heatloop slurm` on a sizing file or a batch file
/// with `uncertainty:`): its units (a sizing sweep's designs, a batch's scenarios) all run over the same
/// samples, and shard K of N runs a contiguous block of units over every sample
/// (`RobustSizingSweep.rows(designs:)`, `BatchEnsemble.rows(scenarios:)`). A merge puts the blocks back in
/// unit order for the outcome a local run ends in (`RobustSizingOutcome(plan:uncertainty:rows:samples:)`,
/// `BatchEnsembleOutcome(plan:uncertainty:rows:)`).
///
/// Why blocks of units, not of samples: a unit's percentiles (and a design's rank) need its every sample,
/// and a block of units is one `rows` call. Each shard makes the samples itself, from the whole plan and
/// the seed, so every shard runs the same weather members and Latin-hypercube rows (common random numbers).
public enum EnsembleShards {
    /// One run's KPIs (name, units, long name, value): its annual summary, then its economics.
    public typealias Row = [(name: String, units: String, longName: String, value: Double)]

    /// The units of shard `index` of `count` among `unitCount`: contiguous blocks whose sizes differ by at
    /// most one, in unit order; empty for some shards when `count` exceeds `unitCount`.
    public static func units(shard index: Int, of count: Int, unitCount: Int) -> Range<Int> {
        (unitCount * index / count)..<(unitCount * (index + 1) / count)
    }

    /// A block of units in words, `noun` being the unit's name ("design"):
    /// "design capacity_mw-8", "designs capacity_mw-4 … capacity_mw-12".
    public static func describe(_ units: Range<Int>, ids: [String], noun: String) -> String {
        guard let first = units.first, let last = units.last else { return "no \(noun)" }
        return first == last ? "\(noun) \(ids[first])" : "\(noun)s \(ids[first]) … \(ids[last])"
    }

    /// SHA-256 of what a shard's rows are made from: the study file's text (its units, `uncertainty:` and
    /// seed), every unit's inputs hash (its site, weather file, climate and step) and the bytes of the
    /// uncertainty's weather files. A merge refuses shards whose fingerprint differs from the study's now,
    /// so rows of an edited file or site never mix with new ones.
    public static func fingerprint(file: String, inputsHashes: [String],
                                   uncertainty: UncertaintySpec) throws(InputError) -> String {
        var text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        text += inputsHashes.joined(separator: "\n")
        if case .files(let paths) = uncertainty.weather {
            for path in paths {
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    throw .batch(SpecProblems([SpecProblem(file: file, line: nil, column: nil, keyPath: "uncertainty.weather",
                                                           message: "cannot read the weather file \(path)")]))
                }
                text += "\n" + SHA256.hex(bytes)
            }
        }
        return SHA256.hex(Array(text.utf8))
    }
}
