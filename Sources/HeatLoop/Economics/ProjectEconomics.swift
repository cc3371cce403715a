/// The money side of a heat-reuse project (DESIGN §3.8): what it costs to build and run, what its heat
/// sells for and what it saves the cooling plant, discounted over its life.
///
/// Annual cash flow, constant over the life `L` (year-1 prices, real terms):
///
///     CF = p_heat · Q_del + S_cool − C_el,hp − m · CAPEX
///     NPV  = −CAPEX + CF / a(r, L)
///     LCOH = (a(r, L) · CAPEX + m · CAPEX + C_el,hp − S_cool) / Q_del       €/MWh delivered
///     payback = CAPEX / CF  (simple, undiscounted; ∞ when CF ≤ 0)
///
/// `Q_del` is the heat delivered to the network (MWh/year), `C_el,hp` the heat pump's electricity
/// (`ElectricityPrice`, per step), `S_cool` the cooling electricity the project saves: the cooling energy
/// of the same site and weather without heat recovery minus the design's (heat the heat pump takes is heat
/// the dry coolers and chillers no longer reject), and `a(r, L)` the annuity factor (`Discounting`).
/// LCOH credits the cooling savings, as VDI 2067 credits avoided costs; with `creditsCoolingSavings`
/// false they are left out of CF and LCOH alike.
///
/// CO2 avoided over the life: `L · (Q_del · e_displaced − E_hp · e_grid + ΔE_cool · e_grid)`, each
/// electricity term summed at the step's grid intensity; the grid is taken as it is in the simulated year.
///
/// Defaults (DESIGN §4 sketch): heat 35 €/MWh (a wholesale price for low-temperature waste heat fed to
/// a network, below the 40–60 €/MWh production cost of gas boilers), electricity 90 €/MWh, maintenance
/// 2 %/year of CAPEX (Danish Energy Agency technology data: fixed O&M of large heat pumps 1.5–2.5 % of
/// investment), discount rate 6 % and a 20-year life (VDI 2067: heat pumps 18–20 years).
public struct ProjectEconomics: Sendable, Equatable {
    public var capital: CapitalCost
    /// Price the network pays for delivered heat, €/MWh.
    public var heatPrice: Double
    public var electricityPrice: ElectricityPrice
    /// Maintenance per year, as a fraction of CAPEX.
    public var maintenanceFraction: Double
    /// Real discount rate, fraction per year.
    public var discountRate: Double
    public var lifetimeYears: Int
    /// Whether the cooling electricity saved counts as income (needs a run without heat recovery).
    public var creditsCoolingSavings: Bool

    /// Defaults: the site file's (`EconomicsSpec`).
    public init(capital: CapitalCost = CapitalCost(), heatPrice: Double = EconomicsSpec.standard.heatPriceEurPerMwh,
                electricityPrice: ElectricityPrice = .constant(eurosPerMegawattHour: EconomicsSpec.defaultElectricityPrice),
                maintenanceFraction: Double = EconomicsSpec.standard.maintenancePctPerYear / 100,
                discountRate: Double = EconomicsSpec.standard.discountRate,
                lifetimeYears: Int = EconomicsSpec.standard.lifetimeYears,
                creditsCoolingSavings: Bool = EconomicsSpec.standard.creditCoolingSavings) {
        self.capital = capital
        self.heatPrice = heatPrice
        self.electricityPrice = electricityPrice
        self.maintenanceFraction = maintenanceFraction
        self.discountRate = discountRate
        self.lifetimeYears = lifetimeYears
        self.creditsCoolingSavings = creditsCoolingSavings
    }

    /// The appraisal of `design` (a run with heat recovery) of the project `size`, against `baseline`
    /// (the same site without heat recovery; nil when cooling savings are not credited).
    public func assess(size: ProjectSize, design: SimulationResult, baseline: CoolingBaseline?) -> EconomicAssessment {
        let totals = design.annual
        let calendar = design.site.calendar
        var flows = AnnualFlows(
            heatDelivered: Joules(totals.heatDelivered),
            heatPumpElectricityCost: electricityPrice.cost(power: design.columns[.heatPumpPower],
                                                           energy: Joules(totals.heatPump), calendar: calendar),
            coolingEnergySaved: Joules(0), coolingSavings: 0, co2Avoided: .nan)
        var coolingCO2Saved = 0.0
        if creditsCoolingSavings, let baseline {
            flows.coolingEnergySaved = Joules(baseline.coolingEnergy.value - totals.cooling)
            flows.coolingSavings = electricityPrice.savings(reference: baseline.coolingPower, power: design.columns[.coolingPower],
                                                            energySaved: flows.coolingEnergySaved, calendar: calendar)
            coolingCO2Saved = baseline.facilityCO2 - totals.co2Facility
        }
        if let carbon = design.site.carbon {
            // kg: heat displaced, less the heat pump's electricity, plus the cooling electricity saved.
            flows.co2Avoided = (flows.heatDelivered.megawattHours * carbon.displacedHeatGramsPerKWh
                - totals.co2HeatPump + coolingCO2Saved) / 1000
        }
        return assess(size: size, flows: flows)
    }

