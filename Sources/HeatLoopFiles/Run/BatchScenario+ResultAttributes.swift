import HeatLoop

extension BatchScenario {
    /// Root attributes that name a scenario in its result file, so `heatloop merge` (and `--resume`)
    /// need nothing but the files: written by `resultAttributes`, read back by the batch summary.
    public enum ResultKey {
        public static let id = "scenario_id"
        public static let index = "scenario_index"
        public static let count = "scenario_count"
        public static let batch = "batch"
        public static let inputs = "inputs_sha256"
        /// `label:site`, `label:weather`, `label:climate`.
        public static let labelPrefix = "label:"
        /// `vary:<key path>` with the value as written.
        public static let varyPrefix = "vary:"
        /// The id of the batch's baseline scenario (`BatchPlan.baseline`), which the summary names too.
        public static let baseline = ScenarioTable.baselineAttribute
        /// ISO 4217 code of the scenario's money results (its site's `economics.currency`).
        public static let currency = ScenarioTable.currencyAttribute
    }

    /// This scenario's identity as root attributes of its result file: id, place in `batch` (of `count`
    /// scenarios), inputs hash, labels and varied values, the currency of its money results and the
    /// batch's `baseline` scenario id when given.
    public func resultAttributes(batch: String, count: Int, baseline: String? = nil) -> [ResultAttribute] {
        typealias Key = ResultKey
        return [
            ResultAttribute(Key.id, .string(id)), ResultAttribute(Key.index, .int(index)),
            ResultAttribute(Key.count, .int(count)), ResultAttribute(Key.batch, .string(batch)),
            ResultAttribute(Key.inputs, .string(inputsHash)),
            ResultAttribute(Key.labelPrefix + "site", .string(siteName)),
            ResultAttribute(Key.labelPrefix + "weather", .string(weatherLabel)),
            ResultAttribute(Key.labelPrefix + "climate", .string(climate.name)),
        ] + varied.map { ResultAttribute(Key.varyPrefix + $0.key, .string($0.value)) }
            + [ResultAttribute(Key.currency, .string((designed.spec.economics?.currencyUnit ?? .euro).code))]
            + (baseline.map { [ResultAttribute(Key.baseline, .string($0))] } ?? [])
    }
}
