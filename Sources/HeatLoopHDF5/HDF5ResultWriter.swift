import CHDF5
import Foundation
import HeatLoop
import HeatLoopOutput

/// Writes a `ResultDocument` as one netCDF-4-compatible HDF5 file (DESIGN §6), atomically.
///
/// The file is built in memory (`HDF5FileImage`), the root attribute `complete = 1` (int32) set last,
/// then published by `AtomicOutput`: a unique `path.<random>.partial`, synced, re-opened and checked
/// (`complete`, every group), renamed over `path`. An existing file at `path` is therefore replaced only
/// by a complete one. On any error or interruption nothing is left behind and an `HDF5Error` names the
/// file and the failing call.
///
/// Layout (readable by `xarray.open_dataset(f, engine="h5netcdf", group=…)` and `open_datatree`):
/// - root: the document's attributes, `complete`, and the `time` coordinate, the file's one `time`
///   dimension (CF-1.8 §2.7.1: groups do not redefine it);
/// - one HDF5 group per `ResultGroup`, each with a copy of `time` along the root's dimension (so one group
///   opened alone still decodes `time` as datetime64), 1-D series along `time`, and 2-D `[label, time]`
///   matrices with a string coordinate variable named after the label dimension;
/// - `/summary` with the annual KPIs as attributes and one sub-group per table (`/summary/monthly`)
///   with its coordinate variable (`month`) and columns.
/// Every axis of every dataset has a dimension scale attached, so no reader sees `phony_dim_N`.
public struct HDF5ResultWriter: ResultSink, Sendable {
    /// The final result file.
    public var path: String
    /// Chunking and compression of time series (tables are small and stored contiguously).
    public var storage: HDF5StorageOptions

    /// The stop request checked between datasets and before the rename; nil: never interrupted.
    public var interruption: Interruption?

    public init(path: String, storage: HDF5StorageOptions = .standard, interruption: Interruption? = nil) {
        self.path = path
        self.storage = storage
        self.interruption = interruption
    }

    /// Writes `document` to `path`, replacing any file there only when the new one is complete.
    /// (`mutating` only to match `ResultSink`; the writer keeps no state between writes.)
    public mutating func write(_ document: ResultDocument) throws(HDF5Error) {
        let problems = storage.problems + ResultDocumentChecks.problems(in: document)
        guard problems.isEmpty else {
            throw HDF5Error(path: path, call: nil, reason: problems.joined(separator: "; "))
        }
        // Compression runs here, on all cores, before the HDF5 lock is taken.
        let encoded = EncodedDocument(document, storage: storage)
        let (path, storage, interruption) = (path, storage, interruption)
        let image = try HDF5Library.writing(path, interruption: interruption) { () throws(HDF5Error) in
            try Self.image(of: document, encoded: encoded, path: path, storage: storage, interruption: interruption)
        }
        try HDF5FileImage.publish(image, to: path, required: document.groups.map(\.name) + ["summary"],
                                  interruption: interruption)
    }

    // MARK: - File

