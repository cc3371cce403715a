import HeatLoop

/// The object `heatloop weather --json` prints: the file, its city, the climate scenario, the file written
/// (or null), the degree-day bases, the hours whose RH and dew-point columns disagree by more than 1 K
/// (`humidity_disagreement_hours`: the file is read from its dew points), and each month's and the year's
/// statistics. Numbers that are not
/// finite are `null`.
struct ClimateSummaryJSON: Encodable {
    var file: String
    var city: String
    var scenario: String
    var written: String?
    var heatingBaseC: JSONNumber
    var coolingBaseC: JSONNumber
    var humidityDisagreementHours: Int
    var months: [Period]
    var year: Period

    init(_ summary: ClimateSummary, city: String, file: String, scenario: String, written: String?) {
        (self.file, self.city, self.scenario, self.written) = (file, city, scenario, written)
        heatingBaseC = JSONNumber(summary.heatingBase)
        coolingBaseC = JSONNumber(summary.coolingBase)
        humidityDisagreementHours = summary.humidityDisagreementHours
        months = summary.months.map { Period($0, summary: summary) }
        year = Period(summary.year, summary: summary)
    }

    enum CodingKeys: String, CodingKey {
        case file, city, scenario, written, months, year
        case heatingBaseC = "heating_base_c", coolingBaseC = "cooling_base_c"
        case humidityDisagreementHours = "humidity_disagreement_hours"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(city, forKey: .city)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(written, forKey: .written)  // null when nothing was written
        try container.encode(heatingBaseC, forKey: .heatingBaseC)
        try container.encode(coolingBaseC, forKey: .coolingBaseC)
        try container.encode(humidityDisagreementHours, forKey: .humidityDisagreementHours)
        try container.encode(months, forKey: .months)
        try container.encode(year, forKey: .year)
    }

    /// A month's or the year's statistics; hour counts at or below each threshold are keyed by the
    /// threshold (`"10.0"`).
    struct Period: Encodable {
        var hours: Int
        var meanDryBulbC, meanWetBulbC, meanRHPct: JSONNumber
        var minDryBulbC, maxDryBulbC, minWetBulbC, maxWetBulbC: JSONNumber
        var heatingDegreeHoursKh, coolingDegreeHoursKh: JSONNumber
        var hoursDryBulbAtOrBelow, hoursWetBulbAtOrBelow: [String: Int]

        init(_ p: ClimateSummary.Period, summary: ClimateSummary) {
            hours = p.hours
            (meanDryBulbC, meanWetBulbC, meanRHPct) =
                (JSONNumber(p.meanDryBulb), JSONNumber(p.meanWetBulb), JSONNumber(p.meanRelativeHumidity))
            (minDryBulbC, maxDryBulbC) = (JSONNumber(p.minimumDryBulb), JSONNumber(p.maximumDryBulb))
            (minWetBulbC, maxWetBulbC) = (JSONNumber(p.minimumWetBulb), JSONNumber(p.maximumWetBulb))
            (heatingDegreeHoursKh, coolingDegreeHoursKh) = (JSONNumber(p.heatingDegreeHours), JSONNumber(p.coolingDegreeHours))
            hoursDryBulbAtOrBelow = Self.counts(summary.dryBulbThresholds, p.hoursAtOrBelowDryBulb)
            hoursWetBulbAtOrBelow = Self.counts(summary.wetBulbThresholds, p.hoursAtOrBelowWetBulb)
        }

        static func counts(_ thresholds: [Double], _ hours: [Int]) -> [String: Int] {
            Dictionary(zip(thresholds.map { "\($0)" }, hours), uniquingKeysWith: { first, _ in first })
        }

        enum CodingKeys: String, CodingKey {
            case hours
            case meanDryBulbC = "mean_dry_bulb_c", meanWetBulbC = "mean_wet_bulb_c", meanRHPct = "mean_rh_pct"
            case minDryBulbC = "min_dry_bulb_c", maxDryBulbC = "max_dry_bulb_c"
            case minWetBulbC = "min_wet_bulb_c", maxWetBulbC = "max_wet_bulb_c"
            case heatingDegreeHoursKh = "heating_degree_hours_Kh", coolingDegreeHoursKh = "cooling_degree_hours_Kh"
            case hoursDryBulbAtOrBelow = "hours_dry_bulb_at_or_below", hoursWetBulbAtOrBelow = "hours_wet_bulb_at_or_below"
        }
    }
}
