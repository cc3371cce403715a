import Foundation

/// Seeded text mutations of input files (issue 21's fuzzer, reproducible): used by the in-process parser
/// suite and the end-to-end CLI suite.
public enum Mutator {
    /// Edits that the fuzzer of issue 21 found interesting: structure, types, extremes, aliases, keys.
    public static let fragments = [
        ":", "- ", "[", "]", "{", "}", "&a ", "*a", "\"", "'", "\t", "\u{0}", "#", ",", "\n", "  ",
        "1e308", "-1e308", "-1", "0", "nan", ".inf", "-.inf", "null", "~", "true", "99999999999999999999",
        "0x1F", "1_000", "2025-02-29", "é", "\u{7}", "name", "it", "clusters",
    ]

    /// One random change of `text`: a line deleted, duplicated (duplicate keys) or swapped, a fragment
    /// inserted, a number replaced by an extreme, a line re-indented, or the text truncated.
    public static func mutate(_ text: String, _ random: inout TestLCG) -> String {
        var lines = text.components(separatedBy: "\n")
        func pick(_ count: Int) -> Int { min(count - 1, Int(random.next() * Double(count))) }
        let line = pick(lines.count)
        switch pick(8) {
        case 0: lines.remove(at: line)
        case 1: lines.insert(lines[line], at: line)
        case 2: lines.swapAt(line, pick(lines.count))
        case 3:
            var characters = Array(lines[line])
            characters.insert(contentsOf: fragments[pick(fragments.count)], at: pick(characters.count + 1))
            lines[line] = String(characters)
        case 4:
            let extreme = ["1e308", "-1e308", "0", "-0.0", "1e-320", "4294967296", "-9223372036854775808", "nan"][pick(8)]
            lines[line] = lines[line].replacing(/-?[0-9]+(\.[0-9]+)?/, with: extreme, maxReplacements: 1)
        case 5: lines[line] = String(repeating: " ", count: pick(7)) + lines[line].trimmingCharacters(in: .whitespaces)
        case 6:
            var characters = Array(lines[line])
            if !characters.isEmpty { characters.remove(at: pick(characters.count)) }
            lines[line] = String(characters)
        default: return String(text.prefix(pick(text.count + 1)))
        }
        return lines.joined(separator: "\n")
    }
}