    /// The whole file, built in memory; `complete` is set last.
    private static func image(of document: ResultDocument, encoded: EncodedDocument, path: String,
                              storage: HDF5StorageOptions, interruption: Interruption?) throws(HDF5Error) -> Data {
        let calls = HDF5Calls(path: path)
        let file = try HDF5FileImage.create(calls, trackingOrder: true)
        var fileIsOpen = true
        defer { if fileIsOpen { H5Fclose(file) } }

        let root = try calls.id("H5Gopen2", "root group", H5Gopen2(file, "/", chdf5_p_default()))
        defer { H5Gclose(root) }
        try calls.writeAttributes(document.attributes, on: root, object: "root")

        let rootTime = try writeTime(encoded.time, axis: document.time, in: root, groupPath: "", scale: nil,
                                     storage: storage, calls: calls)
        defer { H5Dclose(rootTime) }
        H5Dclose(try writeLocalTime(encoded.localTime, axis: document.time, in: root, groupPath: "", time: rootTime,
                                    storage: storage, calls: calls))
        // The root has no data variable to name it: xarray reads a root `coordinates` as the file's own.
        try calls.writeAttribute("coordinates", string: localTimeName, on: root, object: "root")
        if let bounds = encoded.timeBounds {
            try writeTimeBounds(bounds, axis: document.time, time: rootTime, in: root, storage: storage, calls: calls)
        }

        for (index, group) in document.groups.enumerated() {
            try writeGroup(group, index: index, encoded: encoded, axis: document.time, rootTime: rootTime, in: root,
                           storage: storage, calls: calls, interruption: interruption)
        }
        try writeSummary(document, in: root, calls: calls)

        // Everything else is in the file before `complete` is set.
        try calls.check("H5Fflush", "file", H5Fflush(file, H5F_SCOPE_GLOBAL))
        try calls.checkInterruption(interruption)
        try calls.writeAttribute("complete", values: [Int32(1)], type: .int32, on: root, object: "root")
        let image = try HDF5FileImage.bytes(of: file, calls: calls)
        fileIsOpen = false
        try calls.check("H5Fclose", "file", H5Fclose(file))
        return image
    }

    // MARK: - Time

    /// Writes the `time` variable into `location`: at the root (`scale` nil) the coordinate variable that
    /// is the file's one `time` dimension; in a group a copy along that dimension (`scale`, the root's), so
    /// a group opened alone still decodes `time`, while every group shares one dimension (CF-1.8 §2.7.1).
    /// Returns the open dataset (the caller closes it).
    private static func writeTime(_ encoded: EncodedColumn?, axis: TimeAxis, in location: hid_t, groupPath: String,
                                  scale: hid_t?, storage: HDF5StorageOptions, calls: HDF5Calls) throws(HDF5Error) -> hid_t {
        let object = "dataset \(groupPath)/time"
        let time: hid_t
        if let encoded {
            time = try calls.createDataset("time", in: location, dimensions: [axis.count], encoded: encoded,
                                           type: .int32, storage: storage, object: object)
        } else {
            let empty = UnsafeRawBufferPointer(start: nil, count: 0)
            time = try calls.createDataset("time", in: location, dimensions: [0], values: empty,
                                           type: .int32, object: object)
        }
        do throws(HDF5Error) {
            if let scale {
                try calls.attach(scale, to: time, axis: 0, object: object)
            } else {
                try calls.makeDimensionScale(time, dimension: "time", object: object)
            }
            try calls.writeAttribute("units", string: axis.units, on: time, object: object)
            try calls.writeAttribute("calendar", string: "standard", on: time, object: object)
            try calls.writeAttribute("long_name", string: "start of time step (UTC)", on: time, object: object)
            try calls.writeAttribute("utc_offset_minutes", values: [Int32(axis.utcOffsetMinutes)], type: .int32,
                                     on: time, object: object)
            try calls.writeAttribute("comment", string: "UTC; local standard time of the weather file (EPW rows, "
                                     + "trace files' `time` column) = time + utc_offset_minutes", on: time, object: object)
            try calls.writeAttribute("standard_name", string: "time", on: time, object: object)
            try calls.writeAttribute("axis", string: "T", on: time, object: object)
        } catch {
            H5Dclose(time)
            throw error
        }
        return time
    }

