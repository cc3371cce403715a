import CHDF5
import HeatLoop

/// Reads back what `HDF5ResultWriter` wrote: root and `/summary` attributes, single series and matrices.
/// Minimal on purpose (tests, `report`, `merge`); every read opens, reads and closes the file under
/// the HDF5 lock.
public enum HDF5ResultReader {
    /// The root attributes, in file order, including the writer's `complete`.
    /// Strings come back as `.string`, integer types as `.int`, floating-point types as `.double`;
    /// attributes with more than one element or of other types are left out.
    public static func readAttributes(path: String) throws(HDF5Error) -> [ResultAttribute] {
        try withFile(path) { (file, calls) throws(HDF5Error) in
            try readAttributes(of: file, objectPath: "/", calls: calls)
        }
    }

    /// The `/summary` attributes (annual KPIs), in file order.
    public static func readSummary(path: String) throws(HDF5Error) -> [ResultAttribute] {
        try withFile(path) { (file, calls) throws(HDF5Error) in
            try readAttributes(of: file, objectPath: "/summary", calls: calls)
        }
    }

    /// One 1-D dataset as `Double`s (HDF5 converts int8/int32/float32). `group` is a path below the
    /// root without leading slash (`"cooling"`, `"summary/monthly"`), or `""` for the root.
    public static func readSeries(path: String, group: String, name: String) throws(HDF5Error) -> [Double] {
        try readDataset(path: path, group: group, name: name, rank: 1).values
    }

    /// One 2-D `[label, time]` matrix as rows of `Double`s (`rows[label][step]`).
    public static func readMatrix(path: String, group: String, name: String) throws(HDF5Error) -> [[Double]] {
        let (shape, values) = try readDataset(path: path, group: group, name: name, rank: 2)
        guard shape[1] > 0 else { return Array(repeating: [], count: shape[0]) }
        return (0..<shape[0]).map { Array(values[($0 * shape[1])..<(($0 + 1) * shape[1])]) }
    }

    /// True only when `path` is a readable HDF5 file whose root attribute `complete` equals 1.
    /// Missing, unreadable or unfinished files give false; this never throws.
    public static func isComplete(path: String) -> Bool {
        let complete = try? withFile(path) { (file, calls) throws(HDF5Error) -> Bool in
            guard H5Aexists(file, "complete") > 0 else { return false }
            return try readAttribute(named: "complete", of: file, object: "/", calls: calls) == .int(1)
        }
        return complete ?? false
    }

    // MARK: - Internals

    /// A dataset of the given rank, converted by HDF5 to `Double`s (row-major), with its shape.
    private static func readDataset(path: String, group: String, name: String,
                                    rank expectedRank: Int) throws(HDF5Error) -> (shape: [Int], values: [Double]) {
        let datasetPath = group.isEmpty || group == "/" ? name : "\(group)/\(name)"
        return try withFile(path) { (file, calls) throws(HDF5Error) in
            try readDataset(datasetPath, in: file, rank: expectedRank, calls: calls)
        }
    }

