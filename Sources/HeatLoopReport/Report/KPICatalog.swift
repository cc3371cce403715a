/// Labels, units and number styles of the KPIs HeatLoop writes (names as in `KPIs.named`,
/// `RunSummary.attributes` and the economics and sizing columns), and the sections of a run's KPI table.
public enum KPICatalog {
    /// A titled group of KPI rows; `note` says where the figures come from.
    public struct Section: Sendable {
        public var title: String
        public var note: String
        public var names: [String]
    }

    /// The display of `name`: from the catalog, else guessed from its suffix or `units` (an HDF5 `units`
    /// attribute), else the name itself with four significant digits.
    public static func display(for name: String, units: String = "") -> KPIDisplay {
        if let known = known[name] { return known }
        let label = readableLabel(name)
        func make(_ unit: String, _ style: KPIDisplay.Style) -> KPIDisplay {
            KPIDisplay(name: name, label: label, unit: unit, style: style)
        }
        if name.hasSuffix("_eur_per_MWh") { return make("€/MWh", .number(decimals: 1)) }
        if name.hasSuffix("_eur") || name.hasSuffix("_eur_per_year") { return make("M€", .millionEuros) }
        if name.hasSuffix("_MWh") { return make("MWh", .number(decimals: 0)) }
        if name.hasSuffix("_years") { return make("years", .years) }
        if name.hasSuffix("_hours") { return make("h", .number(decimals: 0)) }
        if name.hasSuffix("_t") { return make("t", .number(decimals: 0)) }
        if name.hasSuffix("_c") { return make("°C", .number(decimals: 1)) }
        if name.hasSuffix("_m3") { return make("m³", .number(decimals: 0)) }
        if name.hasSuffix("_mw") || name.hasSuffix("_MW") { return make("MW", .number(decimals: 1)) }
        if name.hasSuffix("_kW") || name.hasSuffix("_kw") { return make("kW", .number(decimals: 1)) }
        switch units {
        case "MWh": return make("MWh", .number(decimals: 0))
        case "h": return make("h", .number(decimals: 0))
        case "t": return make("t", .number(decimals: 0))
        case "degC": return make("°C", .number(decimals: 1))
        case "EUR": return make("M€", .millionEuros)
        default: return make(units == "1" ? "" : units, .number(decimals: 3))
        }
    }

