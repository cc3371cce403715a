import Foundation
import HeatLoop
import HeatLoopTestSupport
import HeatLoopFiles
import Testing

/// Training and trace workloads through the whole step loop and the CLI.
@Suite struct WorkloadEndToEndTests {
    /// One 1,024-node job (8× H100, u 0.9, checkpoints every 30 min for 2 min at 0.15), nothing else.
    static let site = """
        name: one-job
        weather: ../Weather/USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw
        it:
          clusters:
            - name: h100
              nodes: 1024
              node: h100-sxm
              cooling: dlc
              workload:
                training:
                  failures: off
                  jobs:
                    - {name: pretrain, nodes: 1024, start: 2025-03-01, duration_days: 5, utilization: 0.9,
                       checkpoint_every_min: 30, checkpoint_min: 2, checkpoint_utilization: 0.15}
        """

    func run(minutes: Int) throws -> SimulationResult {
        let path = "\(PackagePaths.root)/Sites/one-job.yaml"
        var spec = try SiteSpec.decode(text: Self.site, file: path)
        spec.timestepMin = minutes
        let weather = try EPWReader.read(path: SiteSpec.resolve(spec.weather, relativeTo: path))
        let site = Site(spec: spec)
        return try Simulation(site: site, hourlyWeather: weather).run()
    }

    @Test func checkpointDipsAtOneMinuteAndPeaksAtFifteen() throws {
        let node = NodePreset.h100SXM.node
        // Synchronous dip of the whole job: 1024 · (P(0.9) − P(0.15)).
        let depth = 1024 * (node.power(utilization: 0.9).value - node.power(utilization: 0.15).value)
        let dayOne = 59 * 24 * 60 + 3 * 60   // 1 March 03:00, inside the job, in minutes

        let minute = try run(minutes: 1)
        let power = minute.columns[.itPower][dayOne..<dayOne + 120].map(Double.init)
        let high = power.max() ?? 0, low = power.min() ?? 0
        #expect(abs((high - low) - depth) < 1e-4 * depth, "1-min swing \(high - low) W, expected \(depth) W")
        // Periodic: the dips (steps well below the top) recur every 30 steps, two steps long.
        let dips = power.indices.filter { power[$0] < high - depth / 2 }
        #expect(dips.count == 8, "dip steps \(dips)")
        for (a, b) in zip(dips, dips.dropFirst(2)) { #expect(b - a == 30) }

        let quarter = try run(minutes: 15)
        let start = dayOne / 15
        let mean = quarter.columns[.itPower][start..<start + 8].map(Double.init)
        let peak = quarter.columns[.itPowerPeak][start..<start + 8].map(Double.init)
        // The 15-minute peak keeps the undipped level of the 1-minute series…
        for value in peak { #expect(abs(value - high) < 1e-5 * high) }
        // …while a step holding a 2-minute checkpoint is lower by exactly 2/15 of the dip.
        let dipped = mean.filter { $0 < high - 1 }
        #expect(dipped.count == 4)
        for value in dipped { #expect(abs((high - value) - depth * 2 / 15) < 1e-4 * depth) }
        #expect(quarter.jobs.map(\.name) == ["pretrain"])
    }

    @Test func traceExampleRunsEndToEnd() throws {
        let outcome = try CLI.run(["run", "Sites/inference-trace-tampa.yaml", "--output", NSTemporaryDirectory() + "trace-\(UUID()).h5", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"pue\""))
    }

    @Test func trainingExampleReportsJobs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CLI.run(["run", "Sites/llama-training-sf.yaml", "--output", folder, "--timestep-min", "60"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("pretrain-405b"))
        let check = try CLI.python(["\(PackagePaths.root)/Tests/python/check_result.py", "\(folder)/llama-training-sf.h5"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func malformedTraceExitsTwoWithItsLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lines = try String(contentsOfFile: "\(PackagePaths.root)/Sites/traces/inference-week.csv", encoding: .utf8)
            .components(separatedBy: "\n")
        let row = lines.firstIndex { $0.hasPrefix("2025") } ?? 0
        lines[row + 3] = lines[row + 3].components(separatedBy: ",")[0] + ",busy"
        try lines.joined(separator: "\n").write(toFile: "\(folder)/bad.csv", atomically: true, encoding: .utf8)
        let site = try String(contentsOfFile: PackagePaths.site("inference-trace-tampa"), encoding: .utf8)
            .replacingOccurrences(of: "traces/inference-week.csv", with: "\(folder)/bad.csv")
        let sitePath = "\(PackagePaths.root)/Sites/.trace-\(UUID().uuidString).yaml"
        try site.write(toFile: sitePath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: sitePath) }
        let outcome = try CLI.run(["run", sitePath, "--output", "\(folder)/out"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.csv:\(row + 4)"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out"))
    }
}
