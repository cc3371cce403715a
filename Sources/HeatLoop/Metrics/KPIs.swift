import Foundation

/// Annual or monthly key performance indicators from energy totals.
///
/// - PUE = facility / IT (ISO/IEC 30134-2), facility = IT + cooling (with humidifiers) + electrical losses
///   + misc; heat-pump electricity excluded as EnEfG §11 prescribes; `pueWithHeatPump` puts it back inside
///   the boundary.
/// - ERF = reused / facility (ISO/IEC 30134-6, EN 50600-4-6), reused = `EnergyTotals.reused`.
/// - ERE = (facility − reused) / IT (The Green Grid, White Paper 29).
/// - WUE = site water L / IT kWh (ISO/IEC 30134-9): site water is the make-up of cooling towers
///   (evaporation + drift + blow-down) and adiabatic pads (evaporation + bleed), 1 kg = 1 L.
/// - Source WUE = (site water L + facility kWh × grid water intensity L/kWh) / IT kWh (The Green Grid,
///   White Paper 35 "Water Usage Effectiveness (WUE)", 2011), NaN unless the intensity is given.
/// - CER = heat removed by the cooling system / cooling energy (ISO/IEC 30134-7).
/// - CUE = facility CO2 kg / IT kWh (ISO/IEC 30134-8).
/// Ratios over zero denominators are NaN (written as NaN, shown as "–").
public struct KPIs: Sendable, Equatable {
    public var itMWh: Double
    public var facilityMWh: Double
    public var coolingMWh: Double
    /// Steam humidifiers, part of `coolingMWh`.
    public var humidifierMWh: Double
    public var heatPumpMWh: Double
    public var pue: Double
    public var pueWithHeatPump: Double
    public var erf: Double
    public var ere: Double
    public var wue: Double
    public var wueSource: Double
    public var cer: Double
    public var cue: Double
    public var heatAvailableMWh: Double
    public var heatRecoveredMWh: Double
    public var heatDeliveredMWh: Double
    public var heatDumpedMWh: Double
    /// Delivered through exchangers (direct and pre-heating), no compressor.
    public var heatExchangedMWh: Double
    /// Standing losses of the storage (tank or seasonal pit).
    public var storageLossMWh: Double
    /// EU EED (Delegated Regulation 2024/1364, Annex I): the data center's own heat reused, and the
    /// energy-weighted mean temperature of the sources it was taken from (loop return), °C.
    public var wasteHeatReusedMWh: Double
    public var wasteHeatTemperature: Double
    public var dhDemandMWh: Double
    /// Heat the network needed (consumers plus losses), its distribution losses, and the delivered heat
    /// that displaced one of its producers.
    public var dhNetworkHeatMWh: Double
    public var dhLossesMWh: Double
    public var heatDisplacingProducersMWh: Double
    public var dhCoverage: Double
    public var heatPumpSCOP: Double
    /// Unit starts of the heat-pump bank, all units; and per unit with the lead rotated (the bank's
    /// starts and unit-hours over its units, `HeatPumpOperation`).
    public var heatPumpStarts: Double
    public var heatPumpStartsPerUnit: Double
    public var heatPumpRunHoursPerUnit: Double
    public var co2OperationalTonnes: Double
    public var co2AvoidedTonnes: Double
    public var waterM3: Double
    public var freeCoolingHours: Double
    public var partialCoolingHours: Double
    public var mechanicalCoolingHours: Double
    public var unmetCoolingHours: Double
    public var outsideRecommendedHours: Double
    public var outsideAllowableHours: Double
    public var outsideWaterClassHours: Double
    public var inletTemperatureOutsideAllowableHours: Double
    public var inletHumidityOutsideAllowableHours: Double
    public var curveClampedHours: Double
    public var heatPumpOutsideMapHours: Double
    public var maximumEnergyBalanceResidual: Double

