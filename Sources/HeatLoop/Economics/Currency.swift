/// The currency of a site's prices, costs and money results (`economics.currency`, an ISO 4217 code). A label
/// only: nothing is converted, and key and column names keep `eur` whatever the currency
/// (`heat_price_eur_per_mwh`, `npv_eur`), so that files and tables read the same way for every site.
public struct Currency: Sendable, Equatable {
    /// ISO 4217 code: `EUR`, `USD`, `GBP`, `CHF`.
    public var code: String

    public init(code: String) { self.code = code }

    /// The default, and the currency of every default price and cost (`EconomicsSpec`).
    public static let euro = Currency(code: "EUR")

    /// Symbols printed for common codes; any other currency prints as its code.
    static let symbols = ["EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹", "KRW": "₩"]

    /// `€`, `$`, or the code (`CHF`).
    public var symbol: String { Self.symbols[code] ?? code }

    /// An ISO 4217 code has three capital letters.
    public static func isCode(_ text: String) -> Bool {
        text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// An amount as printed: `1.23 M€`, `450 k€`, `−2.1 M€`, `12 €`; `1.23 M CHF` for a currency without a symbol.
    public func amount(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let sign = value < 0 ? "−" : ""
        let magnitude = abs(value)
        if magnitude >= 1e6 { return sign + String(format: "%.2f ", magnitude / 1e6) + unit("M") }
        if magnitude >= 1e3 { return sign + String(format: "%.0f ", magnitude / 1e3) + unit("k") }
        return sign + String(format: "%.0f ", magnitude) + symbol
    }

    /// A scaled unit: `M€`, `k$`; `M CHF` for a currency without a symbol.
    public func unit(_ scale: String) -> String { scale + (Self.symbols[code] == nil ? " " : "") + symbol }

    /// A price's unit: `€/MWh`, `CHF/MWh`.
    public func per(_ unit: String) -> String { symbol + "/" + unit }
}
