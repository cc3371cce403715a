/// What a loop's heat-rejection plant is sized for: the heat it must remove at the design condition (W,
/// the sizing factor included), the loop's supply setpoint and design return (°C), and the outdoor design
/// condition.
struct RejectionDesign {
    var heat: Double
    var supply: Double
    var returnWater: Double
    var ambient: DesignAmbient

    /// The warmest dry-bulb air entering a dry cooler's coil up to the design condition: the design air
    /// after the pads when they run at it, or, when that is cooler, air just below the pads' switch
    /// temperature, which reaches the coil unchanged.
    func coilAir(_ cooler: DryCoolerSpec) -> Double {
        let padded = cooler.model(waterIn: returnWater).airInlet(dryBulb: ambient.dryBulb, wetBulb: ambient.wetBulb)
        return max(padded, min(ambient.dryBulb, cooler.adiabatic?.switchC ?? ambient.dryBulb))
    }

    /// The chiller's full-load capacity at the design condition per W of reference capacity (1 for the
    /// Carnot model, `CAPFT(T_chw,l, T_cond,e)` for EIR curves), with the condenser fed at `condenserEntering`.
    func capacityFraction(_ chiller: ChillerSpec, condenserEntering: Double) -> Double {
        var reference = chiller
        reference.capacityMw = 1
        let fraction = reference.model.availableCapacity(chilledWaterLeaving: supply, condenserEntering: condenserEntering) / 1e6
        // The shipped curves stay above 0.7 in range (they are clamped there); a curve set that gives ~0
        // would size an absurd chiller, so it is rated at the design heat and its unmet hours will show.
        return fraction > 0.05 ? fraction : 1
    }
}

extension RejectionSpec {
    /// Capacities not given, so that the plant removes `design.heat` at the design condition:
    ///
    /// - a dry cooler rated at `design_ambient_c` with the loop's design return: `Q · ITD_rating / ITD_design`,
    ///   the ITD law of `DryCooler` solved for the rating (ITD_design = return − design coil air); the loop's
    ///   design heat when the cooler cannot reach the supply at design (it then only economises);
    /// - a chiller: `Q / CAPFT` at the supply setpoint and its design condenser temperature (outdoor dry bulb
    ///   air-cooled; the tower's wet bulb + approach or the dry cooler's coil air + approach water-cooled);
    /// - a water-cooled chiller's condenser sink: the evaporator heat and the compressor's, `Q (1 + 1/COP)`
    ///   at the design condition.
    /// Capacities are at least 1 kW (the keys' range), which an unused loop gets.
    func sized(for design: RejectionDesign) -> RejectionSpec {
        let megawatts = max(design.heat / 1e6, 0.001)
        func atLeastOneKilowatt(_ value: Double) -> Double { max(value, 0.001) }
        switch self {
        case .dryCooler(var cooler):
            let rating = cooler.model(waterIn: design.returnWater).designInletDifference.value
            let atDesign = design.returnWater - design.coilAir(cooler)
            cooler.capacityMw = cooler.capacityMw
                ?? atLeastOneKilowatt(atDesign > cooler.approachK ? megawatts * rating / atDesign : megawatts)
            if var trim = cooler.trimChiller {
                let fraction = design.capacityFraction(trim, condenserEntering: design.ambient.dryBulb)
                trim.capacityMw = trim.capacityMw ?? atLeastOneKilowatt(megawatts / fraction)
                cooler.trimChiller = trim
            }
            return .dryCooler(cooler)
        case .chiller(var chiller):
            let fraction = design.capacityFraction(chiller, condenserEntering: design.ambient.dryBulb)
            chiller.capacityMw = chiller.capacityMw ?? atLeastOneKilowatt(megawatts / fraction)
            return .chiller(chiller)
        case .waterCooledChiller(var plant):
            if plant.dryCooler == nil, plant.coolingTower == nil { plant.coolingTower = CoolingTowerSpec() }
            let condenserWater = plant.dryCooler.map { design.coilAir($0) + $0.approachK }
                ?? design.ambient.wetBulb + (plant.coolingTower?.approachK ?? 0)
            let fraction = design.capacityFraction(plant.chiller, condenserEntering: condenserWater)
            plant.chiller.capacityMw = plant.chiller.capacityMw ?? atLeastOneKilowatt(megawatts / fraction)
            var reference = plant.chiller
            reference.capacityMw = megawatts
            let cop = reference.model.cop(chilledWaterLeaving: design.supply, condenserEntering: condenserWater)
            let sink = megawatts * (1 + 1 / max(cop, 1))
            if var tower = plant.coolingTower {
                tower.capacityMw = tower.capacityMw ?? sink
                plant.coolingTower = tower
            }
            if var cooler = plant.dryCooler {
                cooler.capacityMw = cooler.capacityMw ?? sink
                plant.dryCooler = cooler
            }
            return .waterCooledChiller(plant)
        }
    }

    /// Why this plant can never hold `supply` at the design condition, as a message that says what to
    /// change; nil when it can. Only a plant without a chiller can fail so: a dry cooler's leaving water
    /// cannot be colder than its coil air + approach.
    func unreachable(_ design: RejectionDesign, supplyKey: String) -> String? {
        guard case .dryCooler(let cooler) = self, cooler.trimChiller == nil else { return nil }
        let coilAir = design.coilAir(cooler)
        let coldest = coilAir + cooler.approachK
        guard coldest > design.supply else { return nil }
        let air = cooler.adiabatic == nil
            ? "the design dry bulb \(formatNumber(rounded(design.ambient.dryBulb)))"
            : "coil air up to \(formatNumber(rounded(coilAir))) with pads at the design dry bulb "
                + "\(formatNumber(rounded(design.ambient.dryBulb))) / wet bulb \(formatNumber(rounded(design.ambient.wetBulb)))"
        return "\(formatNumber(design.supply)) °C cannot be reached by dry coolers alone: their water leaves at least "
            + "\(formatNumber(rounded(coldest))) °C (\(air) °C + approach \(formatNumber(cooler.approachK)) K); "
            + "raise '\(supplyKey)' to \(formatNumber(coldest.rounded(.up))) or more, add "
            + "'rejection.dry_cooler.trim_chiller', or use a chiller"
    }

    private func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
