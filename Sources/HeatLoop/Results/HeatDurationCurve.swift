/// Heat duration curves: the hourly mean heat available, demanded by the district-heating network and
/// delivered to it, each sorted from the highest hour to the lowest. Heating engineers size plants with
/// them (e.g. Frederiksen & Werner, *District Heating and Cooling*, 2013, ch. 4): the area under the
/// demand curve above a capacity line is what a plant of that capacity cannot cover, and where the
/// available curve lies above the demand curve heat is surplus.
///
/// Stored as `/summary/heat_duration` along an `hour` dimension (rank 1 = the highest hour), W.
public struct HeatDurationCurve: Sendable, Equatable {
    public var available: [Float]
    public var demand: [Float]
    public var delivered: [Float]

    /// The curves of a run's series (`stepMinutes` divides 60).
    public init(columns: StepColumns, stepMinutes: Int) {
        available = Self.sortedHourlyMeans(columns[.heatAvailable], stepMinutes: stepMinutes)
        demand = Self.sortedHourlyMeans(columns[.dhDemand], stepMinutes: stepMinutes)
        delivered = Self.sortedHourlyMeans(columns[.heatDelivered], stepMinutes: stepMinutes)
    }

    /// Means of each whole hour (averaged in Double), sorted descending.
    static func sortedHourlyMeans(_ series: [Float], stepMinutes: Int) -> [Float] {
        let perHour = max(1, 60 / max(1, stepMinutes))
        var means = [Float](repeating: 0, count: series.count / perHour)
        for hour in means.indices {
            var sum = 0.0
            for step in hour * perHour..<(hour + 1) * perHour { sum += Double(series[step]) }
            means[hour] = Float(sum / Double(perHour))
        }
        means.sort(by: >)
        return means
    }

    public var table: ResultTable {
        ResultTable(
            name: "heat_duration", dimension: "hour", coordinate: .integers(available.indices.map { Int32($0 + 1) }),
            columns: [
                ResultSeries(name: "available", units: "W", longName: "heat available, hourly mean, sorted descending",
                             values: .float32(available)),
                ResultSeries(name: "demand", units: "W", longName: "district-heating demand, hourly mean, sorted descending",
                             values: .float32(demand)),
                ResultSeries(name: "delivered", units: "W", longName: "heat delivered, hourly mean, sorted descending",
                             values: .float32(delivered)),
            ])
    }
}
