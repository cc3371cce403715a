/// The heat-reuse project's economics (DESIGN §3.8). The defaults here are the only ones: `CapitalCost`
/// and `ProjectEconomics` take theirs from `EconomicsSpec.standard`; sources in `CapitalCost`.
public struct EconomicsSpec: SpecSection {
    public var heatPriceEurPerMwh = 35.0
    /// Twelve prices, January first (or the CSV, or the displaced producer's cost; `heatPriceModel`).
    public var heatPriceMonthlyEurPerMwh: [Double] = []
    public var heatPriceCsv: String?
    public var heatPriceColumn = "eur_per_mwh"
    public var heatPriceFromDisplaced = false
    public var takeOrPay: TakeOrPaySpec?
    public var availability: AvailabilitySpec?
    public var connectionFeeEur = 0.0
    /// Constant price; `electricity_price_csv` instead gives a series. Default: `defaultElectricityPrice`.
    public var electricityPriceEurPerMwh: Double?
    /// CSV with `time` and an `eur_per_mwh` column (hourly or any regular interval), relative to the site file.
    public var electricityPriceCsv: String?
    public var electricityPriceColumn = "eur_per_mwh"
    public var discountRate = 0.06
    public var lifetimeYears = 20
    public var maintenancePctPerYear = 2.0
    public var heatPumpEurPerKw = 700.0
    public var heatPumpReferenceMw = 5.0
    public var heatPumpScaleExponent = 0.7
    public var storageEurPerM3 = 300.0
    public var pitStorageEurPerM3 = 30.0
    public var connectionFixedEur = 300_000.0
    public var connectionEurPerMw = 50_000.0
    public var connectionEurPerM = 1_000.0
    public var connectionLengthM = 1_000.0
    public var creditCoolingSavings = true
    /// ISO 4217 code of every amount above and of the money results (`Currency`: a label, no conversion).
    public var currency = Currency.euro.code

    public init() {}

    /// `currency` as the type that prints amounts.
    public var currencyUnit: Currency { Currency(code: currency) }

    /// Every default.
    public static let standard = EconomicsSpec()

    /// Price when neither `electricity_price_eur_per_mwh` nor `electricity_price_csv` is given, €/MWh.
    public static let defaultElectricityPrice = 90.0

    public static let schema = Schema<EconomicsSpec>([
        .number("heat_price_eur_per_mwh", \.heatPriceEurPerMwh, unit: "€/MWh", range: -1000...10_000,
                doc: "Price the heat sells at (with heat_price_from_displaced: the price of heat that displaces no producer)."),
        .numbers("heat_price_monthly_eur_per_mwh", \.heatPriceMonthlyEurPerMwh, count: 12, unit: "€/MWh", range: -1000...10_000,
                 doc: "Heat price by calendar month, January first, instead of heat_price_eur_per_mwh.")
            .encoded(when: { !$0.heatPriceMonthlyEurPerMwh.isEmpty }),
        .optionalFile("heat_price_csv", \.heatPriceCsv, what: "heat price CSV",
                      doc: "CSV with `time` (local standard time) or `time_utc` (UTC) and an `eur_per_mwh` column (any regular interval), "
                        + "relative to the site file, instead of heat_price_eur_per_mwh.",
                      column: ("heat_price_column", \.heatPriceColumn), accepting: [.eurosPerMegawattHour]),
        .text("heat_price_column", \.heatPriceColumn, doc: "Column of heat_price_csv read."),
        .boolean("heat_price_from_displaced", \.heatPriceFromDisplaced,
                 doc: "Heat sells at the marginal cost of the network producer it displaces each step (district_heating.producers)."),
        .optionalSection("take_or_pay", \.takeOrPay, doc: "The network pays for at least a minimum of heat a year."),
        .optionalSection("availability", \.availability,
                         doc: "The data center commits to deliver up to a power whenever the network asks, or pays a penalty."),
        .number("connection_fee_eur", \.connectionFeeEur, unit: "€", range: 0...1e12,
                doc: "One-off fee paid to the network operator for the connection (part of CAPEX)."),
        .optionalNumber("electricity_price_eur_per_mwh", \.electricityPriceEurPerMwh, unit: "€/MWh", range: -1000...10_000,
                        doc: "Constant electricity price (or electricity_price_csv).",
                        derived: "\(formatNumber(defaultElectricityPrice)) unless electricity_price_csv is given"),
        .optionalFile("electricity_price_csv", \.electricityPriceCsv, what: "electricity price CSV",
                      doc: "CSV with `time` (local standard time) or `time_utc` (UTC) and an `eur_per_mwh` column (any regular interval), relative to the site file.",
                      column: ("electricity_price_column", \.electricityPriceColumn), accepting: [.eurosPerMegawattHour]),
        .text("electricity_price_column", \.electricityPriceColumn, doc: "Column of electricity_price_csv read."),
        .number("discount_rate", \.discountRate, range: 0...0.5, doc: "Real discount rate per year.",
                hint: "a fraction per year: 0.06 is 6 %"),
        .integer("lifetime_years", \.lifetimeYears, unit: "a", range: 1...100, doc: "Appraisal period."),
        .number("maintenance_pct_per_year", \.maintenancePctPerYear, unit: "%/a", range: 0...100, doc: "Maintenance, share of CAPEX per year."),
        .number("heat_pump_eur_per_kw", \.heatPumpEurPerKw, unit: "€/kW", range: 0...100_000,
                doc: "Specific heat-pump cost at the reference size (DEA technology data)."),
        .number("heat_pump_reference_mw", \.heatPumpReferenceMw, unit: "MW", range: 0.001...10_000, doc: "Reference size of that cost."),
        .number("heat_pump_scale_exponent", \.heatPumpScaleExponent, range: 0.1...1.5, doc: "Economy-of-scale exponent n."),
        .number("storage_eur_per_m3", \.storageEurPerM3, unit: "€/m³", range: 0...100_000, doc: "Hot-water tank cost per volume."),
        .number("pit_storage_eur_per_m3", \.pitStorageEurPerM3, unit: "€/m³", range: 0...100_000,
                doc: "Seasonal pit store (`heat_recovery.storage.pit`) cost per volume."),
        .number("connection_fixed_eur", \.connectionFixedEur, unit: "€", range: 0...1e12, doc: "Fixed connection cost (controls, metering, civil works)."),
        .number("connection_eur_per_mw", \.connectionEurPerMw, unit: "€/MW", range: 0...1e9, doc: "Substation cost per MW of connection."),
        .number("connection_eur_per_m", \.connectionEurPerM, unit: "€/m", range: 0...1e9, doc: "Pipe cost per metre."),
        .number("connection_length_m", \.connectionLengthM, unit: "m", range: 0...1e6, doc: "Pipe length from the site to the network."),
        .boolean("credit_cooling_savings", \.creditCoolingSavings, doc: "Credit the cooling energy the heat pump saves."),
        .text("currency", \.currency, doc: "ISO 4217 code of every price, cost and money result (EUR, USD, GBP, CHF…): "
              + "the unit printed in the summary, sizing table and report. A label only: nothing is converted, and key and "
              + "column names keep `eur` (`heat_price_eur_per_mwh`, `npv_eur`) whatever the currency; give the prices "
              + "and costs in it (the defaults are euros)."),
    ], check: { economics, o in
        if !Currency.isCode(economics.currency) {
            o["currency"].problem("'\(economics.currency.prefix(20))' is not an ISO 4217 code; three capital letters, e.g. EUR, USD, GBP")
        }
        let heatPrices = ["heat_price_monthly_eur_per_mwh", "heat_price_csv", "heat_price_from_displaced"].filter {
            o[$0].isPresent && ($0 != "heat_price_from_displaced" || economics.heatPriceFromDisplaced)
        }
        if heatPrices.count > 1 {
            o[heatPrices[1]].problem("give one heat price: \(heatPrices.map { "'\($0)'" }.joined(separator: " or ")), not both")
        }
        if o["electricity_price_eur_per_mwh"].isPresent, o["electricity_price_csv"].isPresent {
            o["electricity_price_csv"].problem("give either 'electricity_price_eur_per_mwh' (a constant) or 'electricity_price_csv' (a series), not both")
        }
    })
}

