import CHDF5
import Dispatch
import HeatLoop

/// One chunk as stored in the file: the bytes after the filter pipeline, and HDF5's filter mask
/// (bit i set = pipeline filter i was not applied to this chunk).
struct EncodedChunk: Sendable {
    var bytes: [UInt8]
    var filterMask: UInt32
}

/// A chunked dataset ready for `H5Dwrite_chunk`: `rows` rows (1 for a series) of
/// `chunksPerRow` chunks each, row-major.
struct EncodedColumn: Sendable {
    var rows: Int
    var chunkLength: Int
    var chunksPerRow: Int
    var chunks: [EncodedChunk]
}

/// The numbers of one column, kept as the document's own array (no copy).
enum ColumnValues: Sendable {
    case float32([Float])
    case float64([Double])
    case int32([Int32])
    case int8([Int8])

    init(_ values: ResultValues) {
        switch values {
        case .float32(let v): self = .float32(v)
        case .float64(let v): self = .float64(v)
        case .int32(let v): self = .int32(v)
        case .int8(let v, _, _): self = .int8(v)
        }
    }

    var elementSize: Int {
        switch self {
        case .float32: 4
        case .float64: 8
        case .int32: 4
        case .int8: 1
        }
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch self {
        case .float32(let v): v.withUnsafeBytes(body)
        case .float64(let v): v.withUnsafeBytes(body)
        case .int32(let v): v.withUnsafeBytes(body)
        case .int8(let v): v.withUnsafeBytes(body)
        }
    }
}

/// Applies the dataset's filter pipeline (shuffle, then deflate) to every chunk, on all cores,
/// before the HDF5 lock is taken.
///
/// Why not let HDF5 filter: compression is ~90 % of the write time (Docs/hdf5-write-options.md) and
/// HDF5 runs it on one thread while holding the process-wide lock. Encoding here gives byte-for-byte
/// what HDF5's filters produce (same byte shuffle, same zlib `compress2` call), uses both cores, and
/// leaves HDF5 only the raw chunk I/O (`H5Dwrite_chunk`), so parallel batch runs wait less on the lock.
enum ChunkEncoder {
    /// One column to encode: `rows × rowLength` elements of `values` (row-major), chunked along rows.
    struct Job: Sendable {
        var values: ColumnValues
        var rows: Int
        var rowLength: Int
        var chunkLength: Int
    }

    /// Encodes all jobs; the result has one `EncodedColumn` per job, in order.
    static func encode(_ jobs: [Job], storage: HDF5StorageOptions) -> [EncodedColumn] {
        // Flatten to (job, row, chunk) so the cores share the work evenly across columns.
        let work: [(job: Int, row: Int, chunk: Int)] = jobs.enumerated().flatMap { index, job in
            let perRow = chunksPerRow(job)
            return (0..<(job.rows * perRow)).map { (index, $0 / perRow, $0 % perRow) }
        }
        let encoded = parallelMap(count: work.count) { item -> EncodedChunk in
            let (index, row, chunk) = work[item]
            let job = jobs[index]
            let start = row * job.rowLength + chunk * job.chunkLength
            let length = min(job.chunkLength, job.rowLength - chunk * job.chunkLength)
            return job.values.withUnsafeBytes { bytes in
                let size = job.values.elementSize
                let slice = UnsafeRawBufferPointer(rebasing: bytes[(start * size)..<((start + length) * size)])
                return encodeChunk(slice, elementSize: size, chunkLength: job.chunkLength, storage: storage)
            }
        }
        var columns: [EncodedColumn] = []
        var next = 0
        for job in jobs {
            let count = job.rows * chunksPerRow(job)
            columns.append(EncodedColumn(rows: job.rows, chunkLength: job.chunkLength,
                                         chunksPerRow: chunksPerRow(job),
                                         chunks: Array(encoded[next..<(next + count)])))
            next += count
        }
        return columns
    }

    static func chunksPerRow(_ job: Job) -> Int {
        job.chunkLength > 0 ? (job.rowLength + job.chunkLength - 1) / job.chunkLength : 0
    }

    /// One chunk through the pipeline. `elements` may be shorter than a chunk (the last one of a
    /// series); HDF5 stores edge chunks full-size, so the rest is zero-padded.
    static func encodeChunk(_ elements: UnsafeRawBufferPointer, elementSize: Int, chunkLength: Int,
                            storage: HDF5StorageOptions) -> EncodedChunk {
        let chunkBytes = chunkLength * elementSize
        var raw = [UInt8](repeating: 0, count: chunkBytes)
        raw.withUnsafeMutableBytes { destination in
            if storage.shuffle && elementSize > 1 {
                // HDF5 shuffle (H5Zshuffle.c): byte b of element i goes to position b · n + i, with n
                // the elements per chunk; the zero padding of an edge chunk shuffles to zeros.
                shuffle(elements, into: destination, elementSize: elementSize, chunkLength: chunkLength)
            } else {
                destination.copyMemory(from: elements)
            }
        }
        guard let level = storage.deflateLevel else { return EncodedChunk(bytes: raw, filterMask: 0) }

        var compressedLength = compressBound(uLong(chunkBytes))
        var compressed = [UInt8](repeating: 0, count: Int(compressedLength))
        let status = compressed.withUnsafeMutableBufferPointer { output in
            raw.withUnsafeBufferPointer { input in
                compress2(output.baseAddress, &compressedLength, input.baseAddress, uLong(chunkBytes), Int32(level))
            }
        }
        guard status == Z_OK else {
            // Deflate is an optional filter: store this chunk shuffled but uncompressed and mark
            // deflate (the last filter in the pipeline) as skipped.
            let deflateIndex = storage.shuffle ? 1 : 0
            return EncodedChunk(bytes: raw, filterMask: UInt32(1) << UInt32(deflateIndex))
        }
        // A fresh array of the exact size: trimming would keep the full `compressBound` capacity.
        return EncodedChunk(bytes: Array(compressed.prefix(Int(compressedLength))), filterMask: 0)
    }

