import HeatLoop

extension HeatReuseProject {
    /// The project a site file describes: its `economics` and the sizes of its `heat_recovery`; nil when
    /// the site has no `economics`. `traces` holds the electricity price CSV when the spec names one.
    init?(spec: SiteSpec, traces: [String: RegularTrace]) {
        guard let e = spec.economics, let recovery = spec.heatRecovery else { return nil }
        let price: ElectricityPrice =
            if let file = e.electricityPriceCsv, let trace = traces[file] { .series(trace) }
            else { .constant(eurosPerMegawattHour: e.electricityPriceEurPerMwh ?? EconomicsSpec.defaultElectricityPrice) }
        let capital = CapitalCost(
            heatPumpEurosPerKilowatt: e.heatPumpEurPerKw, heatPumpReferenceCapacity: .megawatts(e.heatPumpReferenceMw),
            heatPumpScaleExponent: e.heatPumpScaleExponent, storageEurosPerCubicMetre: e.storageEurPerM3,
            connectionFixedEuros: e.connectionFixedEur, connectionEurosPerMegawatt: e.connectionEurPerMw,
            connectionEurosPerMetre: e.connectionEurPerM,
            connectionLength: e.connectionLengthM)
        let exchanges = recovery.heatExchange.map { $0.direct || $0.preheat } ?? false
        self.init(
            size: ProjectSize(heatPumpCapacity: .megawatts(recovery.heatPump.capacityMw),
                              storageVolume: recovery.storage?.volumeM3 ?? 0,
                              connectionCapacity: .megawatts(recovery.districtHeating.connectionMw ?? recovery.heatPump.capacityMw),
                              isConnected: recovery.heatPump.capacityMw > 0 || exchanges),
            economics: ProjectEconomics(
                capital: capital, heatPrice: e.heatPriceEurPerMwh, electricityPrice: price,
                maintenanceFraction: e.maintenancePctPerYear / 100, discountRate: e.discountRate,
                lifetimeYears: e.lifetimeYears, creditsCoolingSavings: e.creditCoolingSavings))
    }
}
