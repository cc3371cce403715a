/// One uncertain input of an ensemble: a site-file key path (`economics.heat_price_eur_per_mwh`,
/// `it.clusters[0].workload.constant.utilization`) and the distribution its value is drawn from, in the
/// key's unit.
public struct UncertainInput: Sendable, Equatable {
    public var keyPath: String
    public var distribution: Distribution

    public init(keyPath: String, distribution: Distribution) {
        self.keyPath = keyPath
        self.distribution = distribution
    }

    /// The values of `inputs` for `count` samples drawn jointly by Latin hypercube (`LatinHypercube`,
    /// seeded with `seed`), with `correlations` imposed on the strata (`ImanConover`; ranks survive the
    /// monotone quantile functions): row i holds sample i's value of every input, in the order of `inputs`.
    public static func sample(_ inputs: [UncertainInput], count: Int, seed: UInt64,
                              correlations: [InputCorrelation] = []) -> [[Double]] {
        var strata = LatinHypercube.sample(count: count, dimensions: inputs.count, seed: seed)
        if !correlations.isEmpty {
            strata = ImanConover.rearrange(strata, target: InputCorrelation.matrix(correlations, inputs: inputs.map(\.keyPath)),
                                           seed: seed)
        }
        return strata.map { row in zip(inputs, row).map { $0.distribution.quantile($1) } }
    }
}
