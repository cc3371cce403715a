/// How time series are stored: chunk length along `time` and the filter pipeline.
///
/// The default (`.standard`) was chosen by measurement on the project machine; the table and the
/// method are in `Docs/hdf5-write-options.md`. Compression dominates write time (DESIGN §6), so the
/// default uses the fastest deflate level behind a byte shuffle, which does most of the size work
/// for float32 series.
public struct HDF5StorageOptions: Sendable, Equatable {
    /// Apply HDF5's byte-shuffle filter before deflate (groups the exponent bytes together).
    public var shuffle: Bool
    /// zlib level 1…9, or `nil` for no compression.
    public var deflateLevel: Int?
    /// Chunks per series when that divides the series length (12: one chunk per month of a year).
    public var chunksPerSeries: Int
    /// Chunk length when `chunksPerSeries` does not divide the length (8760: one hourly year).
    public var fallbackChunkLength: Int

    public init(shuffle: Bool, deflateLevel: Int?, chunksPerSeries: Int = 12, fallbackChunkLength: Int = 8760) {
        self.shuffle = shuffle
        self.deflateLevel = deflateLevel
        self.chunksPerSeries = chunksPerSeries
        self.fallbackChunkLength = fallbackChunkLength
    }

    /// The default: shuffle + deflate level 1, twelve chunks per series (see `Docs/hdf5-write-options.md`).
    public static let standard = HDF5StorageOptions(shuffle: true, deflateLevel: 1)

    /// No filters (fastest write, largest file); also used for small tables.
    public static let uncompressed = HDF5StorageOptions(shuffle: false, deflateLevel: nil)

    /// Chunk length for a series of `count` steps: `count / chunksPerSeries` when that divides
    /// evenly, else `min(count, fallbackChunkLength)`; at least 1.
    public func chunkLength(count: Int) -> Int {
        guard count > 0 else { return 1 }
        if chunksPerSeries > 0, count % chunksPerSeries == 0, count / chunksPerSeries > 0 {
            return count / chunksPerSeries
        }
        return max(1, min(count, fallbackChunkLength))
    }

    /// Problems with these options, empty when they are usable.
    var problems: [String] {
        var problems: [String] = []
        if let level = deflateLevel, !(1...9).contains(level) {
            problems.append("deflate level \(level) is outside 1…9")
        }
        if chunksPerSeries < 0 { problems.append("chunksPerSeries \(chunksPerSeries) is negative") }
        if fallbackChunkLength < 1 { problems.append("fallbackChunkLength \(fallbackChunkLength) is below 1") }
        return problems
    }
}
