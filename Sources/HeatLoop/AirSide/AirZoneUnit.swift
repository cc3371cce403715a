/// The units cooling one air zone of a hall with several (`AirHandlerZones`). Closed family.
public enum AirZoneUnit: Sendable, Equatable {
    /// An air handler (economiser, evaporative coolers, DX coil, chilled-water coil); its coil is on the hall's
    /// shared chilled-water plant.
    case airHandler(AirHandlerRoom)
    /// DX / pumped-refrigerant CRAC units that reject the zone's heat to outdoor air themselves, stepped as a
    /// one-zone CRAC room (`AirSide.finish(crac:…)`). `indirect`: a `CRACRoom` is ~700 bytes (its curves).
    indirect case crac(CRACRoom)
    /// CRAHs on the hall's shared chilled-water plant, as a one-zone CRAH hall's (`AirSide.chilledWater`): the
    /// zone's heat and their fans' go into the chilled water; supply air at the setpoint or the chilled water plus
    /// the coil's approach (`AirHandling.supplyAir`).
    case crah(AirHandling)

    /// The zone's room air, °C: the air the servers' recirculation draws from (`AirCooledITE.inlet`); a CRAC
    /// zone's is its cooling setpoint (`CRACRoom.returnAir`), as in a one-zone CRAC room; a CRAH zone's is its
    /// supply air plus the IT's air rise, as a one-zone CRAH hall's return (at the setpoint here; it follows the
    /// supply air step by step, `AirHandlerZones`).
    public var roomAir: Double {
        switch self {
        case .airHandler(let room): room.roomAir.value
        case .crac(let room): room.returnAir.value
        case .crah(let crahs): crahs.supplyAirSetpoint.value + crahs.airTemperatureRise.value
        }
    }

    /// The zone's supply air at the start of the year, °C.
    public var initialSupplyAir: Double {
        switch self {
        case .airHandler(let room): room.initialSupplyAir
        case .crac(let room): room.supplyAirSetpoint.value
        case .crah(let crahs): crahs.supplyAirSetpoint.value
        }
    }
}
