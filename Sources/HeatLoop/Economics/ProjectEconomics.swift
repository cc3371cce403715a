/// The money side of a heat-reuse project (DESIGN §3.8): what it costs to build and run, what its heat
/// sells for and what it saves the cooling plant, discounted over its life.
///
/// Annual cash flow, constant over the life `L` (year-1 prices, real terms):
///
///     CF = R_heat + R_top + S_cool − C_el,hp − C_pen − m · CAPEX
///     NPV  = −CAPEX + CF / a(r, L)
///     LCOH = (a(r, L) · CAPEX + m · CAPEX + C_el,hp + C_pen − S_cool) / Q_del       €/MWh delivered
///     payback = CAPEX / CF  (simple, undiscounted; ∞ when CF ≤ 0)
///
/// `Q_del` is the heat delivered to the network (MWh/year), `R_heat` its sales (`HeatPrice`: constant, by
/// month, a series, or the displaced producer's marginal cost), `R_top` the take-or-pay payment and `C_pen`
/// the availability penalty (`HeatContract`; its connection fee is part of CAPEX), `C_el,hp` the heat pump's electricity
/// (`ElectricityPrice`, per step), `S_cool` the cooling electricity the project saves: the cooling energy
/// of the same site and weather without heat recovery minus the design's (heat the heat pump takes is heat
/// the dry coolers and chillers no longer reject), and `a(r, L)` the annuity factor (`Discounting`).
/// LCOH credits the cooling savings, as VDI 2067 credits avoided costs; with `creditsCoolingSavings`
/// false they are left out of CF and LCOH alike.
///
/// CO2 avoided over the life: `L · (CO2_displaced − E_hp · e_grid + ΔE_cool · e_grid)`, each electricity
/// term summed at the step's grid intensity; the grid is taken as it is in the simulated year.
/// `CO2_displaced` sums the intensity of the producer each step's heat displaced (`MeritOrder`), and
/// `e_displaced` (`carbon.displaced_heat_g_per_kwh`) for heat that displaced none (all of it without producers).
///
/// Defaults (DESIGN §4 sketch): heat 35 €/MWh (a wholesale price for low-temperature waste heat fed to
/// a network, below the 40–60 €/MWh production cost of gas boilers), electricity 90 €/MWh, maintenance
/// 2 %/year of CAPEX (Danish Energy Agency technology data: fixed O&M of large heat pumps 1.5–2.5 % of
/// investment), discount rate 6 % and a 20-year life (VDI 2067: heat pumps 18–20 years).
public struct ProjectEconomics: Sendable, Equatable {
    public var capital: CapitalCost
    /// Price the network pays for delivered heat.
    public var heatPrice: HeatPrice
    /// Take-or-pay, availability commitment and connection fee.
    public var contract: HeatContract
    public var electricityPrice: ElectricityPrice
    /// Maintenance per year, as a fraction of CAPEX.
    public var maintenanceFraction: Double
    /// Real discount rate, fraction per year.
    public var discountRate: Double
    public var lifetimeYears: Int
    /// Whether the cooling electricity saved counts as income (needs a run without heat recovery).
    public var creditsCoolingSavings: Bool

