/// How a sizing sweep under uncertainty picks its design, from every design's NPV in every sample (the
/// same samples for every design: common random numbers, so differences between designs are not noise
/// of different draws).
///
///     expected NPV     max_d  mean_s NPV_d,s
///     P90 NPV          max_d  P90_s NPV_d,s           (exceeded in 90 % of samples, `Percentiles`)
///     minimax regret   min_d  max_s (max_d' NPV_d',s − NPV_d,s)
///
/// Regret is what a design gives up in a sample against the best design for that sample (Savage 1951);
/// minimax regret picks the design whose worst shortfall is smallest. Only feasible designs compete
/// (constraints on the designs' mean columns).
/// Source: L. J. Savage, "The theory of statistical decision", J. Am. Stat. Assoc. 46 (1951) 55–67.
public enum RobustCriterion: String, Sendable, CaseIterable {
    case expectedNPV = "expected_npv"
    case p90NPV = "p90_npv"
    case minimaxRegret = "minimax_regret"

    /// Words for the recommendation.
    public var label: String {
        switch self {
        case .expectedNPV: "expected NPV"
        case .p90NPV: "P90 NPV"
        case .minimaxRegret: "minimax regret"
        }
    }
}

/// The robust analysis of a sweep: per design its NPV percentiles and maximum regret, the ranking by the
/// criterion among feasible designs, the recommended design and why the runner-ups lost.
public struct RobustSizing: Sendable {
    public var criterion: RobustCriterion
    /// Per design, NPV over the samples.
    public var npv: [Percentiles]
    /// Per design, the largest regret over the samples (currency units).
    public var maximumRegret: [Double]
    /// Per design, 1-based rank among feasible designs; nil when infeasible.
    public var rank: [Int?]
    public var feasible: [Bool]

    /// `npvBySample[d][s]`: design d's NPV in sample s (every design over the same samples).
    public init(npvBySample: [[Double]], feasible: [Bool], criterion: RobustCriterion) {
        self.criterion = criterion
        self.feasible = feasible
        let npv = npvBySample.map { Percentiles($0) }
        self.npv = npv
        let samples = npvBySample.first?.count ?? 0
        let candidates = npvBySample.indices.filter { feasible[$0] }
        let best = (0..<samples).map { s in candidates.map { npvBySample[$0][s] }.filter(\.isFinite).max() ?? .nan }
        let regret = npvBySample.map { row in
            zip(best, row).map { $0 - $1 }.filter(\.isFinite).max() ?? .nan
        }
        maximumRegret = regret
        func score(_ d: Int) -> Double {
            switch criterion {
            case .expectedNPV: npv[d].mean
            case .p90NPV: npv[d].p90
            case .minimaxRegret: -regret[d]
            }
        }
        let ordered = candidates.sorted { (score($0), -$0) > (score($1), -$1) }
        var rank = [Int?](repeating: nil, count: npvBySample.count)
        for (position, design) in ordered.enumerated() { rank[design] = position + 1 }
        self.rank = rank
    }

    /// The design ranked first, if any is feasible.
    public var recommended: Int? { rank.firstIndex(of: 1) }

    /// The name of sample `sample`'s NPV column in a design table (`npv_eur_sample_000` …; three digits at
    /// least, so the columns sort in sample order).
    public static func sampleNPVColumn(_ sample: Int) -> String {
        let digits = String(sample)
        return "npv_eur_sample_" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The recommendation and the runner-ups (up to `runnerUps`) in words, amounts in `currency`.
    public func sentences(ids: [String], runnerUps: Int = 3, currency: Currency) -> [String] {
        guard let best = recommended else { return ["No design meets the constraints (on its mean over the samples; unmet_cooling_hours ≤ 0 unless the file bounds it)."] }
        func money(_ value: Double) -> String { currency.amount(value) }
        func figures(_ d: Int) -> String {
            "P90 NPV \(money(npv[d].p90)), expected \(money(npv[d].mean)), max regret \(money(maximumRegret[d]))"
        }
        var lines = ["Recommended by \(criterion.label) over \(npv[best].count) common samples: \(ids[best]) (\(figures(best)))."]
        let others = rank.indices.compactMap { d in rank[d].map { (d, $0) } }.filter { $0.1 > 1 }.sorted { $0.1 < $1.1 }.prefix(runnerUps)
        for (d, position) in others {
            let why: String = switch criterion {
            case .expectedNPV: "expected NPV \(money(npv[best].mean - npv[d].mean)) lower"
            case .p90NPV: "P90 NPV \(money(npv[best].p90 - npv[d].p90)) lower"
            case .minimaxRegret: "worst-case regret \(money(maximumRegret[d] - maximumRegret[best])) higher"
            }
            lines.append("  #\(position) \(ids[d]): lost on \(why) (\(figures(d))).")
        }
        let infeasible = feasible.filter { !$0 }.count
        if infeasible > 0 { lines.append("  \(infeasible) design(s) miss a constraint (on their mean over the samples).") }
        return lines
    }
}