    /// Writes `local_time` along `time` into `location`: the step starts in the weather file's local standard
    /// time as a CF time variable (xarray decodes it to `datetime64`), an auxiliary coordinate the series
    /// name in `coordinates`. Local standard time has no daylight saving: `time + utc_offset_minutes`.
    /// Returns the open dataset (the caller closes it).
    private static func writeLocalTime(_ encoded: EncodedColumn?, axis: TimeAxis, in location: hid_t, groupPath: String,
                                       time: hid_t, storage: HDF5StorageOptions, calls: HDF5Calls) throws(HDF5Error) -> hid_t {
        let object = "dataset \(groupPath)/\(localTimeName)"
        let dataset: hid_t
        if let encoded {
            dataset = try calls.createDataset(localTimeName, in: location, dimensions: [axis.count], encoded: encoded,
                                              type: .int32, storage: storage, object: object)
        } else {
            dataset = try calls.createDataset(localTimeName, in: location, dimensions: [0],
                                              values: UnsafeRawBufferPointer(start: nil, count: 0), type: .int32, object: object)
        }
        do throws(HDF5Error) {
            try calls.attach(time, to: dataset, axis: 0, object: object)
            try calls.writeAttribute("units", string: axis.units, on: dataset, object: object)
            try calls.writeAttribute("calendar", string: "standard", on: dataset, object: object)
            try calls.writeAttribute("long_name", string: "start of time step, local standard time (\(axis.utcOffsetText), "
                                     + "no daylight saving)", on: dataset, object: object)
            try calls.writeAttribute("comment", string: "the weather file's clock (EPW rows, trace files' `time` column, "
                                     + "the report's months and hours) = time + utc_offset_minutes", on: dataset, object: object)
        } catch {
            H5Dclose(dataset)
            throw error
        }
        return dataset
    }

    /// The local-time coordinate's name, which every series names in its `coordinates`.
    static let localTimeName = "local_time"

    /// `time_bnds` `[time, nv]`, the start and end of each step (CF-1.8 §7.1: the cells `cell_methods`
    /// refer to), named by the root `time`'s `bounds`. `nv` is a netCDF dimension without a variable.
    private static func writeTimeBounds(_ encoded: EncodedColumn, axis: TimeAxis, time: hid_t, in root: hid_t,
                                        storage: HDF5StorageOptions, calls: HDF5Calls) throws(HDF5Error) {
        let vertices = try withRawBytes(of: [Int32(0), Int32(0)]) { (bytes) throws(HDF5Error) -> hid_t in
            try calls.createDataset("nv", in: root, dimensions: [2], values: bytes, type: .int32, object: "dataset /nv")
        }
        defer { H5Dclose(vertices) }
        // netCDF-4's mark of a dimension that has no coordinate variable (its NAME, padded length).
        try calls.makeDimensionScale(vertices, dimension: "This is a netCDF dimension but not a netCDF variable.         2",
                                     object: "dataset /nv")
        let object = "dataset /time_bnds"
        let bounds = try calls.createBoundsDataset("time_bnds", in: root, count: axis.count, encoded: encoded, type: .int32,
                                                   storage: storage, object: object)
        defer { H5Dclose(bounds) }
        try calls.attach(time, to: bounds, axis: 0, object: object)
        try calls.attach(vertices, to: bounds, axis: 1, object: object)
        try calls.writeAttribute("bounds", string: "time_bnds", on: time, object: "dataset /time")
    }

    // MARK: - Groups of time series

