import CHDF5
import HeatLoop

/// Reads back the rest of what HeatLoop writes, for `heatloop report`: a run's document with chosen
/// series, its `/summary` tables, and batch or sizing tables (`HDF5ScenarioTableWriter`). Numbers come
/// back as float64 whatever their stored type; strings may be variable- or fixed-length.
extension HDF5ResultReader {
    /// A run's result document with only the 1-D `series` read from the step groups (with their stored
    /// attributes, values as float64); series the file lacks are left out. Root and `/summary` attributes
    /// and every `/summary` table are read whole. The time axis comes from `/time`
    /// (`units = minutes since YYYY-01-01 …`) and `timestep_s`.
    public static func readDocument(path: String, series: [OutputSeries]) throws(HDF5Error) -> ResultDocument {
        try withFile(path) { (file, calls) throws(HDF5Error) in
            let attributes = try readAttributes(of: file, objectPath: "/", calls: calls)
            let time = try readTimeAxis(file, attributes: attributes, calls: calls)
            var groups: [ResultGroup] = []
            for key in series where key.descriptor.dimension == .time {
                let group = key.group.rawValue, datasetPath = "\(group)/\(key.name)"
                guard exists(datasetPath, in: file) else { continue }
                let column = try readColumn(datasetPath, name: key.name, in: file, calls: calls)
                if let index = groups.firstIndex(where: { $0.name == group }) {
                    groups[index].series.append(column)
                } else {
                    groups.append(ResultGroup(name: group, series: [column]))
                }
            }
            var summary: [ResultAttribute] = []
            var tables: [ResultTable] = []
            if exists("summary", in: file) {
                summary = try readAttributes(of: file, objectPath: "/summary", calls: calls)
                for child in try children(of: "summary", in: file, calls: calls) where child.isGroup {
                    tables.append(try readTable("summary/\(child.name)", name: child.name, in: file, calls: calls))
                }
            }
            return ResultDocument(attributes: attributes, time: time, groups: groups, summary: summary,
                                  summaryTables: tables)
        }
    }

    /// A batch `summary.h5` or a sizing `sizing.h5`: the root attributes (without `Conventions` and
    /// `complete`, which the writer adds), the dimension-scale coordinate as ids, string datasets as
    /// labels and numeric datasets as columns with their `units` and `long_name`.
    public static func readScenarioTable(path: String) throws(HDF5Error) -> ScenarioTable {
        try withFile(path) { (file, calls) throws(HDF5Error) in
            let attributes = try readAttributes(of: file, objectPath: "/", calls: calls)
                .filter { $0.name != "Conventions" && $0.name != "complete" }
            var dimension: String?
            var ids: [String] = []
            var labels: [ScenarioTextColumn] = []
            var columns: [ScenarioColumn] = []
            for child in try children(of: "", in: file, calls: calls) where !child.isGroup {
                let dataset = try calls.id("H5Dopen2", "dataset /\(child.name)", H5Dopen2(file, child.name, chdf5_p_default()))
                let isScale = H5DSis_scale(dataset) > 0
                let isText = isString(dataset)
                H5Dclose(dataset)
                if isScale && dimension == nil {
                    dimension = child.name
                    ids = try readStrings(child.name, in: file, calls: calls)
                } else if isText {
                    let name = try stringAttribute("key_path", of: child.name, in: file, calls: calls) ?? child.name
                    labels.append(ScenarioTextColumn(name: name, values: try readStrings(child.name, in: file, calls: calls)))
                } else {
                    let column = try readColumn(child.name, name: child.name, in: file, calls: calls)
                    columns.append(ScenarioColumn(name: column.name, units: column.units, longName: column.longName,
                                                  values: column.values.doubles))
                }
            }
            guard let dimension else {
                throw HDF5Error(path: path, call: nil, reason: "no dimension-scale dataset (scenario or design ids) at the root")
            }
            return ScenarioTable(dimension: dimension, ids: ids, labels: labels, columns: columns, attributes: attributes)
        }
    }

    // MARK: - Internals

