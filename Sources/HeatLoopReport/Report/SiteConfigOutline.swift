import Foundation

/// The scalar settings of a resolved site file (the `site_config` root attribute) as key paths, e.g.
/// `heat_recovery.heat_pump.capacity_mw` → `8e+0`, `it.clusters[1].name` → `inference`.
///
/// Reads the block-style YAML HeatLoop writes (indented `key: value` lines, `- ` list items at or below
/// their key's indentation); lines it does not understand (flow collections, multi-line strings) are
/// skipped. Enough to show a site's key inputs without a YAML library in the report.
public struct SiteConfigOutline: Sendable {
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var value: String
    }

    public private(set) var entries: [Entry] = []

    /// An open `key:` (mapping or list) or list item, and the indentation of the line that opened it.
    private struct Container {
        var indent: Int
        var path: String
        var items = 0
    }

    public init(yaml: String) {
        var open = [Container(indent: -1, path: "")]
        for line in yaml.split(separator: "\n") {
            let content = line.drop { $0 == " " }
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            read(Substring(content), indent: line.count - content.count, open: &open)
        }
    }

    private mutating func read(_ content: Substring, indent: Int, open: inout [Container]) {
        if content.hasPrefix("- ") || content == "-" {
            // List items sit at their key's indentation or deeper; the item's content is indented by 2.
            while open.count > 1, open[open.count - 1].indent > indent { open.removeLast() }
            let index = open[open.count - 1].items
            open[open.count - 1].items += 1
            let itemPath = "\(open[open.count - 1].path)[\(index)]"
            let rest = content.dropFirst(2)
            if rest.hasPrefix("- ") || Self.keyAndValue(rest) != nil {
                open.append(Container(indent: indent + 1, path: itemPath))
                read(rest, indent: indent + 2, open: &open)
            } else if !rest.isEmpty {
                entries.append(Entry(path: itemPath, value: Self.unquoted(String(rest))))
            }
            return
        }
        while open.count > 1, open[open.count - 1].indent >= indent { open.removeLast() }
        guard let (key, value) = Self.keyAndValue(content) else { return }
        let parent = open[open.count - 1].path
        let path = parent.isEmpty ? key : "\(parent).\(key)"
        if value.isEmpty {
            open.append(Container(indent: indent, path: path))
        } else {
            entries.append(Entry(path: path, value: Self.unquoted(value)))
        }
    }

    /// The value at `path`, if the file sets it.
    public func value(_ path: String) -> String? { entries.first { $0.path == path }?.value }

    /// The value at `path` as a number.
    public func number(_ path: String) -> Double? { value(path).flatMap(Double.init) }

    /// The first key below `prefix` (`cooling.liquid.rejection` → `dry_cooler`), naming which
    /// alternative a site chose.
    public func firstKey(under prefix: String) -> String? {
        entries.lazy.compactMap { entry -> String? in
            guard entry.path.hasPrefix(prefix + ".") else { return nil }
            return entry.path.dropFirst(prefix.count + 1).split(separator: ".").first.map(String.init)
        }.first
    }

    /// `key: value` or `key:` (value empty); nil when the text is not a mapping line.
    private static func keyAndValue(_ content: Substring) -> (String, String)? {
        guard let colon = content.firstIndex(of: ":") else { return nil }
        let after = content.index(after: colon)
        guard after == content.endIndex || content[after] == " " else { return nil }
        let key = String(content[..<colon])
        guard !key.isEmpty, !key.contains(" ") || key.hasPrefix("'") else { return nil }
        return (key, content[after...].trimmingCharacters(in: .whitespaces))
    }

    private static func unquoted(_ text: String) -> String {
        for quote in ["'", "\""] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
