/// Which weather member each operating year of each sample runs in, for a timeline under uncertainty
/// (`heatloop run SITE --timeline FILE --ensemble N`): each sample is a whole project life, and each of its
/// years gets its own weather year.
///
/// - **Generated years**: sample s, year t (1…L) runs in member s·L + t − 1. The generator's monthly
///   anomaly chain runs through consecutive members, December into January (`WeatherGenerator`), so a
///   sample's years follow one another with the year-to-year persistence the generator draws; every
///   (sample, year) has its own year. (The last year of sample s and the first of s + 1 are neighbours on
///   the chain too; their correlation is the one of two consecutive months, ρ, and joins different lives.)
/// - **Real years** (K files, K > 1): each year draws one of the K files uniformly, independently, with
///   `RandomGenerator(seed: seed ^ "TL_WEATH", stream: s)` (a bootstrap of the recorded years). Cycling
///   the list instead would give every sample the same sequence whenever K divides L.
/// - **One year** (the typical year, or one file): member 0 in every year.
///
/// Deterministic in the seed; sample s's members do not depend on how many samples are run.
public enum TimelineWeather {
    public static func members(samples: Int, years: Int, weather: WeatherEnsemble, seed: UInt64) -> [[Int]] {
        (0..<samples).map { sample in members(sample: sample, years: years, weather: weather, seed: seed) }
    }

    /// Sample `sample`'s members, one per operating year (index t − 1).
    public static func members(sample: Int, years: Int, weather: WeatherEnsemble, seed: UInt64) -> [Int] {
        switch weather.source {
        case .generated: return (0..<years).map { sample * years + $0 }
        case .recorded(let list):
            guard list.count > 1 else { return Array(repeating: 0, count: years) }
            var random = RandomGenerator(seed: seed ^ 0x544C_5F57_4541_5448, stream: UInt64(sample))  // "TL_WEATH"
            return (0..<years).map { _ in min(list.count - 1, Int(random.uniform() * Double(list.count))) }
        }
    }
}
