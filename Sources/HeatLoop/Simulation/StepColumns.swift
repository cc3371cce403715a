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

    /// Columns of zeros. Each is an array of its own (not copies of one), so that filling one does not
    /// first copy it.
    public init(count: Int, clusters: Int) {
        self.count = count
        func zeros() -> [Float] { [Float](repeating: 0, count: count) }
        func flags() -> [Int8] { [Int8](repeating: 0, count: count) }
        itPower = zeros(); itPowerPeak = zeros(); itUtilization = zeros(); liquidHeat = zeros(); airHeat = zeros()
        clusterPower = [Float](repeating: 0, count: count * clusters)
        clusterPowerPeak = [Float](repeating: 0, count: count * clusters)
        clusterUtilization = [Float](repeating: 0, count: count * clusters)
        upsLoss = zeros(); distributionLoss = zeros(); misc = zeros()
        coolingPower = zeros(); chillerPower = zeros(); fanPower = zeros(); pumpPower = zeros()
        mode = flags(); liquidMode = flags(); airMode = flags()
        waterUse = zeros(); liquidSupplyTemp = zeros(); liquidReturnTemp = zeros(); airSupplyTemp = zeros()
        chilledWaterSupplyTemp = zeros(); unmetCooling = zeros()
        heatAvailable = zeros(); heatRecovered = zeros(); heatDelivered = zeros(); heatDumped = zeros()
        heatExchanged = zeros(); dhReturnTemp = zeros()
        heatPumpPower = zeros(); heatPumpOutput = zeros(); cop = zeros(); dhDemand = zeros(); dhSupplyTemp = zeros()
        storageEnergy = zeros()
        facilityPower = zeros(); pue = zeros(); energyBalanceResidual = zeros()
    }
}

extension StepColumns {
    /// Columns of `count` steps whose values are not set: the step loop fills every one of them (`store`
    /// over all steps) and skips zeroing ~80 MB for a 1-min year. Float and Int8 are trivial types, so the
    /// unset memory is only ever overwritten.
    init(unsetCount count: Int, clusters: Int) {
        self.init(count: 0, clusters: clusters)
        self.count = count
        func unset<Value: BitwiseCopyable>(_ length: Int) -> [Value] {
            [Value](unsafeUninitializedCapacity: length) { _, initialized in initialized = length }
        }
        itPower = unset(count); itPowerPeak = unset(count); itUtilization = unset(count)
        liquidHeat = unset(count); airHeat = unset(count)
        clusterPower = unset(count * clusters); clusterPowerPeak = unset(count * clusters)
        clusterUtilization = unset(count * clusters)
        upsLoss = unset(count); distributionLoss = unset(count); misc = unset(count)
        coolingPower = unset(count); chillerPower = unset(count); fanPower = unset(count); pumpPower = unset(count)
        mode = unset(count); liquidMode = unset(count); airMode = unset(count)
        waterUse = unset(count); liquidSupplyTemp = unset(count); liquidReturnTemp = unset(count)
        airSupplyTemp = unset(count); chilledWaterSupplyTemp = unset(count); unmetCooling = unset(count)
        heatAvailable = unset(count); heatRecovered = unset(count); heatDelivered = unset(count)
        heatDumped = unset(count); heatExchanged = unset(count); dhReturnTemp = unset(count)
        heatPumpPower = unset(count); heatPumpOutput = unset(count); cop = unset(count); dhDemand = unset(count)
        dhSupplyTemp = unset(count); storageEnergy = unset(count)
        facilityPower = unset(count); pue = unset(count); energyBalanceResidual = unset(count)
    }
}

/// One step's values of the series in `StepColumns` (their row form), as the step loop records them.
/// Fields not set stay 0, as the columns start.
struct StepRow {
    var itPower: Float = 0, itPowerPeak: Float = 0, itUtilization: Float = 0, liquidHeat: Float = 0, airHeat: Float = 0
    var upsLoss: Float = 0, distributionLoss: Float = 0, misc: Float = 0
    var coolingPower: Float = 0, chillerPower: Float = 0, fanPower: Float = 0, pumpPower: Float = 0
    var mode: Int8 = 0, liquidMode: Int8 = 0, airMode: Int8 = 0
    var waterUse: Float = 0, liquidSupplyTemp: Float = 0, liquidReturnTemp: Float = 0, airSupplyTemp: Float = 0
    var chilledWaterSupplyTemp: Float = 0, unmetCooling: Float = 0
    var heatAvailable: Float = 0, heatRecovered: Float = 0, heatDelivered: Float = 0, heatDumped: Float = 0
    var heatExchanged: Float = 0, heatPumpPower: Float = 0, heatPumpOutput: Float = 0, cop: Float = 0
    var dhDemand: Float = 0, dhSupplyTemp: Float = 0, dhReturnTemp: Float = 0, storageEnergy: Float = 0
    var facilityPower: Float = 0, pue: Float = 0, energyBalanceResidual: Float = 0
}