    private static func writeGroup(_ group: ResultGroup, index groupIndex: Int, encoded: EncodedDocument,
                                   axis: TimeAxis, rootTime time: hid_t, in root: hid_t, storage: HDF5StorageOptions,
                                   calls: HDF5Calls, interruption: Interruption?) throws(HDF5Error) {
        let groupPath = "/\(group.name)"
        let handle = try calls.createGroup(in: root, named: group.name, object: "group \(groupPath)")
        defer { H5Gclose(handle) }
        H5Dclose(try writeTime(encoded.time, axis: axis, in: handle, groupPath: groupPath, scale: time,
                               storage: storage, calls: calls))
        H5Dclose(try writeLocalTime(encoded.localTime, axis: axis, in: handle, groupPath: groupPath, time: time,
                                    storage: storage, calls: calls))

        for (index, series) in group.series.enumerated() {
            try calls.checkInterruption(interruption)
            let object = "dataset \(groupPath)/\(series.name)"
            let dataset = try writeColumn(series, in: handle, encoded: encoded.series[groupIndex][index],
                                          storage: storage, object: object, calls: calls)
            defer { H5Dclose(dataset) }
            try calls.attach(time, to: dataset, axis: 0, object: object)
            try calls.writeAttribute("coordinates", string: localTimeName, on: dataset, object: object)
        }

        var coordinates: [String: hid_t] = [:]
        defer { for id in coordinates.values { H5Dclose(id) } }
        for (index, matrix) in group.matrices.enumerated() {
            try calls.checkInterruption(interruption)
            let object = "dataset \(groupPath)/\(matrix.name)"
            let coordinate: hid_t
            if let existing = coordinates[matrix.dimension] {
                coordinate = existing
            } else {
                coordinate = try writeStringCoordinate(matrix.dimension, labels: matrix.labels, in: handle,
                                                       object: "dataset \(groupPath)/\(matrix.dimension)",
                                                       calls: calls)
                coordinates[matrix.dimension] = coordinate
            }
            let dimensions = [matrix.labels.count, axis.count]
            let dataset: hid_t
            if let column = encoded.matrices[groupIndex][index] {
                dataset = try calls.createDataset(matrix.name, in: handle, dimensions: dimensions, encoded: column,
                                                  type: .float32, storage: storage, object: object)
            } else {
                dataset = try withRawBytes(of: matrix.values) { (bytes) throws(HDF5Error) -> hid_t in
                    try calls.createDataset(matrix.name, in: handle, dimensions: dimensions, values: bytes,
                                            type: .float32, object: object)
                }
            }
            defer { H5Dclose(dataset) }
            try calls.writeUnits(matrix.units, on: dataset, object: object)
            try calls.writeAttribute("long_name", string: matrix.longName, on: dataset, object: object)
            if let cellMethods = matrix.cellMethods {
                try calls.writeAttribute("cell_methods", string: cellMethods, on: dataset, object: object)
            }
            try calls.attach(coordinate, to: dataset, axis: 0, object: object)
            try calls.attach(time, to: dataset, axis: 1, object: object)
            try calls.writeAttribute("coordinates", string: localTimeName, on: dataset, object: object)
        }
    }

    /// Writes one column (a time series or a table column) with `units`, `long_name`, `standard_name` and
    /// `cell_methods` when given and, for flag series, `flag_values` / `flag_meanings`: chunked from
    /// `encoded` when given, else contiguous.
    /// Returns the open dataset (the caller closes it).
    private static func writeColumn(_ series: ResultSeries, in location: hid_t, encoded: EncodedColumn?,
                                    storage: HDF5StorageOptions, object: String,
                                    calls: HDF5Calls) throws(HDF5Error) -> hid_t {
        let dimensions = [series.values.count]
        let dataset: hid_t
        if let encoded {
            dataset = try calls.createDataset(series.name, in: location, dimensions: dimensions, encoded: encoded,
                                              type: series.values.hdf5Type, storage: storage, object: object)
        } else {
            dataset = try createContiguous(series, in: location, object: object, calls: calls)
        }
        do throws(HDF5Error) {
            try calls.writeUnits(series.units, on: dataset, object: object)
            try calls.writeAttribute("long_name", string: series.longName, on: dataset, object: object)
            if let standardName = series.standardName {
                try calls.writeAttribute("standard_name", string: standardName, on: dataset, object: object)
            }
            if let cellMethods = series.cellMethods {
                try calls.writeAttribute("cell_methods", string: cellMethods, on: dataset, object: object)
            }
            if case .int8(_, let flagValues, let flagMeanings) = series.values {
                try calls.writeAttribute("flag_values", values: flagValues, type: .int8, array: true,
                                         on: dataset, object: object)
                try calls.writeAttribute("flag_meanings", string: flagMeanings.joined(separator: " "),
                                         on: dataset, object: object)
            }
        } catch {
            H5Dclose(dataset)
            throw error
        }
        return dataset
    }