    /// Defaults: the site file's (`EconomicsSpec`).
    public init(capital: CapitalCost = CapitalCost(),
                heatPrice: HeatPrice = .constant(eurosPerMegawattHour: EconomicsSpec.standard.heatPriceEurPerMwh),
                contract: HeatContract = HeatContract(),
                electricityPrice: ElectricityPrice = .constant(eurosPerMegawattHour: EconomicsSpec.defaultElectricityPrice),
                maintenanceFraction: Double = EconomicsSpec.standard.maintenancePctPerYear / 100,
                discountRate: Double = EconomicsSpec.standard.discountRate,
                lifetimeYears: Int = EconomicsSpec.standard.lifetimeYears,
                creditsCoolingSavings: Bool = EconomicsSpec.standard.creditCoolingSavings) {
        self.capital = capital
        self.heatPrice = heatPrice
        self.contract = contract
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
        let delivered = design.columns[.heatDelivered]
        var flows = AnnualFlows(
            heatDelivered: Joules(totals.heatDelivered),
            heatRevenue: heatPrice.revenue(delivered: delivered, totals: totals, calendar: calendar),
            heatPumpElectricityCost: electricityPrice.cost(power: design.columns[.heatPumpPower],
                                                           energy: Joules(totals.heatPump), calendar: calendar),
            coolingEnergySaved: Joules(0), coolingSavings: 0, co2Avoided: .nan,
            availabilityShortfall: contract.availabilityShortfall(asked: design.columns[.dhDemand], delivered: delivered,
                                                                  stepSeconds: calendar.stepDuration.value))
        var coolingCO2Saved = 0.0
        if creditsCoolingSavings, let baseline {
            flows.coolingEnergySaved = Joules(baseline.coolingEnergy.value - totals.cooling)
            flows.coolingSavings = electricityPrice.savings(reference: baseline.coolingPower, power: design.columns[.coolingPower],
                                                            energySaved: flows.coolingEnergySaved, calendar: calendar)
            coolingCO2Saved = baseline.facilityCO2 - totals.co2Facility
        }
        if let carbon = design.site.carbon {
            // kg: heat displaced, less the heat pump's electricity, plus the cooling electricity saved.
            flows.co2Avoided = (totals.co2Displaced(fallbackIntensity: carbon.displacedHeatGramsPerKWh)
                - totals.co2HeatPump + coolingCO2Saved) / 1000
        }
        return assess(size: size, flows: flows)
    }

    /// The appraisal from one year's flows (the equations above).
    public func assess(size: ProjectSize, flows: AnnualFlows) -> EconomicAssessment {
        var capex = capital.breakdown(for: size)
        capex.connectionFee = size.isConnected ? contract.connectionFee : 0
        let delivered = flows.heatDelivered.megawattHours
        let maintenance = maintenanceFraction * capex.total
        let takeOrPay = contract.takeOrPayPayment(delivered: flows.heatDelivered)
        let penalty = contract.penalty(shortfall: flows.availabilityShortfall)
        let cashFlow = flows.heatRevenue + takeOrPay + flows.coolingSavings - flows.heatPumpElectricityCost - penalty
            - maintenance
        let annuity = Discounting.annuityFactor(rate: discountRate, years: lifetimeYears)
        let payback: Double = cashFlow > 0 ? capex.total / cashFlow : (capex.total == 0 && cashFlow == 0 ? 0 : .infinity)
        return EconomicAssessment(
            capex: capex, heatRevenue: flows.heatRevenue, takeOrPayPayment: takeOrPay,
            heatPumpElectricityCost: flows.heatPumpElectricityCost,
            coolingEnergySaved: flows.coolingEnergySaved, coolingSavings: flows.coolingSavings,
            availabilityShortfall: flows.availabilityShortfall, availabilityPenalty: penalty, maintenance: maintenance,
            netCashFlow: cashFlow, npv: -capex.total + cashFlow / annuity,
            lcoh: delivered > 0
                ? (annuity * capex.total + maintenance + flows.heatPumpElectricityCost + penalty - flows.coolingSavings)
                    / delivered : .nan,
            paybackYears: payback, co2AvoidedLifetimeTonnes: Double(lifetimeYears) * flows.co2Avoided)
    }
}

/// One year of a design's operation, as the appraisal needs it.
public struct AnnualFlows: Sendable, Equatable {
    public var heatDelivered: Joules
    /// Sales of the delivered heat (`HeatPrice.revenue`), €.
    public var heatRevenue: Double
    /// €.
    public var heatPumpElectricityCost: Double
    /// Cooling electricity saved against the site without heat recovery.
    public var coolingEnergySaved: Joules
    /// €.
    public var coolingSavings: Double
    /// CO2 avoided in the year, t (NaN without a grid intensity).
    public var co2Avoided: Double
    /// Heat short of the availability commitment (`HeatContract.availabilityShortfall`).
    public var availabilityShortfall: Joules

