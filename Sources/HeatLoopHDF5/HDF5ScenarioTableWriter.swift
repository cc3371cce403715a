import CHDF5
import Foundation
import HeatLoop

/// Writes a batch's `summary.h5` (DESIGN §6) or a sizing sweep's `sizing.h5`: root attributes, the
/// `scenario` (or `design`) coordinate (ids) and one 1-D dataset per label (variable-length strings) and per number (float64) along it. netCDF-4
/// compatible (1-D columns rather than compound types, which the netCDF library misreads). Atomic like
/// the result writer: `.partial`, then rename; `complete = 1` set last.
public struct HDF5ScenarioTableWriter {
    public var path: String
    public var partialPath: String { path + ".partial" }

    public init(path: String) { self.path = path }

    public func write(_ table: ScenarioTable) throws(HDF5Error) {
        let partial = partialPath
        do throws(HDF5Error) {
            try HDF5Library.withLock { () throws(HDF5Error) in try Self.writeFile(table, to: partial) }
            guard rename(partial, path) == 0 else {
                throw HDF5Error(path: path, call: "rename", reason: "cannot move '\(partial)' into place (errno \(errno))")
            }
        } catch {
            unlink(partial)
            throw error
        }
    }

    private static func writeFile(_ table: ScenarioTable, to partial: String) throws(HDF5Error) {
        let calls = HDF5Calls(path: partial)
        let file = try calls.id("H5Fcreate", "file", H5Fcreate(partial, chdf5_f_acc_trunc(), chdf5_p_default(),
                                                               chdf5_p_default()))
        var fileIsOpen = true
        defer { if fileIsOpen { H5Fclose(file) } }
        let root = try calls.id("H5Gopen2", "root group", H5Gopen2(file, "/", chdf5_p_default()))
        defer { H5Gclose(root) }
        try calls.writeAttributes(table.attributes + [ResultAttribute("Conventions", .string("CF-1.8"))],
                                  on: root, object: "root")

        let dimension = table.dimension
        let coordinate = try calls.createStringDataset(dimension, in: root, strings: table.ids,
                                                       object: "dataset /\(dimension)")
        defer { H5Dclose(coordinate) }
        try calls.makeDimensionScale(coordinate, dimension: dimension, object: "dataset /\(dimension)")
        try calls.writeAttribute("long_name", string: "\(dimension) id", on: coordinate, object: "dataset /\(dimension)")

        for label in table.labels {
            let object = "dataset /\(label.name)"
            let dataset = try calls.createStringDataset(label.name, in: root, strings: label.values, object: object)
            defer { H5Dclose(dataset) }
            try calls.attach(coordinate, to: dataset, axis: 0, object: object)
        }
        for column in table.columns {
            let object = "dataset /\(column.name)"
            let dataset = try withRawBytes(of: column.values) { (bytes) throws(HDF5Error) -> hid_t in
                try calls.createDataset(column.name, in: root, dimensions: [column.values.count], values: bytes,
                                        type: .float64, object: object)
            }
            defer { H5Dclose(dataset) }
            try calls.writeAttribute("units", string: column.units, on: dataset, object: object)
            try calls.writeAttribute("long_name", string: column.longName, on: dataset, object: object)
            try calls.attach(coordinate, to: dataset, axis: 0, object: object)
        }
        try calls.check("H5Fflush", "file", H5Fflush(file, H5F_SCOPE_GLOBAL))
        try calls.writeAttribute("complete", values: [Int32(1)], type: .int32, on: root, object: "root")
        fileIsOpen = false
        try calls.check("H5Fclose", "file", H5Fclose(file))
    }
}
