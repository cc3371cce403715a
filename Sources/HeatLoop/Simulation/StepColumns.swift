/// The recorded series of a run, one preallocated column per output (struct of arrays).
/// Float32 is enough for every series (7 significant digits); totals are accumulated in Double.
public struct StepColumns: Sendable {
    public var count: Int
    // /it
    public var itPower: [Float]
    public var itPowerPeak: [Float]
    public var itUtilization: [Float]
    public var liquidHeat: [Float]
    public var airHeat: [Float]
    /// Per-cluster power (step mean and peak) and utilisation, row-major `[cluster][step]`.
    public var clusterPower: [Float]
    public var clusterPowerPeak: [Float]
    public var clusterUtilization: [Float]
    // /electrical
    public var upsLoss: [Float]
    public var distributionLoss: [Float]
    public var misc: [Float]
    // /cooling
    public var coolingPower: [Float]
    public var chillerPower: [Float]
    public var fanPower: [Float]
    public var pumpPower: [Float]
    public var mode: [Int8]
    public var liquidMode: [Int8]
    public var airMode: [Int8]
    /// Water evaporated in the step, L.
    public var waterUse: [Float]
    public var liquidSupplyTemp: [Float]
    public var liquidReturnTemp: [Float]
    public var airSupplyTemp: [Float]
    public var chilledWaterSupplyTemp: [Float]
    public var unmetCooling: [Float]
    // /heat_recovery
    public var heatAvailable: [Float]
    public var heatRecovered: [Float]
    public var heatDelivered: [Float]
    public var heatDumped: [Float]
    public var heatExchanged: [Float]
    public var heatPumpPower: [Float]
    public var heatPumpOutput: [Float]
    public var cop: [Float]
    public var dhDemand: [Float]
    public var dhSupplyTemp: [Float]
    public var dhReturnTemp: [Float]
    public var storageEnergy: [Float]
    // /facility
    public var facilityPower: [Float]
    public var pue: [Float]
    public var energyBalanceResidual: [Float]

    public init(count: Int, clusters: Int) {
        self.count = count
        let zeros = [Float](repeating: 0, count: count)
        let flags = [Int8](repeating: 0, count: count)
        itPower = zeros; itPowerPeak = zeros; itUtilization = zeros; liquidHeat = zeros; airHeat = zeros
        clusterPower = [Float](repeating: 0, count: count * clusters)
        clusterPowerPeak = clusterPower
        clusterUtilization = clusterPower
        upsLoss = zeros; distributionLoss = zeros; misc = zeros
        coolingPower = zeros; chillerPower = zeros; fanPower = zeros; pumpPower = zeros
        mode = flags; liquidMode = flags; airMode = flags
        waterUse = zeros; liquidSupplyTemp = zeros; liquidReturnTemp = zeros; airSupplyTemp = zeros
        chilledWaterSupplyTemp = zeros; unmetCooling = zeros
        heatAvailable = zeros; heatRecovered = zeros; heatDelivered = zeros; heatDumped = zeros
        heatExchanged = zeros; dhReturnTemp = zeros
        heatPumpPower = zeros; heatPumpOutput = zeros; cop = zeros; dhDemand = zeros; dhSupplyTemp = zeros
        storageEnergy = zeros
        facilityPower = zeros; pue = zeros; energyBalanceResidual = zeros
    }
}
