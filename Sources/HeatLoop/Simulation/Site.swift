/// A validated site: everything the step loop needs, in SI units. Built from a site file by
/// `HeatLoopFiles`; every field has been range-checked there.
public struct Site: Sendable {
    public var name: String
    public var calendar: SimulationCalendar
    public var clusters: [Cluster]
    public var electrical: ElectricalChain
    /// Facility-water loop for liquid-cooled clusters; nil when no cluster captures heat in liquid.
    public var liquidLoop: CoolingLoop?
    /// How the room air (the air share of IT heat and the electrical losses) is cooled.
    public var airSide: AirSide
    /// ASHRAE TC 9.9 classes the site is held to; hours outside them are reported.
    public var envelope: OperatingEnvelope
    public var heatRecovery: HeatRecovery?
    public var carbon: CarbonIntensity?
    public var compliance: Compliance?
    /// Water consumed per kWh of grid electricity, L/kWh, when known (the source WUE needs it).
    public var gridWaterIntensity: Double?
    /// The hall air's moisture and its humidifier.
    public var hallHumidity: HallHumidity

    public init(name: String, calendar: SimulationCalendar, clusters: [Cluster], electrical: ElectricalChain,
                liquidLoop: CoolingLoop?, airSide: AirSide, envelope: OperatingEnvelope,
                heatRecovery: HeatRecovery?, carbon: CarbonIntensity?, compliance: Compliance?,
                hallHumidity: HallHumidity) {
        self.hallHumidity = hallHumidity
        self.name = name
        self.calendar = calendar
        self.clusters = clusters
        self.electrical = electrical
        self.liquidLoop = liquidLoop
        self.airSide = airSide
        self.envelope = envelope
        self.heatRecovery = heatRecovery
        self.carbon = carbon
        self.compliance = compliance
    }

    /// Design concerns worth telling the user (they do not stop a run).
    public var warnings: [String] { clusters.flatMap(\.rackWarnings) }

    /// IT power at full utilisation of every node.
    public var designITPower: Watts { clusters.reduce(.zero) { $0 + $1.designPower } }
}

/// A calendar date (no time zone).
public struct CalendarDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
    public var description: String {
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}

/// Regulatory context of the site.
public struct Compliance: Sendable, Equatable {
    public var commissioningDate: CalendarDate
    public init(commissioningDate: CalendarDate) { self.commissioningDate = commissioningDate }
}