    /// HDF5's byte shuffle of `source` into `destination` (byte b of element i to b · n + i, n =
    /// `chunkLength`), through raw pointers: one load of each element and four sequential output
    /// streams for float32 (a subscripted loop cost ~20 instructions a byte, 40 % of a 1-min run).
    static func shuffle(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
                        elementSize: Int, chunkLength n: Int) {
        guard let input = source.baseAddress, let output = destination.baseAddress else { return }
        let count = source.count / elementSize
        precondition(destination.count >= n * elementSize && count <= n, "shuffle: chunk too small")
        let bytes = output.assumingMemoryBound(to: UInt8.self)
        if elementSize == 4 {
            for element in 0..<count {
                let value = input.loadUnaligned(fromByteOffset: element * 4, as: UInt32.self).littleEndian
                bytes[element] = UInt8(truncatingIfNeeded: value)
                bytes[n + element] = UInt8(truncatingIfNeeded: value >> 8)
                bytes[2 * n + element] = UInt8(truncatingIfNeeded: value >> 16)
                bytes[3 * n + element] = UInt8(truncatingIfNeeded: value >> 24)
            }
            return
        }
        for byte in 0..<elementSize {
            let target = bytes + byte * n
            for element in 0..<count {
                target[element] = input.load(fromByteOffset: element * elementSize + byte, as: UInt8.self)
            }
        }
    }

    /// `(0..<count).map(transform)` spread over all cores.
    static func parallelMap<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            // Each iteration initialises its own element; no two touch the same memory, and
            // concurrentPerform returns only when all are done.
            nonisolated(unsafe) let results = base
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (results + index).initialize(to: transform(index))
            }
            initialized = count
        }
    }
}

/// Every chunked dataset of a document, encoded: the `time` axis once (its chunks are reused by
/// every group's copy) and each series and matrix of each group. `nil` marks an empty dataset,
/// which is stored contiguous.
struct EncodedDocument: Sendable {
    var time: EncodedColumn?
    /// `local_time`, the step starts in local standard time (its chunks reused by every group's copy too).
    var localTime: EncodedColumn?
    /// `time_bnds` `[time, 2]` (start and end of each step), encoded as one row of interleaved pairs with
    /// chunks twice as long as the time axis's, which are byte for byte the `[chunkLength, 2]` chunks.
    var timeBounds: EncodedColumn?
    /// `[group][series]`
    var series: [[EncodedColumn?]]
    /// `[group][matrix]`
    var matrices: [[EncodedColumn?]]

    init(_ document: ResultDocument, storage: HDF5StorageOptions) {
        let steps = document.time.count
        let chunkLength = storage.chunkLength(count: steps)
        var jobs: [ChunkEncoder.Job] = []
        /// Index into `jobs`, or nil for an empty dataset.
        func add(_ values: ColumnValues, rows: Int) -> Int? {
            guard rows > 0, steps > 0 else { return nil }
            jobs.append(.init(values: values, rows: rows, rowLength: steps, chunkLength: chunkLength))
            return jobs.count - 1
        }
        let timeJob = add(.int32(document.time.minutes), rows: 1)
        let localTimeJob = add(.int32(document.time.localMinutes), rows: 1)
        var boundsJob: Int?
        if steps > 0 {
            jobs.append(.init(values: .int32(document.time.bounds), rows: 1, rowLength: 2 * steps, chunkLength: 2 * chunkLength))
            boundsJob = jobs.count - 1
        }
        let seriesJobs = document.groups.map { group in
            group.series.map { add(ColumnValues($0.values), rows: 1) }
        }
        let matrixJobs = document.groups.map { group in
            group.matrices.map { add(.float32($0.values), rows: $0.labels.count) }
        }
        let columns = ChunkEncoder.encode(jobs, storage: storage)
        time = timeJob.map { columns[$0] }
        localTime = localTimeJob.map { columns[$0] }
        timeBounds = boundsJob.map { columns[$0] }
        series = seriesJobs.map { group in group.map { job in job.map { columns[$0] } } }
        matrices = matrixJobs.map { group in group.map { job in job.map { columns[$0] } } }
    }
}
