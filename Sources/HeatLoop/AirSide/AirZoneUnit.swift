/// The units cooling one air zone of a hall with several (`AirHandlerZones`). Closed family.
public enum AirZoneUnit: Sendable, Equatable {
    /// An air handler (economiser, evaporative coolers, DX coil, chilled-water coil); its coil is on the hall's
    /// shared chilled-water plant.
    case airHandler(AirHandlerRoom)
    /// DX / pumped-refrigerant CRAC units that reject the zone's heat to outdoor air themselves, stepped as a
    /// one-zone CRAC room (`AirSide.finish(crac:…)`). `indirect`: a `CRACRoom` is ~700 bytes (its curves).
    indirect case crac(CRACRoom)

    /// The zone's room air, °C: the air the servers' recirculation draws from (`AirCooledITE.inlet`); a CRAC
    /// zone's is its cooling setpoint (`CRACRoom.returnAir`), as in a one-zone CRAC room.
    public var roomAir: Double {
        switch self {
        case .airHandler(let room): room.roomAir.value
        case .crac(let room): room.returnAir.value
        }
    }

    /// The zone's supply air at the start of the year, °C.
    public var initialSupplyAir: Double {
        switch self {
        case .airHandler(let room): room.initialSupplyAir
        case .crac(let room): room.supplyAirSetpoint.value
        }
    }
}
