import Foundation
import HeatLoop

extension CarbonJobSpec {
    /// Reads a job description (YAML) for `heatloop card`: every problem at once, each with its
    /// line:column and key.
    public static func decode(text: String, file: String) throws(SpecProblems) -> CarbonJobSpec {
        let log = SpecProblemLog(file: file)
        guard let root = YAMLDocument.parse(text: text, log: log) else { throw SpecProblems(log.problems) }
        let spec = SpecCursor(root: root, log: log).decodeSection(CarbonJobSpec.self) ?? CarbonJobSpec()
        guard log.problems.isEmpty else { throw SpecProblems(log.problems) }
        return spec
    }
}

extension CarbonJobSpec {
    /// Reads the job description at `path`.
    public static func load(path: String) throws(SpecProblems) -> CarbonJobSpec {
        switch InputFile.contents(at: path, maximumBytes: InputLimits.maximumYAMLBytes) {
        case .failure(let problem):
            throw SpecProblems([SpecProblem(file: path, message: "the job description \(problem.message)")])
        case .success(let data):
            try decode(text: String(decoding: data, as: UTF8.self), file: path)
        }
    }
}
