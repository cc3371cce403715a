/// The numbers of one EnergyPlus `Chiller:Electric:EIR` object: reference point, the three performance
/// curves and the part-load limits (EnergyPlus 25.2 Input Output Reference, "Chiller:Electric:EIR").
///
///     CAPFT(T_chw,l, T_cond,e)   biquadratic, = 1 at the reference temperatures
///     EIRFT(T_chw,l, T_cond,e)   biquadratic, = 1 at the reference temperatures
///     EIRFPLR(PLR)               quadratic,   = 1 at PLR 1
///
/// Temperatures in °C: `T_chw,l` chilled water leaving the evaporator, `T_cond,e` fluid entering the
/// condenser (outdoor air for air-cooled sets, condenser water for water-cooled ones). The reference
/// capacity and COP are the calibration point of the curves, not necessarily an AHRI 550/590 rating; a
/// `Chiller` scales the capacity to its own size and keeps the COP and curve shapes.
public struct EIRChillerCurves: Sendable, Equatable {
    public var referenceCapacity: Watts
    /// W of cooling per W of compressor input at the reference temperatures and full load.
    public var referenceCOP: Double
    public var referenceChilledWaterLeaving: Celsius
    public var referenceCondenserEntering: Celsius
    /// CAPFT: available capacity / reference capacity.
    public var capacityFunction: BiquadraticCurve
    /// EIRFT: full-load electric input ratio / reference EIR.
    public var eirFunctionOfTemperature: BiquadraticCurve
    /// EIRFPLR: part-load electric input ratio / full-load EIR.
    public var eirFunctionOfPartLoad: QuadraticCurve
    /// Below this PLR the compressor cycles on and off (power × PLR / PLR_min).
    public var minimumPartLoadRatio: Double
    /// Load above `PLR_max · Q_avail` is not met.
    public var maximumPartLoadRatio: Double
    /// Below this PLR the compressor stops unloading and false-loads (hot-gas bypass).
    public var minimumUnloadingRatio: Double
    public var condenser: ChillerCondenserType
    /// Condenser fan power per W of capacity (EnergyPlus field "Condenser Fan Power Ratio", W/W; its
    /// default is 0, and catalogue COPs of air-cooled chillers already include the fans, AHRI 550/590).
    public var condenserFanPowerRatio: Double

    public init(referenceCapacity: Watts, referenceCOP: Double, referenceChilledWaterLeaving: Celsius,
                referenceCondenserEntering: Celsius, capacityFunction: BiquadraticCurve,
                eirFunctionOfTemperature: BiquadraticCurve, eirFunctionOfPartLoad: QuadraticCurve,
                minimumPartLoadRatio: Double, maximumPartLoadRatio: Double, minimumUnloadingRatio: Double,
                condenser: ChillerCondenserType, condenserFanPowerRatio: Double) {
        self.referenceCapacity = referenceCapacity
        self.referenceCOP = referenceCOP
        self.referenceChilledWaterLeaving = referenceChilledWaterLeaving
        self.referenceCondenserEntering = referenceCondenserEntering
        self.capacityFunction = capacityFunction
        self.eirFunctionOfTemperature = eirFunctionOfTemperature
        self.eirFunctionOfPartLoad = eirFunctionOfPartLoad
        self.minimumPartLoadRatio = minimumPartLoadRatio
        self.maximumPartLoadRatio = maximumPartLoadRatio
        self.minimumUnloadingRatio = minimumUnloadingRatio
        self.condenser = condenser
        self.condenserFanPowerRatio = condenserFanPowerRatio
    }
}

/// What a chiller's condenser rejects heat to (EnergyPlus field "Condenser Type").
public enum ChillerCondenserType: String, Sendable, Equatable, CaseIterable {
    /// `AirCooled`: condenser entering = outdoor dry bulb.
    case air
    /// `WaterCooled`: condenser entering = water leaving a cooling tower or dry cooler.
    case water
}

/// Compressor family of a curve set, as the EnergyPlus dataset lists it.
public enum ChillerCompressorType: String, Sendable, Equatable, CaseIterable {
    case centrifugal, screw, scroll
}

/// A named, cited `Chiller:Electric:EIR` curve set shipped with HeatLoop (the list is in
/// `ChillerCurveSets.swift`). The site file names one by `slug`; the site's own capacity replaces
/// `curves.referenceCapacity`.
public struct ChillerCurveSet: Sendable, Equatable {
    /// Stable name used in site files (lowercase, hyphenated).
    public var slug: String
    /// The `Chiller:Electric:EIR` object name in the source file.
    public var energyPlusName: String
    /// Where the numbers come from.
    public var source: String
    public var compressor: ChillerCompressorType
    /// True for variable-speed-drive compressors (name suffix `/VSD` in the dataset).
    public var variableSpeed: Bool
    public var curves: EIRChillerCurves

    public init(slug: String, energyPlusName: String, source: String, compressor: ChillerCompressorType,
                variableSpeed: Bool, curves: EIRChillerCurves) {
        self.slug = slug
        self.energyPlusName = energyPlusName
        self.source = source
        self.compressor = compressor
        self.variableSpeed = variableSpeed
        self.curves = curves
    }

    /// The shipped set with this slug (or this exact EnergyPlus object name), or nil. For "did you mean"
    /// messages, compare against `ChillerCurveSet.all.map(\.slug)`.
    public static func named(_ name: String) -> ChillerCurveSet? {
        all.first { $0.slug == name || $0.energyPlusName == name }
    }
}