/// The network pays for at least `minimum_mwh` a year (`TakeOrPay`).
public struct TakeOrPaySpec: SpecSection {
    public var minimumMwh = 0.0
    /// Default: `heat_price_eur_per_mwh`.
    public var priceEurPerMwh: Double?

    public init() {}

    public static let schema = Schema<TakeOrPaySpec>([
        .number("minimum_mwh", \.minimumMwh, unit: "MWh", range: 0...1e9, doc: "Heat paid for each year, taken or not.", required: true),
        .optionalNumber("price_eur_per_mwh", \.priceEurPerMwh, unit: "€/MWh", range: -1000...10_000,
                        doc: "Price of the heat paid for but not taken.", derived: "heat_price_eur_per_mwh"),
    ])
}

/// The data center delivers up to `committed_mw` whenever the network asks (`AvailabilityCommitment`).
public struct AvailabilitySpec: SpecSection {
    public var committedMw = 0.0
    public var penaltyEurPerMwh = 0.0

    public init() {}

    public static let schema = Schema<AvailabilitySpec>([
        .number("committed_mw", \.committedMw, unit: "MW", range: 0...100_000, doc: "Heat power committed.", required: true),
        .number("penalty_eur_per_mwh", \.penaltyEurPerMwh, unit: "€/MWh", range: 0...100_000,
                doc: "Penalty per MWh short of the commitment.", required: true),
    ])
}

extension EconomicsSpec {
    /// The heat price the description gives; `traces` holds the heat price CSV when it names one.
    public func heatPriceModel(traces: [String: RegularTrace]) -> HeatPrice {
        if heatPriceFromDisplaced { return .displacedProducer(fallback: heatPriceEurPerMwh) }
        if heatPriceMonthlyEurPerMwh.count == 12 { return .monthly(heatPriceMonthlyEurPerMwh) }
        if let file = heatPriceCsv, let trace = traces[file] { return .series(trace) }
        return .constant(eurosPerMegawattHour: heatPriceEurPerMwh)
    }

    /// Take-or-pay, availability and connection fee.
    public var contract: HeatContract {
        HeatContract(
            takeOrPay: takeOrPay.map {
                TakeOrPay(minimum: .megawattHours($0.minimumMwh), price: $0.priceEurPerMwh ?? heatPriceEurPerMwh)
            },
            availability: availability.map { AvailabilityCommitment(committed: .megawatts($0.committedMw), penalty: $0.penaltyEurPerMwh) },
            connectionFee: connectionFeeEur)
    }
}
