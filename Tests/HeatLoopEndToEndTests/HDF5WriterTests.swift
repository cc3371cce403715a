import Foundation
import HeatLoop
import HeatLoopHDF5
import Testing

/// The HDF5 result writer and reader (DESIGN §6): round trip, atomic replacement, failures that leave
/// nothing behind, and the file as xarray/h5netcdf users read it (`Tests/python/check_result.py`).
@Suite struct HDF5WriterTests {
    // MARK: Round trip

    @Test func writesAndReadsBackEverySeriesAttributeAndTable() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/round.h5"
        let document = Self.sampleDocument(steps: 48, stepMinutes: 60)

        try Self.write(to: path, document)

        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        #expect(HDF5ResultReader.isComplete(path: path))

        let attributes = try HDF5ResultReader.readAttributes(path: path)
        #expect(attributes == document.attributes + [ResultAttribute("coordinates", .string("local_time")),
                                                     ResultAttribute("complete", .int(1))])
        #expect(try HDF5ResultReader.readSummary(path: path) == document.summary)

        for group in document.groups {
            for series in group.series {
                let values = try HDF5ResultReader.readSeries(path: path, group: group.name, name: series.name)
                #expect(values == series.values.doubles, "/\(group.name)/\(series.name)")
            }
            for matrix in group.matrices {
                let rows = try HDF5ResultReader.readMatrix(path: path, group: group.name, name: matrix.name)
                #expect(rows.count == matrix.labels.count)
                #expect(rows.flatMap { $0 } == matrix.values.map(Double.init), "/\(group.name)/\(matrix.name)")
            }
            let time = try HDF5ResultReader.readSeries(path: path, group: group.name, name: "time")
            #expect(time == document.time.minutes.map(Double.init), "/\(group.name)/time")
            let localTime = try HDF5ResultReader.readSeries(path: path, group: group.name, name: "local_time")
            #expect(localTime == document.time.localMinutes.map(Double.init), "/\(group.name)/local_time")
        }
        #expect(try HDF5ResultReader.readSeries(path: path, group: "", name: "local_time") == (0..<48).map { Double($0 * 60) })
        let rootTime = try HDF5ResultReader.readSeries(path: path, group: "", name: "time")
        #expect(rootTime == document.time.minutes.map(Double.init))
        #expect(rootTime.last == Double(47 * 60))

        for table in document.summaryTables {
            for column in table.columns {
                let values = try HDF5ResultReader.readSeries(path: path, group: "summary/\(table.name)",
                                                             name: column.name)
                #expect(values == column.values.doubles, "/summary/\(table.name)/\(column.name)")
            }
        }
        let months = try HDF5ResultReader.readSeries(path: path, group: "summary/monthly", name: "month")
        #expect(months == (1...12).map(Double.init))
    }

    @Test func chunkLengthDividesTheSeriesWhenItCan() {
        let storage = HDF5StorageOptions.standard
        #expect(storage.chunkLength(count: 525_600) == 43_800)  // 1-min year: 12 chunks
        #expect(storage.chunkLength(count: 527_040) == 35_136)  // 1-min leap year: 15 chunks
        #expect(storage.chunkLength(count: 105_120) == 35_040)  // 5-min year: 3 chunks
        #expect(storage.chunkLength(count: 35_040) == 35_040)   // 15-min year: one chunk
        #expect(storage.chunkLength(count: 8_760) == 8_760)     // hourly year: one chunk
        #expect(storage.chunkLength(count: 525_607) == 43_800)  // a prime: padded last chunk
        #expect(storage.chunkLength(count: 525_601) == 11_183)  // 47 × 11 183
        #expect(storage.chunkLength(count: 7) == 7)
        #expect(storage.chunkLength(count: 0) == 1)
    }

    @Test func seriesLongerThanOneChunkAndNotAMultipleOfItRoundTrip() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/edge.h5"
        // 10 007 steps (a prime) with chunks of at most 2 000: five chunks, the last one zero-padded.
        let document = Self.sampleDocument(steps: 10_007, stepMinutes: 1)
        let storage = HDF5StorageOptions(shuffle: true, deflateLevel: 1, maxChunkLength: 2_000)
        #expect(storage.chunkLength(count: 10_007) == 2_000)
        try Self.write(to: path, storage: storage, document)
        let expected = try #require(document.group("weather")?.series("dry_bulb")).values.doubles
        #expect(try HDF5ResultReader.readSeries(path: path, group: "weather", name: "dry_bulb") == expected)
        let matrix = try #require(document.group("it")?.matrices.first)
        let rows = try HDF5ResultReader.readMatrix(path: path, group: "it", name: matrix.name)
        #expect(rows.flatMap { $0 } == matrix.values.map(Double.init))
        let mode = try #require(document.group("cooling")?.series("mode")).values.doubles
        #expect(try HDF5ResultReader.readSeries(path: path, group: "cooling", name: "mode") == mode)
    }

    @Test func anEmptyTimeAxisWritesEmptySeries() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/empty.h5"
        try Self.write(to: path, Self.sampleDocument(steps: 0, stepMinutes: 60))
        #expect(HDF5ResultReader.isComplete(path: path))
        #expect(try HDF5ResultReader.readSeries(path: path, group: "weather", name: "dry_bulb").isEmpty)
        #expect(try HDF5ResultReader.readMatrix(path: path, group: "it", name: "cluster_power").count == 3)
    }

    @Test func everyStorageOptionWritesTheSameValues() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let document = Self.sampleDocument(steps: 100, stepMinutes: 15)
        let expected = try #require(document.group("weather")?.series("dry_bulb")).values.doubles
        let options: [HDF5StorageOptions] = [
            .standard, .uncompressed,
            HDF5StorageOptions(shuffle: false, deflateLevel: 4),
            HDF5StorageOptions(shuffle: true, deflateLevel: nil, maxChunkLength: 7),
        ]
        for (index, storage) in options.enumerated() {
            let path = "\(directory)/options\(index).h5"
            try Self.write(to: path, storage: storage, document)
            #expect(try HDF5ResultReader.readSeries(path: path, group: "weather", name: "dry_bulb") == expected,
                    "\(storage)")
        }
    }

    @Test func parallelWritersProduceCompleteFiles() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let document = Self.sampleDocument(steps: 2_000, stepMinutes: 1)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for index in 0..<4 {
                tasks.addTask { try Self.write(to: "\(directory)/parallel\(index).h5", document) }
            }
            try await tasks.waitForAll()
        }
        for index in 0..<4 {
            #expect(HDF5ResultReader.isComplete(path: "\(directory)/parallel\(index).h5"))
        }
    }

    // MARK: Atomic replacement and failures

    @Test func replacesAnExistingResultWithTheNewOne() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/replace.h5"
        try Self.write(to: path, Self.sampleDocument(steps: 24, stepMinutes: 60))
        var second = Self.sampleDocument(steps: 24, stepMinutes: 60)
        second.attributes[0] = ResultAttribute("title", .string("second run"))
        try Self.write(to: path, second)
        let title = try HDF5ResultReader.readAttributes(path: path).first { $0.name == "title" }
        #expect(title?.value == .string("second run"))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func writingIntoAMissingDirectoryThrowsAndLeavesNoFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/no/such/dir/result.h5"
        let error = try #require(throws: HDF5Error.self) {
            try Self.write(to: path, Self.sampleDocument(steps: 24, stepMinutes: 60))
        }
        #expect(error.call == "open")
        #expect(error.description.contains("result.h5.") && error.description.contains(".partial"))
        #expect(error.description.contains("No such file or directory"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        #expect(!HDF5ResultReader.isComplete(path: path))
    }

    @Test func aFailedRenameRemovesThePartialFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A non-empty directory where the result should go: HDF5 succeeds, the rename cannot.
        let path = "\(directory)/occupied.h5"
        try FileManager.default.createDirectory(atPath: "\(path)/inside", withIntermediateDirectories: true)
        let error = try #require(throws: HDF5Error.self) {
            try Self.write(to: path, Self.sampleDocument(steps: 24, stepMinutes: 60))
        }
        #expect(error.call == "rename")
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func anInvalidDocumentThrowsEveryProblemAndKeepsTheOldResult() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/keep.h5"
        let good = Self.sampleDocument(steps: 24, stepMinutes: 60)
        try Self.write(to: path, good)

        var bad = good
        bad.groups[0].series[0].values = .float32([1, 2, 3])
        bad.groups.append(ResultGroup(name: "summary", series: []))
        bad.attributes.append(ResultAttribute("complete", .int(1)))
        let error = try #require(throws: HDF5Error.self) { try Self.write(to: path, bad) }
        #expect(error.call == nil)
        #expect(error.reason.contains("/weather/dry_bulb has 3 values; the time axis has 24"))
        #expect(error.reason.contains("group 'summary'"))
        #expect(error.reason.contains("'complete' is set by the writer"))
        #expect(HDF5ResultReader.isComplete(path: path))
        #expect(try HDF5ResultReader.readSeries(path: path, group: "weather", name: "dry_bulb").count == 24)
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func isCompleteIsFalseForMissingAndForeignFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(!HDF5ResultReader.isComplete(path: "\(directory)/missing.h5"))
        let text = "\(directory)/text.h5"
        try "not an HDF5 file".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(!HDF5ResultReader.isComplete(path: text))
        #expect(throws: HDF5Error.self) { try HDF5ResultReader.readAttributes(path: text) }
    }

    @Test func readingAMissingSeriesNamesItInTheError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/missing-series.h5"
        try Self.write(to: path, Self.sampleDocument(steps: 24, stepMinutes: 60))
        let error = try #require(throws: HDF5Error.self) {
            try HDF5ResultReader.readSeries(path: path, group: "cooling", name: "no_such_series")
        }
        #expect(error.call == "H5Dopen2")
        #expect(error.reason.contains("/cooling/no_such_series"))
    }

    // MARK: The file as xarray users read it

    @Test func xarrayReadsTheFileWithoutPhonyDimensions() throws {
        let root = Self.packageRoot()
        let probe = try Self.run(["python3", "-c", "import h5py, xarray, h5netcdf"], in: root)
        guard probe.status == 0 else {
            Issue.record("""
                python3 with h5py, xarray and h5netcdf is needed to check result files as users read them; \
                `make test` installs them. \(probe.output)
                """)
            return
        }
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/xarray.h5"
        try Self.write(to: path, Self.sampleDocument(steps: 1_440, stepMinutes: 1))

        let check = try Self.run(["python3", "Tests/python/check_result.py", path,
                                  "--groups", "weather,it,cooling", "--require-summary"], in: root)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.hasPrefix("OK"), "\(check.output)")
    }

    // MARK: Fixtures

    /// A small document with the shapes the writer must handle: float32, float64, int32 and int8 flag
    /// series, a `[cluster, time]` matrix, every DESIGN §6 summary KPI, a monthly table along `month`
    /// and a job table along string labels.
    static func sampleDocument(steps: Int, stepMinutes: Int) -> ResultDocument {
        let ramp = (0..<steps).map { Float($0 % 97) * 0.25 - 5 }
        let weather = ResultGroup(name: "weather", series: [
            ResultSeries(name: "dry_bulb", units: "degC", longName: "dry-bulb air temperature", values: .float32(ramp)),
            ResultSeries(name: "pressure", units: "Pa", longName: "air pressure",
                         values: .float64((0..<steps).map { 101_325 + Double($0 % 13) * 0.1 })),
        ])
        let clusters = ["train-a", "train-b", "inference"]
        let perCluster = (0..<(clusters.count * steps)).map { Float($0 % 1_000) * 1_000 }
        let it = ResultGroup(
            name: "it",
            series: [ResultSeries(name: "power", units: "W", longName: "IT power",
                                  values: .float32((0..<steps).map { 2.5e6 + Float($0 % 7) * 1e4 }))],
            matrices: [ResultMatrix(name: "cluster_power", units: "W", longName: "IT power per cluster",
                                    dimension: "cluster", labels: clusters, values: perCluster)])
        let cooling = ResultGroup(name: "cooling", series: [
            ResultSeries(name: "mode", units: "1", longName: "cooling mode",
                         values: .int8((0..<steps).map { Int8($0 % 3) }, flagValues: [0, 1, 2],
                                       flagMeanings: ["free", "partial", "mechanical"])),
            ResultSeries(name: "unmet_steps", units: "1", longName: "steps with unmet cooling load",
                         values: .int32((0..<steps).map { Int32($0 / 10) })),
        ])
        let kpis = [
            "it_energy_MWh", "facility_energy_MWh", "cooling_energy_MWh", "heat_pump_energy_MWh", "pue",
            "pue_with_heat_pump", "erf", "ere", "wue_L_per_kWh", "cer", "cue_kg_per_kWh",
            "heat_available_MWh", "heat_recovered_MWh", "heat_delivered_MWh", "heat_dumped_MWh",
            "dh_demand_MWh", "dh_coverage", "heat_pump_scop", "co2_operational_t", "co2_avoided_t",
            "free_cooling_hours", "partial_cooling_hours", "mechanical_cooling_hours",
            "unmet_cooling_hours", "max_energy_balance_residual", "enefg_pue_required", "enefg_erf_required",
        ]
        let summary = kpis.enumerated().map { ResultAttribute($0.element, .double(Double($0.offset) * 1.5)) }
            + [ResultAttribute("enefg_pass", .int(1))]
        let monthly = ResultTable(
            name: "monthly", dimension: "month", coordinate: .integers(Array(1...12)),
            columns: [
                ResultSeries(name: "it_energy_MWh", units: "MWh", longName: "IT energy",
                             values: .float64((1...12).map { Double($0) * 100 })),
                ResultSeries(name: "pue", units: "1", longName: "power usage effectiveness",
                             values: .float32((1...12).map { 1.1 + Float($0) * 0.01 })),
            ])
        let jobs = ResultTable(
            name: "jobs", dimension: "job", coordinate: .strings(["llm-pretrain", "finetune ü"]),
            columns: [ResultSeries(name: "energy_MWh", units: "MWh", longName: "job energy",
                                   values: .float64([1_234.5, 67.8]))])
        return ResultDocument(
            attributes: [
                ResultAttribute("title", .string("HeatLoop test result")),
                ResultAttribute("site_config", .string("site:\n  name: test ✓\n  it_mw: 2.5\n")),
                ResultAttribute("timestep_s", .int(stepMinutes * 60)),
                ResultAttribute("latitude", .double(52.52)),
                ResultAttribute("Conventions", .string("CF-1.8")),
            ],
            time: TimeAxis(year: 2023, stepMinutes: stepMinutes, count: steps),
            groups: [weather, it, cooling],
            summary: summary,
            summaryTables: [monthly, jobs])
    }

    /// Writes `document` with a fresh writer (the writer's `write` is `mutating`, as `ResultSink` asks).
    static func write(to path: String, storage: HDF5StorageOptions = .standard,
                      _ document: ResultDocument) throws(HDF5Error) {
        var writer = HDF5ResultWriter(path: path, storage: storage)
        try writer.write(document)
    }

    /// The package root, found from this file's path (Tests/HeatLoopEndToEndTests/HDF5WriterTests.swift).
    static func packageRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("heatloop-hdf5-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Runs `arguments` through `/usr/bin/env` in `directory`; returns the exit status and stdout + stderr.
    static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
