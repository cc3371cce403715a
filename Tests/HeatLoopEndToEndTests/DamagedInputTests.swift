import Foundation
import HeatLoop
import HeatLoopHDF5
import HeatLoopTestSupport
import Testing

/// Issue 21 items 1 and 7 through the CLI: a CRAC site without an economiser runs, and `report` and
/// `merge` refuse damaged results (exit 2, saying what is missing).
@Suite(.serialized) struct DamagedInputTests {
    /// The CRAC room with its economiser line removed or set to `none`, written beside the original.
    @Test(arguments: ["", "      economiser: none\n"])
    func aCRACSiteWithoutAnEconomiserValidatesRunsAndBatches(replacement: String) throws {
        let original = try String(contentsOfFile: PackagePaths.site("energyplus/crac-pumped-dx"), encoding: .utf8)
        let line = "      economiser: {pumped_refrigerant: {pump_only_below_c: -4, compressor_only_above_c: 34.89}}\n"
        try #require(original.contains(line))
        let name = "energyplus/crac-no-economiser-\(UUID().uuidString.prefix(8))"
        let site = PackagePaths.site(name)
        try original.replacingOccurrences(of: line, with: replacement).write(toFile: site, atomically: true, encoding: .utf8)
        let folder = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: site)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let batch = "\(folder)/batch.yaml"
        try "name: crac\nsites: [\(site)]\ntimestep_min: 60\n".write(toFile: batch, atomically: true, encoding: .utf8)

        let validate = try CLI.run(["validate", site, batch])
        #expect(validate.status == 0, "\(validate.stderr)")
        let run = try CLI.run(["run", site, "--output", "\(folder)/run.h5", "--timestep-min", "60"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(HDF5ResultReader.isComplete(path: "\(folder)/run.h5"))
        let batchRun = try CLI.run(["batch", batch, "--output", "\(folder)/batch", "--quiet"])
        #expect(batchRun.status == 0, "\(batchRun.stderr)")
        #expect(HDF5ResultReader.isComplete(path: "\(folder)/batch/summary.h5"))
    }

    /// A FIFO given as a site, batch or morph file would block a reader forever; it is refused (exit 2).
    @Test func aFIFOOrFolderGivenAsAnInputFileIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = "\(folder)/site.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        for arguments in [["validate", fifo], ["run", fifo], ["batch", fifo], ["validate", folder],
                          ["weather", "Weather/USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw", "--morph", fifo]] {
            let outcome = try CLI.run(arguments)
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("is a FIFO") || outcome.stderr.contains("is a folder"), "\(arguments): \(outcome.stderr)")
        }
    }

    /// A run's result damaged by h5py (Python), then given to `report`.
    @Test(arguments: [
        ("del f['summary']", "no /summary group"),
        ("del f['facility']", "no /facility group"),
        ("del f['time']", "no /time dataset"),
        ("f.attrs['timestep_s'] = 0", "timestep_s = 0"),
        ("v = f['facility/pue'][:100]; del f['facility/pue']; f['facility/pue'] = v", "/facility/pue has 100 steps"),
        ("f.attrs['complete'] = 0", "complete = 1"),
    ])
    func reportRefusesADamagedRun(damage: String, expected: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/r.h5"
        let run = try CLI.run(["run", "Sites/tucson-enterprise-air.yaml", "--output", result, "--timestep-min", "60"])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(HDF5ResultReader.contractProblems(path: result) == [])
        let python = try CLI.python(["-c", "import h5py\nwith h5py.File('\(result)', 'r+') as f:\n    \(damage)\n"])
        try #require(python.status == 0, "\(python.stdout)")
        let report = try CLI.run(["report", result])
        #expect(report.status == 2)
        #expect(report.stderr.contains(expected), "\(report.stderr)")
        #expect(report.stdout.isEmpty)
    }

    @Test func mergeRefusesADamagedScenarioResult() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let batch = "\(folder)/batch.yaml"
        try "name: b\nsites: [\(PackagePaths.site("tucson-enterprise-air"))]\ntimestep_min: 60\n"
            .write(toFile: batch, atomically: true, encoding: .utf8)
        let run = try CLI.run(["batch", batch, "--output", "\(folder)/out", "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let scenario = try #require(files(in: "\(folder)/out").first { $0.hasSuffix(".h5") && $0 != "summary.h5" })
        let merged = try CLI.run(["merge", "\(folder)/out"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let python = try CLI.python(["-c", "import h5py\nwith h5py.File('\(folder)/out/\(scenario)', 'r+') as f:\n    del f['summary']\n"])
        try #require(python.status == 0, "\(python.stdout)")
        let damaged = try CLI.run(["merge", "\(folder)/out"])
        #expect(damaged.status == 2)
        #expect(damaged.stderr.contains("\(scenario): damaged result, not merged: no /summary group"), "\(damaged.stderr)")
        let summary = "\(folder)/out/summary.h5"
        #expect(try CLI.run(["report", summary]).status == 0)
        let shortened = try CLI.python(["-c", "import h5py\nwith h5py.File('\(summary)', 'r+') as f:\n    del f['pue']\n    f['pue'] = [1.0, 2.0]\n"])
        try #require(shortened.status == 0, "\(shortened.stdout)")
        let uneven = try CLI.run(["report", summary])
        #expect(uneven.status == 2 && uneven.stderr.contains("/pue has 2 values"), "\(uneven.stderr)")
        let table = try CLI.python(["-c", "import h5py\nwith h5py.File('\(summary)', 'r+') as f:\n    del f.attrs['complete']\n"])
        try #require(table.status == 0, "\(table.stdout)")
        let report = try CLI.run(["report", summary])
        #expect(report.status == 2 && report.stderr.contains("complete = 1"), "\(report.stderr)")
    }
}
