// HeatLoop benchmarks (DESIGN §9 performance targets). Every benchmark runs in its own process;
// inputs are read in `setup:` (outside the measured block), results go through `blackHole`.
// Iteration limits keep the whole suite at about two minutes on the 2-core reference machine.
import Benchmark
import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// Metrics of in-process computations: time, allocations, resident-memory growth during the
/// benchmark (`peakMemoryResidentDelta`: sampled every 5 ms, minus the process' resident memory
/// before the first iteration).
private let computeMetrics: [BenchmarkMetric] = [
    .wallClock, .mallocCountTotal, .mallocBytesCount, .peakMemoryResidentDelta,
]
/// Plus CPU time (user + system; 10 ms resolution on Linux) where work runs on several threads.
private let parallelMetrics = computeMetrics + [.cpuTotal]

private func configuration(
    _ metrics: [BenchmarkMetric] = computeMetrics, units: BenchmarkTimeUnits = .milliseconds,
    maxSeconds: Int, maxIterations: Int, warmup: Int = 1
) -> Benchmark.Configuration {
    .init(metrics: metrics, timeUnits: units, warmupIterations: warmup, maxDuration: .seconds(maxSeconds),
          maxIterations: maxIterations, teardown: { Scratch.remove() })
}

let benchmarks: @Sendable () -> Void = {
    // 1. EPW parse — target ≤ 5 ms.
    Benchmark(
        "EPW parse (Chicago TMY3, 8760 rows)",
        configuration: configuration([.wallClock, .mallocCountTotal, .mallocBytesCount],
                                     units: .microseconds, maxSeconds: 3, maxIterations: 300)
    ) { benchmark, text in
        for _ in benchmark.scaledIterations {
            blackHole(try EPWReader.parse(text: text, file: BenchPaths.chicagoEPW))
        }
    } setup: {
        try String(contentsOfFile: BenchPaths.chicagoEPW, encoding: .utf8)
    }

    // 1b. Trace parse: the example week of 5-min utilisation samples (2016 rows), the CSV reader's hot path.
    Benchmark(
        "Trace parse (inference week, 2016 rows)",
        configuration: configuration([.wallClock, .mallocCountTotal, .mallocBytesCount],
                                     units: .microseconds, maxSeconds: 3, maxIterations: 1000)
    ) { benchmark, text in
        for _ in benchmark.scaledIterations {
            blackHole(try TraceReader.parse(text: text, file: BenchPaths.inferenceTrace, column: "utilization"))
        }
    } setup: {
        try String(contentsOfFile: BenchPaths.inferenceTrace, encoding: .utf8)
    }

    // 2. Hourly weather → step midpoints (interpolation, wet bulb, 24 h mean).
    for stepMinutes in [1, 15] {
        Benchmark(
            "Weather to steps (\(stepMinutes)-min)",
            configuration: configuration(units: .microseconds, maxSeconds: 3, maxIterations: 200)
        ) { benchmark, weather in
            for _ in benchmark.scaledIterations {
                blackHole(weather.atStepMidpoints(stepMinutes: stepMinutes))
            }
        } setup: {
            try EPWReader.read(path: BenchPaths.chicagoEPW)
        }
    }

    // 3. Core loop, default site, one year — target ≤ 100 ms at 1-min steps. User and system CPU time
    //    apart: the system part is the kernel providing fresh pages for the result columns (~88 MB at
    //    1-min), which glibc hands back after every run (Docs/performance.md).
    for stepMinutes in [1, 15] {
        Benchmark(
            "Core loop, one year (\(stepMinutes)-min)",
            configuration: configuration(computeMetrics + [.cpuUser, .cpuSystem],
                                         maxSeconds: 8, maxIterations: stepMinutes == 1 ? 30 : 150)
        ) { benchmark, loaded in
            for _ in benchmark.scaledIterations {
                blackHole(try Simulation(site: loaded.input.site, weather: loaded.weather, hourlyDryBulb: loaded.input.weather.dryBulb).run())
            }
        } setup: {
            try LoadedSite.load(stepMinutes: stepMinutes)
        }
    }

    // 4. Result document + HDF5 file of the 1-min year (what `heatloop run` does after the loop),
    //    and the HDF5 write alone (document built in setup).
    Benchmark(
        "Summary + document + HDF5 write (1-min)",
        configuration: configuration(parallelMetrics + [.writeBytesLogical], maxSeconds: 8, maxIterations: 25)
    ) { (benchmark, state: (result: SimulationResult, provenance: RunProvenance)) in
        let (result, provenance) = state
        for _ in benchmark.scaledIterations {
            let document = ResultDocument(result: result, summary: RunSummary(result), provenance: provenance)
            var writer = HDF5ResultWriter(path: Scratch.file("document.h5"))
            try writer.write(document)
            blackHole(writer)
        }
    } setup: {
        let loaded = try LoadedSite.load(stepMinutes: 1)
        return (try Simulation(site: loaded.input.site, weather: loaded.weather, hourlyDryBulb: loaded.input.weather.dryBulb).run(), loaded.provenance)
    }

    Benchmark(
        "HDF5 write (1-min)",
        configuration: configuration(parallelMetrics + [.writeBytesLogical], maxSeconds: 8, maxIterations: 25)
    ) { benchmark, document in
        for _ in benchmark.scaledIterations {
            var writer = HDF5ResultWriter(path: Scratch.file("write.h5"))
            try writer.write(document)
            blackHole(writer)
        }
    } setup: {
        let loaded = try LoadedSite.load(stepMinutes: 1)
        let result = try Simulation(site: loaded.input.site, weather: loaded.weather, hourlyDryBulb: loaded.input.weather.dryBulb).run()
        return ResultDocument(result: result, summary: RunSummary(result), provenance: loaded.provenance)
    }

    // 5. `heatloop run` end to end (process start → HDF5 closed) — targets ≤ 1.5 s (1-min) and
    //    ≤ 0.3 s (15-min). The subprocess' peak RSS and CPU time come from wait4.
    for stepMinutes in [1, 15] {
        Benchmark(
            "heatloop run end to end (\(stepMinutes)-min)",
            configuration: configuration([.wallClock, .childPeakResident, .childCPU],
                                         maxSeconds: stepMinutes == 1 ? 20 : 8,
                                         maxIterations: stepMinutes == 1 ? 15 : 40)
        ) { benchmark, binary in
            for _ in benchmark.scaledIterations {
                let usage = try runChild(
                    [binary, "run", BenchPaths.defaultSite, "--timestep-min", "\(stepMinutes)",
                     "--output", Scratch.file("cli-\(stepMinutes)min.h5"), "--quiet"],
                    log: Scratch.file("cli.log"))
                benchmark.measurement(.childPeakResident, usage.maxResidentBytes)
                benchmark.measurement(.childCPU, usage.cpuNanoseconds / 1_000_000)
            }
        } setup: {
            let binary = BenchPaths.heatloopBinary
            guard FileManager.default.isExecutableFile(atPath: binary) else {
                throw BenchmarkFailure(description: "no heatloop binary at \(binary): build it with "
                    + "`swift build -c release --product heatloop` at the repository root or set HEATLOOP_BIN")
            }
            return binary
        }
    }

    // 6. Peak memory of a 1-min annual run, in process: load the site and weather, simulate, build
    //    the document, write the HDF5 file — target ≤ 300 MB resident.
    Benchmark(
        "Annual run in process, peak memory (1-min)",
        configuration: configuration([.wallClock, .peakMemoryResident, .peakMemoryResidentDelta,
                                      .mallocCountTotal, .mallocBytesCount],
                                     maxSeconds: 10, maxIterations: 10)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let loaded = try LoadedSite.load(stepMinutes: 1)
            let result = try Simulation(site: loaded.input.site, weather: loaded.weather, hourlyDryBulb: loaded.input.weather.dryBulb).run()
            let document = ResultDocument(result: result, summary: RunSummary(result),
                                          provenance: loaded.provenance)
            var writer = HDF5ResultWriter(path: Scratch.file("annual.h5"))
            try writer.write(document)
            blackHole(writer)
        }
    }

    workloadBenchmarks()
    plantBenchmarks()
    stageBenchmarks()
    batchBenchmarks()
    sizingBenchmarks()
    robustSizingBenchmarks()
}