extension StepColumns {
    /// Writes a block of rows into the columns at steps `start ..< start + rows.count`: one pass per
    /// column, so each array is uniqueness-checked once per block rather than once per value.
    /// `clusterRows` holds, for each cluster `c`, power, peak power and utilisation of the block's steps at
    /// `(3c + k) · rowCapacity + row` (k = 0, 1, 2).
    mutating func store(_ rows: UnsafeBufferPointer<StepRow>, clusterRows: UnsafeBufferPointer<Float>,
                        rowCapacity: Int, at start: Int) {
        // One field of every row (strided loads), stored contiguously.
        @inline(__always)
        func copy<Value>(_ column: inout [Value], _ field: (UnsafePointer<StepRow>) -> Value) {
            guard let source = rows.baseAddress else { return }
            column.withUnsafeMutableBufferPointer { target in
                guard let target = target.baseAddress else { return }
                for index in 0..<rows.count { (target + start + index).initialize(to: field(source + index)) }
            }
        }
        copy(&itPower) { $0.pointee.itPower }
        copy(&itPowerPeak) { $0.pointee.itPowerPeak }
        copy(&itUtilization) { $0.pointee.itUtilization }
        copy(&liquidHeat) { $0.pointee.liquidHeat }
        copy(&airHeat) { $0.pointee.airHeat }
        copy(&upsLoss) { $0.pointee.upsLoss }
        copy(&distributionLoss) { $0.pointee.distributionLoss }
        copy(&misc) { $0.pointee.misc }
        copy(&coolingPower) { $0.pointee.coolingPower }
        copy(&chillerPower) { $0.pointee.chillerPower }
        copy(&fanPower) { $0.pointee.fanPower }
        copy(&pumpPower) { $0.pointee.pumpPower }
        copy(&mode) { $0.pointee.mode }
        copy(&liquidMode) { $0.pointee.liquidMode }
        copy(&airMode) { $0.pointee.airMode }
        copy(&waterUse) { $0.pointee.waterUse }
        copy(&liquidSupplyTemp) { $0.pointee.liquidSupplyTemp }
        copy(&liquidReturnTemp) { $0.pointee.liquidReturnTemp }
        copy(&airSupplyTemp) { $0.pointee.airSupplyTemp }
        copy(&chilledWaterSupplyTemp) { $0.pointee.chilledWaterSupplyTemp }
        copy(&unmetCooling) { $0.pointee.unmetCooling }
        copy(&heatAvailable) { $0.pointee.heatAvailable }
        copy(&heatRecovered) { $0.pointee.heatRecovered }
        copy(&heatDelivered) { $0.pointee.heatDelivered }
        copy(&heatDumped) { $0.pointee.heatDumped }
        copy(&heatExchanged) { $0.pointee.heatExchanged }
        copy(&heatPumpPower) { $0.pointee.heatPumpPower }
        copy(&heatPumpOutput) { $0.pointee.heatPumpOutput }
        copy(&cop) { $0.pointee.cop }
        copy(&dhDemand) { $0.pointee.dhDemand }
        copy(&dhSupplyTemp) { $0.pointee.dhSupplyTemp }
        copy(&dhReturnTemp) { $0.pointee.dhReturnTemp }
        copy(&storageEnergy) { $0.pointee.storageEnergy }
        copy(&facilityPower) { $0.pointee.facilityPower }
        copy(&pue) { $0.pointee.pue }
        copy(&energyBalanceResidual) { $0.pointee.energyBalanceResidual }

        let count = self.count, clusters = clusterPower.count / max(count, 1)
        for (k, keyPath) in [\StepColumns.clusterPower, \.clusterPowerPeak, \.clusterUtilization].enumerated() {
            self[keyPath: keyPath].withUnsafeMutableBufferPointer { target in
                for cluster in 0..<clusters {
                    let source = clusterRows.baseAddress! + (3 * cluster + k) * rowCapacity
                    let offset = cluster * count + start
                    for index in rows.indices { target[offset + index] = source[index] }
                }
            }
        }
    }
}