    /// True when `path` (from the root, no leading slash) names a link that exists, checking each level.
    static func exists(_ path: String, in file: hid_t) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += prefix.isEmpty ? String(part) : "/\(part)"
            guard H5Lexists(file, prefix, chdf5_p_default()) > 0 else { return false }
        }
        return true
    }

    /// The links of a group (`""` for the root) in creation order when tracked, else by name, and
    /// whether each is a group.
    static func children(of group: String, in file: hid_t,
                         calls: HDF5Calls) throws(HDF5Error) -> [(name: String, isGroup: Bool)] {
        let object = "group /\(group)"
        let handle = try calls.id("H5Gopen2", object, H5Gopen2(file, group.isEmpty ? "/" : group, chdf5_p_default()))
        defer { H5Gclose(handle) }
        var info = H5G_info_t()
        try calls.check("H5Gget_info", object, H5Gget_info(handle, &info))
        var names = linkNames(handle, count: Int(info.nlinks), order: H5_INDEX_CRT_ORDER)
        if names == nil {
            _ = H5Eclear2(chdf5_e_default())
            names = linkNames(handle, count: Int(info.nlinks), order: H5_INDEX_NAME)
        }
        guard let names else { throw calls.failure("H5Lget_name_by_idx", object) }
        var result: [(name: String, isGroup: Bool)] = []
        for name in names {
            let child = try calls.id("H5Oopen", "\(object)/\(name)", H5Oopen(handle, name, chdf5_p_default()))
            result.append((name, H5Iget_type(child) == H5I_GROUP))
            H5Oclose(child)
        }
        return result
    }

    private static func linkNames(_ group: hid_t, count: Int, order: H5_index_t) -> [String]? {
        var names: [String] = []
        for index in 0..<count {
            let length = H5Lget_name_by_idx(group, ".", order, H5_ITER_INC, hsize_t(index), nil, 0, chdf5_p_default())
            guard length >= 0 else { return nil }
            var buffer = [CChar](repeating: 0, count: Int(length) + 1)
            guard H5Lget_name_by_idx(group, ".", order, H5_ITER_INC, hsize_t(index), &buffer, buffer.count,
                                     chdf5_p_default()) >= 0 else { return nil }
            names.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }

    /// A 1-D numeric dataset as a float64 column with its `units` and `long_name` (empty when absent).
    private static func readColumn(_ datasetPath: String, name: String, in file: hid_t,
                           calls: HDF5Calls) throws(HDF5Error) -> ResultSeries {
        let values = try readDataset(datasetPath, in: file, rank: 1, calls: calls).values
        let object = "dataset /\(datasetPath)"
        let dataset = try calls.id("H5Dopen2", object, H5Dopen2(file, datasetPath, chdf5_p_default()))
        defer { H5Dclose(dataset) }
        func text(_ attribute: String) throws(HDF5Error) -> String? {
            guard H5Aexists(dataset, attribute) > 0,
                  case .string(let value)? = try readAttribute(named: attribute, of: dataset, object: object, calls: calls)
            else { return nil }
            return value
        }
        return ResultSeries(name: try text("key_path") ?? name,
                            units: CFUnits.declared(units: try text("units") ?? "", currency: try text("currency")),
                            longName: try text("long_name") ?? "",
                            standardName: try text("standard_name"), cellMethods: try text("cell_methods"),
                            values: .float64(values))
    }

    /// A text attribute of a dataset, when it has one.
    private static func stringAttribute(_ attribute: String, of datasetPath: String, in file: hid_t,
                                        calls: HDF5Calls) throws(HDF5Error) -> String? {
        let object = "dataset /\(datasetPath)"
        let dataset = try calls.id("H5Dopen2", object, H5Dopen2(file, datasetPath, chdf5_p_default()))
        defer { H5Dclose(dataset) }
        guard H5Aexists(dataset, attribute) > 0,
              case .string(let value)? = try readAttribute(named: attribute, of: dataset, object: object, calls: calls)
        else { return nil }
        return value
    }

    /// A 1-D dataset of strings (variable- or fixed-length).
    private static func readStrings(_ datasetPath: String, in file: hid_t, calls: HDF5Calls) throws(HDF5Error) -> [String] {
        let object = "dataset /\(datasetPath)"
        let dataset = try calls.id("H5Dopen2", object, H5Dopen2(file, datasetPath, chdf5_p_default()))
        defer { H5Dclose(dataset) }
        let space = try calls.id("H5Dget_space", object, H5Dget_space(dataset))
        defer { H5Sclose(space) }
        let count = Int(H5Sget_simple_extent_npoints(space))
        guard count > 0 else { return [] }
        let fileType = try calls.id("H5Dget_type", object, H5Dget_type(dataset))
        defer { H5Tclose(fileType) }
        let memory = try calls.id("H5Tcopy", object, H5Tcopy(chdf5_t_c_s1()))
        defer { H5Tclose(memory) }
        try calls.check("H5Tset_cset", object, H5Tset_cset(memory, H5Tget_cset(fileType)))
        if H5Tis_variable_str(fileType) > 0 {
            try calls.check("H5Tset_size", object, H5Tset_size(memory, chdf5_t_variable()))
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            try calls.check("H5Dread", object, H5Dread(dataset, memory, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(),
                                                       &pointers))
            defer { for pointer in pointers { if let pointer { H5free_memory(pointer) } } }
            return pointers.map { $0.map { String(cString: $0) } ?? "" }
        }
        let size = H5Tget_size(fileType)
        guard size > 0 else { return Array(repeating: "", count: count) }
        try calls.check("H5Tset_size", object, H5Tset_size(memory, size))
        try calls.check("H5Tset_strpad", object, H5Tset_strpad(memory, H5T_STR_NULLPAD))
        var bytes = [UInt8](repeating: 0, count: size * count)
        try calls.check("H5Dread", object, H5Dread(dataset, memory, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(), &bytes))
        return (0..<count).map { index in
            String(decoding: bytes[(index * size)..<((index + 1) * size)].prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// A `/summary` sub-group as a table: its dimension-scale dataset is the coordinate (integers or
    /// strings), the other numeric datasets its columns.
    private static func readTable(_ groupPath: String, name: String, in file: hid_t,
                                  calls: HDF5Calls) throws(HDF5Error) -> ResultTable {
        var dimension = "index"
        var coordinate = ResultCoordinate.integers([])
        var columns: [ResultSeries] = []
        for child in try children(of: groupPath, in: file, calls: calls) where !child.isGroup {
            let path = "\(groupPath)/\(child.name)"
            let dataset = try calls.id("H5Dopen2", "dataset /\(path)", H5Dopen2(file, path, chdf5_p_default()))
            let isScale = H5DSis_scale(dataset) > 0
            let isText = isString(dataset)
            H5Dclose(dataset)
            if isScale {
                dimension = child.name
                coordinate = isText ? .strings(try readStrings(path, in: file, calls: calls))
                    : .integers(try readDataset(path, in: file, rank: 1, calls: calls).values.map { Int32(clamping: Int($0)) })
            } else if !isText {
                columns.append(try readColumn(path, name: child.name, in: file, calls: calls))
            }
        }
        return ResultTable(name: name, dimension: dimension, coordinate: coordinate, columns: columns)
    }

    /// The time axis: the year from `/time`'s units, the step from `timestep_s`, the length of `/time`.
    private static func readTimeAxis(_ file: hid_t, attributes: [ResultAttribute],
                                     calls: HDF5Calls) throws(HDF5Error) -> TimeAxis {
        guard exists("time", in: file) else { return TimeAxis(year: 2025, stepMinutes: 60, count: 0) }
        let time = try readColumn("time", name: "time", in: file, calls: calls)
        let year = time.units.split(separator: " ").dropFirst(2).first.flatMap { Int($0.prefix(4)) } ?? 2025
        let stepSeconds = attributes.first { $0.name == "timestep_s" }?.value.double ?? 3600
        let offset = attributes.first { $0.name == ProvenanceKey.utcOffsetMinutes }?.value.double ?? 0
        return TimeAxis(year: year, stepMinutes: max(1, Int(stepSeconds / 60)), count: time.values.count,
                        utcOffsetMinutes: Int(offset))
    }
}

/// True when the open dataset holds strings.
private func isString(_ dataset: hid_t) -> Bool {
    let type = H5Dget_type(dataset)
    guard type >= 0 else { return false }
    defer { H5Tclose(type) }
    return H5Tget_class(type) == H5T_STRING
}
