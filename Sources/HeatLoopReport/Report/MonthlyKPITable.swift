import HeatLoop

/// A run's month-by-month KPIs as a table (EnergyPlus's tabular report style): energy, PUE, heat and
/// unmet hours per month and for the year, from `/summary/monthly` and `/summary`. The terminal summary
/// prints it (`TextTable`) and the HTML report shows it (`HTMLPage.table`): one definition for both.
public struct MonthlyKPITable: Sendable {
    /// The columns: the `/summary` KPI, its header, and its decimals.
    public static let columns: [(kpi: String, header: String, decimals: Int)] = [
        ("it_energy_MWh", "IT (MWh)", 0), ("cooling_energy_MWh", "Cooling (MWh)", 0),
        ("facility_energy_MWh", "Facility (MWh)", 0), ("pue", "PUE", 3),
        ("heat_recovered_MWh", "Heat recovered (MWh)", 0), ("heat_delivered_MWh", "Heat delivered (MWh)", 0),
        ("erf", "ERF", 3), ("unmet_cooling_hours", "Unmet (h)", 1),
    ]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// One row per month and a last `Year` row; NaN where the file has no value.
    public var rows: [(label: String, values: [Double])]

    /// The table of `monthly` (`/summary/monthly`) with the year's values from `annual` (`/summary`).
    public init(monthly: ResultTable, annual: (String) -> Double) {
        let months = monthly.coordinate.count
        rows = (0..<months).map { month in
            (month < Self.monthNames.count ? Self.monthNames[month] : "\(month + 1)",
             Self.columns.map { column in
                 let values = monthly.columns.first { $0.name == column.kpi }?.values.doubles ?? []
                 return month < values.count ? values[month] : .nan
             })
        }
        rows.append(("Year", Self.columns.map { annual($0.kpi) }))
    }

    /// Header cells: `Month` and the columns' headers.
    public var header: [String] { ["Month"] + Self.columns.map(\.header) }

    /// Each row as text: grouped thousands, the column's decimals, `–` where there is no value.
    public var textRows: [[String]] {
        rows.map { row in
            [row.label] + zip(row.values, Self.columns).map { value, column in
                value.isFinite ? NumberText.grouped(value, decimals: column.decimals) : "–"
            }
        }
    }

    /// The table for the terminal.
    public var textTable: TextTable {
        TextTable(header: header, rows: textRows, rightAligned: [false] + Self.columns.map { _ in true })
    }
}

extension RunReport {
    /// The monthly table of this result, when it has `/summary/monthly`.
    public var monthlyKPITable: MonthlyKPITable? {
        monthly.map { MonthlyKPITable(monthly: $0, annual: { self.kpi($0) }) }
    }

    /// The monthly table as a visible HTML table (values in the cells, not on hover).
    func monthlyTableHTML() -> String {
        guard let table = monthlyKPITable else { return "" }
        let rows = zip(table.rows, table.textRows).map { row, text in
            [HTMLPage.Cell(text[0])] + zip(text.dropFirst(), row.values).map { HTMLPage.Cell($0, numeric: true, value: $1.isFinite ? $1 : nil) }
        }
        return HTMLPage.table(header: table.header, rows: rows, id: "monthly-kpis")
    }
}
