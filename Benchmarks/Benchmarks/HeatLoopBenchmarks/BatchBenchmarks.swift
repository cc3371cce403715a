import Benchmark
import Foundation

/// Issue 6's target (DESIGN §9): a batch of 1,000 hourly site-years on this 2-core machine, every result
/// file and the summary written, ≤ 60 s. The default site × its own and three other TMY3 years × five
/// climates (baseline, +1…+4 K) × 50 heat-pump sizes, run by the release `heatloop batch --jobs 2`.
func batchBenchmarks() {
    Benchmark(
        "heatloop batch, 1,000 hourly site-years (2 jobs)",
        configuration: .init(metrics: [.wallClock, .childPeakResident, .childCPU], timeUnits: .seconds,
                             warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 2,
                             teardown: { Scratch.remove() })
    ) { (benchmark, state: (binary: String, batch: String)) in
        let (binary, batch) = state
        for _ in benchmark.scaledIterations {
            let output = Scratch.file("batch-\(UUID().uuidString)")
            let usage = try runChild([binary, "batch", batch, "--output", output, "--jobs", "2", "--quiet"],
                                     log: Scratch.file("batch.log"))
            benchmark.measurement(.childPeakResident, usage.maxResidentBytes)
            benchmark.measurement(.childCPU, usage.cpuNanoseconds / 1_000_000)
            try? FileManager.default.removeItem(atPath: output)
        }
    } setup: {
        let binary = BenchPaths.heatloopBinary
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
        return (binary, batch)
    }
}

/// DESIGN §9: a sizing sweep of 400 hourly site-years on this 2-core machine ≤ 20 s (50 ms a design), run
/// by the release `heatloop size SITE --spec SIZING --jobs 2` (the shipped campus spec has 60 designs). Registered only when the sizing spec of the default site
/// exists (`Sites/sizing/campus-heat-pump.yaml`, with the `heatloop size` command); `make bench` says when
/// it is skipped.
func sizingBenchmarks() {
    let spec = BenchPaths.resolve("../Sites/sizing/campus-heat-pump.yaml")
    guard FileManager.default.fileExists(atPath: spec) else { return }
    Benchmark(
        "heatloop size, campus heat-pump sweep (2 jobs)",
        configuration: .init(metrics: [.wallClock, .childPeakResident, .childCPU], timeUnits: .seconds,
                             warmupIterations: 0, maxDuration: .seconds(40), maxIterations: 2,
                             teardown: { Scratch.remove() })
    ) { benchmark, binary in
        for _ in benchmark.scaledIterations {
            let output = Scratch.file("size-\(UUID().uuidString)")
            let usage = try runChild([binary, "size", BenchPaths.defaultSite, "--spec", spec, "--jobs", "2",
                                      "--output", output], log: Scratch.file("size.log"))
            benchmark.measurement(.childPeakResident, usage.maxResidentBytes)
            benchmark.measurement(.childCPU, usage.cpuNanoseconds / 1_000_000)
            try? FileManager.default.removeItem(atPath: output)
        }
    } setup: {
        BenchPaths.heatloopBinary
    }
}
