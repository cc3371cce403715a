/// The numbers of one EnergyPlus `Chiller:Electric` object: the BLAST centrifugal chiller model
/// (EnergyPlus Engineering Reference, "Electric Chiller Model Based on Fluid Temperature Differences"):
///
///     ΔT    = (T_cond,e − T_cond,e,design) / k_rise − (T_chw,l − T_chw,l,design)        K
///     CR    = a₁ + a₂ ΔT + a₃ ΔT²                    capacity ratio: Q_avail / Q_nom
///     PR    = b₁ + b₂ CR + b₃ CR²                    power ratio at full load
///     PLR   = clamp(Q / Q_avail, PLR_min, PLR_max)
///     FLP   = c₁ + c₂ PLR + c₃ PLR²                  fraction of full-load power
///     P     = FLP · PR · Q_avail / COP_nom · min(1, (Q / Q_avail) / PLR_min)
///
/// `k_rise` (the "temperature rise coefficient") is the condenser-water rise that, with a 1 K rise of
/// the chilled-water leaving temperature, keeps the capacity at nominal. Below `PLR_min` the chiller
/// runs at PLR_min and cycles (the last factor), as the EIR chiller does. The condenser rejects
/// `Q + P` (hermetic compressor). `2ZoneDataCenterHVAC_wEconomizer.idf` (`Chiller`, water cooled):
/// COP 5.0, PLR 0.15…1.0, T_cond,e,design 29.44 °C, k_rise 2.682759, T_chw,l,design 6.667 °C,
/// a = (0.944836, −0.0570088, −0.00185486), b = (1.907846, −1.204987, 0.2634623),
/// c = (0.03303, 0.6852, 0.2818).
public struct BLASTChillerCurves: Sendable, Equatable {
    public var nominalCOP: Double
    public var designCondenserEntering: Celsius
    public var temperatureRiseCoefficient: Double
    public var designChilledWaterLeaving: Celsius
    /// a₁, a₂, a₃: capacity ratio of ΔT.
    public var capacityRatio: QuadraticCurve
    /// b₁, b₂, b₃: full-load power ratio of the capacity ratio.
    public var powerRatio: QuadraticCurve
    /// c₁, c₂, c₃: fraction of full-load power of the part-load ratio.
    public var fullLoadFraction: QuadraticCurve
    public var minimumPartLoadRatio: Double
    public var maximumPartLoadRatio: Double

    public init(nominalCOP: Double, designCondenserEntering: Celsius, temperatureRiseCoefficient: Double,
                designChilledWaterLeaving: Celsius, capacityRatio: QuadraticCurve, powerRatio: QuadraticCurve,
                fullLoadFraction: QuadraticCurve, minimumPartLoadRatio: Double, maximumPartLoadRatio: Double) {
        self.nominalCOP = nominalCOP
        self.designCondenserEntering = designCondenserEntering
        self.temperatureRiseCoefficient = temperatureRiseCoefficient
        self.designChilledWaterLeaving = designChilledWaterLeaving
        self.capacityRatio = capacityRatio
        self.powerRatio = powerRatio
        self.fullLoadFraction = fullLoadFraction
        self.minimumPartLoadRatio = minimumPartLoadRatio
        self.maximumPartLoadRatio = maximumPartLoadRatio
    }

    /// The `Chiller` of `2ZoneDataCenterHVAC_wEconomizer.idf`.
    public static let twoZoneDataCenter = BLASTChillerCurves(
        nominalCOP: 5.0, designCondenserEntering: Celsius(29.44), temperatureRiseCoefficient: 2.682759,
        designChilledWaterLeaving: Celsius(6.667),
        capacityRatio: QuadraticCurve(0.94483600, -0.05700880, -0.00185486),
        powerRatio: QuadraticCurve(1.907846, -1.20498700, 0.26346230),
        fullLoadFraction: QuadraticCurve(0.03303, 0.6852, 0.2818),
        minimumPartLoadRatio: 0.15, maximumPartLoadRatio: 1.0)

    /// The shipped BLAST chillers a site names (`chiller.blast`), by slug; all water cooled.
    public static let shipped: [(slug: String, curves: BLASTChillerCurves)] = [
        ("energyplus-2zone-datacenter", .twoZoneDataCenter),
    ]

    /// The shipped chiller with this slug, or nil.
    public static func named(_ slug: String) -> BLASTChillerCurves? {
        shipped.first { $0.slug == slug }?.curves
    }

    /// Capacity ratio CR at these temperatures (°C), not below 0.
    @inline(__always)
    public func capacityRatio(chilledWaterLeaving: Double, condenserEntering: Double) -> Double {
        let deltaT = (condenserEntering - designCondenserEntering.value) / temperatureRiseCoefficient
            - (chilledWaterLeaving - designChilledWaterLeaving.value)
        return max(0, capacityRatio(deltaT))
    }
}
