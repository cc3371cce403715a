import Foundation

/// Splits a text file's bytes into lines for the weather and trace readers: at LF (found with `memchr`),
/// without the terminator and one trailing CR (so CRLF files read like LF files), counting 1-based line
/// numbers as it goes. A last line without a terminator is a line; an empty file has none.
struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next line starts.
    private(set) var position: Int
    /// The 1-based number of the line `next()` returned last (0 before the first).
    private(set) var lineNumber = 0

    /// Starts at byte `position` (past a byte-order mark, say).
    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The next line as `bytes[start..<end]`, or nil at the end of the file.
    @inline(__always)
    mutating func next() -> (start: Int, end: Int)? {
        let count = bytes.count
        guard position < count else { return nil }
        var lineEnd = count
        if let base = bytes.baseAddress,
           let found = memchr(base + position, Int32(UInt8(ascii: "\n")), count - position) {
            lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let lineStart = position
        position = lineEnd + 1
        if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        lineNumber += 1
        return (lineStart, lineEnd)
    }
}