    /// `gridWaterIntensity`: water consumed per kWh of grid electricity, L/kWh (nil: source WUE is NaN);
    /// `heatPumpUnits`: units of the heat-pump bank, for the per-unit figures.
    public init(_ totals: EnergyTotals, carbon: CarbonIntensity?, gridWaterIntensity: Double? = nil, heatPumpUnits: Int = 1) {
        func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
        let mwh = 3.6e9
        itMWh = totals.it / mwh
        facilityMWh = totals.facility / mwh
        coolingMWh = totals.cooling / mwh
        humidifierMWh = totals.humidifier / mwh
        heatPumpMWh = totals.heatPump / mwh
        pue = ratio(totals.facility, totals.it)
        pueWithHeatPump = ratio(totals.facility + totals.heatPump, totals.it)
        erf = ratio(totals.reused, totals.facility)
        ere = ratio(totals.facility - totals.reused, totals.it)
        wue = ratio(totals.water, totals.it / 3.6e6)
        wueSource = gridWaterIntensity.map { ratio(totals.water + totals.facility / 3.6e6 * $0, totals.it / 3.6e6) } ?? .nan
        cer = ratio(totals.heatIntoLoops, totals.cooling)
        heatAvailableMWh = totals.heatAvailable / mwh
        heatRecoveredMWh = totals.heatRecovered / mwh
        heatDeliveredMWh = totals.heatDelivered / mwh
        heatDumpedMWh = totals.heatDumped / mwh
        heatExchangedMWh = totals.heatExchanged / mwh
        storageLossMWh = totals.storageLoss / mwh
        wasteHeatReusedMWh = totals.reused / mwh
        wasteHeatTemperature = ratio(totals.recoveredHeatTemperature, totals.heatRecovered)
        dhDemandMWh = totals.dhDemand / mwh
        dhNetworkHeatMWh = totals.dhNeed / mwh
        dhLossesMWh = totals.dhLosses / mwh
        heatDisplacingProducersMWh = totals.heatDisplacingProducers / mwh
        dhCoverage = ratio(totals.heatDelivered, totals.dhDemand)
        heatPumpSCOP = ratio(totals.heatPumpOutput, totals.heatPump)
        heatPumpStarts = totals.heatPumpStarts
        heatPumpStartsPerUnit = totals.heatPumpStarts / Double(max(1, heatPumpUnits))
        heatPumpRunHoursPerUnit = totals.heatPumpUnitHours / Double(max(1, heatPumpUnits))
        if let carbon {
            // The step loop sums CO2 at each step's grid intensity (kg); MWh × g/kWh = kg.
            co2OperationalTonnes = (totals.co2Facility + totals.co2HeatPump) / 1000
            co2AvoidedTonnes = (totals.co2Displaced(fallbackIntensity: carbon.displacedHeatGramsPerKWh) - totals.co2HeatPump) / 1000
            cue = ratio(totals.co2Facility, totals.it / 3.6e6)
        } else {
            co2OperationalTonnes = .nan
            co2AvoidedTonnes = .nan
            cue = .nan
        }
        waterM3 = totals.water / 1000
        freeCoolingHours = totals.freeHours
        partialCoolingHours = totals.partialHours
        mechanicalCoolingHours = totals.mechanicalHours
        unmetCoolingHours = totals.unmetHours
        outsideRecommendedHours = totals.outsideRecommendedHours
        outsideAllowableHours = totals.outsideAllowableHours
        outsideWaterClassHours = totals.outsideWaterClassHours
        inletTemperatureOutsideAllowableHours = totals.inletTemperatureOutsideAllowableHours
        inletHumidityOutsideAllowableHours = totals.inletHumidityOutsideAllowableHours
        curveClampedHours = totals.curveClampedHours
        heatPumpOutsideMapHours = totals.heatPumpOutsideMapHours
        maximumEnergyBalanceResidual = totals.maximumResidual
    }

