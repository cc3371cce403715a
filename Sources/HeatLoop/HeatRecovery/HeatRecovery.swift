/// Heat recovery: a heat pump drawing on the cooling loops, a storage tank and the DH network.
public struct HeatRecovery: Sendable, Equatable {
    public var heatPump: HeatPump
    public var storage: HeatStorage
    public var network: DistrictHeatingNetwork

    public init(heatPump: HeatPump, storage: HeatStorage, network: DistrictHeatingNetwork) {
        self.heatPump = heatPump
        self.storage = storage
        self.network = network
    }

    /// One dispatch step (DESIGN §3.5): the heat pump serves DH demand first (capped by the connection),
    /// its surplus charges storage, storage covers any remaining demand. The heat pump takes no more
    /// from a source than that loop has to shed, and is off below its minimum part load.
    ///
    /// The primary source (the warmer loop) is used before the secondary; each has its own COP. Energy balance:
    /// `Q_hp = Σ Q_evap + W` and `delivered = Q_hp − charge + discharge`, storage
    /// `E' = E + (charge − discharge − loss)·Δt`.
    public func dispatch(demand: Double, primary: HeatSourceOffer, secondary: HeatSourceOffer, dhSupply: Double,
                                    storageEnergy: Double, stepSeconds: Double) -> DispatchStep {
        let pump = heatPump
        let servedDemand = min(demand, network.connection.value)
        let loss = storageEnergy * storage.lossPerDay * stepSeconds / 86_400
        let room = max(0, storage.capacity.value - storageEnergy + loss) / stepSeconds
        let chargeLimit = min(storage.maximumCharge.value, room)
        let dischargeLimit = min(storage.maximumDischarge.value, max(0, storageEnergy - loss) / stepSeconds)

        // Heat-pump output the sources and the capacity allow, filling sources in order.
        var wanted = min(pump.capacity.value, servedDemand + chargeLimit)
        var output = 0.0, compressor = 0.0
        var evaporator = (0.0, 0.0)
        func draw(from offer: HeatSourceOffer) -> Double {
            guard wanted > 0, offer.heat > 0 else { return 0 }
            let cop = pump.cop.cop(sourceOut: offer.leavingTemperature, sinkOut: dhSupply, maximum: pump.maximumCOP)
            let taken = min(wanted, offer.heat * cop / (cop - 1))
            compressor += taken / cop
            output += taken
            wanted -= taken
            return taken * (1 - 1 / cop)
        }
        evaporator.0 = draw(from: primary)
        evaporator.1 = draw(from: secondary)
        if output < pump.minimumPartLoad * pump.capacity.value {
            output = 0
            compressor = 0
            evaporator = (0, 0)
        }
        let toDemand = min(output, servedDemand)
        let charge = output - toDemand
        let discharge = min(dischargeLimit, servedDemand - toDemand)
        let nextEnergy = storageEnergy + (charge - discharge) * stepSeconds - loss
        return DispatchStep(
            heatPumpOutput: output, primaryEvaporator: evaporator.0, secondaryEvaporator: evaporator.1,
            compressorPower: compressor,
            cop: output > 0 ? output / compressor : 0, delivered: toDemand + discharge, charge: charge,
            discharge: discharge, storageLoss: loss / stepSeconds, nextStorageEnergy: max(0, nextEnergy))
    }
}

/// Heat a loop offers the heat pump this step (W) and the temperature the source water leaves at (°C).
public struct HeatSourceOffer: Sendable, Equatable {
    public var heat: Double
    public var leavingTemperature: Double
    public init(heat: Double, leavingTemperature: Double) {
        self.heat = heat
        self.leavingTemperature = leavingTemperature
    }
}

/// One dispatch step. Powers in W; storage energy in J.
public struct DispatchStep: Sendable, Equatable {
    public var heatPumpOutput: Double
    /// Heat taken from the primary and the secondary source.
    public var primaryEvaporator: Double
    public var secondaryEvaporator: Double
    public var compressorPower: Double
    public var cop: Double
    public var delivered: Double
    public var charge: Double
    public var discharge: Double
    /// Standing loss of the tank, W.
    public var storageLoss: Double
    public var nextStorageEnergy: Double
}
