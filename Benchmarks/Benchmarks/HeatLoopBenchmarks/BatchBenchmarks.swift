import Benchmark
import Foundation

/// Issue 6's target (DESIGN §9): a batch of 1,000 hourly site-years on this 2-core machine, every result
/// file and the summary written, ≤ 60 s. The default site × its own and three other TMY3 years × five
/// climates (baseline, +1…+4 K) × 50 heat-pump sizes, run by the release `heatloop batch --jobs 2`.
/// Issue 22's targets: the same batch `--summary-only` ≤ 6 s and ≤ 300 MB, and for both the serial
/// fraction the batch reports (the share of the one-thread time spent in sections one thread at a time
/// can be in: the HDF5 lock and the main thread) ≤ 5 % (`Serial fraction (‰)`, per mille).
func batchBenchmarks() {
    for summaryOnly in [false, true] {
        Benchmark(
            "heatloop batch, 1,000 hourly site-years (2 jobs\(summaryOnly ? ", summary only" : ""))",
            configuration: .init(metrics: [.wallClock, .childPeakResident, .childCPU, .serialFraction],
                                 timeUnits: .seconds, warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 2,
                                 teardown: { Scratch.remove() })
        ) { (benchmark, state: (binary: String, batch: String)) in
            let (binary, batch) = state
            for _ in benchmark.scaledIterations {
                let output = Scratch.file("batch-\(UUID().uuidString)")
                let log = Scratch.file("batch.log")
                let usage = try runChild([binary, "batch", batch, "--output", output, "--jobs", "2"]
                                         + (summaryOnly ? ["--summary-only"] : []), log: log)
                benchmark.measurement(.childPeakResident, usage.maxResidentBytes)
                benchmark.measurement(.childCPU, usage.cpuNanoseconds / 1_000_000)
                benchmark.measurement(.serialFraction, try serialFraction(inLog: log))
                try? FileManager.default.removeItem(atPath: output)
            }
        } setup: {
            try thousandSiteYears()
        }
    }
}

/// The serial fraction a batch printed (`… serial fraction 1.2 %`), per mille.
func serialFraction(inLog log: String) throws -> Int {
    let text = try String(contentsOfFile: log, encoding: .utf8)
    guard let range = text.range(of: "serial fraction "),
          let percent = Double(text[range.upperBound...].prefix { $0 == "." || $0.isNumber }) else {
        throw BenchmarkFailure(description: "no serial fraction in the batch's output:\n\(text)")
    }
    return Int((percent * 10).rounded())
}

/// The release binary and the 1,000-scenario batch file (written to the scratch folder).
func thousandSiteYears() throws -> (binary: String, batch: String) {
    let weather = ["USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw", "USA_FL_Tampa.Intl.AP.722110_TMY3.epw",
                   "USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw"].map { BenchPaths.resolve("../Weather/\($0)") }
    let capacities = (0..<50).map { (step: Int) -> String in String(2.0 + 0.25 * Double(step)) }
        .joined(separator: ", ")
    let text = """
        name: thousand
        sites: [\(BenchPaths.defaultSite)]
        weather: [site, \(weather.joined(separator: ", "))]
        climate: [{name: baseline}, {name: plus1k, offset_k: 1}, {name: plus2k, offset_k: 2},
                  {name: plus3k, offset_k: 3}, {name: plus4k, offset_k: 4}]
        vary:
          heat_recovery.heat_pump.capacity_mw: [\(capacities)]
        timestep_min: 60
        """
    let batch = Scratch.file("thousand.yaml")
    try text.write(toFile: batch, atomically: true, encoding: .utf8)
    return (BenchPaths.heatloopBinary, batch)
}

/// Issue 7's target (DESIGN §9): a sizing sweep of 400 hourly site-years on this 2-core machine ≤ 20 s.
/// The default site's heat pump (1…20 MW) × tank (0…1,900 m³), 20 × 20 designs with their economics, one
/// shared baseline and the four marginal designs, every output written, by the release
/// `heatloop size SITE --spec SIZING --jobs 2`.
func sizingBenchmarks() {
    sizeBenchmark("heatloop size, 400 hourly designs (2 jobs)", file: "four-hundred", spec: """
        name: four-hundred
        timestep_min: 60
        vary:
          heat_recovery.heat_pump.capacity_mw: {from: 1, to: 20, step: 1}
          heat_recovery.storage.volume_m3: {from: 0, to: 1900, step: 100}
        objective: npv
        constraints: {erf: {min: 0.2}}
        """)
}

/// Issue 18 item 6: sizing under uncertainty, every design over the same samples (common random numbers).
/// The target, measured whole: 400 designs (heat pump 1…20 MW × tank 0…1,900 m³) × 100 samples (generated
/// weather years, heat and electricity price and utilisation draws), 40,000 hourly site-years and 100
/// baselines, in ≤ 60 s and ≤ 300 MB. One iteration (≈ 50 s).
func robustSizingBenchmarks() {
    sizeBenchmark("heatloop size under uncertainty, 400 designs × 100 samples (2 jobs)", file: "robust-forty-thousand",
                  iterations: 1, spec: """
        name: robust-forty-thousand
        timestep_min: 60
        vary:
          heat_recovery.heat_pump.capacity_mw: {from: 1, to: 20, step: 1}
          heat_recovery.storage.volume_m3: {from: 0, to: 1900, step: 100}
        uncertainty:
          samples: 100
          seed: 2026
          weather: generated
          inputs:
            economics.heat_price_eur_per_mwh: {triangular: {min: 30, mode: 45, max: 70}}
            economics.electricity_price_eur_per_mwh: {lognormal: {median: 90, sigma: 0.25}}
            it.clusters[0].workload.constant.utilization: {uniform: {min: 0.7, max: 0.95}}
        recommend_by: p90_npv
        constraints: {unmet_cooling_hours: {max: 24}}
        """)
}

/// `heatloop size` of the default site over the sizing file `spec` (written to `<file>.yaml`), with two
/// jobs and every output written: wall clock, the child's CPU time and peak memory, over `iterations` runs.
private func sizeBenchmark(_ name: String, file: String, iterations: Int = 3, spec: String) {
    Benchmark(
        name,
        configuration: .init(metrics: [.wallClock, .childPeakResident, .childCPU], timeUnits: .milliseconds,
                             warmupIterations: 0, maxDuration: .seconds(120), maxIterations: iterations,
                             teardown: { Scratch.remove() })
    ) { (benchmark, state: (binary: String, spec: String)) in
        for _ in benchmark.scaledIterations {
            let output = Scratch.file("\(file)-\(UUID().uuidString)")
            let usage = try runChild([state.binary, "size", BenchPaths.defaultSite, "--spec", state.spec, "--jobs", "2",
                                      "--output", output, "--quiet"], log: Scratch.file("\(file).log"))
            benchmark.measurement(.childPeakResident, usage.maxResidentBytes)
            benchmark.measurement(.childCPU, usage.cpuNanoseconds / 1_000_000)
            try? FileManager.default.removeItem(atPath: output)
        }
    } setup: {
        let path = Scratch.file("\(file).yaml")
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        return (BenchPaths.heatloopBinary, path)
    }
}