    /// The KPIs under their result-file names (DESIGN §6) with units.
    public var named: [(name: String, units: String, longName: String, value: Double)] {
        [
            ("it_energy_MWh", "MWh", "IT energy", itMWh),
            ("facility_energy_MWh", "MWh", "facility energy (excluding heat pump)", facilityMWh),
            ("cooling_energy_MWh", "MWh", "cooling energy (chillers, fans, pumps, humidifiers, tower basin heaters)", coolingMWh),
            ("humidifier_energy_MWh", "MWh", "steam humidifier energy (part of the cooling energy)", humidifierMWh),
            ("heat_pump_energy_MWh", "MWh", "heat-pump electricity", heatPumpMWh),
            ("pue", "1", "power usage effectiveness (ISO/IEC 30134-2, heat pump excluded)", pue),
            ("pue_with_heat_pump", "1", "PUE with the heat pump inside the boundary", pueWithHeatPump),
            ("erf", "1", "energy reuse factor (ISO/IEC 30134-6)", erf),
            ("ere", "1", "energy reuse effectiveness (The Green Grid)", ere),
            ("wue_L_per_kWh", "L kWh-1", "water usage effectiveness (ISO/IEC 30134-9)", wue),
            ("wue_source_L_per_kWh", "L kWh-1", "source water usage effectiveness (site + grid water)", wueSource),
            ("cer", "1", "cooling efficiency ratio (ISO/IEC 30134-7)", cer),
            ("cue_kg_per_kWh", "kg kWh-1", "carbon usage effectiveness (ISO/IEC 30134-8)", cue),
            ("heat_available_MWh", "MWh", "heat available to heat recovery", heatAvailableMWh),
            ("heat_recovered_MWh", "MWh", "heat taken by the heat-pump evaporator", heatRecoveredMWh),
            ("heat_delivered_MWh", "MWh", "heat delivered to district heating", heatDeliveredMWh),
            ("heat_dumped_MWh", "MWh", "available heat not recovered", heatDumpedMWh),
            ("heat_exchanged_MWh", "MWh", "heat delivered through exchangers without a compressor", heatExchangedMWh),
            ("storage_loss_MWh", "MWh", "standing losses of the heat storage", storageLossMWh),
            ("waste_heat_reused_MWh", "MWh", "data-center heat reused (EU EED)", wasteHeatReusedMWh),
            ("waste_heat_temperature_c", "degC", "mean temperature of the reused waste heat (EU EED)", wasteHeatTemperature),
            ("dh_demand_MWh", "MWh", "heat the district-heating network asked of the data center", dhDemandMWh),
            ("dh_coverage", "1", "share of DH demand delivered", dhCoverage),
            ("dh_network_heat_MWh", "MWh", "heat the district-heating network needed: consumers plus distribution losses",
             dhNetworkHeatMWh),
            ("dh_losses_MWh", "MWh", "district-heating distribution losses", dhLossesMWh),
            ("heat_displacing_producers_MWh", "MWh", "delivered heat that displaced another producer of the network",
             heatDisplacingProducersMWh),
            ("heat_pump_scop", "1", "seasonal heat-pump COP", heatPumpSCOP),
            ("heat_pump_starts", "1", "heat-pump unit starts, all units", heatPumpStarts),
            ("heat_pump_starts_per_unit", "1", "heat-pump starts per unit (lead unit rotated)", heatPumpStartsPerUnit),
            ("heat_pump_run_hours_per_unit", "h", "heat-pump run hours per unit (lead unit rotated)", heatPumpRunHoursPerUnit),
            ("co2_operational_t", "t", "operational CO2 of facility and heat-pump electricity", co2OperationalTonnes),
            ("co2_avoided_t", "t", "CO2 avoided by delivered heat, net of heat-pump electricity", co2AvoidedTonnes),
            ("water_use_m3", "m3", "site water: tower make-up and adiabatic pad water", waterM3),
            ("free_cooling_hours", "h", "hours in free cooling", freeCoolingHours),
            ("partial_cooling_hours", "h", "hours in partial (economiser + chiller) cooling", partialCoolingHours),
            ("mechanical_cooling_hours", "h", "hours in mechanical cooling", mechanicalCoolingHours),
            ("unmet_cooling_hours", "h", "hours with cooling load not met", unmetCoolingHours),
            ("inlet_outside_recommended_hours", "h", "hours with IT inlet air outside the ASHRAE recommended envelope",
             outsideRecommendedHours),
            ("inlet_outside_allowable_hours", "h", "hours with IT inlet air outside the ASHRAE allowable envelope",
             outsideAllowableHours),
            ("inlet_temperature_outside_allowable_hours", "h",
             "hours with IT inlet dry bulb outside the ASHRAE allowable range", inletTemperatureOutsideAllowableHours),
            ("inlet_humidity_outside_allowable_hours", "h",
             "hours with IT inlet dew point or relative humidity outside the ASHRAE allowable range", inletHumidityOutsideAllowableHours),
            ("water_outside_class_hours", "h", "hours with facility water above its ASHRAE W class", outsideWaterClassHours),
            ("curve_clamped_hours", "h", "hours with a plant curve evaluated outside its input range", curveClampedHours),
            ("heat_pump_outside_map_hours", "h", "hours with the heat pump outside its COP table", heatPumpOutsideMapHours),
            ("max_energy_balance_residual", "1", "largest relative energy-balance residual of a step",
             maximumEnergyBalanceResidual),
        ]
    }
}
