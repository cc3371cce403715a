/// Which part of a batch this process runs: the scenarios whose index % `count` is `index`.
/// From `--shard K/N`, else from a Slurm array task (`SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_COUNT`),
/// else from a Kubernetes indexed job (`JOB_COMPLETION_INDEX` with `HEATLOOP_SHARD_COUNT`), else all.
struct Shard: Equatable, CustomStringConvertible {
    var index: Int
    var count: Int

    static let whole = Shard(index: 0, count: 1)

    var description: String { "\(index)/\(count)" }
    var isWhole: Bool { count == 1 }

    /// Parses `K/N` with 0 ≤ K < N.
    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0,
              (0..<count).contains(index) else { return nil }
        self.init(index: index, count: count)
    }

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// The shard for this process; nil (with the reason) when the environment is inconsistent.
    static func resolve(option: String?, environment: [String: String]) -> Result<Shard, ShardProblem> {
        if let option {
            return Shard(option).map { .success($0) }
                ?? .failure(ShardProblem("--shard \(option): expected K/N with 0 ≤ K < N, e.g. 0/4"))
        }
        if let task = environment["SLURM_ARRAY_TASK_ID"] {
            guard let index = Int(task), let count = environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init),
                  let minimum = Int(environment["SLURM_ARRAY_TASK_MIN"] ?? "0"),
                  let shard = Shard("\(index - minimum)/\(count)") else {
                return .failure(ShardProblem("SLURM_ARRAY_TASK_ID=\(task) with SLURM_ARRAY_TASK_COUNT="
                    + "\(environment["SLURM_ARRAY_TASK_COUNT"] ?? "unset"): expected an array 0…N−1"))
            }
            return .success(shard)
        }
        if let completion = environment["JOB_COMPLETION_INDEX"] {
            guard let count = environment["HEATLOOP_SHARD_COUNT"], let shard = Shard("\(completion)/\(count)") else {
                return .failure(ShardProblem("JOB_COMPLETION_INDEX=\(completion) needs HEATLOOP_SHARD_COUNT (the "
                    + "job's completions) or --shard K/N"))
            }
            return .success(shard)
        }
        return .success(.whole)
    }
}

struct ShardProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
