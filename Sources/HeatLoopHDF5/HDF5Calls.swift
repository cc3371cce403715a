import CHDF5
import HeatLoop

/// Checked HDF5 calls for one file: every failure becomes an `HDF5Error` naming the file, the HDF5
/// function, the object it was working on and HDF5's own messages. Use only inside
/// `HDF5Library.withLock`.
struct HDF5Calls {
    /// The file read, or the result being written (an in-memory image named after its final path).
    let path: String

    /// Checks a call that returns an id (negative on failure).
    @discardableResult
    func id(_ call: String, _ object: String, _ result: hid_t) throws(HDF5Error) -> hid_t {
        guard result >= 0 else { throw failure(call, object) }
        return result
    }

    /// Checks a call that returns a status (negative on failure).
    func check(_ call: String, _ object: String, _ result: herr_t) throws(HDF5Error) {
        guard result >= 0 else { throw failure(call, object) }
    }

    /// The error for a failed call, with HDF5's error stack read (and cleared) now.
    func failure(_ call: String, _ object: String) -> HDF5Error {
        HDF5Error(path: path, call: call, reason: "\(object): \(HDF5Library.errorStackMessages())")
    }
}

// MARK: - Types

/// How a column of numbers is laid out in memory and on disk.
struct HDF5NumericType {
    /// The native type of the Swift values (`H5T_NATIVE_FLOAT`, …); predefined, never closed.
    let memory: hid_t
    /// The little-endian standard type stored in the file; predefined, never closed.
    let file: hid_t

    static var int8: HDF5NumericType { .init(memory: chdf5_t_native_int8(), file: chdf5_t_std_i8le()) }
    static var int32: HDF5NumericType { .init(memory: chdf5_t_native_int32(), file: chdf5_t_std_i32le()) }
    static var int64: HDF5NumericType { .init(memory: chdf5_t_native_int64(), file: chdf5_t_std_i64le()) }
    static var float32: HDF5NumericType { .init(memory: chdf5_t_native_float(), file: chdf5_t_ieee_f32le()) }
    static var float64: HDF5NumericType { .init(memory: chdf5_t_native_double(), file: chdf5_t_ieee_f64le()) }
}

extension HDF5Calls {
    /// A new variable-length UTF-8 string type (the caller closes it with `H5Tclose`).
    func variableLengthStringType(_ object: String) throws(HDF5Error) -> hid_t {
        let type = try id("H5Tcopy", object, H5Tcopy(chdf5_t_c_s1()))
        do throws(HDF5Error) {
            try check("H5Tset_size", object, H5Tset_size(type, chdf5_t_variable()))
            try check("H5Tset_cset", object, H5Tset_cset(type, H5T_CSET_UTF8))
        } catch {
            H5Tclose(type)
            throw error
        }
        return type
    }
}

// MARK: - Groups

extension HDF5Calls {
    /// Creates a group that tracks and indexes link and attribute creation order (as netCDF-4
    /// does), so readers list variables and attributes in the order they were written.
    func createGroup(in parent: hid_t, named name: String, object: String) throws(HDF5Error) -> hid_t {
        let plist = try id("H5Pcreate", object, H5Pcreate(chdf5_p_group_create()))
        defer { H5Pclose(plist) }
        let order = UInt32(H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED)
        try check("H5Pset_link_creation_order", object, H5Pset_link_creation_order(plist, order))
        try check("H5Pset_attr_creation_order", object, H5Pset_attr_creation_order(plist, order))
        return try id("H5Gcreate2", object,
                      H5Gcreate2(parent, name, chdf5_p_default(), plist, chdf5_p_default()))
    }
}

// MARK: - Attributes

extension HDF5Calls {
    /// Writes a scalar variable-length UTF-8 string attribute.
    func writeAttribute(_ name: String, string value: String, on location: hid_t,
                        object: String) throws(HDF5Error) {
        let what = "\(object) attribute \(name)"
        let type = try variableLengthStringType(what)
        defer { H5Tclose(type) }
        let space = try id("H5Screate", what, H5Screate(H5S_SCALAR))
        defer { H5Sclose(space) }
        let attribute = try id("H5Acreate2", what,
                               H5Acreate2(location, name, type, space, chdf5_p_default(), chdf5_p_default()))
        defer { H5Aclose(attribute) }
        let status = value.withCString { text -> herr_t in
            var pointer: UnsafePointer<CChar>? = text
            return H5Awrite(attribute, type, &pointer)
        }
        try check("H5Awrite", what, status)
    }

