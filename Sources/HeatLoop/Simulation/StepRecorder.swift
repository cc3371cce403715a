/// Where the step loop records a step's values, by series: a block of the last `rowBlock` steps, one row
/// of `rowBlock` Floats per `OutputSeries` (and per cluster for per-cluster series), transposed into the
/// `StepColumns` once full. Writing a value is one store at a constant offset; each column array is
/// touched once per block (~70 kB of rows in use stay in cache). Flags are recorded as Float (exact for
/// int8). Owned by the loop; `deallocate()` when done.
struct StepRecorder {
    /// Steps recorded between two transfers into the columns.
    static let rowBlock = 512

    /// `OutputSeries.allCases.count`, held so that the loop does not build `allCases` per value.
    private let seriesCount: Int

    /// Series `s` of the block's row `r` at `s.rawValue · rowBlock + r` (rows of unrecorded series unused).
    private let block: UnsafeMutablePointer<Float>
    /// Series `s` of cluster `c` at `(c · seriesCount + s.rawValue) · rowBlock + r`.
    private let clusterBlock: UnsafeMutablePointer<Float>
    /// The row being recorded (steps in the block so far).
    private var filled = 0
    /// Step of the block's first row.
    private var blockStart = 0

    init(clusters: Int) {
        seriesCount = OutputSeries.allCases.count
        block = .allocate(capacity: seriesCount * Self.rowBlock)
        clusterBlock = .allocate(capacity: max(1, clusters) * seriesCount * Self.rowBlock)
    }

    func deallocate() {
        block.deallocate()
        clusterBlock.deallocate()
    }

    /// Records `value` of a 1-D series for the current step.
    @inline(always)
    func callAsFunction(_ series: OutputSeries, _ value: Float) {
        block[series.rawValue &* Self.rowBlock &+ filled] = value
    }

    /// Records `value` of a per-cluster series for the current step.
    @inline(always)
    func callAsFunction(_ series: OutputSeries, cluster: Int, _ value: Float) {
        clusterBlock[(cluster &* seriesCount &+ series.rawValue) &* Self.rowBlock &+ filled] = value
    }

    /// Ends the current step; a full block goes into `columns`.
    @inline(always)
    mutating func advance(into columns: inout StepColumns) {
        filled += 1
        if filled == Self.rowBlock { flush(into: &columns) }
    }

    /// Moves the recorded rows into `columns`.
    mutating func flush(into columns: inout StepColumns) {
        guard filled > 0 else { return }
        columns.store(block: block, clusterBlock: clusterBlock, rowCapacity: Self.rowBlock, rows: filled,
                      at: blockStart)
        blockStart += filled
        filled = 0
    }
}
