/// How time series are stored: chunk length along `time` and the filter pipeline.
///
/// The default (`.standard`) was chosen by measurement on the project machine; the table and the
/// method are in `Docs/hdf5-write-options.md`. Compression dominates write time (DESIGN §6): byte
/// shuffle + deflate level 1 gives nearly the size of level 4 at ~85 % of its time, and chunks
/// of up to 43 800 steps (one twelfth of a 1-min year, ~171 kB of float32) are as fast as any
/// larger ones while keeping month-sized reads cheap.
public struct HDF5StorageOptions: Sendable, Equatable {
    /// Apply HDF5's byte-shuffle filter before deflate (groups the exponent bytes together).
    public var shuffle: Bool
    /// zlib level 1…9, or `nil` for no compression.
    public var deflateLevel: Int?
    /// Longest chunk along `time`, in steps.
    public var maxChunkLength: Int

    public init(shuffle: Bool, deflateLevel: Int?, maxChunkLength: Int = 43_800) {
        self.shuffle = shuffle
        self.deflateLevel = deflateLevel
        self.maxChunkLength = maxChunkLength
    }

    /// The default: shuffle + deflate level 1, chunks of at most 43 800 steps.
    public static let standard = HDF5StorageOptions(shuffle: true, deflateLevel: 1)

    /// No filters (fastest write, largest file).
    public static let uncompressed = HDF5StorageOptions(shuffle: false, deflateLevel: nil)

    /// Chunk length for a series of `count` steps: the whole series when it fits in one chunk,
    /// else the longest `count / d` (d = 2, 3, …) that is at most `maxChunkLength`, so chunks
    /// divide the series (525 600 → 12 × 43 800; 105 120 → 3 × 35 040). When no divisor gives a
    /// chunk of at least a quarter of `maxChunkLength` (e.g. a prime length), `maxChunkLength`
    /// itself, with a zero-padded last chunk. At least 1.
    public func chunkLength(count: Int) -> Int {
        let longest = max(1, maxChunkLength)
        guard count > longest else { return max(1, count) }
        let shortest = max(1, longest / 4)
        var divisor = 2
        while count / divisor >= shortest {
            if count % divisor == 0, count / divisor <= longest { return count / divisor }
            divisor += 1
        }
        return longest
    }

    /// Problems with these options, empty when they are usable.
    var problems: [String] {
        var problems: [String] = []
        if let level = deflateLevel, !(1...9).contains(level) {
            problems.append("deflate level \(level) is outside 1…9")
        }
        if maxChunkLength < 1 { problems.append("maxChunkLength \(maxChunkLength) is below 1") }
        return problems
    }
}
