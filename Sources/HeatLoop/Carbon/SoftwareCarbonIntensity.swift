/// The Green Software Foundation's Software Carbon Intensity (ISO/IEC 21031:2024):
///
///     SCI = ((E · I) + M) per R
///
/// E: energy, kWh, within the stated boundary; I: location-based intensity (the specification does not
/// admit market-based instruments, PPAs or offsets); M: embodied emissions amortised to the job;
/// R: the functional unit the rate is stated per (e.g. one trained model, 10⁶ training tokens, one GPU-hour).
public struct SoftwareCarbonIntensity: Sendable, Equatable {
    /// What the score is per, and how many of it the job produced.
    public struct FunctionalUnit: Sendable, Equatable {
        public var name: String
        public var count: Double

        public init(name: String, count: Double) {
            self.name = name
            self.count = count
        }

        /// The whole training run as the unit.
        public static let trainingRun = FunctionalUnit(name: "training run", count: 1)
    }

    public var unit: FunctionalUnit
    /// kg CO2e per functional unit.
    public var kgPerUnit: Estimate

    public init(operationalLocationKg: Estimate, embodiedKg: Estimate, unit: FunctionalUnit) {
        self.unit = unit
        let count = unit.count > 0 ? unit.count : .nan
        kgPerUnit = (operationalLocationKg + embodiedKg) * (1 / count)
    }
}
