import Foundation
import HeatLoop

/// A carbon card as JSON: every line in base units (kWh, kg CO2e, L) as `{low, central, high}`, with its
/// basis and source, so a reader can recompute the card at another boundary or with other assumptions.
public enum CarbonCardJSON {
    /// The cards as one pretty-printed JSON array with sorted keys.
    public static func text(_ cards: [CarbonCard]) -> String {
        let objects = cards.map(object)
        guard let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }

    static func estimate(_ e: Estimate) -> [String: Double] {
        ["low": finite(e.low), "central": finite(e.central), "high": finite(e.high)]
    }

    /// JSON has no NaN: non-finite values are written as 0 only where a line is absent by construction.
    static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }

    static func object(_ card: CarbonCard) -> [String: Any] {
        var object: [String: Any] = [
            "job": [
                "name": card.job.name, "hardware": card.job.hardware, "accelerators": card.job.accelerators,
                "hours": finite(card.job.hours), "gpu_hours": finite(card.job.gpuHours),
                "training_type": card.job.trainingType, "location": card.job.location, "source": card.job.source,
            ] as [String: Any],
            "boundary": card.energy.boundary.rawValue,
            "energy_kWh": [
                "total": estimate(card.energy.totalKWh), "it": estimate(card.energy.itKWh),
                "pue": estimate(card.energy.pue), "pue_basis": card.energy.pueBasis.rawValue,
                "parts": card.energy.lines.map { ["part": $0.part.rawValue, "kWh": estimate($0.kWh), "basis": $0.basis] as [String: Any] },
            ] as [String: Any],
            "operational_kgCO2e": [
                "location_based": estimate(card.operational.locationKg),
                "market_based": estimate(card.operational.marketKg),
                "grid_g_per_kWh": estimate(card.operational.intensityGramsPerKWh),
                "grid_basis": card.operational.intensityBasis.rawValue,
                "instrument_share": card.operational.market.coveredShare,
            ] as [String: Any],
            "embodied_kgCO2e": embodied(card.embodied),
            "water_L": [
                "on_site": estimate(card.water.onSiteLitres), "on_site_basis": card.water.onSiteBasis.rawValue,
                "off_site": estimate(card.water.offSiteLitres), "off_site_basis": card.water.offSiteBasis.rawValue,
            ] as [String: Any],
            "footprint_kgCO2e": estimate(card.footprintKg),
            "sci": ["kgCO2e_per_unit": estimate(card.sci.kgPerUnit), "functional_unit": card.sci.unit.name,
                    "units": card.sci.unit.count] as [String: Any],
        ]
        if let shift = card.shift {
            object["carbon_aware_shift"] = ["hours_later": shift.hours, "co2e_saved_kg": shift.savedKg]
        }
        if let heat = card.heatReuse {
            object["heat_reuse_beside_not_netted"] = [
                "share_of_site_heat": heat.share, "heat_delivered_MWh": heat.heatDeliveredMWh,
                "displaced_kgCO2e": heat.displacedKg, "displaced_heat_g_per_kWh": heat.displacedHeatGramsPerKWh,
            ]
        }
        return object
    }

    static func embodied(_ embodied: EmbodiedEmissions) -> [String: Any] {
        let a = embodied.assumptions
        func sourced(_ value: EmbodiedAssumptions.Sourced) -> [String: Any] {
            ["value": estimate(value.estimate), "source": value.source]
        }
        return [
            "total": estimate(embodied.totalKg),
            "amortised_gpu_lifetimes": estimate(embodied.amortisedShare),
            "lines": embodied.lines.map {
                ["component": $0.component.rawValue, "phase": $0.phase.rawValue, "kg": estimate($0.kg)] as [String: Any]
            },
            "assumptions": [
                "gpu_manufacturing_kg": sourced(a.gpuManufacturingKg), "server_manufacturing_kg": sourced(a.serverManufacturingKg),
                "network_share": sourced(a.networkShare), "transport_share": sourced(a.transportShare),
                "end_of_life_share": sourced(a.endOfLifeShare), "lifetime_years": sourced(a.lifetimeYears),
                "utilisation": sourced(a.utilisation),
            ] as [String: Any],
        ]
    }
}
