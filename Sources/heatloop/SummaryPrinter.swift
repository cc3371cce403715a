import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopReport

/// The terminal and JSON forms of a run's summary.
enum SummaryPrinter {
    static func table(result: SimulationResult, summary: RunSummary, design: SiteSpec, weather: String, output: String,
                      seconds: Double) -> String {
        let site = result.site
        let k = summary.annual
        let rows = [designRow(design)] + energyRows(k, heatReuse: site.heatRecovery != nil) + operationRows(result, k)
            + (summary.economics.map { economicsRows($0, design.economics?.currencyUnit ?? .euro) } ?? []) + enefgRows(summary.enefg)
        let width = rows.map(\.0.count).max() ?? 0
        var lines = ["\(site.name): \(site.calendar.year), \(site.calendar.stepMinutes)-minute steps, weather \((weather as NSString).lastPathComponent)"]
        lines += rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        if let enefg = summary.enefg {
            lines.append("  (\(enefg.basis))")
            if enefg.isAssessed {
                lines += enefg.shortfalls(itMWh: k.itMWh, facilityMWh: k.facilityMWh, reusedMWh: k.wasteHeatReusedMWh)
                    .map { "  EnEfG: \($0)" }
            }
        }
        if !result.jobs.isEmpty { lines += jobTable(result.jobs) }
        lines += warningBlock(summary.failures)
        lines.append("Result: \(output) (\(String(format: "%.2f", seconds)) s)")
        return lines.joined(separator: "\n")
    }

    /// What the plant was sized for (the design step's values in the resolved site).
    private static func designRow(_ spec: SiteSpec) -> (String, String) {
        ("Plant sized for", "\(decimalText(spec.designItMw ?? .nan, 2)) MW IT at \(decimalText(spec.designDryBulbC ?? .nan, 1)) °C dry bulb / "
            + "\(decimalText(spec.designWetBulbC ?? .nan, 1)) °C wet bulb")
    }

