/// Energy sums over a period (a month, the year), in joules unless named otherwise.
public struct EnergyTotals: Sendable, Equatable {
    public var it = 0.0
    public var facility = 0.0
    /// Cooling energy: chillers, fans, pumps, humidifiers and tower basin heaters.
    public var cooling = 0.0
    /// Steam humidifiers (part of `cooling`).
    public var humidifier = 0.0
    public var electricalLosses = 0.0
    public var heatPump = 0.0
    public var heatPumpOutput = 0.0
    /// Heat entering the cooling loops (IT, losses, fan and pump heat): what the cooling system removes.
    public var heatIntoLoops = 0.0
    public var heatAvailable = 0.0
    public var heatRecovered = 0.0
    public var heatDelivered = 0.0
    public var heatDumped = 0.0
    /// Heat passed to the network by exchangers (direct and pre-heating), without a compressor.
    public var heatExchanged = 0.0
    /// Standing losses of the storage (tank or seasonal pit).
    public var storageLoss = 0.0
    /// Σ recovered heat × the temperature of the source it came from, J·°C (EU EED average temperature).
    public var recoveredHeatTemperature = 0.0
    public var dhDemand = 0.0
    /// Heat the network needed (consumers plus distribution losses) and its distribution losses.
    public var dhNeed = 0.0
    public var dhLosses = 0.0
    /// Delivered heat that displaced one of the network's producers (`MeritOrder.displaced`), the CO2 of
    /// that producers' heat (kg) and its marginal cost (€).
    public var heatDisplacingProducers = 0.0
    public var co2DisplacedProducers = 0.0
    public var displacedProducerCost = 0.0
    /// Site water (tower make-up, adiabatic pad evaporation and bleed, humidifier water), kg (= L).
    public var water = 0.0
    /// CO2 of the facility's and of the heat pump's electricity at the grid intensity of each step, kg.
    public var co2Facility = 0.0
    public var co2HeatPump = 0.0
    public var freeHours = 0.0
    public var partialHours = 0.0
    public var mechanicalHours = 0.0
    public var unmetHours = 0.0
    /// Hours with IT inlet air outside the ASHRAE class's recommended / allowable envelope, and with
    /// facility water warmer than its W class allows.
    public var outsideRecommendedHours = 0.0
    public var outsideAllowableHours = 0.0
    public var outsideWaterClassHours = 0.0
    /// The allowable-envelope hours split by cause: inlet dry bulb outside the class's range, and inlet
    /// moisture (dew point or relative humidity) outside it; an hour can count in both.
    public var inletTemperatureOutsideAllowableHours = 0.0
    public var inletHumidityOutsideAllowableHours = 0.0
    /// The step whose inlet dew point lay farthest outside the allowable moisture range (value: the dew point, °C).
    public var worstInletHumidity = WorstStep()
    /// The step whose inlet dry bulb lay farthest outside the allowable range (value: that inlet, °C).
    public var worstInletTemperature = WorstStep()
    /// Air zones: each zone's hours with an inlet dry bulb outside the allowable range; empty for one zone.
    public var zoneInletTemperatureOutsideAllowableHours: [Double] = []
    /// Hours in which a plant curve was evaluated outside its stated input range (and clamped).
    public var curveClampedHours = 0.0
    /// Hours in which the heat pump ran outside its COP table (and was clamped to its edge).
    public var heatPumpOutsideMapHours = 0.0
    /// Heat-pump unit starts, and hours run summed over the units (unit-hours).
    public var heatPumpStarts = 0.0
    public var heatPumpUnitHours = 0.0
    public var maximumResidual = 0.0

    public init() {}

