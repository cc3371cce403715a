/// The series a run's step loop records, one preallocated column per `OutputSeries` (struct of arrays),
/// read as `columns[.itPower]`. Float32 is enough for every series (7 significant digits); totals are
/// accumulated in Double. Flag series (`SeriesStorage.coolingModeFlags`) are int8, read with `flags(_:)`;
/// per-cluster series are row-major `[cluster][step]`.
public struct StepColumns: Sendable {
    public var count: Int
    public var clusters: Int
    /// Indexed by `OutputSeries.rawValue`; empty for series the loop does not record as Float32.
    private var floatColumns: [[Float]]
    /// Indexed by `OutputSeries.rawValue`; empty except for flag series.
    private var flagColumns: [[Int8]]

    /// Columns of zeros. Each is an array of its own (not copies of one), so that filling one does not
    /// first copy it.
    public init(count: Int, clusters: Int) {
        self.init(count: count, clusters: clusters, unset: false)
    }

    /// Columns of `count` steps whose values are not set: the step loop fills every one of them (`store`
    /// over all steps) and skips zeroing ~80 MB for a 1-min year. Float and Int8 are trivial types, so the
    /// unset memory is only ever overwritten. Series of the server air model (`SeriesPresence
    /// .withServerAirModel`) get no column (empty) when `serverAirModel` is false: no memory, no copies.
    init(unsetCount count: Int, clusters: Int, serverAirModel: Bool) {
        self.init(count: count, clusters: clusters, unset: true, serverAirModel: serverAirModel)
    }

    private init(count: Int, clusters: Int, unset: Bool, serverAirModel: Bool = true) {
        self.count = count
        self.clusters = clusters
        func column<Value: BitwiseCopyable & Numeric>(_ length: Int) -> [Value] {
            guard unset else { return [Value](repeating: 0, count: length) }
            return [Value](unsafeUninitializedCapacity: length) { _, initialized in initialized = length }
        }
        floatColumns = Array(repeating: [], count: OutputSeries.allCases.count)
        flagColumns = Array(repeating: [], count: OutputSeries.allCases.count)
        for series in OutputSeries.recordedSeries + OutputSeries.recordedMatrices
        where serverAirModel || series.descriptor.presence != .withServerAirModel {
            let length = series.descriptor.dimension == .cluster ? count * clusters : count
            switch series.descriptor.storage {
            case .float32: floatColumns[series.rawValue] = column(length)
            case .coolingModeFlags: flagColumns[series.rawValue] = column(length)
            }
        }
    }

    /// A recorded Float32 series (per-cluster ones row-major `[cluster][step]`).
    public subscript(series: OutputSeries) -> [Float] {
        precondition(series.descriptor.storage == .float32 && series.descriptor.source == .stepLoop,
                     "\(series) is not a recorded Float32 series")
        return floatColumns[series.rawValue]
    }

    /// A recorded flag series (int8, `SeriesStorage.flagValues`).
    public func flags(_ series: OutputSeries) -> [Int8] {
        precondition(series.descriptor.storage != .float32, "\(series) is not a flag series")
        return flagColumns[series.rawValue]
    }
}

extension StepColumns {
    /// Writes a block of `rows` recorded steps into the columns at steps `start ..< start + rows`: one
    /// pass per column, so each array is uniqueness-checked once per block rather than once per value.
    /// `block` holds series `s` of the block's steps at `s.rawValue · rowCapacity + row` (flags as
    /// Float, exact for int8); `clusterBlock` holds series `s` of cluster `c` at
    /// `(c · OutputSeries.allCases.count + s.rawValue) · rowCapacity + row`.
    mutating func store(block: UnsafePointer<Float>, clusterBlock: UnsafePointer<Float>, rowCapacity: Int,
                        rows: Int, at start: Int) {
        for series in OutputSeries.recordedSeries {
            let source = block + series.rawValue * rowCapacity
            switch series.descriptor.storage {
            case .float32:
                // A series without a column (empty; an empty array's buffer may still have an address).
                guard !floatColumns[series.rawValue].isEmpty else { continue }
                floatColumns[series.rawValue].withUnsafeMutableBufferPointer { target in
                    (target.baseAddress! + start).update(from: source, count: rows)
                }
            case .coolingModeFlags:
                flagColumns[series.rawValue].withUnsafeMutableBufferPointer { target in
                    for row in 0..<rows { target[start + row] = Int8(source[row]) }
                }
            }
        }
        let seriesCount = OutputSeries.allCases.count, count = self.count
        for series in OutputSeries.recordedMatrices {
            guard !floatColumns[series.rawValue].isEmpty else { continue }
            floatColumns[series.rawValue].withUnsafeMutableBufferPointer { target in
                for cluster in 0..<clusters {
                    let source = clusterBlock + (cluster * seriesCount + series.rawValue) * rowCapacity
                    (target.baseAddress! + cluster * count + start).update(from: source, count: rows)
                }
            }
        }
    }
}
