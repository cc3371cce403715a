/// A set of weather years a site can run in, as one input: real years (several weather files, e.g. the
/// actual years a utility buys) or years made by the stochastic generator from one file, each optionally
/// changed by a climate scenario (offset or Belcher morphing, `ClimateMorph`) applied on top.
///
/// Member i of `recorded` is year i of the list (cycled when more members are asked for than years
/// given, so an ensemble of N samples over K < N real years uses each year ⌈N/K⌉ or ⌊N/K⌋ times);
/// member i of `generated` is `WeatherGenerator.year(i)`.
public struct WeatherEnsemble: Sendable {
    public enum Source: Sendable {
        case recorded([WeatherSeries])
        case generated(WeatherGenerator)
    }

    public let source: Source
    /// The climate scenario applied to every member (nil: as recorded or generated).
    public let climate: ClimateMorph?

    /// Checks that a recorded set is not empty (a generator is always valid).
    public init(_ source: Source, climate: ClimateMorph? = nil) throws(WeatherGeneratorError) {
        if case .recorded(let years) = source, years.isEmpty { throw .wrongCount("weather years", found: 0) }
        self.source = source
        self.climate = climate
    }

    /// Member `index` (0-based): the year with the climate scenario applied. Throws when the scenario does
    /// not apply to it (`ClimateMorph.apply(to:)`).
    public func member(_ index: Int) throws(ClimateMorphError) -> WeatherSeries {
        let year: WeatherSeries
        switch source {
        case .recorded(let years): year = years[index % years.count]
        case .generated(let generator): year = generator.year(index)
        }
        return try climate?.apply(to: year) ?? year
    }

    /// Members `0..<count` (a generator's anomaly chains drawn once).
    public func members(_ count: Int) throws(ClimateMorphError) -> [WeatherSeries] {
        let years: [WeatherSeries]
        switch source {
        case .recorded(let list): years = (0..<count).map { list[$0 % list.count] }
        case .generated(let generator): years = generator.years(count)
        }
        guard let climate else { return years }
        var morphed: [WeatherSeries] = []
        for year in years { morphed.append(try climate.apply(to: year)) }
        return morphed
    }
}
