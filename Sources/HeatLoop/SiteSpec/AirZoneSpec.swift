/// One air zone of a hall with several (`cooling.air.zones`, `AirHandlerZones`): its name, which clusters give as
/// `it.clusters[].zone`, and its air handler (keys and defaults of `cooling.air.air_handler`). The zones' coils share
/// the air loop's chilled-water plant (`chilled_water_c`, `delta_t_k`, pumps, `rejection`).
public struct AirZoneSpec: SpecSection {
    public var name = ""
    public var airHandler = AirHandlerSpec()
    public var zoneAir: ZoneAirSpec?

    public init() {}

    public static let schema = Schema<AirZoneSpec>([
        .text("name", \.name, doc: "The zone's name, unique in the site; clusters name it as `zone`.", required: "the zone's name"),
        .section("air_handler", \.airHandler,
                 doc: "The zone's air handler (economiser, evaporative coolers, DX coil, chilled-water coil), keys of `cooling.air.air_handler`."),
        .optionalSection("zone_air", \.zoneAir,
                         doc: "The zone's own air, with its heat capacity and supply plenum (`ZoneAir`); absent: held at `room_air_c`."),
    ])
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
