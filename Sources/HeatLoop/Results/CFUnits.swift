/// Units as HeatLoop declares them (`MWh`, `L kWh-1`, `EUR year-1`: short, as engineers write them) and as
/// result files store them: UDUNITS-2 strings that CF readers parse (`MW h`, `L/(kW h)`), CF-1.8 §3.1.
/// A currency is not a UDUNITS unit: an amount of money is stored with `units = "1"` (or the per-unit rest,
/// `year-1`, `1/(MW h)`) and a `currency` attribute (ISO 4217, `EUR`). The writers convert with `file(_:)`,
/// the readers back with `declared(units:currency:)`, so programs see the declared units either way.
public enum CFUnits {
    /// `(declared, UDUNITS, currency)` for every declared unit UDUNITS does not parse as written.
    static let table: [(declared: String, udunits: String, currency: String?)] = [
        ("MWh", "MW h", nil), ("kWh", "kW h", nil),
        ("L kWh-1", "L/(kW h)", nil), ("kg kWh-1", "kg/(kW h)", nil),
        ("EUR", "1", "EUR"), ("EUR year-1", "year-1", "EUR"), ("EUR MWh-1", "1/(MW h)", "EUR"),
    ]

    /// The `units` (and `currency`, when money) a file stores for `declared` units.
    public static func file(_ declared: String) -> (units: String, currency: String?) {
        guard let row = table.first(where: { $0.declared == declared }) else { return (declared, nil) }
        return (row.udunits, row.currency)
    }

    /// The declared units of a file's `units` and `currency` (any currency: money is declared in `EUR`
    /// whatever `economics.currency` is, as column names keep `eur`).
    public static func declared(units: String, currency: String?) -> String {
        table.first { $0.udunits == units && ($0.currency == nil) == (currency == nil) }?.declared ?? units
    }

    /// A variable name CF accepts (letters, digits, `_`; CF-1.8 §2.3) for a column name such as a varied
    /// key path (`heat_recovery.heat_pump.capacity_mw` → `heat_recovery__heat_pump__capacity_mw`); the
    /// writer keeps the original in a `key_path` attribute, which the reader restores.
    public static func variableName(_ name: String) -> String {
        name.replacingOccurrences(of: ".", with: "__").replacingOccurrences(of: "[", with: "_")
            .replacingOccurrences(of: "]", with: "_")
    }
}
