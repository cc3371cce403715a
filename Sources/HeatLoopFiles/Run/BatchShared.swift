import Foundation
import HeatLoop

/// What the scenarios of a batch share, made once by the first worker that needs it and reused by the
/// others: the weather at the steps (one per weather file, climate and step; the preparation of the
/// hourly weather, with its wet-bulb iterations, cost more than an hourly simulation) and the cooling
/// baseline of the heat-reuse projects (one per site without its project, weather and climate: a sweep of
/// heat-pump sizes runs one baseline instead of one per scenario). Results are the same to the bit as
/// without sharing: the same inputs make the same values.
public final class BatchShared: Sendable {
    let weathers = SharedValues<ScenarioWeather>(capacityBytes: 64 << 20) { $0.stepWeather.count * 48 }
    let baselines = SharedValues<CoolingBaseline>(capacityBytes: BatchShared.baselineBytes) { $0.bytes }
    /// The most memory the cooling baselines a batch or sizing sweep keeps may take, bytes.
    static let baselineBytes = 64 << 20

    public init() {}

    /// Seconds workers spent waiting for a value another worker was making (a shared section).
    public var waitSeconds: Double { weathers.waitSeconds + baselines.waitSeconds }

    /// The baseline of `scenario` as `runner` runs it.
    public func baseline(of scenario: BatchScenario, runner: ScenarioRunner) -> CoolingBaseline {
        baselines.value(for: scenario.baselineKey) { () throws(Never) in runner.coolingBaseline() }
    }

    /// Makes the weathers, then the baselines, that `scenarios` need, `jobs` at a time, each kind when all of
    /// it fits in what is kept: the scenarios then never wait for one another (at every new weather or
    /// climate, every worker would otherwise wait for the one making it). Returns how long it took and
    /// how many values it made; nothing when they do not fit (they are then made on demand).
    public func prepare(_ scenarios: [BatchScenario], jobs: Int) -> (seconds: Double, values: Int) {
        let started = DispatchTime.now().uptimeNanoseconds
        let steps = scenarios.first.map { $0.siteInput().site.calendar.stepCount } ?? 0
        let weatherFirsts = Self.firsts(of: scenarios, key: \.weatherKey)
        var made = 0
        if weatherFirsts.count * steps * 48 <= weathers.capacityBytes {
            ParallelRunner.run(count: weatherFirsts.count, jobs: jobs, work: { index in
                _ = try? ScenarioRunner(weatherFirsts[index], shared: self)
            }, consume: { _, _ in made += 1 })
        }
        let needing = scenarios.filter { $0.siteInput().project?.needsBaseline == true }
        let baselineFirsts = Self.firsts(of: needing, key: \.baselineKey)
        if baselineFirsts.count * CoolingBaseline.bytes(steps: steps) <= baselines.capacityBytes {
            ParallelRunner.run(count: baselineFirsts.count, jobs: jobs, work: { index in
                guard let runner = try? ScenarioRunner(baselineFirsts[index], shared: self) else { return }
                _ = self.baseline(of: baselineFirsts[index], runner: runner)
            }, consume: { _, _ in made += 1 })
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, made)
    }

    /// The first scenario of each distinct `key`, in order.
    private static func firsts(of scenarios: [BatchScenario], key: (BatchScenario) -> String) -> [BatchScenario] {
        var seen = Set<String>()
        return scenarios.filter { seen.insert(key($0)).inserted }
    }
}

/// A scenario's weather: the hourly series with its climate change applied, and at the site's steps.
struct ScenarioWeather: Sendable {
    var series: WeatherSeries
    var stepWeather: StepWeather
    /// The climate scenario `series` was made with.
    var climate: ClimateScenario
}

extension BatchScenario {
    /// Equal for scenarios whose site without its heat-reuse project (no heat recovery, no economics),
    /// weather and climate are the same: their projects' cooling savings compare with one and the same
    /// baseline run (`CoolingBaseline`). The design step sizes nothing from heat recovery, so the designed
    /// site without it is the baseline's.
    public var baselineKey: String {
        var baseline = designed.spec
        baseline.heatRecovery = nil
        baseline.economics = nil
        return BatchLoader.inputsHash(siteDigest: SHA256.hex(Array(baseline.canonicalJSON.utf8)) + weatherSHA256,
                                      climate: climate)
    }

    /// Equal for scenarios with the same weather file, climate and step: they run in the same weather.
    var weatherKey: String {
        BatchLoader.inputsHash(siteDigest: "\(weatherSHA256) \(designed.spec.timestepMin)", climate: climate)
    }
}

/// Values computed once per key and shared by threads: the first caller of a key computes it (others with
/// that key wait for it), and the newest values are kept up to `capacityBytes` (a batch's order varies
/// the last `vary` key fastest, so scenarios sharing a value come together), so memory stays bounded
/// whatever the batch's size.
final class SharedValues<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var values: [String: Value] = [:]
    private var order: [String] = []
    private var running: Set<String> = []
    private var bytes = 0
    private var waited: UInt64 = 0
    let capacityBytes: Int
    private let size: @Sendable (Value) -> Int

    init(capacityBytes: Int, size: @escaping @Sendable (Value) -> Int) {
        self.capacityBytes = capacityBytes
        self.size = size
    }

    /// The value of `key`: kept, or made now by `make` (when it throws, the next caller tries again).
    func value<E: Error>(for key: String, make: () throws(E) -> Value) throws(E) -> Value {
        condition.lock()
        if running.contains(key) {
            let start = DispatchTime.now().uptimeNanoseconds
            while running.contains(key) { condition.wait() }
            waited += DispatchTime.now().uptimeNanoseconds - start
        }
        if let found = values[key] {
            condition.unlock()
            return found
        }
        running.insert(key)
        condition.unlock()
        let made: Result<Value, E> = Result { () throws(E) in try make() }
        condition.lock()
        running.remove(key)
        if case .success(let value) = made { keep(value, as: key) }
        condition.broadcast()
        condition.unlock()
        return try made.get()
    }

    /// Seconds callers waited for a value another caller was making.
    var waitSeconds: Double {
        condition.lock()
        defer { condition.unlock() }
        return Double(waited) / 1e9
    }

    /// Stores `value`, dropping the oldest ones beyond the capacity (called holding the lock).
    private func keep(_ value: Value, as key: String) {
        values[key] = value
        order.append(key)
        bytes += size(value)
        while bytes > capacityBytes, order.count > 1 {
            let oldest = order.removeFirst()
            if let dropped = values.removeValue(forKey: oldest) { bytes -= size(dropped) }
        }
    }
}
