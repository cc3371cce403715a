import HeatLoop
import Testing

@Suite("Batch summary table")
struct ScenarioTableTests {
    @Test("columns are the union of the rows', in first-seen order; missing values are NaN or empty")
    func union() {
        let rows = [
            ScenarioRow(id: "a-1", labels: [("site", "campus"), ("climate", "baseline")],
                        values: [("pue", "1", "PUE", 1.1), ("erf", "1", "ERF", 0.2)]),
            ScenarioRow(id: "b-2", labels: [("site", "hall, north"), ("weather", "tampa")],
                        values: [("erf", "1", "ERF", 0.3), ("capacity", "MW", "capacity", 8)]),
        ]
        let table = ScenarioTable(rows: rows, attributes: [])
        #expect(table.ids == ["a-1", "b-2"])
        #expect(table.labels.map(\.name) == ["site", "climate", "weather"])
        #expect(table.labels[2].values == ["", "tampa"])
        #expect(table.columns.map(\.name) == ["pue", "erf", "capacity"])
        #expect(table.columns[0].values[1].isNaN)
        #expect(table.columns[1].values == [0.2, 0.3])
        #expect(table.csv == """
            scenario_id,site,climate,weather,pue,erf,capacity
            a-1,campus,baseline,,1.1,0.2,nan
            b-2,"hall, north",,tampa,nan,0.3,8.0

            """)
    }
}
