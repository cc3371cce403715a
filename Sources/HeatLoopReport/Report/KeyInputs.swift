import Foundation
import HeatLoop

/// The site's key inputs, for the report's "Site inputs" table: the weather, the IT, the cooling plant,
/// heat recovery, carbon, compliance and economics settings of the resolved site, in words. Read from the
/// typed description the result stores (`site_config_json`), so only components the site has appear.
extension RunReport {
    public var keyInputs: [(label: String, value: String)] {
        var rows: [(label: String, value: String)] = []
        if let weather = text("weather_file") { rows.append(("Weather file", (weather as NSString).lastPathComponent)) }
        rows.append(("Simulated year", "\(year), \(stepMinutes)-minute steps"))
        guard let site else { return rows }
        rows += site.it.clusters.map { ("Cluster ‘\($0.name)’", Self.words($0)) }
        if let power = itPowerWords { rows.append(("IT power (hourly)", power)) }
        rows.append(("Plant sized for", Self.designWords(site)))
        rows += Self.coolingRows(site)
        rows += Self.heatRecoveryRows(site.heatRecovery)
        if let carbon = site.carbon { rows.append(("Grid carbon", Self.words(carbon))) }
        if let date = site.compliance?.commissioningDate { rows.append(("Commissioning (EnEfG)", date)) }
        for entry in site.node["economics"]?.entries ?? [] {
            guard let scalar = entry.value.scalar else { continue }
            rows.append(("economics.\(entry.key)", scalar.number.map { Self.number($0) } ?? scalar.text))
        }
        return rows
    }

    /// Hourly IT power's peak and mean, in the unit that suits the peak.
    private var itPowerWords: String? {
        let itPower = hourly.itPower.filter(\.isFinite)
        guard let peak = itPower.max() else { return nil }
        let unit = ChartUnits.power(peak: peak)
        let mean = itPower.reduce(0, +) / Double(itPower.count)
        return "peak \(NumberText.grouped(peak / unit.watts, decimals: 1)) \(unit.name), "
            + "mean \(NumberText.grouped(mean / unit.watts, decimals: 1)) \(unit.name)"
    }

    private static func coolingRows(_ site: SiteSpec) -> [(label: String, value: String)] {
        var rows: [(label: String, value: String)] = []
        let cooling = site.cooling
        if site.it.clusters.contains(where: { ($0.liquidCapture ?? 0) > 0 }) {
            rows.append(("Liquid loop", phrase(["supply \(number(cooling.liquid.supplyC, "°C"))",
                                                "ΔT \(number(cooling.liquid.deltaTK, "K"))",
                                                words(cooling.liquid.rejection)])))
        }
        let air = cooling.air
        if let crac = air.crac {
            rows.append(("Air loop", phrase(["supply air \(number(air.supplyAirC, "°C"))", "ASHRAE \(air.ashraeClass.rawValue)",
                                             "DX CRAC units" + (crac.capacityKw.map { ", \(number($0, "kW"))" } ?? ""),
                                             crac.economiser.variantName == "none" ? nil
                                                : "\(crac.economiser.variantName.replacingOccurrences(of: "_", with: " ")) economiser"])))
        } else {
            rows.append(("Air loop", phrase(["supply air \(number(air.supplyAirC, "°C"))",
                                             "chilled water \(number(air.chilledWaterC, "°C"))",
                                             "ASHRAE \(air.ashraeClass.rawValue)", words(air.rejection)])))
        }
        return rows
    }

    private static func heatRecoveryRows(_ recovery: HeatRecoverySpec?) -> [(label: String, value: String)] {
        guard let recovery else { return [] }
        var rows: [(label: String, value: String)] = []
        let pump = recovery.heatPump
        rows.append(("Heat pump", phrase([number(pump.capacityMw, "MW"), "\(pump.units) unit(s)",
                                          "source: \(pump.source.rawValue) loop"])))
        if let storage = recovery.storage { rows.append(("Heat storage", number(storage.volumeM3, "m³"))) }
        let network = recovery.districtHeating
        var designLoad: String?
        if case .degreeHours(let demand) = network.demand { designLoad = demand.designLoadMw.map { "design load \(number($0, "MW"))" } }
        rows.append(("District heating", phrase([
            network.connectionMw.map { "connection \(number($0, "MW"))" },
            network.returnCurveC == nil ? "return \(number(network.returnC, "°C"))" : "weather-compensated return",
            "demand: \(network.demand.variantName.replacingOccurrences(of: "_", with: " "))",
            designLoad,
        ])))
        return rows
    }

    private static func words(_ cluster: ClusterSpec) -> String {
        phrase(["\(number(Double(cluster.nodes))) nodes",
                cluster.node.gpus > 0 ? "\(cluster.node.gpus) GPUs each" : nil,
                "\(cluster.cooling.rawValue) cooling", "\(cluster.nodesPerRack) nodes per rack",
                "\(cluster.workload.variantName) workload"])
    }

    /// The heat-rejection plant in words (`heat rejection: dry cooler with adiabatic pads and trim chiller`).
    private static func words(_ rejection: RejectionSpec) -> String {
        var words = "heat rejection: " + rejection.variantName.replacingOccurrences(of: "_", with: " ")
        if case .dryCooler(let cooler) = rejection {
            if cooler.adiabatic != nil { words += " with adiabatic pads" }
            if cooler.trimChiller != nil { words += " and trim chiller" }
        }
        return words
    }

    private static func words(_ carbon: CarbonSpec) -> String {
        phrase([carbon.gridGPerKwh.map { number($0, "g/kWh") },
                carbon.country.map { "country average \($0)" },
                carbon.gridCsv.map { "hourly from \(($0 as NSString).lastPathComponent)" },
                "displaced heat \(number(carbon.displacedHeatGPerKwh, "g/kWh"))"])
    }

    private static func number(_ value: Double, _ unit: String = "") -> String {
        NumberText.significant(value, digits: 4) + (unit.isEmpty ? "" : " " + unit)
    }

    /// The design step's basis: design IT load, outdoor design condition, sizing factor.
    private static func designWords(_ site: SiteSpec) -> String {
        phrase([site.designItMw.map { number($0, "MW") + " IT" },
                site.designDryBulbC.map { number($0, "°C") + " dry bulb" },
                site.designWetBulbC.map { number($0, "°C") + " wet bulb" },
                "sizing factor \(number(site.designSizingFactor))"])
    }

    private static func phrase(_ parts: [String?]) -> String { parts.compactMap { $0 }.joined(separator: ", ") }
}
