/// The job's share of the heat the site delivered to district heating, and the CO2e that heat displaced.
/// Shown beside the footprint, never subtracted from it: the displaced emissions belong to the heat
/// network's accounting (GHG Protocol: no netting of avoided emissions in a Scope 2 inventory).
///
///     share f          = E_IT,job / E_IT,site   (heat comes from IT energy)
///     heat delivered   = f · Q_delivered,site
///     displaced CO2e   = f · (Q_delivered · I_displaced − E_heat-pump · I_grid)   (the site's co2_avoided_t)
public struct HeatReuseCredit: Sendable, Equatable {
    public var share: Double
    public var heatDeliveredMWh: Double
    /// kg CO2e displaced (net of the heat pump's electricity).
    public var displacedKg: Double
    /// Intensity of the displaced heat, g/kWh of heat.
    public var displacedHeatGramsPerKWh: Double

    public init(share: Double, heatDeliveredMWh: Double, displacedKg: Double, displacedHeatGramsPerKWh: Double) {
        self.share = share
        self.heatDeliveredMWh = heatDeliveredMWh
        self.displacedKg = displacedKg
        self.displacedHeatGramsPerKWh = displacedHeatGramsPerKWh
    }

    /// The job's share of the site's delivered heat and avoided CO2 (`co2AvoidedTonnes`, t).
    public init(jobITMWh: Double, siteITMWh: Double, siteHeatDeliveredMWh: Double, siteCO2AvoidedTonnes: Double,
                displacedHeatGramsPerKWh: Double) {
        let share = siteITMWh > 0 ? min(max(jobITMWh / siteITMWh, 0), 1) : 0
        self.init(share: share, heatDeliveredMWh: share * siteHeatDeliveredMWh,
                  displacedKg: siteCO2AvoidedTonnes.isFinite ? share * siteCO2AvoidedTonnes * 1000 : 0,
                  displacedHeatGramsPerKWh: displacedHeatGramsPerKWh)
    }
}
