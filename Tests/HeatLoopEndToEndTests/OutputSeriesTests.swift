import Foundation
import HeatLoopTestSupport
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import Testing

/// The table of output series (`OutputSeries`) is the one declaration of what a result holds: a run's
/// document has exactly the declared series the site has, with the declared attributes, and the file
/// and `Docs/output-series.md` follow it.
@Suite struct OutputSeriesTests {
    static func document(site: String) throws -> ResultDocument {
        let (input, result) = try simulate(site: site, timestepMin: 60)
        let provenance = input.provenance(RunOrigin(heatloopVersion: "test", createdUTC: ""))
        return ResultDocument(result: result, summary: RunSummary(result), provenance: provenance)
    }

    @Test(arguments: ["chicago-ai-campus", "tucson-enterprise-air"])
    func documentHoldsExactlyTheDeclaredSeries(site: String) throws {
        let (input, _) = try simulate(site: site, timestepMin: 60)
        let document = try Self.document(site: site)
        #expect(document.groups.map(\.name) == OutputGroup.allCases.map(\.rawValue))

        for series in OutputSeries.allCases {
            let d = series.descriptor
            guard d.presence.isPresent(in: input.site) else {
                #expect(document.series(series) == nil && document.matrix(series) == nil, "\(series.path)")
                continue
            }
            switch d.dimension {
            case .time:
                let written = try #require(document.series(series), "\(series.path) missing")
                #expect(written.units == d.units && written.longName == d.longName, "\(series.path)")
                #expect(written.standardName == d.standardName && written.cellMethods == d.cellMethod?.rawValue)
                #expect(written.values.count == document.time.count, "\(series.path)")
                if case .int8(_, let values, let meanings) = written.values {
                    #expect(d.storage != .float32 && values == d.storage.flagValues && meanings == d.storage.flagMeanings)
                } else {
                    #expect(d.storage == .float32, "\(series.path) should be flags")
                }
            case .cluster:
                let written = try #require(document.matrix(series), "\(series.path) missing")
                #expect(written.units == d.units && written.longName == d.longName, "\(series.path)")
                #expect(written.cellMethods == d.cellMethod?.rawValue && written.dimension == "cluster")
                #expect(written.labels == input.site.clusters.map(\.name))
            }
        }
        // Nothing undeclared, and nothing in the wrong place.
        for group in document.groups {
            for name in group.series.map(\.name) + group.matrices.map(\.name) {
                let declared = OutputSeries(group: group.name, name: name)
                #expect(declared != nil, "/\(group.name)/\(name) is not declared in OutputSeries")
            }
        }
    }

    @Test func liquidSeriesOnlyWithALiquidLoop() throws {
        let air = try Self.document(site: "tucson-enterprise-air")
        let liquid = try Self.document(site: "chicago-ai-campus")
        for series in OutputSeries.allCases where series.descriptor.presence == .withLiquidLoop {
            #expect(air.series(series) == nil && liquid.series(series) != nil, "\(series.path)")
        }
    }

    /// The inlet and return air (and each cluster's inlet) are written for rooms whose servers follow their inlet air
    /// (`ite`) only.
    @Test func serverAirSeriesOnlyWithTheServerAirModel() throws {
        let room = try Self.document(site: "energyplus/crac-approach-temp")
        let campus = try Self.document(site: "chicago-ai-campus")
        for series in OutputSeries.allCases where series.descriptor.presence == .withServerAirModel {
            if series.descriptor.dimension == .cluster {
                #expect(campus.matrix(series) == nil && room.matrix(series) != nil, "\(series.path)")
            } else {
                #expect(campus.series(series) == nil && room.series(series) != nil, "\(series.path)")
            }
        }
    }

    /// CF attributes reach the file (h5py reads them as variable attributes, xarray keeps them).
    @Test func standardNamesAndCellMethodsAreWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/series.h5"
        var writer = HDF5ResultWriter(path: path)
        try writer.write(try Self.document(site: "chicago-ai-campus"))
        let read = try HDF5ResultReader.readDocument(path: path, series: OutputSeries.allCases)
        // The campus has no server air model: its series are checked on the EnergyPlus room below.
        for series in OutputSeries.allCases where series.descriptor.dimension == .time
            && series.descriptor.presence != .withServerAirModel {
            let stored = try #require(read.series(series), "\(series.path)")
            #expect(stored.standardName == series.descriptor.standardName, "\(series.path)")
            #expect(stored.cellMethods == series.descriptor.cellMethod?.rawValue, "\(series.path)")
            #expect(stored.units == series.descriptor.units, "\(series.path)")
        }
    }

    @Test func writerRejectsADeclaredSeriesWithOtherUnits() throws {
        var document = try Self.document(site: "tucson-enterprise-air")
        let index = try #require(document.groups.firstIndex { $0.name == "it" })
        document.groups[index].series[0].units = "kW"
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var writer = HDF5ResultWriter(path: "\(folder)/wrong.h5")
        #expect(throws: HDF5Error.self) { try writer.write(document) }
        do { try writer.write(document) } catch {
            #expect(error.reason.contains("/it/power has units 'kW'"), "\(error.reason)")
        }
    }

    /// `Docs/output-series.md` is generated from the table; `REGENERATE_DOCS=1` rewrites it.
    @Test func referenceDocumentIsCurrent() throws {
        let path = "\(PackagePaths.root)/Docs/output-series.md"
        let generated = OutputSeries.referenceMarkdown
        if ProcessInfo.processInfo.environment["REGENERATE_DOCS"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == generated, "Docs/output-series.md is stale: REGENERATE_DOCS=1 swift test --filter OutputSeriesTests")
    }

    @Test func weatherOfAnotherLengthIsAnError() throws {
        let (input, _) = try simulate(site: "tucson-enterprise-air", timestepMin: 60)
        let quarterHours = input.weather.atStepMidpoints(stepMinutes: 15)
        #expect(throws: SimulationError.weatherLength(weatherSteps: 35_040, steps: 8_760, stepMinutes: 60)) {
            try Simulation(site: input.site, weather: quarterHours, hourlyDryBulb: input.weather.dryBulb)
        }
    }
}