    /// Writes a numeric attribute: scalar when `values` has one element and `array` is false,
    /// else a 1-D array.
    func writeAttribute<T>(_ name: String, values: [T], type: HDF5NumericType, array: Bool = false,
                           on location: hid_t, object: String) throws(HDF5Error) {
        let what = "\(object) attribute \(name)"
        let space: hid_t
        if values.count == 1 && !array {
            space = try id("H5Screate", what, H5Screate(H5S_SCALAR))
        } else {
            var dims = [hsize_t(values.count)]
            space = try id("H5Screate_simple", what, H5Screate_simple(1, &dims, nil))
        }
        defer { H5Sclose(space) }
        let attribute = try id("H5Acreate2", what,
                               H5Acreate2(location, name, type.file, space, chdf5_p_default(), chdf5_p_default()))
        defer { H5Aclose(attribute) }
        let status = values.withUnsafeBytes { H5Awrite(attribute, type.memory, $0.baseAddress) }
        try check("H5Awrite", what, status)
    }

    /// Writes scalar attributes: strings as variable-length UTF-8, doubles as float64, ints as int64.
    func writeAttributes(_ attributes: [ResultAttribute], on location: hid_t,
                         object: String) throws(HDF5Error) {
        for attribute in attributes {
            let name = attribute.name
            switch attribute.value {
            case .string(let text):
                try writeAttribute(name, string: text, on: location, object: object)
            case .double(let number):
                try writeAttribute(name, values: [number], type: .float64, on: location, object: object)
            case .int(let number):
                try writeAttribute(name, values: [Int64(number)], type: .int64, on: location, object: object)
            }
        }
    }
}

// MARK: - Datasets

extension HDF5Calls {
    /// Creates a contiguous (unfiltered) dataset and writes all of `values` (row-major for 2-D).
    /// For small tables and empty series. Returns the open dataset (the caller closes it).
    func createDataset(_ name: String, in location: hid_t, dimensions: [Int], values: UnsafeRawBufferPointer,
                       type: HDF5NumericType, object: String) throws(HDF5Error) -> hid_t {
        try createDataset(name, in: location, dimensions: dimensions, fileType: type.file,
                          chunk: nil, storage: .uncompressed, object: object) { dataset throws(HDF5Error) in
            guard let base = values.baseAddress, values.count > 0 else { return }
            try check("H5Dwrite", object,
                      H5Dwrite(dataset, type.memory, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(), base))
        }
    }

    /// Creates a chunked dataset whose filter pipeline is `storage` and writes the chunks that
    /// `ChunkEncoder` already passed through that pipeline. `dimensions` is `[length]` for a series
    /// or `[rows, length]` for a matrix (chunks are then `[1, chunkLength]`).
    /// Returns the open dataset (the caller closes it).
    func createDataset(_ name: String, in location: hid_t, dimensions: [Int], encoded: EncodedColumn,
                       type: HDF5NumericType, storage: HDF5StorageOptions,
                       object: String) throws(HDF5Error) -> hid_t {
        let chunk = dimensions.count == 2 ? [1, encoded.chunkLength] : [encoded.chunkLength]
        return try createDataset(name, in: location, dimensions: dimensions, fileType: type.file,
                                 chunk: chunk, storage: storage, object: object) { dataset throws(HDF5Error) in
            for row in 0..<encoded.rows {
                for index in 0..<encoded.chunksPerRow {
                    let chunk = encoded.chunks[row * encoded.chunksPerRow + index]
                    let start = hsize_t(index * encoded.chunkLength)
                    var offset = dimensions.count == 2 ? [hsize_t(row), start] : [start]
                    let status = chunk.bytes.withUnsafeBytes {
                        H5Dwrite_chunk(dataset, chdf5_p_default(), chunk.filterMask, &offset, $0.count, $0.baseAddress)
                    }
                    try check("H5Dwrite_chunk", object, status)
                }
            }
        }
    }

    /// Creates the `[count, 2]` cell-bounds dataset from one encoded row of interleaved pairs whose chunks
    /// are `2 · chunkLength` long (`EncodedDocument.timeBounds`): chunks `[chunkLength, 2]`.
    func createBoundsDataset(_ name: String, in location: hid_t, count: Int, encoded: EncodedColumn,
                             type: HDF5NumericType, storage: HDF5StorageOptions, object: String) throws(HDF5Error) -> hid_t {
        let rowsPerChunk = encoded.chunkLength / 2
        return try createDataset(name, in: location, dimensions: [count, 2], fileType: type.file,
                                 chunk: [rowsPerChunk, 2], storage: storage, object: object) { dataset throws(HDF5Error) in
            for index in 0..<encoded.chunksPerRow {
                let chunk = encoded.chunks[index]
                var offset = [hsize_t(index * rowsPerChunk), 0]
                let status = chunk.bytes.withUnsafeBytes {
                    H5Dwrite_chunk(dataset, chdf5_p_default(), chunk.filterMask, &offset, $0.count, $0.baseAddress)
                }
                try check("H5Dwrite_chunk", object, status)
            }
        }
    }

