import CHDF5
import HeatLoop

/// What a result file must hold before `report` or `merge` trusts it (DESIGN §6): a damaged or
/// truncated file is refused with what is missing, never summarised as if it were whole.
extension HDF5ResultReader {
    /// Groups every run result has; `heat_recovery` only when the site recovers heat.
    static let requiredRunGroups: [OutputGroup] = OutputGroup.allCases.filter { $0 != .heatRecovery }

    /// Every way the file at `path` breaks the result contract, one sentence each; empty when it holds:
    /// root `complete = 1`; for a run (root `site_config`): `timestep_s` > 0, a non-empty `/time`, the
    /// step groups, every series and matrix as long as `/time`, and `/summary` with its KPIs; for a batch
    /// or sizing table (root `kind`): a dimension-scale coordinate and every column as long as it.
    public static func contractProblems(path: String) -> [String] {
        do {
            return try withFile(path) { (file, calls) throws(HDF5Error) -> [String] in
                let attributes = try readAttributes(of: file, objectPath: "/", calls: calls)
                var problems: [String] = []
                if !attributes.contains(where: { $0.name == "complete" && $0.value == .int(1) }) {
                    problems.append("no root attribute complete = 1 (the run that wrote it did not finish)")
                }
                if attributes.contains(where: { $0.name == "site_config" }) {
                    problems += try runProblems(file, attributes: attributes, calls: calls)
                } else if attributes.contains(where: { $0.name == "kind" }) {
                    problems += try tableProblems(file, calls: calls)
                } else {
                    problems.append("not a HeatLoop result (no root site_config, and no kind = batch or sizing)")
                }
                return problems
            }
        } catch {
            return ["not an HDF5 file HeatLoop can read (\(error.reason))"]
        }
    }

    private static func runProblems(_ file: hid_t, attributes: [ResultAttribute],
                                    calls: HDF5Calls) throws(HDF5Error) -> [String] {
        var problems: [String] = []
        let step = attributes.first { $0.name == "timestep_s" }?.value.double
        if !(step.map { $0 > 0 && $0.isFinite } ?? false) {
            problems.append(step.map { "root attribute timestep_s = \($0); expected a positive number of seconds" }
                            ?? "no root attribute timestep_s")
        }
        guard exists("time", in: file) else { return problems + ["no /time dataset"] }
        let steps = try length(of: "time", in: file, calls: calls)
        if steps.first ?? 0 == 0 || steps.count != 1 { problems.append("/time is empty or not 1-D") }
        for group in requiredRunGroups.map(\.rawValue) where !exists(group, in: file) {
            problems.append("no /\(group) group")
        }
        for group in OutputGroup.allCases.map(\.rawValue) where exists(group, in: file) {
            for child in try children(of: group, in: file, calls: calls) where !child.isGroup {
                // A matrix's label coordinate (`cluster`) is a dimension scale, not a step series.
                guard try !isScale("\(group)/\(child.name)", in: file, calls: calls) else { continue }
                let shape = try length(of: "\(group)/\(child.name)", in: file, calls: calls)
                if shape.last != steps.first {
                    problems.append("/\(group)/\(child.name) has \(shape.last ?? 0) steps; /time has \(steps.first ?? 0)")
                }
            }
        }
        if !exists("summary", in: file) {
            problems.append("no /summary group (the annual KPIs)")
        } else if try readAttributes(of: file, objectPath: "/summary", calls: calls).isEmpty {
            problems.append("/summary has no KPI attributes")
        }
        return problems
    }

    private static func tableProblems(_ file: hid_t, calls: HDF5Calls) throws(HDF5Error) -> [String] {
        var lengths: [(name: String, length: Int, isScale: Bool)] = []
        for child in try children(of: "", in: file, calls: calls) where !child.isGroup {
            lengths.append((child.name, try length(of: child.name, in: file, calls: calls).first ?? 0,
                            try isScale(child.name, in: file, calls: calls)))
        }
        guard let scale = lengths.first(where: \.isScale) else {
            return ["no dimension-scale dataset (scenario or design ids) at the root"]
        }
        return lengths.filter { $0.length != scale.length }.map {
            "/\($0.name) has \($0.length) values; /\(scale.name) has \(scale.length)"
        }
    }

    private static func isScale(_ datasetPath: String, in file: hid_t, calls: HDF5Calls) throws(HDF5Error) -> Bool {
        let dataset = try calls.id("H5Dopen2", "dataset /\(datasetPath)", H5Dopen2(file, datasetPath, chdf5_p_default()))
        defer { H5Dclose(dataset) }
        return H5DSis_scale(dataset) > 0
    }

    /// The dimensions of a dataset (path from the root, no leading slash).
    private static func length(of datasetPath: String, in file: hid_t, calls: HDF5Calls) throws(HDF5Error) -> [Int] {
        let object = "dataset /\(datasetPath)"
        let dataset = try calls.id("H5Dopen2", object, H5Dopen2(file, datasetPath, chdf5_p_default()))
        defer { H5Dclose(dataset) }
        let space = try calls.id("H5Dget_space", object, H5Dget_space(dataset))
        defer { H5Sclose(space) }
        let rank = Int(H5Sget_simple_extent_ndims(space))
        guard rank > 0 else { return [] }
        var dims = [hsize_t](repeating: 0, count: rank)
        try calls.check("H5Sget_simple_extent_dims", object, H5Sget_simple_extent_dims(space, &dims, nil))
        return dims.map { Int($0) }
    }
}
