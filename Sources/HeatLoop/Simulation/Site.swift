/// A validated site: everything the step loop needs, in SI units. Built from a site file by
/// `HeatLoopFiles`; every field has been range-checked there.
public struct Site: Sendable {
    public var name: String
    public var calendar: SimulationCalendar
    public var clusters: [Cluster]
    public var electrical: ElectricalChain
    /// Facility-water loop for liquid-cooled clusters; nil when no cluster captures heat in liquid.
    public var liquidLoop: CoolingLoop?
    /// Chilled-water loop serving the room air (CRAHs / fan walls).
    public var airLoop: CoolingLoop
    public var airHandling: AirHandling
    public var heatRecovery: HeatRecovery?
    public var carbon: CarbonIntensity?
    public var compliance: Compliance?

    public init(name: String, calendar: SimulationCalendar, clusters: [Cluster], electrical: ElectricalChain,
                liquidLoop: CoolingLoop?, airLoop: CoolingLoop, airHandling: AirHandling,
                heatRecovery: HeatRecovery?, carbon: CarbonIntensity?, compliance: Compliance?) {
        self.name = name
        self.calendar = calendar
        self.clusters = clusters
        self.electrical = electrical
        self.liquidLoop = liquidLoop
        self.airLoop = airLoop
        self.airHandling = airHandling
        self.heatRecovery = heatRecovery
        self.carbon = carbon
        self.compliance = compliance
    }

    /// Design concerns worth telling the user (they do not stop a run).
    public var warnings: [String] { clusters.flatMap(\.rackWarnings) }

    /// IT power at full utilisation of every node.
    public var designITPower: Watts { clusters.reduce(.zero) { $0 + $1.designPower } }
}

/// Computer-room air handlers moving room air over the air loop's chilled-water coils.
///
/// Fan power follows the affinity law on the air heat load (variable air volume); fan heat enters
/// the air stream. Supply air is `max(setpoint, T_chw,supply + coil approach)`: when the chilled water
/// drifts warm, so does the air delivered to the IT inlets.
public struct AirHandling: Sendable, Equatable {
    public var supplyAirSetpoint: Celsius
    /// Supply air minus chilled-water supply at design.
    public var coilApproach: TemperatureDelta
    public var fan: AffinityMachine
    /// Air-side heat at design (air share of IT + electrical losses), W.
    public var designHeat: Watts

    public init(supplyAirSetpoint: Celsius, coilApproach: TemperatureDelta, fan: AffinityMachine, designHeat: Watts) {
        self.supplyAirSetpoint = supplyAirSetpoint
        self.coilApproach = coilApproach
        self.fan = fan
        self.designHeat = designHeat
    }
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