    /// A dataset of the open file (path from the root, no leading slash) as `Double`s, with its shape.
    static func readDataset(_ datasetPath: String, in file: hid_t, rank expectedRank: Int,
                            calls: HDF5Calls) throws(HDF5Error) -> (shape: [Int], values: [Double]) {
        let object = "dataset /\(datasetPath)"
        let dataset = try calls.id("H5Dopen2", object, H5Dopen2(file, datasetPath, chdf5_p_default()))
        defer { H5Dclose(dataset) }
        let space = try calls.id("H5Dget_space", object, H5Dget_space(dataset))
        defer { H5Sclose(space) }
        let rank = Int(H5Sget_simple_extent_ndims(space))
        guard rank == expectedRank else {
            throw HDF5Error(path: calls.path, call: "H5Sget_simple_extent_ndims",
                            reason: "\(object) has \(rank) dimensions; expected \(expectedRank)")
        }
        var dims = [hsize_t](repeating: 0, count: rank)
        try calls.check("H5Sget_simple_extent_dims", object, H5Sget_simple_extent_dims(space, &dims, nil))
        let shape = dims.map { Int($0) }
        let count = shape.reduce(1, *)
        guard count > 0 else { return (shape, []) }
        var status: herr_t = 0
        let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            status = H5Dread(dataset, chdf5_t_native_double(), chdf5_s_all(), chdf5_s_all(),
                             chdf5_p_default(), buffer.baseAddress)
            initialized = status >= 0 ? count : 0
        }
        try calls.check("H5Dread", object, status)
        return (shape, values)
    }

    static func withFile<T>(_ path: String,
                            _ body: (hid_t, HDF5Calls) throws(HDF5Error) -> T) throws(HDF5Error) -> T {
        try HDF5Library.withLock { () throws(HDF5Error) -> T in
            let calls = HDF5Calls(path: path)
            let access = try calls.id("H5Pcreate", "file access properties", H5Pcreate(chdf5_p_file_access()))
            defer { H5Pclose(access) }
            try calls.check("H5Pset_fclose_degree", "file", H5Pset_fclose_degree(access, H5F_CLOSE_STRONG))
            try calls.check("H5Pset_file_locking", "file", HDF5Library.disableFileLocking(access))
            let file = try calls.id("H5Fopen", "file", H5Fopen(path, chdf5_f_acc_rdonly(), access))
            defer { H5Fclose(file) }
            return try body(file, calls)
        }
    }

    /// All attributes of the object at `objectPath`, in creation order when the file tracks it,
    /// else in name order.
    static func readAttributes(of file: hid_t, objectPath: String,
                               calls: HDF5Calls) throws(HDF5Error) -> [ResultAttribute] {
        let object = try calls.id("H5Oopen", objectPath, H5Oopen(file, objectPath, chdf5_p_default()))
        defer { H5Oclose(object) }
        var names: [String] = []
        var status = collectAttributeNames(of: object, order: H5_INDEX_CRT_ORDER, into: &names)
        if status < 0 {
            _ = H5Eclear2(chdf5_e_default())
            names = []
            status = collectAttributeNames(of: object, order: H5_INDEX_NAME, into: &names)
        }
        try calls.check("H5Aiterate2", "attributes of \(objectPath)", status)
        var attributes: [ResultAttribute] = []
        for name in names {
            if let value = try readAttribute(named: name, of: object, object: objectPath, calls: calls) {
                attributes.append(ResultAttribute(name, value))
            }
        }
        return attributes
    }

    private static func collectAttributeNames(of object: hid_t, order: H5_index_t,
                                              into names: inout [String]) -> herr_t {
        withUnsafeMutablePointer(to: &names) { pointer in
            H5Aiterate2(object, order, H5_ITER_INC, nil, { _, name, _, clientData in
                guard let name, let clientData else { return 0 }
                clientData.assumingMemoryBound(to: [String].self).pointee.append(String(cString: name))
                return 0
            }, pointer)
        }
    }

    /// One scalar (or one-element) attribute, or nil when it is an array or of another type.
    static func readAttribute(named name: String, of location: hid_t, object: String,
                              calls: HDF5Calls) throws(HDF5Error) -> AttributeValue? {
        let what = "\(object) attribute \(name)"
        let attribute = try calls.id("H5Aopen", what, H5Aopen(location, name, chdf5_p_default()))
        defer { H5Aclose(attribute) }
        let space = try calls.id("H5Aget_space", what, H5Aget_space(attribute))
        defer { H5Sclose(space) }
        guard H5Sget_simple_extent_npoints(space) == 1 else { return nil }
        let type = try calls.id("H5Aget_type", what, H5Aget_type(attribute))
        defer { H5Tclose(type) }

        switch H5Tget_class(type) {
        case H5T_INTEGER:
            var value: Int64 = 0
            try calls.check("H5Aread", what, H5Aread(attribute, chdf5_t_native_int64(), &value))
            return .int(Int(value))
        case H5T_FLOAT:
            var value: Double = 0
            try calls.check("H5Aread", what, H5Aread(attribute, chdf5_t_native_double(), &value))
            return .double(value)
        case H5T_STRING:
            return .string(try readString(attribute, fileType: type, what: what, calls: calls))
        default:
            return nil
        }
    }

    /// Reads a scalar string attribute stored as variable-length or fixed-length text.
    static func readString(_ attribute: hid_t, fileType: hid_t, what: String,
                           calls: HDF5Calls) throws(HDF5Error) -> String {
        let isVariable = H5Tis_variable_str(fileType)
        try calls.check("H5Tis_variable_str", what, isVariable)
        let memory = try calls.id("H5Tcopy", what, H5Tcopy(chdf5_t_c_s1()))
        defer { H5Tclose(memory) }
        try calls.check("H5Tset_cset", what, H5Tset_cset(memory, H5Tget_cset(fileType)))
        if isVariable > 0 {
            try calls.check("H5Tset_size", what, H5Tset_size(memory, chdf5_t_variable()))
            var pointer: UnsafeMutablePointer<CChar>? = nil
            try calls.check("H5Aread", what, H5Aread(attribute, memory, &pointer))
            guard let pointer else { return "" }
            defer { H5free_memory(pointer) }
            return String(cString: pointer)
        }
        let size = H5Tget_size(fileType)
        guard size > 0 else { return "" }
        try calls.check("H5Tset_size", what, H5Tset_size(memory, size))
        try calls.check("H5Tset_strpad", what, H5Tset_strpad(memory, H5T_STR_NULLPAD))
        var bytes = [UInt8](repeating: 0, count: size)
        try calls.check("H5Aread", what, H5Aread(attribute, memory, &bytes))
        let text = bytes.prefix { $0 != 0 }
        return String(decoding: text, as: UTF8.self)
    }
}
