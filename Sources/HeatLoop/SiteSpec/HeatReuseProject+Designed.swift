extension HeatReuseProject {
    /// The project a designed site describes: its `economics` and the sizes of its `heat_recovery` (the
    /// connection and the price as the design step filled them); nil when the site has no `economics`. `traces` holds the electricity and heat price CSVs when the site names them.
    public init?(designed: DesignedSite, traces: [String: RegularTrace] = [:]) {
        guard let e = designed.spec.economics, let recovery = designed.spec.heatRecovery else { return nil }
        let price: ElectricityPrice =
            if let file = e.electricityPriceCsv, let trace = traces[file] { .series(trace) }
            else { .constant(eurosPerMegawattHour: e.electricityPriceEurPerMwh ?? 0) }
        let exchanges = recovery.heatExchange.map { $0.direct || $0.preheat } ?? false
        self.init(
            size: ProjectSize(heatPumpCapacity: .megawatts(recovery.heatPump.capacityMw),
                              storageVolume: recovery.storage?.volumeM3 ?? 0,
                              connectionCapacity: .megawatts(recovery.districtHeating.connectionMw ?? 0),
                              isConnected: recovery.heatPump.capacityMw > 0 || exchanges),
            economics: ProjectEconomics(spec: e, electricityPrice: price, heatPrice: e.heatPriceModel(traces: traces),
                                        pitStorage: recovery.storage?.pit != nil))
    }
}

extension CapitalCost {
    /// The cost rates of a site's `economics`; a seasonal pit store at its own rate per volume.
    public init(spec e: EconomicsSpec, pitStorage: Bool = false) {
        self.init(
            heatPumpEurosPerKilowatt: e.heatPumpEurPerKw, heatPumpReferenceCapacity: .megawatts(e.heatPumpReferenceMw),
            heatPumpScaleExponent: e.heatPumpScaleExponent,
            storageEurosPerCubicMetre: pitStorage ? e.pitStorageEurPerM3 : e.storageEurPerM3,
            connectionFixedEuros: e.connectionFixedEur, connectionEurosPerMegawatt: e.connectionEurPerMw,
            connectionEurosPerMetre: e.connectionEurPerM, connectionLength: e.connectionLengthM)
    }
}

extension ProjectEconomics {
    /// A site's `economics` with the electricity and heat prices it resolves to.
    public init(spec e: EconomicsSpec, electricityPrice: ElectricityPrice, heatPrice: HeatPrice, pitStorage: Bool = false) {
        self.init(capital: CapitalCost(spec: e, pitStorage: pitStorage), heatPrice: heatPrice, contract: e.contract, electricityPrice: electricityPrice,
                  maintenanceFraction: e.maintenancePctPerYear / 100, discountRate: e.discountRate,
                  lifetimeYears: e.lifetimeYears, creditsCoolingSavings: e.creditCoolingSavings)
    }
}
