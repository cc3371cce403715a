/// Annual, location-based grid carbon intensity by country (DESIGN §3.7), gCO₂eq/kWh.
///
/// Built from `shared/reference/carbon/country_intensity_merged.csv` (codecarbon 3.3.2
/// `global_energy_mix.json` joined with carbontracker 2.4.7 `carbon-intensities.csv` on ISO 3166-1
/// alpha-3) by `Docs/generators/gen_grid_carbon.py`. Each country takes the newer of the two figures:
/// carbontracker's (Our World in Data grapher layout, Ember-based; 2024 for 86 countries, 2023 for
/// 85, 2022 for 40, 2009 for 1), which is never older than codecarbon's, and codecarbon's (2022) for
/// Namibia, the one country carbontracker lacks. Examples: DEU 344.1 (2024), FRA 44.2 (2024),
/// SWE 35.8 (2024), USA 383.5 (2024). Annual averages: not hourly, not marginal.
public enum GridCarbonTable {
    /// Which package the figure comes from.
    public enum Source: String, Sendable {
        case carbontracker = "carbontracker 2.4.7 (Our World in Data / Ember)"
        case codecarbon = "codecarbon 3.3.2 global_energy_mix.json"
    }

    /// One country's grid intensity.
    public struct Entry: Sendable, Equatable {
        /// ISO 3166-1 alpha-3 code, e.g. "DEU".
        public let alpha3: String
        /// ISO 3166-1 alpha-2 code, e.g. "DE".
        public let alpha2: String
        public let name: String
        /// Annual average intensity of the electricity generated, gCO₂eq/kWh.
        public let gramsPerKilowattHour: Double
        /// Year the figure describes.
        public let year: Int
        public let source: Source
    }

    /// The entry for an alpha-3 or alpha-2 code, case-insensitive; nil if the table has no such country.
    public static func entry(code: String) -> Entry? {
        let key = code.uppercased()
        switch key.count {
        case 3: return entries.first { $0.alpha3 == key }
        case 2: return entries.first { $0.alpha2 == key }
        default: return nil
        }
    }

    /// Grid intensity for a country code, gCO₂eq/kWh.
    public static func intensity(code: String) -> Double? { entry(code: code)?.gramsPerKilowattHour }

    /// Every alpha-3 code, sorted, for error messages ("expected one of …").
    public static var codes: [String] { entries.map(\.alpha3) }

    /// Codes a mistyped `code` may have meant: codes one letter away (substitution, same length), and
    /// countries whose name starts with `code` (e.g. "Germ" → DEU), alpha-3, sorted.
    public static func suggestions(for code: String) -> [String] {
        let key = code.uppercased()
        let keyLetters = Array(key)
        func oneAway(_ candidate: String) -> Bool {
            let letters = Array(candidate)
            return letters.count == keyLetters.count && zip(letters, keyLetters).filter { $0 != $1 }.count == 1
        }
        return entries.filter {
            oneAway($0.alpha3) || oneAway($0.alpha2) || (key.count > 2 && $0.name.uppercased().hasPrefix(key))
        }.map(\.alpha3)
    }
}
