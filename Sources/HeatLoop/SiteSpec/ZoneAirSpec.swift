/// A zone's own air (`cooling.air.zones[].zone_air`, `ZoneAir`): its volume and the convective conductance of its
/// surfaces, which give the predictor-corrector its capacity, and the supply plenum its supply passes through.
/// Absent, the zone's air is held at its setpoint (`room_air_c`), as before.
public struct ZoneAirSpec: SpecSection {
    public var volumeM3 = 0.0
    public var capacitanceMultiplier = 1.0
    public var surfaceConductanceWPerK = 0.0
    public var supplyPlenum: SupplyPlenumSpec?

    public init() {}

    public static let schema = Schema<ZoneAirSpec>([
        .number("volume_m3", \.volumeM3, unit: "m³", range: 1...10_000_000,
                doc: "The zone's air volume (EnergyPlus `Zone` volume, autocalculated from its surfaces).", required: true),
        .number("capacitance_multiplier", \.capacitanceMultiplier, range: 1...1000,
                doc: "Multiplies the air's heat capacity (EnergyPlus `ZoneCapacitanceMultiplier:ResearchSpecial`; 1 without one)."),
        .number("surface_conductance_w_per_k", \.surfaceConductanceWPerK, unit: "W/K", range: 0...10_000_000,
                doc: "Σ h A of the zone's inside surfaces, which stiffens the predictor (EnergyPlus `SumHA`)."),
        .optionalSection("supply_plenum", \.supplyPlenum,
                         doc: "The supply plenum between the air handler and the zone, EnergyPlus `AirLoopHVAC:SupplyPlenum`."),
    ])

    /// The zone air at the site's barometric `pressure` Pa with the room at `roomAirC` °C: `C = ρ V c_p` × multiplier,
    /// dry air (EnergyPlus takes ρ and c_p at the zone's air each step; 1 K changes C by 0.3 %).
    func model(roomAirC: Double, pressure: Double) -> ZoneAir {
        let density = Psychrometrics.density(dryBulb: roomAirC, humidityRatio: 0, pressure: pressure)
        return ZoneAir(capacitance: density * volumeM3 * Psychrometrics.moistAirSpecificHeat(humidityRatio: 0) * capacitanceMultiplier,
                       surfaceConductance: surfaceConductanceWPerK, plenum: supplyPlenum?.model)
    }
}

/// EnergyPlus `AirLoopHVAC:SupplyPlenum` (`SupplyPlenum`): its conductances to the zone above and to the ground below.
public struct SupplyPlenumSpec: SpecSection {
    public var zoneConductanceWPerK = 0.0
    public var groundConductanceWPerK = 0.0
    public var groundC = 18.0

    public init() {}

    public static let schema = Schema<SupplyPlenumSpec>([
        .number("zone_conductance_w_per_k", \.zoneConductanceWPerK, unit: "W/K", range: 0...10_000_000,
                doc: "U A of the plenum's ceiling (the zone's floor) with both surfaces' convection."),
        .number("ground_conductance_w_per_k", \.groundConductanceWPerK, unit: "W/K", range: 0...10_000_000,
                doc: "U A of the plenum's floor to the ground with its surface's convection."),
        .number("ground_c", \.groundC, unit: "°C", range: -20...40,
                doc: "Ground under the plenum (EnergyPlus `Site:GroundTemperature:BuildingSurface`; its default 18 °C)."),
    ])

    var model: SupplyPlenum {
        SupplyPlenum(zoneConductance: zoneConductanceWPerK, groundConductance: groundConductanceWPerK, groundTemperature: groundC)
    }
}
