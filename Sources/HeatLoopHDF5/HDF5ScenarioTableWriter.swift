import CHDF5
import Foundation
import HeatLoop
import HeatLoopOutput

/// Writes a batch's `summary.h5` (DESIGN §6) or a sizing sweep's `sizing.h5`: root attributes, the
/// `scenario` (or `design`) coordinate (ids) and one 1-D dataset per label (variable-length strings) and per number (float64) along it. netCDF-4
/// compatible (1-D columns rather than compound types, which the netCDF library misreads). Atomic like
/// the result writer: built in memory with `complete = 1` set last, published by `AtomicOutput`.
public struct HDF5ScenarioTableWriter {
    public var path: String
    /// The stop request checked between columns and before the rename; nil: never interrupted.
    public var interruption: Interruption?

    public init(path: String, interruption: Interruption? = nil) {
        self.path = path
        self.interruption = interruption
    }

    public func write(_ table: ScenarioTable) throws(HDF5Error) {
        let (path, interruption) = (path, interruption)
        let image = try HDF5Library.writing(path, interruption: interruption) { () throws(HDF5Error) in
            try Self.image(of: table, path: path, interruption: interruption)
        }
        try HDF5FileImage.publish(image, to: path, required: [table.dimension], interruption: interruption)
    }

    private static func image(of table: ScenarioTable, path: String,
                              interruption: Interruption?) throws(HDF5Error) -> Data {
        let calls = HDF5Calls(path: path)
        let file = try HDF5FileImage.create(calls, trackingOrder: false)
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
            let name = CFUnits.variableName(label.name), object = "dataset /\(name)"
            let dataset = try calls.createStringDataset(name, in: root, strings: label.values, object: object)
            defer { H5Dclose(dataset) }
            if name != label.name { try calls.writeAttribute("key_path", string: label.name, on: dataset, object: object) }
            try calls.attach(coordinate, to: dataset, axis: 0, object: object)
        }
        for column in table.columns {
            try calls.checkInterruption(interruption)
            // Varied key paths have dots, which CF names may not: the name as written goes to `key_path`.
            let name = CFUnits.variableName(column.name), object = "dataset /\(name)"
            let dataset = try withRawBytes(of: column.values) { (bytes) throws(HDF5Error) -> hid_t in
                try calls.createDataset(name, in: root, dimensions: [column.values.count], values: bytes,
                                        type: .float64, object: object)
            }
            defer { H5Dclose(dataset) }
            if name != column.name { try calls.writeAttribute("key_path", string: column.name, on: dataset, object: object) }
            try calls.writeUnits(column.units, currency: table.text(ScenarioTable.currencyAttribute), on: dataset, object: object)
            try calls.writeAttribute("long_name", string: column.longName, on: dataset, object: object)
            try calls.attach(coordinate, to: dataset, axis: 0, object: object)
        }
        try calls.check("H5Fflush", "file", H5Fflush(file, H5F_SCOPE_GLOBAL))
        try calls.checkInterruption(interruption)
        try calls.writeAttribute("complete", values: [Int32(1)], type: .int32, on: root, object: "root")
        let image = try HDF5FileImage.bytes(of: file, calls: calls)
        fileIsOpen = false
        try calls.check("H5Fclose", "file", H5Fclose(file))
        return image
    }
}
