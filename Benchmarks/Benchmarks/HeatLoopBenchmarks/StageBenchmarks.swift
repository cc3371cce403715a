import Benchmark
import Foundation
import HeatLoop
import HeatLoopFiles

/// Step costs of the stages of the loop not covered by the plant, CRAC and heat-recovery benchmarks
/// (DESIGN §2 steps 1, 4 and 6's network side). Each iteration runs exactly 1,000,000 steps over the
/// campus's 1-minute year (wrapping), so **the reported milliseconds are nanoseconds per step**.
func stageBenchmarks() {
    let steps = 1_000_000
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(3), maxIterations: 30)

    Benchmark("Stage step ×1M: electrical chain (UPS, distribution) — ms = ns/step",
              configuration: configuration) { (benchmark, state: (chain: ElectricalChain, power: [Double])) in
        let (chain, power) = state
        for _ in benchmark.scaledIterations {
            var losses = 0.0
            var index = -1
            for _ in 0..<steps {
                index = index + 1 == power.count ? 0 : index + 1
                losses += chain.step(itPower: Watts(power[index])).total.value
            }
            blackHole(losses)
        }
    } setup: {
        let loaded = try LoadedSite.load(stepMinutes: 1)
        let design = loaded.input.site.electrical.designITPower.value
        return (loaded.input.site.electrical, (0..<loaded.weather.count).map { design * (0.6 + 0.3 * sin(Double($0) / 229)) })
    }

    Benchmark("Stage step ×1M: IT inlet psychrometrics + ASHRAE envelope — ms = ns/step",
              configuration: configuration) { (benchmark, state: (envelope: OperatingEnvelope, weather: StepWeather)) in
        let (envelope, weather) = state
        let recommended = envelope.air.recommended, allowable = envelope.air.allowable
        for _ in benchmark.scaledIterations {
            var outside = 0
            var index = -1
            for _ in 0..<steps {
                index = index + 1 == weather.count ? 0 : index + 1
                let dewPoint = min(weather.dewPoint[index], 18)
                let supply = 24 + 0.001 * Double(index & 1023)
                let humidity = Psychrometrics.relativeHumidity(dryBulb: supply, dewPoint: dewPoint)
                if !recommended.contains(dryBulb: supply, dewPoint: dewPoint, relativeHumidity: humidity) { outside += 1 }
                if !allowable.contains(dryBulb: supply, dewPoint: dewPoint, relativeHumidity: humidity) { outside += 1 }
            }
            blackHole(outside)
        }
    } setup: {
        let loaded = try LoadedSite.load(stepMinutes: 1)
        return (loaded.input.site.envelope, loaded.weather)
    }

    Benchmark("Stage step ×1M: DH supply and return temperatures (reset curves) — ms = ns/step",
              configuration: configuration) { (benchmark, state: (network: DistrictHeatingNetwork, weather: StepWeather)) in
        let (network, weather) = state
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            var index = -1
            for _ in 0..<steps {
                index = index + 1 == weather.count ? 0 : index + 1
                let outdoor = weather.dryBulb[index]
                sum += network.supplyCurve.temperature(outdoor: outdoor) + network.returnCurve.temperature(outdoor: outdoor)
            }
            blackHole(sum)
        }
    } setup: {
        let loaded = try LoadedSite.load(stepMinutes: 1)
        guard let recovery = loaded.input.site.heatRecovery else { throw BenchmarkFailure(description: "no heat recovery") }
        return (recovery.network, loaded.weather)
    }
}