    public static func + (a: EnergyTotals, b: EnergyTotals) -> EnergyTotals {
        var sum = EnergyTotals()
        sum.it = a.it + b.it
        sum.facility = a.facility + b.facility
        sum.cooling = a.cooling + b.cooling
        sum.humidifier = a.humidifier + b.humidifier
        sum.electricalLosses = a.electricalLosses + b.electricalLosses
        sum.heatPump = a.heatPump + b.heatPump
        sum.heatPumpOutput = a.heatPumpOutput + b.heatPumpOutput
        sum.heatIntoLoops = a.heatIntoLoops + b.heatIntoLoops
        sum.heatAvailable = a.heatAvailable + b.heatAvailable
        sum.heatRecovered = a.heatRecovered + b.heatRecovered
        sum.heatDelivered = a.heatDelivered + b.heatDelivered
        sum.heatDumped = a.heatDumped + b.heatDumped
        sum.heatExchanged = a.heatExchanged + b.heatExchanged
        sum.storageLoss = a.storageLoss + b.storageLoss
        sum.recoveredHeatTemperature = a.recoveredHeatTemperature + b.recoveredHeatTemperature
        sum.dhDemand = a.dhDemand + b.dhDemand
        sum.dhNeed = a.dhNeed + b.dhNeed
        sum.dhLosses = a.dhLosses + b.dhLosses
        sum.heatDisplacingProducers = a.heatDisplacingProducers + b.heatDisplacingProducers
        sum.co2DisplacedProducers = a.co2DisplacedProducers + b.co2DisplacedProducers
        sum.displacedProducerCost = a.displacedProducerCost + b.displacedProducerCost
        sum.water = a.water + b.water
        sum.co2Facility = a.co2Facility + b.co2Facility
        sum.co2HeatPump = a.co2HeatPump + b.co2HeatPump
        sum.freeHours = a.freeHours + b.freeHours
        sum.partialHours = a.partialHours + b.partialHours
        sum.mechanicalHours = a.mechanicalHours + b.mechanicalHours
        sum.unmetHours = a.unmetHours + b.unmetHours
        sum.outsideRecommendedHours = a.outsideRecommendedHours + b.outsideRecommendedHours
        sum.outsideAllowableHours = a.outsideAllowableHours + b.outsideAllowableHours
        sum.outsideWaterClassHours = a.outsideWaterClassHours + b.outsideWaterClassHours
        sum.inletTemperatureOutsideAllowableHours = a.inletTemperatureOutsideAllowableHours + b.inletTemperatureOutsideAllowableHours
        sum.inletHumidityOutsideAllowableHours = a.inletHumidityOutsideAllowableHours + b.inletHumidityOutsideAllowableHours
        sum.worstInletHumidity = .worse(a.worstInletHumidity, b.worstInletHumidity)
        sum.worstInletTemperature = .worse(a.worstInletTemperature, b.worstInletTemperature)
        sum.zoneInletTemperatureOutsideAllowableHours = a.zoneInletTemperatureOutsideAllowableHours
        sum.addZoneInletTemperatureHours(b.zoneInletTemperatureOutsideAllowableHours)
        sum.curveClampedHours = a.curveClampedHours + b.curveClampedHours
        sum.heatPumpOutsideMapHours = a.heatPumpOutsideMapHours + b.heatPumpOutsideMapHours
        sum.heatPumpStarts = a.heatPumpStarts + b.heatPumpStarts
        sum.heatPumpUnitHours = a.heatPumpUnitHours + b.heatPumpUnitHours
        sum.maximumResidual = max(a.maximumResidual, b.maximumResidual)
        return sum
    }

    /// Energy reused outside the data center: DC waste heat that reached the DH network, i.e. heat
    /// delivered minus the heat-pump electricity that upgraded it (ISO/IEC 30134-6 counts only the
    /// data center's own energy as reused; EnEfG §11 likewise).
    public var reused: Double { max(0, heatDelivered - heatPump) }

    /// CO2 the delivered heat displaced, kg: the displaced producers' (`co2DisplacedProducers`), and
    /// `fallbackIntensity` (g/kWh, `carbon.displaced_heat_g_per_kwh`) for heat that displaced none.
    public func co2Displaced(fallbackIntensity: Double) -> Double {
        co2DisplacedProducers + (heatDelivered - heatDisplacingProducers) / 3.6e9 * fallbackIntensity
    }
}

extension EnergyTotals {
    /// Adds `hours` to each zone flagged in `outside` (a step's `InletExcursions.zoneTemperatureOutsideAllowable`).
    mutating func addZoneInletTemperatureHours(_ outside: [Bool], _ hours: Double) {
        guard !outside.isEmpty else { return }
        addZoneInletTemperatureHours(outside.map { $0 ? hours : 0 })
    }

    /// Adds each zone's hours (another period's totals).
    mutating func addZoneInletTemperatureHours(_ hours: [Double]) {
        guard !hours.isEmpty else { return }
        if zoneInletTemperatureOutsideAllowableHours.isEmpty {
            zoneInletTemperatureOutsideAllowableHours = [Double](repeating: 0, count: hours.count)
        }
        for (zone, value) in hours.enumerated() { zoneInletTemperatureOutsideAllowableHours[zone] += value }
    }
}

/// The worst step of an excursion: its value, how far outside its limit it was (larger is worse) and the
/// step; `step` −1 when there was none.
public struct WorstStep: Sendable, Equatable {
    public var value = Double.nan
    public var excess = -Double.infinity
    public var step = -1

    public init() {}

    public init(value: Double, excess: Double, step: Int) {
        (self.value, self.excess, self.step) = (value, excess, step)
    }

    /// Keeps the step when it is worse than the worst so far (the earliest among equals).
    @inline(__always)
    mutating func note(value: Double, excess: Double, step: Int) {
        if excess > self.excess { self = WorstStep(value: value, excess: excess, step: step) }
    }

    static func worse(_ a: WorstStep, _ b: WorstStep) -> WorstStep { b.excess > a.excess ? b : a }
}