    /// The appraisal from one year's flows (the equations above).
    public func assess(size: ProjectSize, flows: AnnualFlows) -> EconomicAssessment {
        let capex = capital.breakdown(for: size)
        let delivered = flows.heatDelivered.megawattHours
        let maintenance = maintenanceFraction * capex.total
        let cashFlow = heatPrice * delivered + flows.coolingSavings - flows.heatPumpElectricityCost - maintenance
        let annuity = Discounting.annuityFactor(rate: discountRate, years: lifetimeYears)
        let payback: Double = cashFlow > 0 ? capex.total / cashFlow : (capex.total == 0 && cashFlow == 0 ? 0 : .infinity)
        return EconomicAssessment(
            capex: capex, heatRevenue: heatPrice * delivered, heatPumpElectricityCost: flows.heatPumpElectricityCost,
            coolingEnergySaved: flows.coolingEnergySaved, coolingSavings: flows.coolingSavings, maintenance: maintenance,
            netCashFlow: cashFlow, npv: -capex.total + cashFlow / annuity,
            lcoh: delivered > 0
                ? (annuity * capex.total + maintenance + flows.heatPumpElectricityCost - flows.coolingSavings) / delivered : .nan,
            paybackYears: payback, co2AvoidedLifetimeTonnes: Double(lifetimeYears) * flows.co2Avoided)
    }
}

/// One year of a design's operation, as the appraisal needs it.
public struct AnnualFlows: Sendable, Equatable {
    public var heatDelivered: Joules
    /// €.
    public var heatPumpElectricityCost: Double
    /// Cooling electricity saved against the site without heat recovery.
    public var coolingEnergySaved: Joules
    /// €.
    public var coolingSavings: Double
    /// CO2 avoided in the year, t (NaN without a grid intensity).
    public var co2Avoided: Double

    public init(heatDelivered: Joules, heatPumpElectricityCost: Double, coolingEnergySaved: Joules,
                coolingSavings: Double, co2Avoided: Double) {
        self.heatDelivered = heatDelivered
        self.heatPumpElectricityCost = heatPumpElectricityCost
        self.coolingEnergySaved = coolingEnergySaved
        self.coolingSavings = coolingSavings
        self.co2Avoided = co2Avoided
    }
}

/// What the cooling plant of the site without heat recovery uses, for the cooling savings.
public struct CoolingBaseline: Sendable {
    public var coolingEnergy: Joules
    /// Cooling electric power per step, W (used with a price series).
    public var coolingPower: [Float]
    /// CO2 of the facility's electricity, kg.
    public var facilityCO2: Double

    public init(_ result: SimulationResult) {
        let totals = result.annual
        coolingEnergy = Joules(totals.cooling)
        coolingPower = result.columns[.coolingPower]
        facilityCO2 = totals.co2Facility
    }
}

/// A project's economics for one design, per year unless named otherwise (€).
public struct EconomicAssessment: Sendable, Equatable {
    public var capex: CapitalCostBreakdown
    public var heatRevenue: Double
    public var heatPumpElectricityCost: Double
    public var coolingEnergySaved: Joules
    public var coolingSavings: Double
    public var maintenance: Double
    public var netCashFlow: Double
    public var npv: Double
    /// Levelised cost of delivered heat, €/MWh (NaN when nothing is delivered).
    public var lcoh: Double
    /// Simple payback, years (∞ when the project never pays back).
    public var paybackYears: Double
    public var co2AvoidedLifetimeTonnes: Double

    /// Names, units and long names of `named`, without values.
    public static var descriptions: [(name: String, units: String, longName: String, value: Double)] {
        EconomicAssessment(capex: CapitalCostBreakdown(heatPump: 0, storage: 0, connection: 0), heatRevenue: 0,
                           heatPumpElectricityCost: 0, coolingEnergySaved: Joules(0), coolingSavings: 0, maintenance: 0,
                           netCashFlow: 0, npv: 0, lcoh: 0, paybackYears: 0, co2AvoidedLifetimeTonnes: 0).named
    }

    /// Under their result-file names (`/summary` attributes, DESIGN §6) with units.
    public var named: [(name: String, units: String, longName: String, value: Double)] {
        [
            ("capex_eur", "EUR", "investment: heat pump, storage and DH connection", capex.total),
            ("capex_heat_pump_eur", "EUR", "heat-pump investment", capex.heatPump),
            ("capex_storage_eur", "EUR", "storage investment", capex.storage),
            ("capex_connection_eur", "EUR", "district-heating connection investment", capex.connection),
            ("heat_revenue_eur_per_year", "EUR year-1", "sales of delivered heat", heatRevenue),
            ("heat_pump_electricity_eur_per_year", "EUR year-1", "heat-pump electricity cost", heatPumpElectricityCost),
            ("cooling_energy_saved_MWh", "MWh", "cooling electricity saved against the site without heat recovery",
             coolingEnergySaved.megawattHours),
            ("cooling_savings_eur_per_year", "EUR year-1", "value of the cooling electricity saved", coolingSavings),
            ("maintenance_eur_per_year", "EUR year-1", "maintenance", maintenance),
            ("net_cash_flow_eur_per_year", "EUR year-1", "annual net cash flow of the project", netCashFlow),
            ("npv_eur", "EUR", "net present value over the project life", npv),
            ("lcoh_eur_per_MWh", "EUR MWh-1", "levelised cost of delivered heat", lcoh),
            ("payback_years", "year", "simple payback time", paybackYears),
            ("co2_avoided_lifetime_t", "t", "CO2 avoided over the project life", co2AvoidedLifetimeTonnes),
        ]
    }
}
