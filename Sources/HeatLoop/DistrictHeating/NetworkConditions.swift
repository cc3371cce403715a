/// The network's state at each step, worked out from the weather before the step loop (it does not depend
/// on what the data center delivers): temperatures, consumers' demand, distribution losses, the heat the
/// network needs and the part of it offered to the data center (`MeritOrder.offer`). Powers in W, °C.
public struct NetworkConditions: Sendable {
    public var supply: [Double]
    public var returnTemperature: [Double]
    public var consumers: [Double]
    /// Consumers plus distribution losses.
    public var need: [Double]
    /// What the network takes from the data center (before the connection's limit; `need`'s storage when
    /// the network has no other producers).
    public var offer: [Double]

    /// Distribution losses of a step, W (kept as `need − consumers`: one array less to fill at 1-min steps).
    @inline(__always)
    public func losses(at step: Int) -> Double { need[step] - consumers[step] }
}

extension DistrictHeatingNetwork {
    /// The conditions of every step (`DistrictHeatingNetwork`'s equations).
    ///
    /// - Parameters:
    ///   - outdoor: outdoor dry bulb at each step's midpoint, °C (`StepWeather.dryBulb`).
    ///   - hourlyOutdoor: the weather file's hourly dry bulb, °C (demand and the ground's annual wave).
    ///   - dailyMeanOutdoor: 24 h running mean at each step, °C (`StepWeather.dryBulbDailyMean`).
    public func conditions(outdoor: [Double], hourlyOutdoor: [Double], dailyMeanOutdoor: [Double],
                           calendar: SimulationCalendar) -> NetworkConditions {
        let consumers = demand.series(hourlyOutdoor: hourlyOutdoor, dailyMeanOutdoor: dailyMeanOutdoor, calendar: calendar)
        let supply = outdoor.map { supplyCurve.temperature(outdoor: $0) }
        var returns = outdoor.map { returnCurve.temperature(outdoor: $0) }
        let peak = consumers.max() ?? 0
        if returnRise.value != 0, peak > 0 {
            for step in returns.indices { returns[step] += returnRise.value * consumers[step] / peak }
        }
        let pipeLoss = pipeLossModel(hourlyOutdoor: hourlyOutdoor, stepSeconds: calendar.stepDuration.value)
        var need: [Double]
        if let pipeLoss {
            need = consumers.indices.map { consumers[$0] + pipeLoss(supply[$0], returns[$0], $0) }
        } else {
            need = consumers.map { $0 / (1 - lossShare) }
        }
        let minimumFlow = self.minimumFlow.value
        if minimumFlow > 0 {
            for step in need.indices where supply[step] > returns[step]
            && need[step] < minimumFlow * Fluid.waterSpecificHeat * (supply[step] - returns[step]) {
                returns[step] = supply[step] - need[step] / (minimumFlow * Fluid.waterSpecificHeat)
                if let pipeLoss { need[step] = consumers[step] + pipeLoss(supply[step], returns[step], step) }
            }
        }
        return NetworkConditions(supply: supply, returnTemperature: returns, consumers: consumers, need: need,
                                 offer: offers(need: need, calendar: calendar))
    }

    /// The share of the heat fed in that is lost (0 with pipes).
    var lossShare: Double { if case .shareOfFeedIn(let share) = losses { share } else { 0 } }

    /// The pipes' loss of a step from (supply, return, step), W; nil for losses as a share.
    private func pipeLossModel(hourlyOutdoor: [Double], stepSeconds: Double) -> ((Double, Double, Int) -> Double)? {
        guard case .pipes(let sections, let diffusivity) = losses else { return nil }
        let ground = GroundTemperature.fitted(hourlyAir: hourlyOutdoor, diffusivity: diffusivity)
        return { supply, returnTemperature, step in
            let time = (Double(step) + 0.5) * stepSeconds
            return sections.reduce(0) {
                $0 + $1.loss(supply: supply, return: returnTemperature,
                             ground: ground.temperature(depth: $1.centreDepth, time: time))
            }
        }
    }

    /// The merit order's offer to the data center at each step (all of `need` without producers).
    private func offers(need: [Double], calendar: SimulationCalendar) -> [Double] {
        guard !producers.isEmpty else { return need }
        let bids = dataCenterPrice.bids(calendar: calendar)
        return need.indices.map { producers.offer(need: need[$0], price: bids[$0]) }
    }
}