    /// A contiguous, unfiltered column (table columns and empty series). Returns it open.
    private static func createContiguous(_ series: ResultSeries, in location: hid_t, object: String,
                                         calls: HDF5Calls) throws(HDF5Error) -> hid_t {
        let dimensions = [series.values.count]
        let type = series.values.hdf5Type
        switch series.values {
        case .float32(let values):
            return try withRawBytes(of: values) { (bytes) throws(HDF5Error) -> hid_t in
                try calls.createDataset(series.name, in: location, dimensions: dimensions, values: bytes,
                                        type: type, object: object)
            }
        case .float64(let values):
            return try withRawBytes(of: values) { (bytes) throws(HDF5Error) -> hid_t in
                try calls.createDataset(series.name, in: location, dimensions: dimensions, values: bytes,
                                        type: type, object: object)
            }
        case .int32(let values):
            return try withRawBytes(of: values) { (bytes) throws(HDF5Error) -> hid_t in
                try calls.createDataset(series.name, in: location, dimensions: dimensions, values: bytes,
                                        type: type, object: object)
            }
        case .int8(let values, _, _):
            return try withRawBytes(of: values) { (bytes) throws(HDF5Error) -> hid_t in
                try calls.createDataset(series.name, in: location, dimensions: dimensions, values: bytes,
                                        type: type, object: object)
            }
        }
    }

    /// A coordinate variable of labels, made the dimension scale `dimension`. Returns it open.
    private static func writeStringCoordinate(_ dimension: String, labels: [String], in location: hid_t,
                                              object: String, calls: HDF5Calls) throws(HDF5Error) -> hid_t {
        let dataset = try calls.createStringDataset(dimension, in: location, strings: labels, object: object)
        do throws(HDF5Error) {
            try calls.makeDimensionScale(dataset, dimension: dimension, object: object)
            try calls.writeAttribute("long_name", string: dimension, on: dataset, object: object)
        } catch {
            H5Dclose(dataset)
            throw error
        }
        return dataset
    }

    // MARK: - Summary

    private static func writeSummary(_ document: ResultDocument, in root: hid_t,
                                     calls: HDF5Calls) throws(HDF5Error) {
        let summary = try calls.createGroup(in: root, named: "summary", object: "group /summary")
        defer { H5Gclose(summary) }
        try calls.writeAttributes(document.summary, on: summary, object: "/summary")
        for table in document.summaryTables {
            try writeTable(table, in: summary, calls: calls)
        }
    }

    /// A table: a sub-group with the coordinate variable `table.dimension` and 1-D columns along it.
    private static func writeTable(_ table: ResultTable, in summary: hid_t, calls: HDF5Calls) throws(HDF5Error) {
        let groupPath = "/summary/\(table.name)"
        let handle = try calls.createGroup(in: summary, named: table.name, object: "group \(groupPath)")
        defer { H5Gclose(handle) }
        let coordinateObject = "dataset \(groupPath)/\(table.dimension)"
        let coordinate: hid_t
        switch table.coordinate {
        case .integers(let values):
            coordinate = try withRawBytes(of: values) { (bytes) throws(HDF5Error) -> hid_t in
                try calls.createDataset(table.dimension, in: handle, dimensions: [values.count], values: bytes,
                                        type: .int32, object: coordinateObject)
            }
        case .strings(let labels):
            coordinate = try calls.createStringDataset(table.dimension, in: handle, strings: labels,
                                                       object: coordinateObject)
        }
        defer { H5Dclose(coordinate) }
        try calls.makeDimensionScale(coordinate, dimension: table.dimension, object: coordinateObject)
        try calls.writeAttribute("long_name", string: table.dimension, on: coordinate, object: coordinateObject)

        for column in table.columns {
            let object = "dataset \(groupPath)/\(column.name)"
            let dataset = try writeColumn(column, in: handle, encoded: nil, storage: .uncompressed,
                                          object: object, calls: calls)
            defer { H5Dclose(dataset) }
            try calls.attach(coordinate, to: dataset, axis: 0, object: object)
        }
    }

}
