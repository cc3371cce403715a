/// One air zone of a hall with several (`cooling.air.zones`, `AirHandlerZones`): its name, which clusters give as
/// `it.clusters[].zone`, and the units that cool it, one of three kinds:
///
/// - `air_handler` (keys and defaults of `cooling.air.air_handler`): its chilled-water coil on the air loop's plant
///   (`chilled_water_c`, `delta_t_k`, pumps, `rejection`), which all such zones share;
/// - `crah` (keys and defaults of a one-zone CRAH hall's `cooling.air.air_delta_t_k`, `fan_*`, `CRAHSpec`): CRAHs
///   whose coils are on the same plant, each zone's supply air at its `supply_air_c` as a one-zone CRAH hall's;
/// - `crac` (keys and defaults of `cooling.air.crac`): DX / pumped-refrigerant CRAC units that reject the zone's
///   heat to outdoor air themselves, as a one-zone CRAC room's do.
///
/// Zones of all kinds may share a hall; the chilled-water keys apply only when some zone has an air handler or CRAHs.
public struct AirZoneSpec: SpecSection {
    public var name = ""
    public var airHandler: AirHandlerSpec?
    public var crac: CRACSpec?
    public var crah: CRAHSpec?
    /// The zone's supply air; nil: `cooling.air.supply_air_c` (`AirLoopSpec.supplyAir(of:)`).
    public var supplyAirC: Double?
    /// The zone's own air (an air-handler zone only); nil: held at its room air setpoint.
    public var zoneAir: ZoneAirSpec?

    public init() {}

    /// The keys naming a zone's kind; a zone gives exactly one.
    static let kindKeys = ["air_handler", "crah", "crac"]

    public static let schema = Schema<AirZoneSpec>([
        .text("name", \.name, doc: "The zone's name, unique in the site; clusters name it as `zone`.", required: "the zone's name"),
        .optionalSection("air_handler", \.airHandler,
                         doc: "The zone's air handler (economiser, evaporative coolers, DX coil, chilled-water coil), keys of `cooling.air.air_handler`; its coil is on the air loop's chilled-water plant."),
        .optionalSection("crac", \.crac,
                         doc: "The zone's DX CRAC units, keys of `cooling.air.crac`; they reject the zone's heat themselves."),
        .optionalSection("crah", \.crah,
                         doc: "The zone's CRAHs, the keys a one-zone CRAH hall gives in `cooling.air` (`air_delta_t_k`, `fan_*`); their coils are on the air loop's chilled-water plant."),
        .optionalNumber("supply_air_c", \.supplyAirC, unit: "°C", range: 10...45,
                        doc: "The zone's supply air to its IT inlets (warmest, with CRAC; with CRAHs, warmer when the chilled water drifts warm).", derived: "`cooling.air.supply_air_c`"),
        .optionalSection("zone_air", \.zoneAir,
                         doc: "An air-handler zone's own air, with its heat capacity and supply plenum (`ZoneAir`); absent: held at `room_air_c`."),
    ], check: { zone, o in
        let given = kindKeys.filter { o[$0].isPresent }
        if given.isEmpty {
            o.problem("zone '\(zone.name)' has no cooling: give it 'air_handler' (an air handler's chilled-water coil), 'crah' (CRAHs on the chilled water) or 'crac' (DX units)")
        } else if given.count > 1 {
            o[given[1]].problem("zone '\(zone.name)': give one of 'air_handler', 'crah' or 'crac', not both '\(given[0])' and '\(given[1])'")
        }
        // Only an air handler treats a zone air that keeps its own temperature (`ZoneAir`); a CRAC zone's air is its
        // room at the units' setpoint (or the servers' return), a CRAH zone's its supply plus the IT's air rise.
        if zone.airHandler == nil, zone.crac != nil || zone.crah != nil, zone.zoneAir != nil {
            let room = zone.crah != nil ? "a CRAH zone's air is its supply air plus air_delta_t_k" : "a CRAC zone's air is its room"
            o["zone_air"].problem("zone '\(zone.name)': 'zone_air' is for an air-handler zone; \(room) (remove 'zone_air' or give 'air_handler')")
        }
    })
}

extension AirLoopSpec {
    /// A zone's supply air, °C: its own, or the air loop's.
    func supplyAir(of zone: AirZoneSpec) -> Double { zone.supplyAirC ?? supplyAirC }

    /// True when some zone's coil is on the chilled-water plant (an air handler or CRAHs); a hall of CRAC zones has none.
    var zonesUseChilledWater: Bool { zones.contains { $0.airHandler != nil || $0.crah != nil } }
}

extension SiteSpec {
    /// With air zones: names unique, every cluster in one of them and every zone cooling a cluster; without,
    /// no cluster names a zone.
    func checkZones(_ o: SpecMapping) {
        let zones = cooling.air.zones
        var seen: Set<String> = []
        for (index, zone) in zones.enumerated() where !seen.insert(zone.name).inserted {
            o.at("cooling.air.zones[\(index)].name").problem("zone '\(zone.name)' is named twice; zone names must be unique")
        }
        let names = zones.map(\.name)
        for (index, cluster) in it.clusters.enumerated() {
            let at = o.at("it.clusters[\(index)]")
            switch (cluster.zone, zones.isEmpty) {
            case (nil, false):
                at.at("zone").problem("the site has air zones (\(names.joined(separator: ", "))): name the one that cools '\(cluster.name)'")
            case (let zone?, true):
                at.at("zone").problem("'\(zone)': the site has no air zones; add 'cooling.air.zones' or remove 'zone'")
            case (let zone?, false) where !names.contains(zone):
                at.at("zone").problem("no air zone '\(zone)'\(Suggestion.hint(for: zone, in: names)); zones: \(names.joined(separator: ", "))")
            default: break
            }
        }
        // A zone's own air is the return its unit treats; servers that set the return air themselves (approach
        // temperatures) would be ignored (`AirHandlerZones`, Docs/cooling.md).
        for (index, cluster) in it.clusters.enumerated() where cluster.ite?.returnApproachK != nil {
            guard let zone = zones.firstIndex(where: { $0.name == cluster.zone }), zones[zone].zoneAir != nil else { continue }
            o.at("cooling.air.zones[\(zone)].zone_air").problem(
                "zone '\(zones[zone].name)' keeps its air at its servers' return ('\(cluster.name)' has return_approach_k, it.clusters[\(index)]); remove 'zone_air' or 'return_approach_k'")
        }
        let used = Set(it.clusters.compactMap(\.zone))
        for (index, zone) in zones.enumerated() where !used.contains(zone.name) {
            o.at("cooling.air.zones[\(index)]").problem("zone '\(zone.name)' cools no cluster; give a cluster 'zone: \(zone.name)' or remove the zone")
        }
    }
}
