/// The outcome of a run: the series, and energy totals per month.
public struct SimulationResult: Sendable {
    public var site: Site
    public var weather: StepWeather
    public var columns: StepColumns
    public var monthly: [EnergyTotals]
    /// Training jobs (and each cluster's background jobs together), in cluster order.
    public var jobs: [JobSummary]

    public var annual: EnergyTotals { monthly.reduce(EnergyTotals(), +) }

    /// Highest full-rack power of any cluster in any step (at the step's peak), W.
    public var maximumRackPower: Double {
        var maximum = 0.0
        let peaks = columns[.clusterPowerPeak]
        for (index, cluster) in site.clusters.enumerated() {
            let clusterPeaks = peaks[index * columns.count..<(index + 1) * columns.count]
            maximum = max(maximum, Double(clusterPeaks.max() ?? 0) * Double(cluster.nodesPerRack) / Double(max(1, cluster.nodes)))
        }
        return maximum
    }

    /// The values of `series` as the result file stores them (whether or not the site has the series:
    /// see `SeriesPresence`). 1-D series have one value per step; per-cluster ones are row-major
    /// `[cluster][step]`.
    public func values(of series: OutputSeries) -> ResultValues {
        let descriptor = series.descriptor
        switch (descriptor.source, descriptor.storage) {
        case (.weather, _): return .float32(weather.values(of: series).map { Float($0) })
        case (.derived, _): return .float32(derivedValues(of: series))
        case (.stepLoop, .float32): return .float32(columns[series])
        case (.stepLoop, .coolingModeFlags):
            return .int8(columns.flags(series), flagValues: descriptor.storage.flagValues,
                         flagMeanings: descriptor.storage.flagMeanings)
        }
    }

    /// Series computed from recorded ones when the result is written.
    func derivedValues(of series: OutputSeries) -> [Float] {
        switch series {
        case .rackPower:
            // A full rack at the step's peak: the cluster's peak power × nodes per rack / nodes.
            let peaks = columns[.clusterPowerPeak]
            var rackPower = peaks
            for (index, cluster) in site.clusters.enumerated() {
                let perRack = Float(cluster.nodesPerRack) / Float(max(1, cluster.nodes))
                for step in index * columns.count..<(index + 1) * columns.count { rackPower[step] = peaks[step] * perRack }
            }
            return rackPower
        default:
            preconditionFailure("\(series) is not a derived series")
        }
    }
}

extension StepWeather {
    /// The step values of a weather series (`OutputSeries` with `source == .weather`).
    public func values(of series: OutputSeries) -> [Double] {
        switch series {
        case .dryBulb: dryBulb
        case .wetBulb: wetBulb
        case .dewPoint: dewPoint
        case .relativeHumidity: relativeHumidity
        case .pressure: pressure
        default: preconditionFailure("\(series) is not a weather series")
        }
    }
}
