/// Latin hypercube sampling (McKay, Beckman and Conover 1979): n samples of d independent inputs, each
/// input's range of cumulative probability cut into n equal strata and every stratum used exactly once:
///
///     u_ij = (π_j(i) + V_ij) / n,   π_j a random permutation of 0…n−1,  V_ij ~ U[0, 1)
///
/// so every input's marginal is stratified (the mean of a monotone output converges faster than with
/// plain Monte Carlo), while the pairing across inputs is random (no correlation is imposed). Each input's
/// permutation and offsets come from its own stream `RandomGenerator(seed:stream: j)`, so adding an input
/// leaves the others' values unchanged. Values lie in (0, 1): a draw of exactly 0 is moved to 2⁻⁵⁴.
/// Source: M. D. McKay, R. J. Beckman, W. J. Conover, "A comparison of three methods for selecting values
/// of input variables in the analysis of output from a computer code", Technometrics 21 (1979) 239–245.
public enum LatinHypercube {
    /// `count` rows of `dimensions` cumulative probabilities each.
    public static func sample(count: Int, dimensions: Int, seed: UInt64) -> [[Double]] {
        var rows = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: count)
        guard count > 0 else { return rows }
        for dimension in 0..<dimensions {
            var random = RandomGenerator(seed: seed, stream: UInt64(dimension))
            var permutation = Array(0..<count)
            // Fisher–Yates, j uniform in 0…i.
            for i in stride(from: count - 1, to: 0, by: -1) {
                let j = Int(random.next() % UInt64(i + 1))
                permutation.swapAt(i, j)
            }
            for row in 0..<count {
                let u = (Double(permutation[row]) + random.uniform()) / Double(count)
                rows[row][dimension] = max(u, 0x1p-54)
            }
        }
        return rows
    }
}
