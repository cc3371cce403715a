import Foundation

/// The site's key inputs, for the report's "Site inputs" table: the weather, the IT, the cooling plant,
/// heat recovery, carbon, compliance and economics settings of the resolved site file, in words.
extension RunReport {
    public var keyInputs: [(label: String, value: String)] {
        var rows: [(label: String, value: String)] = []
        if let weather = text("weather_file") { rows.append(("Weather file", (weather as NSString).lastPathComponent)) }
        rows.append(("Simulated year", "\(year), \(stepMinutes)-minute steps"))
        guard let yaml = text("site_config") else { return rows }
        let site = SiteConfigOutline(yaml: yaml)
        func number(_ path: String, _ unit: String = "") -> String? {
            site.number(path).map { NumberText.significant($0, digits: 4) + (unit.isEmpty ? "" : " " + unit) }
        }
        func phrase(_ parts: [String?]) -> String { parts.compactMap { $0 }.joined(separator: ", ") }

        var cluster = 0
        while let name = site.value("it.clusters[\(cluster)].name") {
            let prefix = "it.clusters[\(cluster)]"
            let nodes = number("\(prefix).nodes").map { "\($0) nodes" }
            let gpus = site.number("\(prefix).node.gpus").flatMap { $0 > 0 ? "\(NumberText.significant($0)) GPUs each" : nil }
            let workload = site.firstKey(under: "\(prefix).workload").map { "\($0.replacingOccurrences(of: "_", with: " ")) workload" }
            rows.append(("Cluster ‘\(name)’", phrase([nodes, gpus, site.value("\(prefix).cooling").map { "\($0) cooling" },
                                                       number("\(prefix).nodes_per_rack").map { "\($0) nodes per rack" },
                                                       workload])))
            cluster += 1
        }
        let itPower = hourly.itPower.filter(\.isFinite)
        if let peak = itPower.max() {
            let unit = ChartUnits.power(peak: peak)
            let mean = itPower.reduce(0, +) / Double(itPower.count)
            rows.append(("IT power (hourly)", "peak \(NumberText.grouped(peak / unit.watts, decimals: 1)) \(unit.name), "
                + "mean \(NumberText.grouped(mean / unit.watts, decimals: 1)) \(unit.name)"))
        }
        let liquidCooled = (0..<cluster).contains { site.value("it.clusters[\($0)].cooling") != "air" }
        if liquidCooled, site.firstKey(under: "cooling.liquid") != nil {
            rows.append(("Liquid loop", phrase([number("cooling.liquid.supply_c", "°C").map { "supply \($0)" },
                                                number("cooling.liquid.delta_t_k", "K").map { "ΔT \($0)" },
                                                rejection(site, "cooling.liquid.rejection")])))
        }
        if site.firstKey(under: "cooling.air") != nil {
            rows.append(("Air loop", phrase([number("cooling.air.supply_air_c", "°C").map { "supply air \($0)" },
                                             number("cooling.air.chilled_water_c", "°C").map { "chilled water \($0)" },
                                             site.value("cooling.air.ashrae_class").map { "ASHRAE \($0)" },
                                             rejection(site, "cooling.air.rejection")])))
        }
        if site.firstKey(under: "heat_recovery.heat_pump") != nil {
            rows.append(("Heat pump", phrase([number("heat_recovery.heat_pump.capacity_mw", "MW"),
                                              number("heat_recovery.heat_pump.units").map { "\($0) unit(s)" },
                                              site.value("heat_recovery.heat_pump.source").map { "source: \($0) loop" }])))
        }
        if let volume = number("heat_recovery.storage.volume_m3", "m³") { rows.append(("Heat storage", volume)) }
        if site.firstKey(under: "heat_recovery.district_heating") != nil {
            let prefix = "heat_recovery.district_heating"
            rows.append(("District heating", phrase([
                number("\(prefix).connection_mw", "MW").map { "connection \($0)" },
                number("\(prefix).return_c", "°C").map { "return \($0)" },
                site.firstKey(under: "\(prefix).demand").map { "demand: \($0.replacingOccurrences(of: "_", with: " "))" },
                number("\(prefix).demand.degree_hours.design_load_mw", "MW").map { "design load \($0)" },
            ])))
        }
        if site.firstKey(under: "carbon") != nil {
            rows.append(("Grid carbon", phrase([number("carbon.grid_g_per_kwh", "g/kWh"),
                                                site.value("carbon.country").map { "country average \($0)" },
                                                site.value("carbon.grid_csv").map { "hourly from \(($0 as NSString).lastPathComponent)" },
                                                number("carbon.displaced_heat_g_per_kwh", "g/kWh").map { "displaced heat \($0)" }])))
        }
        if let date = site.value("compliance.commissioning_date") { rows.append(("Commissioning (EnEfG)", date)) }
        for entry in site.entries where entry.path.hasPrefix("economics.") {
            let value = Double(entry.value).map { NumberText.significant($0, digits: 4) } ?? entry.value
            rows.append((entry.path, value))
        }
        return rows
    }

    /// The heat-rejection plant under `prefix` in words (`dry cooler with adiabatic pads and trim chiller`).
    private func rejection(_ site: SiteConfigOutline, _ prefix: String) -> String? {
        guard let kind = site.firstKey(under: prefix) else { return nil }
        var words = "heat rejection: " + kind.replacingOccurrences(of: "_", with: " ")
        if site.firstKey(under: "\(prefix).\(kind).adiabatic") != nil { words += " with adiabatic pads" }
        if site.firstKey(under: "\(prefix).\(kind).trim_chiller") != nil { words += " and trim chiller" }
        return words
    }
}