    /// Energy, efficiency metrics and, with heat reuse, the heat and heat-pump figures.
    private static func energyRows(_ k: KPIs, heatReuse: Bool) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("IT energy", mwh(k.itMWh)),
            ("Facility energy", mwh(k.facilityMWh)),
            ("Cooling energy", mwh(k.coolingMWh)),
        ]
        if k.humidifierMWh > 0 { rows.append(("  of which humidifiers", mwh(k.humidifierMWh))) }
        rows.append(("PUE", decimalText(k.pue, 3)))
        if heatReuse {
            rows += [
                ("PUE incl. heat pump", decimalText(k.pueWithHeatPump, 3)),
                ("ERF", percent(k.erf)),
                ("ERE", decimalText(k.ere, 3)),
            ]
        }
        rows.append(("WUE", decimalText(k.wue, 3) + " L/kWh"))
        if k.wueSource.isFinite { rows.append(("WUE incl. electricity (source)", decimalText(k.wueSource, 3) + " L/kWh")) }
        guard heatReuse else { return rows }
        return rows + [
            ("Heat available", mwh(k.heatAvailableMWh)),
            ("Heat recovered", mwh(k.heatRecoveredMWh)),
            ("Heat delivered to DH", mwh(k.heatDeliveredMWh)),
            ("  of which by heat exchangers", mwh(k.heatExchangedMWh)),
            ("Heat-storage losses", mwh(k.storageLossMWh)),
            ("Waste heat reused (EED)", "\(mwh(k.wasteHeatReusedMWh)) at \(decimalText(k.wasteHeatTemperature, 1)) °C"),
            ("DH demand coverage", percent(k.dhCoverage)),
            ("DH network heat / losses", "\(mwh(k.dhNetworkHeatMWh)) / \(mwh(k.dhLossesMWh))"),
            ("DH asked of the data center", mwh(k.dhDemandMWh)),
            ("  displacing other producers", mwh(k.heatDisplacingProducersMWh)),
            ("Heat-pump SCOP", decimalText(k.heatPumpSCOP, 2)),
            ("Heat-pump energy", mwh(k.heatPumpMWh)),
            ("Heat-pump starts / run hours per unit",
             "\(decimalText(k.heatPumpStartsPerUnit, 0)) / \(decimalText(k.heatPumpRunHoursPerUnit, 0)) h"),
        ]
    }

    /// CO2, cooling modes, envelope excursions, water, the energy-balance check and warnings.
    private static func operationRows(_ result: SimulationResult, _ k: KPIs) -> [(String, String)] {
        let site = result.site
        var rows = [("CO2 operational", decimalText(k.co2OperationalTonnes, 0) + " t")]
        if site.heatRecovery != nil { rows.append(("CO2 avoided", decimalText(k.co2AvoidedTonnes, 0) + " t")) }
        rows += [
            ("Cooling hours free/partial/mech.", "\(decimalText(k.freeCoolingHours, 0)) / \(decimalText(k.partialCoolingHours, 0)) / \(decimalText(k.mechanicalCoolingHours, 0)) h"),
            ("Unmet cooling", decimalText(k.unmetCoolingHours, 1) + " h"),
            ("Inlet outside ASHRAE \(site.envelope.air.name) rec./allow.",
             "\(decimalText(k.outsideRecommendedHours, 0)) / \(decimalText(k.outsideAllowableHours, 0)) h"),
            ("  allowable: temperature / humidity",
             "\(decimalText(k.inletTemperatureOutsideAllowableHours, 0)) / \(decimalText(k.inletHumidityOutsideAllowableHours, 0)) h"),
        ]
        if let waterClass = site.envelope.liquid, site.liquidLoop != nil {
            rows.append(("Facility water above \(waterClass.name)", decimalText(k.outsideWaterClassHours, 0) + " h"))
        }
        rows += [
            ("Water", decimalText(k.waterM3, 0) + " m³"),
            ("Energy-balance residual (max)", String(format: "%.1e", k.maximumEnergyBalanceResidual)),
            ("Peak rack power", decimalText(result.maximumRackPower / 1e3, 1) + " kW/rack"),
        ]
        if k.curveClampedHours > 0 {
            rows.append(("Plant curves clamped", decimalText(k.curveClampedHours, 0) + " h (inputs outside their fitted range)"))
        }
        if k.heatPumpOutsideMapHours > 0 {
            rows.append(("Heat pump outside its COP map", decimalText(k.heatPumpOutsideMapHours, 0) + " h"))
        }
        return rows
    }

    private static func economicsRows(_ e: EconomicAssessment, _ currency: Currency) -> [(String, String)] {
        let euros = currency.amount
        let fee = e.capex.connectionFee != 0 ? " / fee \(euros(e.capex.connectionFee))" : ""
        var contract = e.takeOrPayPayment != 0 ? ", take-or-pay \(euros(e.takeOrPayPayment))" : ""
        if e.availabilityShortfall.value > 0 || e.availabilityPenalty != 0 {
            contract += ", availability penalty −\(euros(e.availabilityPenalty)) for \(decimalText(e.availabilityShortfall.megawattHours, 0)) MWh short"
        }
        return [
            ("CAPEX (heat pump/storage/DH)", "\(euros(e.capex.total)) (\(euros(e.capex.heatPump)) / \(euros(e.capex.storage)) / \(euros(e.capex.connection))\(fee))"),
            ("Net cash flow", euros(e.netCashFlow) + "/year (heat \(euros(e.heatRevenue))\(contract), cooling saved \(euros(e.coolingSavings)), HP electricity −\(euros(e.heatPumpElectricityCost)), maintenance −\(euros(e.maintenance)))"),
            ("NPV", euros(e.npv)),
            ("LCOH", decimalText(e.lcoh, 1) + " " + currency.per("MWh")),
            ("Simple payback", e.paybackYears.isFinite ? decimalText(e.paybackYears, 1) + " years" : "never"),
            ("CO2 avoided over the life", decimalText(e.co2AvoidedLifetimeTonnes, 0) + " t"),
        ]
    }

    /// The plant's failures, one a line under a banner, so that they cannot be missed below the figures.
    static func warningBlock(_ failures: PlantFailures) -> [String] {
        let messages = failures.messages
        guard !messages.isEmpty else { return [] }
        return ["WARNING: the plant did not do its job (\(messages.count) problem\(messages.count == 1 ? "" : "s")):"]
            + messages.map { "  ! \($0)" }
    }

    private static func enefgRows(_ enefg: EnEfGAssessment?) -> [(String, String)] {
        guard let enefg else { return [("EnEfG §11", "not assessed (no compliance.commissioning_date)")] }
        return [
            ("EnEfG §11", enefg.verdict),
            ("  PUE required / achieved", "≤ \(decimalText(enefg.pueRequired, 2)) / \(decimalText(enefg.pueAchieved, 3)) \(enefg.passesPUE ? "ok" : "too high")"),
            ("  ERF required / achieved", "≥ \(percent(enefg.erfRequired)) / \(percent(enefg.erfAchieved)) \(enefg.passesERF ? "ok" : "too low")"),
        ]
    }

    /// Training jobs, largest energy first (at most 10; all are in `/summary/jobs`).
    /// The month-by-month KPI table (`MonthlyKPITable`) of a result document, under a title; empty without
    /// `/summary/monthly`.
    static func monthlyTable(_ document: ResultDocument) -> [String] {
        guard let monthly = document.summaryTables.first(where: { $0.name == "monthly" }) else { return [] }
        let table = MonthlyKPITable(monthly: monthly, annual: { document.summaryValue($0)?.double ?? .nan })
        return ["", "Month by month (local standard time)"] + table.textTable.lines()
    }

    static func jobTable(_ jobs: [JobSummary]) -> [String] {
        let shown = jobs.sorted { $0.energyMWh > $1.energyMWh }.prefix(10)
        var lines = ["Jobs (energy at the meter; × step PUE; operational CO2):"]
        let width = shown.map(\.name.count).max() ?? 0
        for job in shown {
            let name = job.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let status = job.completed ? "" : ", not finished in the year"
            lines.append("  \(name)  \(job.nodes) nodes, \(decimalText(job.gpuHours / 1000, 0))k GPU-h, \(mwh(job.energyMWh)); \(mwh(job.facilityEnergyMWh)); \(decimalText(job.co2Tonnes, 0)) t; \(job.interruptions) interruptions\(status)")
        }
        if jobs.count > shown.count { lines.append("  … \(jobs.count - shown.count) more in /summary/jobs") }
        return lines
    }

    /// `run --json`: the result file's `/summary` attributes as one JSON object (NaN → null), with the site,
    /// the output path and the jobs; keys sorted.
    static func json(_ recorded: RecordedRun, output: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(RunSummaryJSON(recorded, output: output))
        return String(decoding: data, as: UTF8.self)
    }

    private static func mwh(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return value >= 10_000 ? String(format: "%.1f GWh", value / 1000) : String(format: "%.0f MWh", value)
    }
    private static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f %%", value * 100) : "–"
    }
}
