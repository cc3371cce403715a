import Benchmark
import Foundation
import HeatLoop
import HeatLoopFiles

/// Issue 4 and 5 targets: one cooling-loop step (collect + heat rejection) ≤ 30 ns per loop, one
/// heat-recovery dispatch step ≤ 50 ns. Each iteration runs exactly 1,000,000 steps over the Chicago
/// 1-minute year (wrapping), so **the reported milliseconds are nanoseconds per step**.
func plantBenchmarks() {
    let steps = 1_000_000
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(3), maxIterations: 30)

    /// (benchmark name, site file, which loop).
    let loops: [(String, String, (Site) -> CoolingLoop?)] = [
        ("dry cooler (campus liquid loop)", "chicago-ai-campus", { $0.liquidLoop }),
        ("dry cooler + Carnot trim chiller (campus air loop)", "chicago-ai-campus", { $0.airSide.chilledWaterLoop }),
        ("adiabatic dry cooler + trim chiller (Tucson hall)", "tucson-enterprise-air", { $0.airSide.chilledWaterLoop }),
        ("EIR chiller + tower + water-side economiser", "enterprise-hall-tower", { $0.airSide.chilledWaterLoop }),
    ]
    for (name, siteName, pick) in loops {
        Benchmark("Plant step ×1M: \(name) — ms = ns/step", configuration: configuration) {
            (benchmark, state: (loop: CoolingLoop, weather: StepWeather, heat: [Double])) in
            let (loop, weather, heat) = state
            let count = weather.count
            for _ in benchmark.scaledIterations {
                var supply = loop.supplySetpoint.value
                var removed = 0.0
                var index = -1
                for _ in 0..<steps {
                    index = index + 1 == count ? 0 : index + 1
                    let collection = loop.collect(heat: heat[index], supply: supply, stepSeconds: 60)
                    let result = loop.reject(collection, recovered: 0, supply: supply, stepSeconds: 60,
                                             dryBulb: weather.dryBulb[index], wetBulb: weather.wetBulb[index])
                    supply = result.nextSupply
                    removed += result.rejection.removed
                }
                blackHole(removed)
            }
        } setup: {
            let (input, weather) = try loadSite(siteName)
            guard let loop = pick(input.site) else { throw BenchmarkFailure(description: "\(siteName) has no such loop") }
            let design = loop.designHeat.value
            let heat = varying(weather.count).map { design * (0.8 + 0.2 * $0) }
            return (loop, weather, heat)
        }
    }

    Benchmark("CRAC step ×1M: DX + pumped refrigerant (EnergyPlus room) — ms = ns/step",
              configuration: configuration) { (benchmark, state: (room: CRACRoom, weather: StepWeather, load: [Double])) in
        let (room, weather, loads) = state
        let count = weather.count
        for _ in benchmark.scaledIterations {
            var removed = 0.0
            var index = -1
            for _ in 0..<steps {
                index = index + 1 == count ? 0 : index + 1
                let load = loads[index]
                let result = room.unit.step(
                    sensibleLoad: load, returnTemperature: room.returnAir.value, returnHumidityRatio: 0.008,
                    supplySetpoint: room.supplySetpoint(load: load, returnAir: room.returnAir.value, humidityRatio: 0.008),
                    outdoorDryBulb: weather.dryBulb[index], outdoorWetBulb: weather.wetBulb[index],
                    outdoorHumidityRatio: 0.008)
                removed += result.removed
            }
            blackHole(removed)
        }
    } setup: {
        let (input, weather) = try loadSite("energyplus/crac-pumped-dx")
        guard case .crac(let room) = input.site.airSide else { throw BenchmarkFailure(description: "not a CRAC room") }
        return (room, weather, varying(weather.count).map { 50_000 + 15_000 * $0 })
    }

    Benchmark("Heat-recovery step ×1M: dispatch with storage (campus) — ms = ns/step",
              configuration: configuration) {
        (benchmark, state: (recovery: HeatRecovery, weather: StepWeather, demand: [Double], heat: [Double])) in
        let (recovery, weather, demand, heat) = state
        let count = weather.count
        for _ in benchmark.scaledIterations {
            var recoveryState = HeatRecoveryState(recovery)
            var delivered = 0.0
            var index = -1
            for _ in 0..<steps {
                index = index + 1 == count ? 0 : index + 1
                let dryBulb = weather.dryBulb[index]
                let offer = HeatSourceOffer(heat: heat[index], inlet: 45, outlet: 35)
                let result = recovery.dispatch(
                    demand: demand[index], primary: offer, secondary: .none,
                    dhSupply: recovery.network.supplyCurve.temperature(outdoor: dryBulb),
                    dhReturn: recovery.network.returnCurve.temperature(outdoor: dryBulb),
                    outdoor: 10, state: &recoveryState, stepSeconds: 60)
                delivered += result.delivered
            }
            blackHole(delivered)
        }
    } setup: {
        let (input, weather) = try loadSite("chicago-ai-campus")
        guard let recovery = input.site.heatRecovery else { throw BenchmarkFailure(description: "no heat recovery") }
        let demand = recovery.network.demand.series(hourlyOutdoor: input.weather.dryBulb, dailyMeanOutdoor: weather.dryBulbDailyMean,
                                                    calendar: input.site.calendar)
        return (recovery, weather, demand, varying(weather.count).map { 12e6 + 2e6 * $0 })
    }
}

/// A slow wave in [−1, 1] over the steps (a load that moves, without costing the measured loop anything).
private func varying(_ count: Int) -> [Double] {
    (0..<count).map { sin(Double($0) / 229.0) }
}

/// An example site and its weather at 1-minute step midpoints.
private func loadSite(_ name: String) throws -> (SiteInput, StepWeather) {
    let input = try SiteInput.load(path: BenchPaths.resolve("../Sites/\(name).yaml"), timestepOverride: 1)
    return (input, input.weather.atStepMidpoints(stepMinutes: 1))
}