    /// `heat_recovery.heat_pump.capacity_mw` → `heat pump capacity mw`: the last two parts of a key
    /// path, underscores as spaces, known unit suffixes dropped.
    public static func readableLabel(_ name: String) -> String {
        let parts = name.split(separator: ".").suffix(2).map(String.init)
        var text = parts.joined(separator: " ").replacingOccurrences(of: "_", with: " ")
        for suffix in [" eur per MWh", " eur", " MWh", " hours", " years"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        return text
    }

    /// `heat_recovery.heat_pump.capacity_mw` → `heat_pump.capacity_mw`: enough of a key path to recognise
    /// the setting in a table header or on an axis.
    public static func shortKeyPath(_ keyPath: String) -> String {
        keyPath.split(separator: ".").suffix(2).joined(separator: ".")
    }

    /// The sections of a run's KPI table, in order. Names missing from a file are skipped; summary
    /// attributes in no section are listed under "Other".
    public static let runSections: [Section] = [
        Section(title: "EU EED reporting", note: "Delegated Regulation (EU) 2024/1364, Annex I",
                names: ["facility_energy_MWh", "it_energy_MWh", "waste_heat_reused_MWh", "waste_heat_temperature_c",
                        "water_use_m3", "pue", "wue_L_per_kWh", "erf"]),
        Section(title: "EnEfG §11", note: "German Energy Efficiency Act 2023; PUE excludes the heat pump",
                names: ["enefg_pue_required", "enefg_erf_required", "enefg_pass"]),
        Section(title: "Energy and efficiency", note: "ISO/IEC 30134 and The Green Grid",
                names: ["cooling_energy_MWh", "heat_pump_energy_MWh", "pue_with_heat_pump", "ere", "cer"]),
        Section(title: "Heat reuse", note: "heat recovery and the district-heating network",
                names: ["heat_available_MWh", "heat_recovered_MWh", "heat_exchanged_MWh", "heat_delivered_MWh",
                        "heat_dumped_MWh", "storage_loss_MWh", "dh_network_heat_MWh", "dh_losses_MWh", "dh_demand_MWh",
                        "heat_displacing_producers_MWh", "dh_coverage", "heat_pump_scop", "heat_pump_starts",
                        "heat_pump_starts_per_unit", "heat_pump_run_hours_per_unit"]),
        Section(title: "Carbon", note: "at the site's grid and displaced-heat intensities",
                names: ["co2_operational_t", "co2_avoided_t", "cue_kg_per_kWh"]),
        Section(title: "Economics", note: "when the site file has economics",
                names: ["capex_eur", "capex_heat_pump_eur", "capex_storage_eur", "capex_connection_eur",
                        "capex_connection_fee_eur", "heat_revenue_eur_per_year", "take_or_pay_eur_per_year",
                        "availability_shortfall_MWh", "availability_penalty_eur_per_year", "heat_pump_electricity_eur_per_year", "cooling_energy_saved_MWh",
                        "cooling_savings_eur_per_year", "maintenance_eur_per_year", "net_cash_flow_eur_per_year",
                        "npv_eur", "lcoh_eur_per_MWh", "payback_years", "co2_avoided_lifetime_t"]),
        Section(title: "Cooling modes and conditions", note: "hours of the year",
                names: ["free_cooling_hours", "partial_cooling_hours", "mechanical_cooling_hours", "unmet_cooling_hours",
                        "inlet_outside_recommended_hours", "inlet_outside_allowable_hours",
                        "inlet_temperature_outside_allowable_hours", "inlet_humidity_outside_allowable_hours", "water_outside_class_hours",
                        "curve_clamped_hours", "heat_pump_outside_map_hours"]),
        Section(title: "Checks", note: "model health",
                names: ["max_energy_balance_residual", "max_rack_kW"]),
    ]

    private static let known: [String: KPIDisplay] = Dictionary(uniqueKeysWithValues: [
        ("it_energy_MWh", "IT energy", "IT energy", "MWh", .number(decimals: 0)),
        ("facility_energy_MWh", "Total energy consumption (facility, heat pump excluded)", "Facility energy", "MWh", .number(decimals: 0)),
        ("cooling_energy_MWh", "Cooling energy (chillers, fans, pumps)", "Cooling energy", "MWh", .number(decimals: 0)),
        ("heat_pump_energy_MWh", "Heat-pump electricity", "Heat-pump electricity", "MWh", .number(decimals: 0)),
        ("pue", "PUE (ISO/IEC 30134-2)", "PUE", "", .number(decimals: 3)),
        ("pue_with_heat_pump", "PUE with the heat pump inside the boundary", "PUE with heat pump", "", .number(decimals: 3)),
        ("erf", "ERF, energy reuse factor (ISO/IEC 30134-6)", "ERF", "%", .percent(decimals: 1)),
        ("ere", "ERE, energy reuse effectiveness", "ERE", "", .number(decimals: 3)),
        ("wue_L_per_kWh", "WUE, water usage effectiveness (ISO/IEC 30134-9)", "WUE", "L/kWh", .number(decimals: 3)),
        ("cer", "CER, cooling efficiency ratio (ISO/IEC 30134-7)", "CER", "", .number(decimals: 1)),
        ("cue_kg_per_kWh", "CUE, carbon usage effectiveness (ISO/IEC 30134-8)", "CUE", "kg/kWh", .number(decimals: 3)),
        ("heat_available_MWh", "Heat available to heat recovery", "Heat available", "MWh", .number(decimals: 0)),
        ("heat_recovered_MWh", "Heat recovered from the loops", "Heat recovered", "MWh", .number(decimals: 0)),
        ("heat_exchanged_MWh", "Heat delivered by exchangers (no compressor)", "Heat exchanged", "MWh", .number(decimals: 0)),
        ("heat_delivered_MWh", "Heat delivered to district heating", "Heat delivered", "MWh", .number(decimals: 0)),
        ("heat_dumped_MWh", "Available heat not recovered", "Heat dumped", "MWh", .number(decimals: 0)),
        ("waste_heat_reused_MWh", "Waste heat reused", "Waste heat reused", "MWh", .number(decimals: 0)),
        ("waste_heat_temperature_c", "Mean temperature of the reused waste heat", "Waste-heat temperature", "°C", .number(decimals: 1)),
        ("storage_loss_MWh", "Standing losses of the heat storage", "Storage losses", "MWh", .number(decimals: 0)),
        ("dh_network_heat_MWh", "Heat the network needed (consumers and distribution losses)", "DH network heat", "MWh", .number(decimals: 0)),
        ("dh_losses_MWh", "District-heating distribution losses", "DH losses", "MWh", .number(decimals: 0)),
        ("dh_demand_MWh", "District-heating demand on the data center (after the merit order)", "DH demand", "MWh", .number(decimals: 0)),
        ("heat_displacing_producers_MWh", "Delivered heat that displaced another producer", "Heat displacing producers", "MWh", .number(decimals: 0)),
        ("dh_coverage", "Share of the DH demand delivered", "DH coverage", "%", .percent(decimals: 1)),
        ("heat_pump_scop", "Heat-pump seasonal COP", "SCOP", "", .number(decimals: 2)),
        ("heat_pump_starts", "Heat-pump unit starts, all units", "HP starts", "", .number(decimals: 0)),
        ("heat_pump_starts_per_unit", "Heat-pump starts per unit", "HP starts/unit", "", .number(decimals: 0)),
        ("heat_pump_run_hours_per_unit", "Heat-pump run hours per unit", "HP hours/unit", "h", .number(decimals: 0)),
        ("co2_operational_t", "Operational CO₂ (facility and heat pump)", "CO₂ operational", "t", .number(decimals: 0)),
        ("co2_avoided_t", "CO₂ avoided by delivered heat (net)", "CO₂ avoided", "t", .number(decimals: 0)),
        ("water_use_m3", "Water use", "Water", "m³", .number(decimals: 0)),
        ("free_cooling_hours", "Free cooling", nil, "h", .number(decimals: 0)),
        ("partial_cooling_hours", "Partial (economiser + chiller) cooling", nil, "h", .number(decimals: 0)),
        ("mechanical_cooling_hours", "Mechanical cooling", nil, "h", .number(decimals: 0)),
        ("unmet_cooling_hours", "Cooling load not met", nil, "h", .number(decimals: 1)),
        ("inlet_outside_recommended_hours", "IT inlet outside the ASHRAE recommended envelope", nil, "h", .number(decimals: 0)),
        ("inlet_outside_allowable_hours", "IT inlet outside the ASHRAE allowable envelope", nil, "h", .number(decimals: 0)),
        ("inlet_temperature_outside_allowable_hours", "IT inlet temperature outside the allowable range", nil, "h", .number(decimals: 0)),
        ("inlet_humidity_outside_allowable_hours", "IT inlet humidity outside the allowable range", nil, "h", .number(decimals: 0)),
        ("water_outside_class_hours", "Facility water above its ASHRAE W class", nil, "h", .number(decimals: 0)),
        ("curve_clamped_hours", "Plant curves evaluated outside their range", nil, "h", .number(decimals: 0)),
        ("heat_pump_outside_map_hours", "Heat pump outside its COP table", nil, "h", .number(decimals: 0)),
        ("max_energy_balance_residual", "Largest energy-balance residual of a step", nil, "", .scientific),
        ("max_rack_kW", "Peak rack power", "Peak rack", "kW/rack", .number(decimals: 1)),
        ("enefg_pue_required", "PUE required (at most)", nil, "", .number(decimals: 2)),
        ("enefg_erf_required", "ERF required (at least)", nil, "%", .percent(decimals: 0)),
        ("enefg_pass", "Verdict", "EnEfG", "", .verdict),
        ("capex_eur", "CAPEX (heat pump, storage, DH connection)", "CAPEX", "M€", .millionEuros),
        ("capex_heat_pump_eur", "CAPEX: heat pump", nil, "M€", .millionEuros),
        ("capex_storage_eur", "CAPEX: storage", nil, "M€", .millionEuros),
        ("capex_connection_eur", "CAPEX: DH connection", nil, "M€", .millionEuros),
        ("capex_connection_fee_eur", "CAPEX: connection fee to the network operator", nil, "M€", .millionEuros),
        ("take_or_pay_eur_per_year", "Take-or-pay payment per year", nil, "M€", .millionEuros),
        ("availability_shortfall_MWh", "Heat short of the availability commitment", nil, "MWh", .number(decimals: 0)),
        ("availability_penalty_eur_per_year", "Availability penalty per year", nil, "M€", .millionEuros),
        ("heat_revenue_eur_per_year", "Heat sales per year", nil, "M€", .millionEuros),
        ("heat_pump_electricity_eur_per_year", "Heat-pump electricity cost per year", nil, "M€", .millionEuros),
        ("cooling_energy_saved_MWh", "Cooling electricity saved (against no heat recovery)", nil, "MWh", .number(decimals: 0)),
        ("cooling_savings_eur_per_year", "Value of the cooling electricity saved per year", nil, "€", .number(decimals: 0)),
        ("maintenance_eur_per_year", "Maintenance per year", nil, "M€", .millionEuros),
        ("net_cash_flow_eur_per_year", "Net cash flow per year", "Cash flow", "M€", .millionEuros),
        ("npv_eur", "Net present value", "NPV", "M€", .millionEuros),
        ("lcoh_eur_per_MWh", "Levelised cost of heat", "LCOH", "€/MWh", .number(decimals: 1)),
        ("payback_years", "Payback", "Payback", "years", .years),
        ("co2_avoided_lifetime_t", "CO₂ avoided over the lifetime", "CO₂ avoided, lifetime", "t", .number(decimals: 0)),
        // A project timeline's figures (`TimelineSummary.named`) and its year columns.
        ("irr", "Internal rate of return", "IRR", "%", .percent(decimals: 1)),
        ("investment_eur", "Investment (year 1 heat-recovery CAPEX)", "Investment", "M€", .millionEuros),
        ("net_cash_flow_eur", "Net cash flow of the year", "Cash flow", "M€", .millionEuros),
    ].map { (name: String, label: String, shortLabel: String?, unit: String, style: KPIDisplay.Style) in
        (name, KPIDisplay(name: name, label: label, shortLabel: shortLabel, unit: unit, style: style))
    })
}
