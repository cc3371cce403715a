/// Pumped-refrigerant economiser of a DX CRAC (e.g. Liebert DSE "EconoPhase"): at low outdoor
/// temperature the compressor is bypassed and a refrigerant pump circulates liquid refrigerant to
/// the outdoor condenser; in between, pump and compressor share the lift.
///
/// EnergyPlus has no separate object for it: `1ZoneDataCenterCRAC_wPumpedDXCoolingCoil.idf` gives the
/// `Coil:Cooling:DX:SingleSpeed` an EIR-modifier table of outdoor dry bulb ("Liebert Econophase EIR
/// Func T") that falls from 1.0 at 34.9 °C to 0.084 at ≤ 1.56 °C and 0.042 at ≤ −4 °C — the pump's
/// own electric input ratio. Here the same curve is `eirFunctionOfTemperature` and replaces the
/// coil's EIRFT whenever the economiser runs:
///
///     T_odb ≤ T_pump            free:       compressor off, P_pump = Q_avail · EIR_econ · RTF
///     T_pump < T_odb < T_comp   partial:    compressor + pump, power on EIR_econ (reported as compressor)
///     T_odb ≥ T_comp            mechanical: coil's own EIRFT
///
/// with `EIR_econ = EIRFT_econ(T_wb, T_odb) · EIRFFF(ff) / COP_rated` and the coil's capacity and
/// part-load curves unchanged (EnergyPlus uses them in every mode). To reproduce the EnergyPlus
/// example, give the coil the same table as its own EIRFT, `pumpOnlyBelow` 1.5555 °C (last 0.084
/// point) and `compressorOnlyAbove` 34.88889 °C (where the table reaches 1.0): the power is then
/// identical at every temperature and only the mode labels and the pump/compressor split are added.
/// Pump-only operation ignores the compressor's low-temperature lockout (EnergyPlus applies it to the
/// whole coil; it only matters below −25 °C).
public struct PumpedRefrigerantEconomiser: Sendable, Equatable {
    public var pumpOnlyBelow: Celsius
    public var compressorOnlyAbove: Celsius
    public var eirFunctionOfTemperature: CoilCurve2D

    public init(pumpOnlyBelow: Celsius, compressorOnlyAbove: Celsius, eirFunctionOfTemperature: CoilCurve2D) {
        self.pumpOnlyBelow = pumpOnlyBelow
        self.compressorOnlyAbove = compressorOnlyAbove
        self.eirFunctionOfTemperature = eirFunctionOfTemperature
    }

    /// Economiser mode at outdoor dry bulb `outdoorDryBulb` °C (when the coil has a load).
    @inline(__always)
    public func mode(outdoorDryBulb: Double) -> CoolingMode {
        if outdoorDryBulb <= pumpOnlyBelow.value { return .free }
        if outdoorDryBulb < compressorOnlyAbove.value { return .partial }
        return .mechanical
    }
}
