// Checks across sections that reject configurations that cannot work, each naming the key to change.
// Those that need the design condition (a supply the rejection plant cannot reach) are the design step's
// (`DesignedSite.problems`).

extension SiteSpec {
    /// True when some cluster captures heat to liquid, so that the site has a facility-water loop.
    var hasLiquidLoop: Bool {
        it.allClusters.contains { ($0.liquidCapture ?? $0.cooling.defaultLiquidCapture) > 0 }
    }

    /// A heat pump must draw from a loop the site has: the liquid loop needs a liquid-cooled cluster, the air
    /// loop's chilled-water return needs a one-zone CRAH hall (a DX CRAC room has no water to draw from; an air
    /// handler's or air zones' coil load is known only once the units have run, after heat recovery).
    func checkHeatPumpSource(_ o: SpecMapping) {
        guard let recovery = heatRecovery else { return }
        let liquid = hasLiquidLoop
        let chilledWater = cooling.air.crac == nil && cooling.air.airHandler == nil && cooling.air.zones.isEmpty
        let source = recovery.heatPump.source
        let hasSource = switch source {
        case .liquid: liquid
        case .air: chilledWater
        case .both: liquid || chilledWater
        }
        guard !hasSource else { return }
        let instead = chilledWater ? "use 'source: air' (the chilled-water return)"
            : liquid ? "use 'source: liquid'" : "remove 'heat_recovery'"
        let missing = source == .air ? "its air side (a DX CRAC room, an air handler or air zones) offers no chilled-water return"
            : "no cluster captures heat to liquid (every cluster is air-cooled), so there is no facility-water loop"
        o.at("heat_recovery.heat_pump.source").problem(
            "the heat pump draws from '\(source.rawValue)', but \(missing): it would recover nothing; \(instead)"
                + (liquid ? "" : ", or give a cluster 'cooling: dlc'"))
    }
}

extension AirLoopSpec {
    /// The supply air must lie inside the ASHRAE class's allowable dry-bulb range: a setpoint outside it
    /// puts every hour outside the envelope.
    /// Air zones: each zone's own `supply_air_c` too.
    func checkClass(_ o: SpecCursor) {
        checkClass(supplyAir: supplyAirC, o.at("supply_air_c"))
        for (index, zone) in zones.enumerated() {
            if let supply = zone.supplyAirC { checkClass(supplyAir: supply, o.at("zones[\(index)].supply_air_c")) }
        }
    }

    private func checkClass(supplyAir: Double, _ o: SpecCursor) {
        let allowed = ashraeClass.allowable.dryBulb
        guard !allowed.contains(supplyAir) else { return }
        let fitting = ASHRAEAirClass.allCases.filter { $0.allowable.dryBulb.contains(supplyAir) }.map(\.name)
        o.problem(
            "\(formatNumber(supplyAir)) °C is outside class \(ashraeClass.name)'s allowable inlet range "
                + "\(formatNumber(allowed.lowerBound))…\(formatNumber(allowed.upperBound)) °C; set 'supply_air_c' within it"
                + (fitting.isEmpty ? "" : " or 'ashrae_class' to one of \(fitting.joined(separator: ", "))"))
    }
}
