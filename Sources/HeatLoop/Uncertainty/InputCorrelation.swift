/// A target Spearman rank correlation between two uncertain inputs (an uncertainty section's
/// `correlations:`), imposed on the Latin hypercube by `ImanConover`; inputs not paired stay independent.
public struct InputCorrelation: Sendable, Equatable {
    /// Key paths of the two inputs (each one of the section's `inputs`).
    public var first: String
    public var second: String
    /// Target rank correlation, −1 < ρ < 1.
    public var rank: Double

    public init(first: String, second: String, rank: Double) {
        self.first = first
        self.second = second
        self.rank = rank
    }

    /// The k × k target matrix of `inputs`: 1 on the diagonal, ρ for each pair given (both ways), 0 elsewhere.
    public static func matrix(_ correlations: [InputCorrelation], inputs: [String]) -> [[Double]] {
        var matrix = inputs.indices.map { i in inputs.indices.map { $0 == i ? 1.0 : 0.0 } }
        for pair in correlations {
            guard let i = inputs.firstIndex(of: pair.first), let j = inputs.firstIndex(of: pair.second) else { continue }
            matrix[i][j] = pair.rank
            matrix[j][i] = pair.rank
        }
        return matrix
    }

    /// Why `correlations` cannot hold together (a matrix that is not positive definite, e.g. a strongly
    /// correlated with b and c but b and c strongly anti-correlated); nil when they can.
    public static func problem(_ correlations: [InputCorrelation], inputs: [String]) -> String? {
        guard !correlations.isEmpty, ImanConover.cholesky(matrix(correlations, inputs: inputs)) == nil else { return nil }
        return "these rank correlations contradict each other (their matrix is not positive definite); weaken some of them"
    }
}
