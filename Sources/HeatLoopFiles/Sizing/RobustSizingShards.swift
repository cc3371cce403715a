import Foundation
import HeatLoop

/// How a sizing sweep under uncertainty is split for a cluster (`heatloop slurm` on a sizing file with
/// `uncertainty:`): shard K of N runs a contiguous block of designs over every sample
/// (`RobustSizingSweep.rows(designs:)`), and a merge puts the blocks back in design order for
/// `RobustSizingOutcome(plan:uncertainty:rows:samples:)`, the same recipe a local `heatloop size` ends in.
///
/// Why designs, not samples: a design's NPV in every sample is what ranks it, and a block of designs is
/// one `rows` call. Each shard makes the samples itself, from the whole plan and the seed, so every shard
/// runs the same weather members and Latin-hypercube rows (common random numbers); it runs the cooling
/// baseline of each sample once per distinct baseline key among its designs, which neighbouring designs
/// of the grid usually share (a block repeats at most one baseline run per sample and key).
public enum RobustSizingShards {
    /// The designs of shard `index` of `count` among `designCount`: contiguous blocks whose sizes differ by
    /// at most one, in design order; empty when `count` exceeds `designCount` for some shards.
    public static func designs(shard index: Int, of count: Int, designCount: Int) -> Range<Int> {
        (designCount * index / count)..<(designCount * (index + 1) / count)
    }

    /// A block of designs in words: "design capacity_mw-8", "designs capacity_mw-4 … capacity_mw-12".
    public static func describe(_ designs: Range<Int>, of plan: SizingPlan) -> String {
        guard let first = designs.first, let last = designs.last else { return "no design" }
        return first == last ? "design \(plan.designs[first].id)" : "designs \(plan.designs[first].id) … \(plan.designs[last].id)"
    }

    /// SHA-256 of what a shard's rows are made from: the sizing file's text (its grid, `uncertainty:` and
    /// seed), every design's inputs hash (its site as designed, weather file and step) and the bytes of the
    /// uncertainty's weather files. A merge refuses shards whose fingerprint differs from the plan's now,
    /// so rows of an edited file or site never mix with new ones.
    public static func fingerprint(_ plan: SizingPlan) throws(InputError) -> String {
        var text = (try? String(contentsOfFile: plan.path, encoding: .utf8)) ?? ""
        text += plan.designs.map(\.scenario.inputsHash).joined(separator: "\n")
        if case .files(let paths)? = plan.spec.uncertainty?.weather {
            for path in paths {
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    throw .batch(SpecProblems([SpecProblem(file: plan.path, line: nil, column: nil, keyPath: "uncertainty.weather",
                                                           message: "cannot read the weather file \(path)")]))
                }
                text += "\n" + SHA256.hex(bytes)
            }
        }
        return SHA256.hex(Array(text.utf8))
    }
}
