import Foundation

/// The frame of every HTML report: one self-contained page (inline CSS, inline SVG, no network), one
/// column that fits a laptop screen and an A4 page, and small builders for its parts. The only script is
/// `sortScript`, on pages with a sortable table; without it such a table reads in its written order.
public enum HTMLPage {
    /// A whole page. `body` is markup (already escaped); `title` and `subtitle` are plain text.
    public static func document(title: String, subtitle: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="HeatLoop report">
        <title>\(Markup.escaped(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>\(Markup.escaped(title))</h1><p class="subtitle">\(Markup.escaped(subtitle))</p></header>
        \(body.joined(separator: "\n"))\(body.contains { $0.contains(sortableMark) } ? "\n<script>\(sortScript)</script>" : "")
        <footer>Made by <code>heatloop report</code>. Charts use the Okabe–Ito and viridis palettes, which stay
        distinguishable with colour-vision deficiencies. Hover a bar for its value.</footer>
        </body>
        </html>

        """
    }

    /// A titled section.
    public static func section(_ title: String, id: String, _ content: [String]) -> String {
        "<section id=\"\(Markup.escaped(id))\"><h2>\(Markup.escaped(title))</h2>\n\(content.joined(separator: "\n"))</section>"
    }

    /// A chart with its heading and a line on how to read it.
    public static func figure(_ title: String, reading: String, svg: String) -> String {
        "<figure><h3>\(Markup.escaped(title))</h3>\(svg)<figcaption>\(Markup.escaped(reading))</figcaption></figure>"
    }

    /// In place of a chart whose data the file does not have: a box with the chart's id and the reason,
    /// so a reader (and a test) sees the chart was considered and why it is empty.
    public static func missingFigure(_ title: String, id: String, reason: String) -> String {
        "<figure><h3>\(Markup.escaped(title))</h3><div class=\"no-data\" id=\"\(Markup.escaped(id))\">"
            + "\(Markup.escaped(reason))</div></figure>"
    }

    /// A paragraph of plain text.
    public static func paragraph(_ text: String, className: String? = nil) -> String {
        let attribute = className.map { " class=\"\(Markup.escaped($0))\"" } ?? ""
        return "<p\(attribute)>\(Markup.escaped(text))</p>"
    }

    /// One table cell: plain text, right-aligned when numeric, with an optional exact machine-readable
    /// value (`data-value`, shortest round-trip decimal; empty when not finite) and KPI name (`data-kpi`).
    public struct Cell: Sendable {
        public var text: String
        public var numeric: Bool
        public var value: Double?
        public var kpi: String?
        public var className: String?

        public init(_ text: String, numeric: Bool = false, value: Double? = nil, kpi: String? = nil,
                    className: String? = nil) {
            self.text = text
            self.numeric = numeric
            self.value = value
            self.kpi = kpi
            self.className = className
        }

        var markup: String {
            var classes = numeric ? ["num"] : []
            if let className { classes.append(className) }
            var attributes = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            if let kpi { attributes += " data-kpi=\"\(Markup.escaped(kpi))\"" }
            if let value { attributes += " data-value=\"\(value.isFinite ? "\(value)" : "")\"" }
            return "<td\(attributes)>\(Markup.escaped(text))</td>"
        }
    }

    /// A table with a header row; the first cell of each row is its header (`<th scope="row">`) when
    /// `rowHeaders`. A row of one cell spanning the table is a group heading.
    /// `compact`: a smaller font for tables with many columns, so they still fit the page.
    /// `sortable`: in a scrolling box (its header row stays in view; the page never overflows), sorted by
    /// a click on a column header (`sortScript`: by `data-value` where cells have one, else by text).
    public static func table(header: [String], rows: [[Cell]], id: String? = nil, rowHeaders: Bool = true,
                             compact: Bool = false, sortable: Bool = false, rowClasses: [Int: String] = [:]) -> String {
        let identifier = id.map { " id=\"\(Markup.escaped($0))\"" } ?? ""
        let classes = (compact ? ["compact"] : []) + (sortable ? [sortableMark] : [])
        // Headers may break after a dot (key paths such as heat_pump.capacity_mw).
        var html = (sortable ? "<div class=\"table-scroll\">" : "")
            + "<table\(identifier)\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")><thead><tr>"
            + header.map { "<th scope=\"col\">\(Markup.escaped($0).replacingOccurrences(of: ".", with: ".<wbr>"))</th>" }
                .joined() + "</tr></thead><tbody>"
        for (rowIndex, row) in rows.enumerated() {
            if row.count == 1 && header.count > 1 {
                html += "<tr class=\"group\"><th colspan=\"\(header.count)\" scope=\"rowgroup\">\(Markup.escaped(row[0].text))</th></tr>"
                continue
            }
            html += rowClasses[rowIndex].map { "<tr class=\"\(Markup.escaped($0))\">" } ?? "<tr>"
            for (index, cell) in row.enumerated() {
                html += index == 0 && rowHeaders ? "<th scope=\"row\">\(Markup.escaped(cell.text))</th>" : cell.markup
            }
            html += "</tr>"
        }
        return html + "</tbody></table>" + (sortable ? "</div>" : "")
    }

    /// The class of sortable tables.
    static let sortableMark = "sortable"

    /// Sorts a `table.sortable` by the clicked (or Enter-pressed) column, ascending then descending:
    /// numbers by `data-value` (missing last), text in natural order.
    static let sortScript = """
        document.querySelectorAll("table.sortable").forEach(function (table) {
          table.querySelectorAll("thead th").forEach(function (th, column) {
            th.tabIndex = 0; th.title = "Sort by this column";
            function sort() {
              var up = th.getAttribute("aria-sort") !== "ascending", body = table.tBodies[0];
              table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", up ? "ascending" : "descending");
              function key(row) { var c = row.cells[column], v = c && c.getAttribute("data-value");
                return v === null ? (c ? c.textContent : "") : (v === "" ? NaN : parseFloat(v)); }
              Array.from(body.rows).sort(function (a, b) {
                var x = key(a), y = key(b);
                if (typeof x === "number" || typeof y === "number") {
                  if (isNaN(x) || isNaN(y)) return isNaN(x) - isNaN(y);
                  return up ? x - y : y - x; }
                var order = String(x).localeCompare(String(y), undefined, {numeric: true});
                return up ? order : -order;
              }).forEach(function (row) { body.appendChild(row); });
            }
            th.addEventListener("click", sort);
            th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
          });
        });
        """

    /// Headline figures as a row of cards (label above, value below).
    public static func cards(_ items: [(label: String, value: String, className: String?)]) -> String {
        "<div class=\"cards\">" + items.map { item in
            let extra = item.className.map { " \(Markup.escaped($0))" } ?? ""
            return "<div class=\"card\(extra)\"><div class=\"label\">\(Markup.escaped(item.label))</div>"
                + "<div class=\"value\">\(Markup.escaped(item.value))</div></div>"
        }.joined() + "</div>"
    }

    static let style = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
          color: #222; background: #fff; max-width: 760px; margin: 0 auto; padding: 16px 20px 32px; line-height: 1.4; }
        h1 { font-size: 1.6rem; margin: 0.2rem 0; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid #0072B2; padding-bottom: 2px; margin-top: 2rem; }
        h3 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
        .subtitle { color: #555; margin: 0 0 1rem; }
        figure { margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
        figcaption { color: #555; font-size: 0.85rem; margin-top: 2px; }
        svg.chart { width: 100%; height: auto; display: block; }
        table { border-collapse: collapse; width: 100%; font-size: 0.88rem; margin: 0.5rem 0 1rem; }
        th, td { padding: 3px 6px; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #888; }
        tbody th { font-weight: normal; }
        table.compact { font-size: 0.78rem; }
        td.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.72rem; overflow-wrap: anywhere; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.group th { background: #f2f2f2; font-weight: 600; padding-top: 6px; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .pass { color: #006d4f; font-weight: bold; }
        .fail { color: #b34700; font-weight: bold; }
        .verdict { border: 2px solid #888; border-radius: 6px; padding: 8px 12px; margin: 0.5rem 0 1rem; }
        .verdict.pass { border-color: #009E73; background: #eefaf5; color: inherit; font-weight: normal; }
        .verdict.fail { border-color: #D55E00; background: #fdf1ea; color: inherit; font-weight: normal; }
        .verdict strong { font-size: 1.1rem; }
        .banner.failure { border: 3px solid #D55E00; border-radius: 6px; background: #fdf1ea; padding: 8px 12px; margin: 0.5rem 0 1rem; }
        .banner.failure strong { font-size: 1.1rem; color: #b34700; }
        .banner.failure ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
        .cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 0.5rem 0 1rem; }
        .card { flex: 1 1 130px; box-sizing: border-box; border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px; }
        .card .label { color: #555; font-size: 0.8rem; }
        .card .value { font-size: 1.3rem; font-weight: 600; }
        .no-data { border: 1px dashed #aaa; color: #555; padding: 18px; text-align: center; background: #fafafa; }
        .recommendation { white-space: pre-line; border-left: 4px solid #0072B2; padding: 4px 10px; background: #f4f8fb; }
        .note { color: #555; font-size: 0.85rem; }
        .table-scroll { max-height: min(70vh, 40rem); overflow: auto; border: 1px solid #ddd; margin: 0.5rem 0 1rem; }
        .table-scroll table { margin: 0; }
        .table-scroll td.id { white-space: nowrap; overflow-wrap: normal; }
        .table-scroll thead th { position: sticky; top: 0; background: #fff; z-index: 1; }
        table.sortable thead th { cursor: pointer; }
        table.sortable thead th[aria-sort="ascending"]::after { content: " ▲"; }
        table.sortable thead th[aria-sort="descending"]::after { content: " ▼"; }
        tr.baseline td, tr.baseline th { background: #f4f8fb; font-weight: 600; }
        pre { font-size: 0.75rem; background: #f6f6f6; padding: 8px; overflow-x: auto; white-space: pre-wrap; }
        code { font-size: 0.9em; }
        footer { margin-top: 2rem; color: #777; font-size: 0.8rem; border-top: 1px solid #ddd; padding-top: 6px; }
        @page { size: A4; margin: 14mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; page-break-after: avoid; }
          details { display: none; }
          .table-scroll { max-height: none; overflow: visible; border: none; }
        }
        """
}
