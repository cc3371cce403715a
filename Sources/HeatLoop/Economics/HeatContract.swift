/// The terms of a heat-supply contract beyond the price (DESIGN §3.8):
///
///     take-or-pay      R_top = p_top · max(0, Q_min − Q_del)                         €/year
///     availability     S     = Σ_k max(0, min(P_commit, A_k) − D_k) · Δt           MWh/year short
///                      C_pen = c_pen · S                                            €/year
///     connection fee   F, paid once to the network operator, part of CAPEX
///
/// `A_k` the heat the network asked of the data center in step k (`dh_demand`), `D_k` what it delivered:
/// the data center commits to deliver up to `P_commit` whenever the network asks for it, and pays `c_pen`
/// for each MWh it falls short. Take-or-pay: the network pays for at least `Q_min` a year whether it takes it
/// or not (the usual guarantee that lets a supplier finance the plant; Frederiksen & Werner, *District
/// Heating and Cooling*, 2013, ch. 11 "heat pricing and contracts"). Each term absent is zero.
public struct HeatContract: Sendable, Equatable {
    public var takeOrPay: TakeOrPay?
    public var availability: AvailabilityCommitment?
    /// One-off fee to the network operator for the connection, €.
    public var connectionFee: Double

    public init(takeOrPay: TakeOrPay? = nil, availability: AvailabilityCommitment? = nil, connectionFee: Double = 0) {
        self.takeOrPay = takeOrPay
        self.availability = availability
        self.connectionFee = connectionFee
    }

    /// Take-or-pay payment for a year in which `delivered` was delivered, €.
    public func takeOrPayPayment(delivered: Joules) -> Double {
        guard let takeOrPay else { return 0 }
        return takeOrPay.price * max(0, takeOrPay.minimum.megawattHours - delivered.megawattHours)
    }

    /// Energy short of the commitment over the year, from the heat asked (`asked`) and delivered per step (W).
    public func availabilityShortfall(asked: [Float], delivered: [Float], stepSeconds: Double) -> Joules {
        guard let availability else { return Joules(0) }
        let committed = availability.committed.value
        var short = 0.0
        for (ask, given) in zip(asked, delivered) { short += max(0, min(committed, Double(ask)) - Double(given)) }
        return Joules(short * stepSeconds)
    }

    /// Penalty for a shortfall, €.
    public func penalty(shortfall: Joules) -> Double { (availability?.penalty ?? 0) * shortfall.megawattHours }
}

/// The network pays for at least `minimum` a year, at `price` €/MWh for what it did not take.
public struct TakeOrPay: Sendable, Equatable {
    public var minimum: Joules
    public var price: Double
    public init(minimum: Joules, price: Double) {
        self.minimum = minimum
        self.price = price
    }
}

/// The data center delivers up to `committed` whenever the network asks, or pays `penalty` €/MWh short.
public struct AvailabilityCommitment: Sendable, Equatable {
    public var committed: Watts
    public var penalty: Double
    public init(committed: Watts, penalty: Double) {
        self.committed = committed
        self.penalty = penalty
    }
}
