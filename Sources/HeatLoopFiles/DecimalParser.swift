/// Fast decimal parsing of text fields for the weather and trace readers, which read hundreds of
/// thousands of numbers per file.
enum DecimalParser {

    /// Exact powers of ten 10⁰…10²² (all representable as Double).
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a decimal number (`-12.2`, `99500`, `.5`, `1e3`) in `bytes[start..<end]`, spaces allowed
    /// around it; nil when it is not one. Up to 15 significant digits without an exponent, the value is
    /// digits / 10^k — correctly rounded, as both are exact doubles — otherwise the standard library parses.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var cursor = start, stop = end
        while cursor < stop, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
        while stop > cursor, bytes[stop - 1] == UInt8(ascii: " ") || bytes[stop - 1] == UInt8(ascii: "\t") { stop -= 1 }
        guard cursor < stop else { return nil }
        let tokenStart = cursor
        var negative = false
        if bytes[cursor] == UInt8(ascii: "-") {
            negative = true
            cursor += 1
        } else if bytes[cursor] == UInt8(ascii: "+") {
            cursor += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0, fractionDigits = 0
        var anyDigit = false, inFraction = false, hasExponent = false
        while cursor < stop {
            let byte = bytes[cursor]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                anyDigit = true
                if significantDigits > 0 || digit != 0 { significantDigits += 1 }  // not leading zeros
                if significantDigits <= 15 { mantissa = mantissa * 10 + digit }
                if inFraction { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !inFraction {
                inFraction = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                hasExponent = true
                break
            } else {
                return nil
            }
            cursor += 1
        }
        guard anyDigit else { return nil }
        if !hasExponent && significantDigits <= 15 && fractionDigits <= 22 {
            let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -magnitude : magnitude
        }
        if hasExponent {
            // Exponent syntax: [eE][+-]?digits, nothing else.
            cursor += 1
            if cursor < stop, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") {
                cursor += 1
            }
            guard cursor < stop else { return nil }
            while cursor < stop {
                let byte = bytes[cursor]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                cursor += 1
            }
        }
        let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[tokenStart..<stop]), as: UTF8.self)
        guard let value = Double(token), value.isFinite else { return nil }
        return value
    }
}