    public init(heatDelivered: Joules, heatRevenue: Double, heatPumpElectricityCost: Double, coolingEnergySaved: Joules,
                coolingSavings: Double, co2Avoided: Double, availabilityShortfall: Joules = Joules(0)) {
        self.heatDelivered = heatDelivered
        self.heatRevenue = heatRevenue
        self.availabilityShortfall = availabilityShortfall
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
    /// The baseline run's steps that do not depend on heat recovery, for the project's runs to read
    /// (`Simulation.run(keeping:reading:)`); nil when they cannot be shared.
    public var sharedSteps: SharedSteps?

    /// The step columns `init` reads: a baseline run keeps only these (`Simulation.run(keeping:)`).
    public static let seriesRead: Set<OutputSeries> = [.coolingPower]

    public init(_ result: SimulationResult, sharedSteps: SharedSteps? = nil) {
        let totals = result.annual
        coolingEnergy = Joules(totals.cooling)
        coolingPower = result.columns[.coolingPower]
        facilityCO2 = totals.co2Facility
        self.sharedSteps = sharedSteps
    }

    /// The run of `simulation`'s site without heat recovery, with its shared steps when `sharingSteps`.
    public init(simulation: Simulation, sharingSteps: Bool = true) {
        let baseline = simulation.withoutHeatRecovery
        guard sharingSteps else {
            self.init(baseline.run(keeping: Self.seriesRead))
            return
        }
        let run = baseline.runSharingSteps(keeping: Self.seriesRead)
        self.init(run.result, sharedSteps: run.shared)
    }

    /// The memory the baseline holds, bytes.
    public var bytes: Int { coolingPower.count * MemoryLayout<Float>.stride + (sharedSteps?.bytes ?? 0) }

    /// The most memory a baseline of `steps` steps holds, bytes (with its shared steps when they are kept).
    public static func bytes(steps: Int) -> Int {
        let shared = SharedSteps.bytes(steps: steps)
        return steps * MemoryLayout<Float>.stride + (shared <= SharedSteps.maximumBytes ? shared : 0)
    }
}

/// A project's economics for one design, per year unless named otherwise (€).
public struct EconomicAssessment: Sendable, Equatable {
    public var capex: CapitalCostBreakdown
    public var heatRevenue: Double
    /// Take-or-pay payment for heat the network did not take.
    public var takeOrPayPayment: Double
    public var heatPumpElectricityCost: Double
    public var coolingEnergySaved: Joules
    public var coolingSavings: Double
    public var availabilityShortfall: Joules
    public var availabilityPenalty: Double
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
                           takeOrPayPayment: 0, heatPumpElectricityCost: 0, coolingEnergySaved: Joules(0), coolingSavings: 0,
                           availabilityShortfall: Joules(0), availabilityPenalty: 0, maintenance: 0,
                           netCashFlow: 0, npv: 0, lcoh: 0, paybackYears: 0, co2AvoidedLifetimeTonnes: 0).named
    }

    /// Under their result-file names (`/summary` attributes, DESIGN §6) with units.
    public var named: [(name: String, units: String, longName: String, value: Double)] {
        [
            ("capex_eur", "EUR", "investment: heat pump, storage and DH connection", capex.total),
            ("capex_heat_pump_eur", "EUR", "heat-pump investment", capex.heatPump),
            ("capex_storage_eur", "EUR", "storage investment", capex.storage),
            ("capex_connection_eur", "EUR", "district-heating connection investment", capex.connection),
            ("capex_connection_fee_eur", "EUR", "connection fee paid to the network operator", capex.connectionFee),
            ("heat_revenue_eur_per_year", "EUR year-1", "sales of delivered heat", heatRevenue),
            ("take_or_pay_eur_per_year", "EUR year-1", "take-or-pay payment for heat the network did not take", takeOrPayPayment),
            ("availability_shortfall_MWh", "MWh", "heat short of the availability commitment",
             availabilityShortfall.megawattHours),
            ("availability_penalty_eur_per_year", "EUR year-1", "penalty for the availability shortfall", availabilityPenalty),
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
