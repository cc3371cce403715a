@testable import HeatLoopFiles
import Testing

@Suite("LineScanner")
struct LineScannerTests {
    /// The lines of `text` as strings, with the line number `LineScanner` reported for each.
    private func lines(_ text: String, from start: Int = 0) -> [(number: Int, text: String)] {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = LineScanner(bytes, from: start)
            var found: [(Int, String)] = []
            while let line = scanner.next() {
                let slice = UnsafeBufferPointer(rebasing: bytes[line.start..<line.end])
                found.append((scanner.lineNumber, String(decoding: slice, as: UTF8.self)))
            }
            return found
        }
    }

    @Test("LF and CRLF ends are dropped; a last line without an end counts; blank lines are lines")
    func splits() {
        let found = lines("a,b\r\n\nc\r\nlast")
        #expect(found.map(\.text) == ["a,b", "", "c", "last"])
        #expect(found.map(\.number) == [1, 2, 3, 4])
    }

    @Test("only one trailing CR is dropped, a CR inside a line stays; an empty file has no lines")
    func carriageReturns() {
        #expect(lines("x\r\r\ny\rz\n").map(\.text) == ["x\r", "y\rz"])
        #expect(lines("").isEmpty)
        #expect(lines("\n").map(\.text) == [""])
    }

    @Test("starting past a byte-order mark")
    func offset() {
        #expect(lines("\u{FEFF}time\n1", from: 3).map(\.text) == ["time", "1"])
    }
}
