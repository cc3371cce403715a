import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// The h200-sxm preset and the training generator against the real H200 measurement in
/// `../shared/measured/` (README there): NVML instantaneous board power every ~10 ms; each reading holds
/// until the next. The generator, given the preset's default utilisations and the measured checkpoint
/// timing, must reproduce the measured mean power of the checkpointed training phase and the depth of
/// its checkpoint dips within 5 %.
@Suite("H200 preset and generator vs the measured trace")
struct MeasuredH200Tests {
    /// Piecewise-constant instantaneous power of the measurement, and its phase events.
    struct Measurement {
        var times: [Double]
        var power: [Double]
        var events: [(time: Double, name: String)]

        /// Exact time average over [a, b], W.
        func mean(_ a: Double, _ b: Double) -> Double {
            var energy = 0.0
            for i in times.indices {
                let start = max(times[i], a), end = min(i + 1 < times.count ? times[i + 1] : times[i], b)
                if end > start { energy += power[i] * (end - start) }
            }
            return energy / (b - a)
        }

        func times(of name: String) -> [Double] { events.filter { $0.name == name }.map(\.time) }
    }

    static func measurement() throws -> Measurement {
        let folder = "\(PackagePaths.shared)/measured"
        let table = try ReferenceCSV(path: "\(folder)/h200-training-power.csv")
        let time = try table.column("time_s"), instant = try table.column("power_instant_w")
        let rows = table.rows.compactMap { row -> (Double, Double)? in
            guard let t = Double(row[time]), let p = Double(row[instant]) else { return nil }
            return (t, p)
        }
        let json = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/h200-training-power.events.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]]).compactMap { event -> (Double, String)? in
            guard let t = event["t_s"] as? Double, let name = event["event"] as? String else { return nil }
            return (t, name)
        }
        return Measurement(times: rows.map(\.0), power: rows.map(\.1), events: events)
    }

    @Test("training level, checkpoint dips and the generator's mean power and dip depth within 5 %")
    func generatorReproducesTheTrace() throws {
        let m = try Self.measurement()
        let phase = (try #require(m.times(of: "train_checkpoint_start").first), try #require(m.times(of: "train_checkpoint_end").first))
        let starts = m.times(of: "checkpoint_start"), ends = m.times(of: "checkpoint_end")
        try #require(starts.count == 3 && ends.count == 3)
        // The dip, away from the ≤ 0.15 s edges; the training level, between checkpoints away from them too.
        let dip = zip(starts, ends).map { m.mean($0 + 0.15, $1 - 0.15) }.reduce(0, +) / 3
        let steady = (try #require(m.times(of: "train_steady_start").first), try #require(m.times(of: "train_steady_end").first))
        let training = m.mean(steady.0 + 1, steady.1)
        let measuredMean = m.mean(phase.0, phase.1)
        #expect(abs(training / 686 - 1) < 0.05 && dip > 110 && dip < 150, "training \(training) W, dip \(dip) W")

        let preset = NodeSpec(preset: .h200SXM)
        let gpu = NodePower(gpus: 1, gpuIdle: Watts(preset.gpuIdleW), gpuMax: Watts(preset.gpuMaxW),
                            baseIdle: Watts(0), baseMax: Watts(0), curve: .linear)
        // Three checkpoints of the measured mean length in the phase; the generator's periods are at least
        // 60 s, so the cycle is stretched tenfold (mean power and dip depth depend only on the duty and levels).
        let checkpoint = zip(starts, ends).map { $1 - $0 }.reduce(0, +) / 3
        let job = TrainingJob(name: "measured", nodes: 1, start: 0, duration: 86_400,
                              utilization: preset.trainingUtilization, checkpointEvery: 10 * (phase.1 - phase.0) / 3,
                              checkpointDuration: 10 * checkpoint, checkpointUtilization: preset.checkpointUtilization)
        let load = TrainingGenerator.load(schedule: TrainingSchedule(jobs: [job]), nodes: 1, node: gpu, downPower: 0,
                                          calendar: SimulationCalendar(year: 2025, stepMinutes: 1))
        let run = try #require(load.jobs.first)
        let generatedMean = run.energy / (run.end - run.start)
        let steps = Int(run.start / 60)..<Int(run.end / 60)
        let generatedDepth = steps.map { load.peakPower[$0] - load.troughPower[$0] }.max() ?? 0
        let measuredDepth = training - dip
        #expect(abs(generatedMean / measuredMean - 1) < 0.05, "mean: generator \(generatedMean) W, measured \(measuredMean) W")
        #expect(abs(generatedDepth / measuredDepth - 1) < 0.05, "dip depth: generator \(generatedDepth) W, measured \(measuredDepth) W")
    }

    @Test("the shipped 1-s trace keeps the measurement's energy")
    func shippedTraceKeepsEnergy() throws {
        let m = try Self.measurement()
        let trace = try ReferenceCSV(path: "\(PackagePaths.root)/Sites/traces/h200-training-1s.csv")
        let column = try trace.column("gpu_power_kw")
        let values = trace.rows.compactMap { Double($0[column]) }
        #expect(values.count == 169)
        // The first reading holds from t = 0 (the generator's convention), then each until the next.
        var shifted = m
        shifted.times[0] = 0
        let expected = shifted.mean(0, 169)
        let mean = values.reduce(0, +) / Double(values.count) * 1000
        #expect(abs(mean / expected - 1) < 1e-6, "trace \(mean) W, measured \(expected) W")
    }
}
