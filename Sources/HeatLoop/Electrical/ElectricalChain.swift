/// UPS, transformers/PDUs and lighting/misc loads between the grid meter and the IT equipment.
///
/// UPS efficiency follows the EnergyPlus `ElectricEquipment:ITE:AirCooled` form
/// `η = η_design · f(PLR)` with `PLR = P_IT / P_IT,design`; losses `P_UPS = P_IT (1/η − 1)`.
/// The default part-load curve is flat (f = 1) above `flatAbove` and falls quadratically below it to
/// `f(0) = lowLoadFactor`: double-conversion UPS efficiency is near its design value above ~30 % load
/// and drops at light load (Schneider Electric White Paper 108; EnergyPlus `UPSEfficiencyfPLR` examples).
/// Transformer and PDU losses are a fixed share of IT power (*default* 1.5 %); lighting and misc loads
/// are constant. A share `heatToAir` of all these losses ends up in the air loop.
public struct ElectricalChain: Sendable, Equatable {
    public var upsDesignEfficiency: Double
    public var upsFlatAbove: Double
    public var upsLowLoadFactor: Double
    public var distributionLossFraction: Double
    public var misc: Watts
    public var heatToAir: Double
    public var designITPower: Watts

    public init(upsDesignEfficiency: Double, upsFlatAbove: Double = 0.3, upsLowLoadFactor: Double = 0.9,
                distributionLossFraction: Double, misc: Watts, heatToAir: Double, designITPower: Watts) {
        self.upsDesignEfficiency = upsDesignEfficiency
        self.upsFlatAbove = upsFlatAbove
        self.upsLowLoadFactor = upsLowLoadFactor
        self.distributionLossFraction = distributionLossFraction
        self.misc = misc
        self.heatToAir = heatToAir
        self.designITPower = designITPower
    }

    /// UPS efficiency at a part-load ratio.
    public func upsEfficiency(partLoad: Double) -> Double {
        let plr = max(0, partLoad)
        guard plr < upsFlatAbove else { return upsDesignEfficiency }
        let shortfall = (upsFlatAbove - plr) / upsFlatAbove
        return upsDesignEfficiency * (1 - (1 - upsLowLoadFactor) * shortfall * shortfall)
    }

    /// Losses for an IT power.
    public func step(itPower: Watts) -> ElectricalStep {
        let it = itPower.value
        let plr = designITPower.value > 0 ? it / designITPower.value : 0
        let efficiency = upsEfficiency(partLoad: plr)
        let ups = it * (1 / efficiency - 1)
        let distribution = it * distributionLossFraction
        return ElectricalStep(upsLoss: Watts(ups), distributionLoss: Watts(distribution), misc: misc)
    }
}

public struct ElectricalStep: Sendable, Equatable {
    public var upsLoss: Watts
    public var distributionLoss: Watts
    public var misc: Watts
    public var total: Watts { upsLoss + distributionLoss + misc }
}
