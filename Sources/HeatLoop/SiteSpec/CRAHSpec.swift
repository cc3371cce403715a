/// Computer-room air handlers (CRAHs, fan walls) on the air loop's chilled water (`AirHandling`): recirculating
/// (no outdoor air), supply air at `supply_air_c` (or warmer when the chilled water drifts), a variable-speed fan
/// on the affinity law of its design heat. One home for the CRAHs' keys: a one-zone CRAH hall writes them flat in
/// `cooling.air` (`AirLoopSpec.crah`, lifted), a CRAH air zone in `cooling.air.zones[].crah`.
public struct CRAHSpec: SpecSection {
    /// Air temperature rise across the IT equipment at design.
    public var airDeltaTK = 12.0
    public var fanPressurePa = 400.0
    public var fanEfficiency = 0.65
    public var fanExponent = 2.6
    public var minFanFraction = 0.3

    public init() {}

    public static let schema = Schema<CRAHSpec>([
        .number("air_delta_t_k", \.airDeltaTK, unit: "K", range: 3...30, doc: "Air temperature rise across the IT at design."),
        .number("fan_pressure_pa", \.fanPressurePa, unit: "Pa", range: 0...3000, doc: "CRAH fan pressure rise at design flow."),
        .number("fan_efficiency", \.fanEfficiency, range: 0.1...1, doc: "CRAH fan and motor efficiency."),
        .number("fan_exponent", \.fanExponent, range: 1...3, doc: "Exponent of fan power in the flow fraction."),
        .number("min_fan_fraction", \.minFanFraction, range: 0...1, doc: "Lowest fan speed, share of design."),
    ])

    /// The CRAHs' fans: design air flow from the air-side heat `designHeat` W and the air temperature rise across
    /// the IT, `V = Q / (ρ c_p ΔT_air)`; power on the affinity law.
    func fan(designHeat: Double) -> AffinityMachine {
        let airVolumeFlow = designHeat / (Fluid.airDensity * Fluid.airSpecificHeat * airDeltaTK)
        return AffinityMachine(
            designPower: AffinityMachine.designPower(volumeFlow: airVolumeFlow, pressureRise: fanPressurePa, efficiency: fanEfficiency),
            exponent: fanExponent, minimumFraction: minFanFraction)
    }

    /// The CRAHs for `designHeat` W of air-side heat, supplying air at `supplyAir` °C from chilled water at
    /// `chilledWaterC` °C (the coil's approach is their difference at design).
    func model(designHeat: Double, supplyAir: Double, chilledWaterC: Double) -> AirHandling {
        AirHandling(
            supplyAirSetpoint: Celsius(supplyAir), coilApproach: TemperatureDelta(supplyAir - chilledWaterC),
            fan: fan(designHeat: designHeat), designHeat: Watts(max(designHeat, 1)), airTemperatureRise: TemperatureDelta(airDeltaTK))
    }

    /// Heat the CRAHs put into the chilled water at design, W: the air-side heat `designHeat` and their fans'.
    func coilDesignLoad(designHeat: Double) -> Double { designHeat + fan(designHeat: designHeat).designPower.value }
}
