import HeatLoop

/// Empirical distribution functions of sample values as step lines (one per design), with the 10 % and
/// 50 % levels dashed so P90 and P50 (exceedance convention) can be read where each curve crosses them.
enum DistributionChart {
    /// The steps of the ECDF of the finite `values`: F(x) = (number of values ≤ x) / n, rising by 1/n at
    /// each sorted value; empty when no value is finite.
    static func ecdfSteps(_ values: [Double]) -> [ChartPoint] {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return [] }
        let n = Double(sorted.count)
        var points = [ChartPoint(x: sorted[0], y: 0)]
        for (index, value) in sorted.enumerated() {
            points.append(ChartPoint(x: value, y: Double(index) / n))
            points.append(ChartPoint(x: value, y: Double(index + 1) / n))
        }
        return points
    }

    /// One ECDF per named sample set, values times `scale` (e.g. 1e-6 for M€); y in % of samples.
    static func ecdf(_ sets: [(name: String, values: [Double])], xTitle: String, scale: Double) -> LineChart {
        var series = sets.enumerated().map { index, set in
            LineChart.Series(name: set.name, color: Palette.category(index),
                             points: ecdfSteps(set.values).map { ChartPoint(x: $0.x * scale, y: $0.y * 100) })
        }
        let xs = series.flatMap { $0.points.map(\.x) }
        if let low = xs.min(), let high = xs.max() {
            for (level, name) in [(10.0, "10 % (P90)"), (50.0, "50 % (P50)")] {
                series.append(LineChart.Series(name: name, color: Palette.missing,
                                               points: [ChartPoint(x: low, y: level), ChartPoint(x: high, y: level)], dashed: true))
            }
        }
        return LineChart(series: series, xTitle: xTitle, yTitle: "samples at or below (%)")
    }
}

extension HTMLPage {
    /// The NPV distribution of each of `sets` (per-sample NPV, €) as empirical CDFs in M€, or, when there is no set or
    /// one has no finite NPV, a missing figure saying `missing`. The one recipe of the uncertainty reports' NPV charts.
    static func npvDistribution(_ title: String, sets: [(name: String, values: [Double])], id: String,
                                xTitle: String = "NPV (M€)", reading: String, missing: String) -> String {
        guard !sets.isEmpty, sets.allSatisfy({ $0.values.contains(where: \.isFinite) }) else {
            return missingFigure(title, id: id, reason: missing)
        }
        let chart = DistributionChart.ecdf(sets, xTitle: xTitle, scale: 1e-6)
        return figure(title, reading: reading, svg: chart.svg(id: id, title: title))
    }
}
