import Foundation

/// Rank correlation imposed on independent samples by the method of Iman and Conover (1982): each input's
/// column is only reordered, so its marginal (every Latin-hypercube stratum used once) is kept exactly,
/// while the pairing across inputs takes the target Spearman rank correlation C:
///
///     R      n × k scores: each column a random permutation of a_i = Φ⁻¹(i/(n + 1)), i = 1…n
///     T      the sample correlation of R (≈ I);  T = Q Qᵀ,  C = P Pᵀ  (Cholesky, lower triangular)
///     R*     = R Sᵀ with S = P Q⁻¹, so that corr(R*) = C exactly (Pearson, on the scores)
///     column j of the samples is rearranged to have the ranks of column j of R*
///
/// The achieved rank correlation is close to C (van der Waerden scores make Pearson on R* ≈ Spearman);
/// its error shrinks as n grows. When T is singular (n ≤ k) the correction Q⁻¹ is left out (S = P), as in
/// Iman and Conover's original form. Seeded: column j's permutation is drawn from its own stream.
/// Source: R. L. Iman, W. J. Conover, "A distribution-free approach to inducing rank correlation among
/// input variables", Commun. Stat. Simul. Comput. 11 (1982) 311–334.
public enum ImanConover {
    /// `rows` (n samples of k inputs) with each column reordered to rank correlation `target` (k × k,
    /// symmetric, unit diagonal, positive definite: `InputCorrelation.matrix`). Unchanged for n < 2.
    public static func rearrange(_ rows: [[Double]], target: [[Double]], seed: UInt64) -> [[Double]] {
        let n = rows.count, k = target.count
        guard n > 1, k > 1, rows.allSatisfy({ $0.count == k }), let p = cholesky(target) else { return rows }
        let scores = (1...n).map { Distribution.standardNormalQuantile(Double($0) / Double(n + 1)) }
        var r = [[Double]](repeating: [Double](repeating: 0, count: k), count: n)
        for column in 0..<k {
            var random = RandomGenerator(seed: seed, stream: 0x4943_0000 + UInt64(column))  // "IC"
            var permutation = scores
            for i in stride(from: n - 1, to: 0, by: -1) { permutation.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            for row in 0..<n { r[row][column] = permutation[row] }
        }
        let s = cholesky(pearson(r)).flatMap(invertLower).map { multiply(p, $0) } ?? p
        let correlated = r.map { row in (0..<k).map { j in (0..<k).reduce(0.0) { $0 + row[$1] * s[j][$1] } } }
        var result = rows
        for column in 0..<k {
            let order = (0..<n).sorted {
                correlated[$0][column] != correlated[$1][column] ? correlated[$0][column] < correlated[$1][column] : $0 < $1
            }
            let values = rows.map { $0[column] }.sorted()
            for (rank, row) in order.enumerated() { result[row][column] = values[rank] }
        }
        return result
    }

    /// Lower-triangular L with L Lᵀ = `a`; nil unless `a` is symmetric positive definite.
    public static func cholesky(_ a: [[Double]]) -> [[Double]]? {
        let k = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in 0...i {
                guard a[i].count == k, abs(a[i][j] - a[j][i]) < 1e-12 else { return nil }
                let sum = (0..<j).reduce(a[i][j]) { $0 - l[i][$1] * l[j][$1] }
                if i == j {
                    guard sum > 1e-12 else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        return l
    }

    /// The inverse of lower-triangular `l` (forward substitution, column by column).
    static func invertLower(_ l: [[Double]]) -> [[Double]]? {
        let k = l.count
        var inverse = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for column in 0..<k {
            for i in column..<k {
                guard l[i][i] != 0 else { return nil }
                let sum = (column..<i).reduce(i == column ? 1.0 : 0.0) { $0 - l[i][$1] * inverse[$1][column] }
                inverse[i][column] = sum / l[i][i]
            }
        }
        return inverse
    }

    static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { row in b[0].indices.map { j in row.indices.reduce(0.0) { $0 + row[$1] * b[$1][j] } } }
    }

    /// The Pearson correlation matrix of the columns of `rows`.
    static func pearson(_ rows: [[Double]]) -> [[Double]] {
        let k = rows.first?.count ?? 0
        let columns = (0..<k).map { j in rows.map { $0[j] } }
        return columns.map { x in columns.map { y in RankCorrelation.pearson(x, y) } }
    }
}

/// Correlation coefficients of paired samples.
public enum RankCorrelation {
    /// Pearson's r of `x` and `y` (same length); NaN when either is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Spearman's ρ: Pearson's r of the ranks (ties get their mean rank).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double { pearson(ranks(x), ranks(y)) }

    /// Ranks 1…n of `values`, ties given the mean of the ranks they span.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            for position in start...end { ranks[order[position]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return ranks
    }
}
