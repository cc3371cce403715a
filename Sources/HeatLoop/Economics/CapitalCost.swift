import Foundation

/// Investment (CAPEX) of a heat-reuse project: heat pump, storage tank and district-heating connection.
///
///     C_hp   = c_hp · P_ref · (P / P_ref)^n          heat pump of heating capacity P (kW_th)
///     C_st   = c_st · V                               storage tank of volume V (m³)
///     C_dh   = C_fixed + c_sub · P_dh + c_pipe · L     connection of capacity P_dh (MW): substation + pipe (m)
///
/// The heat pump's specific cost falls with size (`n` < 1, the "six-tenths rule" of Williams 1947,
/// *Chemical Engineering* 54(12); 0.6–0.8 is usual for heat pumps). The connection is built only when the
/// design can deliver heat (a heat pump or a heat exchanger).
///
/// Defaults (2023 €, excluding VAT; declared in `EconomicsSpec`), each overridable in the site file's `economics`:
/// - `c_hp` 700 €/kW_th at `P_ref` 5 MW, `n` 0.7: large electric heat pumps on excess heat, 0.5–1.0 M€/MW
///   for 1–10 MW (Danish Energy Agency, *Technology Data for Generation of Electricity and District Heating*,
///   ch. 40 "Large heat pumps", 2016, updated 2023; David et al. 2017, *Energies* 10(4):578).
/// - `c_st` 300 €/m³: steel hot-water tanks of 1,000–5,000 m³ (Danish Energy Agency, *Technology Data for
///   Energy Storage*, ch. 140 "Large-scale hot water tanks", 2018: 150–450 €/m³, falling with size).
/// - `c_st` of a seasonal pit store (`pit_storage_eur_per_m3`) 30 €/m³: the benchmark for pits of 100,000 m³
///   and more (J. E. Nielsen, PlanEnergi, IEA SHC Task 55 webinar 2019: Marstal 10,000 m³ 67 €/m³,
///   Dronninglund 60,000 m³ 38 €/m³, Vojens 200,000 m³ 24 €/m³).
/// - `C_fixed` 300,000 € (controls, metering, civil works), `c_sub` 50,000 €/MW (plate-exchanger substation and
///   pumps; DEA technology data give 0.04–0.1 M€/MW for DH substations of several MW) and `c_pipe` 1,000 €/m
///   (pre-insulated twin pipe DN 200–300 in urban ground, Nussbaumer & Thalmann 2016, *Energy* 101:496–505),
///   `L` 1,000 m. The substation term lets a sweep trade connection capacity against cost.
public struct CapitalCost: Sendable, Equatable {
    /// Specific heat-pump cost at the reference size, €/kW_th.
    public var heatPumpEurosPerKilowatt: Double
    public var heatPumpReferenceCapacity: Watts
    /// Economy-of-scale exponent `n` (1 = no economy of scale).
    public var heatPumpScaleExponent: Double
    public var storageEurosPerCubicMetre: Double
    public var connectionFixedEuros: Double
    /// Substation cost per MW of connection capacity, €/MW.
    public var connectionEurosPerMegawatt: Double
    public var connectionEurosPerMetre: Double
    /// Length of the pipe from the site to the network, m.
    public var connectionLength: Double

    /// Defaults: the site file's (`EconomicsSpec`, their one home).
    public init(heatPumpEurosPerKilowatt: Double = EconomicsSpec.standard.heatPumpEurPerKw,
                heatPumpReferenceCapacity: Watts = .megawatts(EconomicsSpec.standard.heatPumpReferenceMw),
                heatPumpScaleExponent: Double = EconomicsSpec.standard.heatPumpScaleExponent,
                storageEurosPerCubicMetre: Double = EconomicsSpec.standard.storageEurPerM3,
                connectionFixedEuros: Double = EconomicsSpec.standard.connectionFixedEur,
                connectionEurosPerMegawatt: Double = EconomicsSpec.standard.connectionEurPerMw,
                connectionEurosPerMetre: Double = EconomicsSpec.standard.connectionEurPerM,
                connectionLength: Double = EconomicsSpec.standard.connectionLengthM) {
        self.heatPumpEurosPerKilowatt = heatPumpEurosPerKilowatt
        self.heatPumpReferenceCapacity = heatPumpReferenceCapacity
        self.heatPumpScaleExponent = heatPumpScaleExponent
        self.storageEurosPerCubicMetre = storageEurosPerCubicMetre
        self.connectionFixedEuros = connectionFixedEuros
        self.connectionEurosPerMegawatt = connectionEurosPerMegawatt
        self.connectionEurosPerMetre = connectionEurosPerMetre
        self.connectionLength = connectionLength
    }

    /// The investment for a design of `size`, by item, €.
    public func breakdown(for size: ProjectSize) -> CapitalCostBreakdown {
        let reference = heatPumpReferenceCapacity.value
        let heatPump = size.heatPumpCapacity.value > 0 && reference > 0
            ? heatPumpEurosPerKilowatt * reference / 1e3 * pow(size.heatPumpCapacity.value / reference, heatPumpScaleExponent)
            : 0
        return CapitalCostBreakdown(
            heatPump: heatPump,
            storage: storageEurosPerCubicMetre * size.storageVolume,
            connection: size.isConnected
                ? connectionFixedEuros + connectionEurosPerMegawatt * size.connectionCapacity.value / 1e6
                    + connectionEurosPerMetre * connectionLength
                : 0)
    }
}

/// What a heat-reuse design builds.
public struct ProjectSize: Sendable, Equatable {
    /// Heat-pump heating capacity.
    public var heatPumpCapacity: Watts
    /// Storage tank volume, m³.
    public var storageVolume: Double
    /// Capacity of the connection to the network.
    public var connectionCapacity: Watts
    /// True when the design can deliver heat (a heat pump or a heat exchanger), so needs the connection.
    public var isConnected: Bool

    public init(heatPumpCapacity: Watts, storageVolume: Double, connectionCapacity: Watts, isConnected: Bool) {
        self.heatPumpCapacity = heatPumpCapacity
        self.storageVolume = storageVolume
        self.connectionCapacity = connectionCapacity
        self.isConnected = isConnected
    }
}

/// CAPEX by item, €.
public struct CapitalCostBreakdown: Sendable, Equatable {
    public var heatPump: Double
    public var storage: Double
    public var connection: Double
    /// Fee paid to the network operator (`HeatContract.connectionFee`).
    public var connectionFee = 0.0
    public var total: Double { heatPump + storage + connection + connectionFee }
}
