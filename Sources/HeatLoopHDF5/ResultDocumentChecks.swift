import HeatLoop

/// What makes a `ResultDocument` unwritable as the DESIGN §6 layout, found before any file is created
/// so that a bad document never leaves a file behind and every problem is reported at once.
enum ResultDocumentChecks {
    /// Group names the layout itself uses at the root.
    static let reservedRootNames: Set<String> = ["time", "local_time", "time_bnds", "nv", "summary"]

    static func problems(in document: ResultDocument) -> [String] {
        var problems = timeProblems(document.time)
        problems += attributeProblems(document.attributes, where: "root", reserved: ["complete", "coordinates"])
        problems += attributeProblems(document.summary, where: "/summary", reserved: [])
        var groupNames: Set<String> = []
        for group in document.groups {
            let where_ = "group '\(group.name)'"
            problems += nameProblems(group.name, what: where_)
            if reservedRootNames.contains(group.name) {
                problems.append("\(where_): the name is reserved for the file layout (time, summary)")
            }
            if !groupNames.insert(group.name).inserted { problems.append("\(where_) appears twice") }
            problems += groupProblems(group, steps: document.time.count)
        }
        var tableNames: Set<String> = []
        for table in document.summaryTables {
            if !tableNames.insert(table.name).inserted { problems.append("table /summary/\(table.name) appears twice") }
            problems += tableProblems(table)
        }
        return problems
    }

    static func timeProblems(_ time: TimeAxis) -> [String] {
        var problems: [String] = []
        let steps = time.count
        if steps < 0 { problems.append("time axis has a negative step count \(steps)") }
        if time.stepMinutes <= 0 {
            problems.append("time step is \(time.stepMinutes) min; expected a positive number of minutes")
        }
        if steps > 0, Int64(steps - 1) * Int64(time.stepMinutes) > Int64(Int32.max) {
            problems.append("time axis of \(steps) steps of \(time.stepMinutes) min overflows int32 minutes")
        }
        return problems
    }

    /// Names, lengths and flags of a group's series and matrices; declared ones as `OutputSeries` says.
    static func groupProblems(_ group: ResultGroup, steps: Int) -> [String] {
        var problems: [String] = []
        var names: Set<String> = ["time", HDF5ResultWriter.localTimeName]
        for series in group.series {
            let path = "/\(group.name)/\(series.name)"
            problems += nameProblems(series.name, what: "series \(path)")
            if !names.insert(series.name).inserted {
                problems.append("series \(path): the name is used twice in the group (or is 'time' or 'local_time')")
            }
            if series.values.count != steps {
                problems.append("series \(path) has \(series.values.count) values; the time axis has \(steps)")
            }
            problems += flagProblems(series.values, path: path)
            problems += declarationProblems(series, path: path, group: group.name)
        }
        var dimensions: [String: [String]] = [:]
        for matrix in group.matrices {
            let path = "/\(group.name)/\(matrix.name)"
            problems += nameProblems(matrix.name, what: "matrix \(path)")
            problems += nameProblems(matrix.dimension, what: "dimension of matrix \(path)")
            if !names.insert(matrix.name).inserted {
                problems.append("matrix \(path): the name is used twice in the group (or is 'time' or 'local_time')")
            }
            if matrix.values.count != matrix.labels.count * steps {
                problems.append("matrix \(path) has \(matrix.values.count) values; expected \(matrix.labels.count) "
                                + "\(matrix.dimension) × \(steps) steps = \(matrix.labels.count * steps)")
            }
            if let labels = dimensions[matrix.dimension] {
                if labels != matrix.labels {
                    problems.append("matrix \(path): dimension '\(matrix.dimension)' has other labels than "
                                    + "an earlier matrix in the group")
                }
            } else {
                dimensions[matrix.dimension] = matrix.labels
            }
        }
        for dimension in dimensions.keys.sorted() where names.contains(dimension) {
            problems.append("group '\(group.name)': dimension '\(dimension)' has the name of a series, "
                            + "a matrix or time")
        }
        return problems
    }

    /// A series at the path of a declared `OutputSeries` must be 1-D with its units and its kind of storage
    /// (flags or numbers): readers find series by that declaration and read them so. (Its CF attributes
    /// may be left out, e.g. by documents made in tests.)
    static func declarationProblems(_ series: ResultSeries, path: String, group: String) -> [String] {
        guard let declared = OutputSeries(group: group, name: series.name) else { return [] }
        let descriptor = declared.descriptor
        var problems: [String] = []
        if descriptor.dimension != .time { problems.append("series \(path) is declared per \(descriptor.dimension.rawValue)") }
        if series.units != descriptor.units {
            problems.append("series \(path) has units '\(series.units)'; its declaration says '\(descriptor.units)'")
        }
        let isFlags = if case .int8 = series.values { true } else { false }
        if isFlags != (descriptor.storage != .float32) {
            problems.append("series \(path) is stored as \(isFlags ? "flags" : "numbers"); its declaration says "
                            + "\(descriptor.storage == .float32 ? "float32" : "int8 flags")")
        }
        return problems
    }

    static func tableProblems(_ table: ResultTable) -> [String] {
        let path = "/summary/\(table.name)"
        var problems = nameProblems(table.name, what: "table \(path)")
        problems += nameProblems(table.dimension, what: "dimension of table \(path)")
        var names: Set<String> = [table.dimension]
        for column in table.columns {
            let columnPath = "\(path)/\(column.name)"
            problems += nameProblems(column.name, what: "column \(columnPath)")
            if !names.insert(column.name).inserted {
                problems.append("column \(columnPath): the name is used twice in the table (or is the dimension)")
            }
            if column.values.count != table.coordinate.count {
                problems.append("column \(columnPath) has \(column.values.count) values; dimension "
                                + "'\(table.dimension)' has \(table.coordinate.count)")
            }
            problems += flagProblems(column.values, path: columnPath)
        }
        return problems
    }

    /// HDF5 link names may not be empty, `.`, or contain `/`; NUL would cut the C string.
    static func nameProblems(_ name: String, what: String) -> [String] {
        if name.isEmpty { return ["\(what): the name is empty"] }
        if name == "." || name.contains("/") || name.contains("\0") {
            return ["\(what): '\(name)' is not a valid HDF5 name (no '/', NUL or '.')"]
        }
        return []
    }

    static func attributeProblems(_ attributes: [ResultAttribute], where place: String,
                                  reserved: Set<String>) -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for attribute in attributes {
            problems += nameProblems(attribute.name, what: "\(place) attribute '\(attribute.name)'")
            if reserved.contains(attribute.name) {
                problems.append("\(place) attribute '\(attribute.name)' is set by the writer itself")
            }
            if !seen.insert(attribute.name).inserted {
                problems.append("\(place) attribute '\(attribute.name)' appears twice")
            }
        }
        return problems
    }

    /// CF flags: one meaning per value, each meaning one word (they are written space-separated).
    static func flagProblems(_ values: ResultValues, path: String) -> [String] {
        guard case .int8(_, let flagValues, let flagMeanings) = values else { return [] }
        var problems: [String] = []
        if flagValues.count != flagMeanings.count {
            problems.append("series \(path) has \(flagValues.count) flag_values but \(flagMeanings.count) flag_meanings")
        }
        for meaning in flagMeanings where meaning.isEmpty || meaning.contains(where: \.isWhitespace) {
            problems.append("series \(path): flag meaning '\(meaning)' must be one word (use '_' for spaces)")
        }
        return problems
    }
}
