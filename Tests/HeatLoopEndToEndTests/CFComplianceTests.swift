import Foundation
import HeatLoopTestSupport
import Testing

/// A run result, a batch summary and a sizing table pass the IOOS compliance-checker's CF-1.8 suite without
/// an error, and every group's names and units are CF's (`Tests/python/check_cf.py`; `make test` installs
/// compliance-checker).
@Suite struct CFComplianceTests {
    static func check(_ path: String) throws {
        let check = try CLI.python(["\(PackagePaths.root)/Tests/python/check_cf.py", path])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("OK: "), "\(check.stdout)")
    }

    @Test func runResultIsCF() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/campus.h5"
        let run = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--timestep-min", "60", "--output", result, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        try Self.check(result)
    }

    @Test func batchSummaryIsCF() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let batch = try CLI.run(["batch", "Sites/batches/climate-2050.yaml", "--output", folder, "--quiet"])
        #expect(batch.status == 0, "\(batch.stderr)")
        try Self.check("\(folder)/summary.h5")
    }

    @Test func sizingTableIsCF() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let size = try CLI.run(["size", "--spec", "Sites/sizing/campus-heat-pump.yaml", "--output", folder, "--quiet"])
        #expect(size.status == 0, "\(size.stderr)")
        try Self.check("\(folder)/sizing.h5")
    }
}