    /// Creates a 1-D dataset of variable-length UTF-8 strings (coordinate labels).
    func createStringDataset(_ name: String, in location: hid_t, strings: [String],
                             object: String) throws(HDF5Error) -> hid_t {
        let type = try variableLengthStringType(object)
        defer { H5Tclose(type) }
        return try createDataset(name, in: location, dimensions: [strings.count], fileType: type,
                                 chunk: nil, storage: .uncompressed, object: object) { dataset throws(HDF5Error) in
            guard !strings.isEmpty else { return }
            // All strings NUL-terminated in one buffer, and a pointer to each: no per-string allocation.
            var bytes: [CChar] = []
            var offsets: [Int] = []
            for string in strings {
                offsets.append(bytes.count)
                bytes.append(contentsOf: string.utf8CString)
            }
            let status = bytes.withUnsafeBufferPointer { buffer -> herr_t in
                guard let base = buffer.baseAddress else { return -1 }
                let pointers: [UnsafePointer<CChar>?] = offsets.map { base + $0 }
                return pointers.withUnsafeBytes {
                    H5Dwrite(dataset, type, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(), $0.baseAddress)
                }
            }
            try check("H5Dwrite", object, status)
        }
    }

    private func createDataset(_ name: String, in location: hid_t, dimensions: [Int], fileType: hid_t,
                               chunk: [Int]?, storage: HDF5StorageOptions, object: String,
                               write: (hid_t) throws(HDF5Error) -> Void) throws(HDF5Error) -> hid_t {
        var dims = dimensions.map { hsize_t($0) }
        let space = try id("H5Screate_simple", object, H5Screate_simple(Int32(dims.count), &dims, nil))
        defer { H5Sclose(space) }
        let plist = try id("H5Pcreate", object, H5Pcreate(chdf5_p_dataset_create()))
        defer { H5Pclose(plist) }
        let order = UInt32(H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED)
        try check("H5Pset_attr_creation_order", object, H5Pset_attr_creation_order(plist, order))
        // Every element is written right after creation: filling with a fill value first is wasted work.
        // (HDF5 refuses this for variable-length strings, which need their fill value defined.)
        if H5Tis_variable_str(fileType) <= 0 {
            try check("H5Pset_fill_time", object, H5Pset_fill_time(plist, H5D_FILL_TIME_NEVER))
        }
        if let chunk, !chunk.contains(0), !dimensions.contains(0) {
            var chunkDims = chunk.map { hsize_t($0) }
            try check("H5Pset_chunk", object, H5Pset_chunk(plist, Int32(chunkDims.count), &chunkDims))
            if storage.shuffle {
                try check("H5Pset_shuffle", object, H5Pset_shuffle(plist))
            }
            if let level = storage.deflateLevel {
                try check("H5Pset_deflate", object, H5Pset_deflate(plist, UInt32(level)))
            }
        }
        let dataset = try id("H5Dcreate2", object,
                             H5Dcreate2(location, name, fileType, space, chdf5_p_default(), plist, chdf5_p_default()))
        do throws(HDF5Error) {
            try write(dataset)
        } catch {
            H5Dclose(dataset)
            throw error
        }
        return dataset
    }
}

// MARK: - Dimension scales

extension HDF5Calls {
    /// Makes `dataset` the dimension scale (netCDF dimension) called `dimension`.
    func makeDimensionScale(_ dataset: hid_t, dimension: String, object: String) throws(HDF5Error) {
        try check("H5DSset_scale", object, H5DSset_scale(dataset, dimension))
    }

    /// `units` as UDUNITS and, for money, `currency` (`CFUnits.file`), from declared units (`MWh`, `EUR`);
    /// `currency` names the money's actual currency (`economics.currency`) when it is not the declared euro.
    func writeUnits(_ declared: String, currency actual: String? = nil, on location: hid_t, object: String) throws(HDF5Error) {
        let stored = CFUnits.file(declared)
        try writeAttribute("units", string: stored.units, on: location, object: object)
        if let currency = stored.currency {
            try writeAttribute("currency", string: actual ?? currency, on: location, object: object)
        }
    }

    /// Attaches `scale` to axis `axis` of `dataset`, so netCDF readers name that axis after the scale.
    func attach(_ scale: hid_t, to dataset: hid_t, axis: Int, object: String) throws(HDF5Error) {
        try check("H5DSattach_scale", object, H5DSattach_scale(dataset, scale, UInt32(axis)))
    }
}

// MARK: - Typed-throws bridge

/// `Array.withUnsafeBytes` with a typed-throwing body (the standard one only `rethrows` `any Error`).
func withRawBytes<Element, Value>(of array: [Element],
                                  _ body: (UnsafeRawBufferPointer) throws(HDF5Error) -> Value) throws(HDF5Error) -> Value {
    let result = array.withUnsafeBytes { bytes in
        Result { () throws(HDF5Error) -> Value in try body(bytes) }
    }
    return try result.get()
}

extension ResultValues {
    /// The memory and file types of these values.
    var hdf5Type: HDF5NumericType {
        switch self {
        case .float32: .float32
        case .float64: .float64
        case .int32: .int32
        case .int8: .int8
        }
    }
}
