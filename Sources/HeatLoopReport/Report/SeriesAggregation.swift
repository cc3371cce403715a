import HeatLoop

/// Step series regrouped the way the charts read them: hourly and daily means, duration curves,
/// a day × hour grid. Pure functions over `[Double]`; NaN steps are left out of a mean (a mean of
/// nothing is NaN). Step `i` covers `[i·Δt, (i+1)·Δt)` from the start of the year (DESIGN §2).
public enum SeriesAggregation {
    /// `series` by hour, aggregated as its table entry declares (`OutputSeries.descriptor.aggregation`);
    /// `values` gives a series' step values (empty when the result lacks it).
    public static func hourly(_ series: OutputSeries, stepMinutes: Int,
                              values: (OutputSeries) -> [Double]) -> [Double] {
        let size = max(1, 60 / max(1, stepMinutes))
        switch series.descriptor.aggregation {
        case .mean: return hourlyMeans(values(series), stepMinutes: stepMinutes)
        case .sum: return groups(values(series), size: size) { $0.reduce(0, +) }
        case .maximum: return groups(values(series), size: size) { $0.max() ?? .nan }
        case .last: return groups(values(series), size: size) { $0.last ?? .nan }
        case .mostFrequent: return hourlyMostFrequent(values(series), stepMinutes: stepMinutes)
        case .ratio(let numerator, let denominator):
            return hourlyRatio(values(numerator), values(denominator), stepMinutes: stepMinutes)
        }
    }

    /// Mean of each hour (`60 / stepMinutes` steps; a last, partial hour is the mean of its steps).
    /// `stepMinutes` must divide 60 (DESIGN §2); 60 returns the series unchanged.
    public static func hourlyMeans(_ values: [Double], stepMinutes: Int) -> [Double] {
        means(values, groupSize: max(1, 60 / max(1, stepMinutes)))
    }

    /// Mean of each day of hourly values.
    public static func dailyMeans(_ hourly: [Double]) -> [Double] { means(hourly, groupSize: 24) }

    /// The value most often taken in each hour (cooling mode per hour); a tie goes to the larger value
    /// (the more mechanical mode). NaN steps are ignored; an hour of NaN gives NaN.
    public static func hourlyMostFrequent(_ values: [Double], stepMinutes: Int) -> [Double] {
        let size = max(1, 60 / max(1, stepMinutes))
        return stride(from: 0, to: values.count, by: size).map { start in
            var counts: [Double: Int] = [:]
            for value in values[start..<min(values.count, start + size)] where !value.isNaN { counts[value, default: 0] += 1 }
            return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? .nan
        }
    }

    /// Ratio of hourly sums, `Σ numerator / Σ denominator` per hour (an hour's PUE from facility and IT
    /// power), NaN where the denominator sums to zero.
    public static func hourlyRatio(_ numerator: [Double], _ denominator: [Double], stepMinutes: Int) -> [Double] {
        let top = hourlyMeans(numerator, stepMinutes: stepMinutes)
        let bottom = hourlyMeans(denominator, stepMinutes: stepMinutes)
        return zip(top, bottom).map { $1 > 0 ? $0 / $1 : .nan }
    }

    /// A duration curve: the finite values sorted from largest to smallest (entry `k` is exceeded or
    /// reached during `k + 1` hours when the values are hourly).
    public static func durationCurve(_ hourly: [Double]) -> [Double] {
        hourly.filter(\.isFinite).sorted(by: >)
    }

    /// Hourly values as `grid[hour][day]` (24 rows), NaN where the series ends before the day does.
    public static func dayHourGrid(_ hourly: [Double]) -> [[Double]] {
        let days = (hourly.count + 23) / 24
        return (0..<24).map { hour in
            (0..<days).map { day in
                let index = day * 24 + hour
                return index < hourly.count ? hourly[index] : .nan
            }
        }
    }

    /// `combine` of the finite values of each group of `size` (NaN for a group without any).
    private static func groups(_ values: [Double], size: Int, combine: ([Double]) -> Double) -> [Double] {
        stride(from: 0, to: values.count, by: size).map { start in
            let finite = values[start..<min(values.count, start + size)].filter(\.isFinite)
            return finite.isEmpty ? .nan : combine(finite)
        }
    }

    private static func means(_ values: [Double], groupSize: Int) -> [Double] {
        stride(from: 0, to: values.count, by: groupSize).map { start in
            var sum = 0.0, count = 0
            for value in values[start..<min(values.count, start + groupSize)] where value.isFinite {
                sum += value
                count += 1
            }
            return count > 0 ? sum / Double(count) : .nan
        }
    }
}
