/// One row per scenario of a batch (or per design of a sizing sweep): its labels (site, weather,
/// climate, varied parameters) and its annual KPIs. Written as the batch's `summary.h5` (1-D datasets
/// along a `scenario` dimension, DESIGN §6) and `summary.csv`, or a sizing sweep's `sizing.h5` along `design`.
public struct ScenarioTable: Sendable, Equatable {
    /// Name of the row dimension and of its id coordinate: `scenario` (batches) or `design` (sizing).
    public var dimension: String
    /// Row ids, the coordinate along `dimension`.
    public var ids: [String]
    /// Text columns (`site`, `weather`, `climate`, …), one value per scenario.
    public var labels: [ScenarioTextColumn]
    /// Numeric columns (KPIs and numeric varied parameters), one value per scenario; NaN where missing.
    public var columns: [ScenarioColumn]
    /// Root attributes (`title`, `batch`, …).
    public var attributes: [ResultAttribute]

    public init(dimension: String = "scenario", ids: [String], labels: [ScenarioTextColumn], columns: [ScenarioColumn],
                attributes: [ResultAttribute]) {
        self.dimension = dimension
        self.ids = ids
        self.labels = labels
        self.columns = columns
        self.attributes = attributes
    }

    /// The table of `rows`, in their order. Columns are the union of the rows' labels and values, in
    /// first-seen order; a row without a value gets NaN (numbers) or "" (text).
    public init(dimension: String = "scenario", rows: [ScenarioRow], attributes: [ResultAttribute]) {
        var textNames: [String] = [], numberColumns: [(name: String, units: String, longName: String)] = []
        for row in rows {
            for (name, _) in row.labels where !textNames.contains(name) { textNames.append(name) }
            for value in row.values where !numberColumns.contains(where: { $0.name == value.name }) {
                numberColumns.append((value.name, value.units, value.longName))
            }
        }
        self.init(
            dimension: dimension, ids: rows.map(\.id),
            labels: textNames.map { name in
                ScenarioTextColumn(name: name, values: rows.map { row in row.labels.first { $0.name == name }?.value ?? "" })
            },
            columns: numberColumns.map { column in
                ScenarioColumn(name: column.name, units: column.units, longName: column.longName,
                               values: rows.map { row in row.values.first { $0.name == column.name }?.value ?? .nan })
            },
            attributes: attributes)
    }

    /// Root attribute naming the row the table's changes are measured against: a batch's baseline
    /// scenario (the batch file's `baseline`, `BatchScenario.ResultKey.baseline`).
    public static let baselineAttribute = "baseline_scenario"
    /// Root attribute with the ISO 4217 code of the money columns (`economics.currency`; names keep `eur`),
    /// written when every row shares one currency.
    public static let currencyAttribute = "currency"

    /// A root text attribute.
    public func text(_ name: String) -> String? {
        guard case .string(let value)? = attributes.first(where: { $0.name == name })?.value else { return nil }
        return value
    }

    /// A root numeric attribute; NaN when the file has none of that name.
    public func number(_ name: String) -> Double { attributes.first { $0.name == name }?.value.double ?? .nan }

    /// The values of the column `name`, nil when the table has none.
    public func column(_ name: String) -> [Double]? { columns.first { $0.name == name }?.values }

    /// The currency of the money columns: the root `currency`, else euros when no row names its own
    /// (older files, all in euros); nil when the rows' currencies differ (a `currency` label column).
    public var currency: Currency? {
        if let code = text(Self.currencyAttribute) { return Currency(code: code) }
        return labels.contains { $0.name == Self.currencyAttribute } ? nil : .euro
    }

    /// CSV text: a header `<dimension>_id,<labels>,<columns>` and one line per row; text quoted when
    /// it holds a comma or quote, numbers as Swift prints them (`nan` for missing).
    public var csv: String {
        func quoted(_ text: String) -> String {
            text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [(["\(dimension)_id"] + labels.map(\.name) + columns.map(\.name)).joined(separator: ",")]
        for index in ids.indices {
            var fields = [quoted(ids[index])]
            fields += labels.map { quoted($0.values[index]) }
            fields += columns.map { $0.values[index].isNaN ? "nan" : "\($0.values[index])" }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One scenario's labels and numbers.
public struct ScenarioRow: Sendable, Equatable {
    public var id: String
    public var labels: [(name: String, value: String)]
    public var values: [(name: String, units: String, longName: String, value: Double)]

    public init(id: String, labels: [(name: String, value: String)],
                values: [(name: String, units: String, longName: String, value: Double)]) {
        self.id = id
        self.labels = labels
        self.values = values
    }

    public static func == (a: ScenarioRow, b: ScenarioRow) -> Bool {
        a.id == b.id && a.labels.elementsEqual(b.labels) { $0 == $1 }
            && a.values.elementsEqual(b.values) { $0.name == $1.name && ($0.value == $1.value || ($0.value.isNaN && $1.value.isNaN)) }
    }
}

public struct ScenarioTextColumn: Sendable, Equatable {
    public var name: String
    public var values: [String]
    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}

public struct ScenarioColumn: Sendable, Equatable {
    public var name: String
    public var units: String
    public var longName: String
    public var values: [Double]
    public init(name: String, units: String, longName: String, values: [Double]) {
        self.name = name
        self.units = units
        self.longName = longName
        self.values = values
    }

    public static func == (a: ScenarioColumn, b: ScenarioColumn) -> Bool {
        a.name == b.name && a.units == b.units && a.longName == b.longName
            && a.values.elementsEqual(b.values) { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
