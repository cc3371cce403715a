import Foundation
import HeatLoop

/// A carbon card as Markdown for a model card's "Environmental impact" section, and the Hugging Face
/// `co2_eq_emissions` metadata block (https://huggingface.co/docs/hub/model-cards-co2: emissions in grams).
public enum CarbonCardMarkdown {
    public static func text(_ cards: [CarbonCard]) -> String {
        cards.map(card).joined(separator: "\n")
    }

    /// `12.3 t (10.1–15.0)` from kg.
    static func mass(_ kg: Estimate) -> String {
        let (scale, unit) = kg.high >= 1000 ? (1e-3, "t") : (1.0, "kg")
        return "\(number(kg.central * scale)) \(unit)\(range(kg, scale: scale))"
    }

    static func energy(_ kWh: Estimate) -> String {
        let (scale, unit) = kWh.high >= 10_000 ? (1e-3, "MWh") : (1.0, "kWh")
        return "\(number(kWh.central * scale)) \(unit)\(range(kWh, scale: scale))"
    }

    static func litres(_ l: Estimate) -> String {
        let (scale, unit) = l.high >= 10_000 ? (1e-3, "m³") : (1.0, "L")
        return "\(number(l.central * scale)) \(unit)\(range(l, scale: scale))"
    }

    static func range(_ e: Estimate, scale: Double) -> String {
        e.low == e.high ? "" : " (\(number(e.low * scale))–\(number(e.high * scale)))"
    }

    /// Four significant figures (whole numbers from 1,000 up), thousands separated; exact zero as "0".
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        guard value != 0 else { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        let text = String(format: "%.\(max(0, 3 - magnitude))f", value)
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = sign.isEmpty ? Substring(text) : text.dropFirst()
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0]), grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return sign + whole + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func card(_ card: CarbonCard) -> String {
        var lines = [
            "## Carbon card: \(card.job.name)", "",
            "\(card.job.hardware); \(number(card.job.hours)) h, \(number(card.job.gpuHours)) GPU-hours; \(card.job.location). "
                + "Source: \(card.job.source).", "",
            "Boundary: \(card.energy.boundary.description); PUE \(number(card.energy.pue.central)) (\(card.energy.pueBasis.rawValue)).", "",
            "| line | value (range) | basis |", "|---|---|---|",
        ]
        for line in card.energy.lines {
            lines.append("| energy: \(line.part.rawValue.replacingOccurrences(of: "_", with: " ")) | \(energy(line.kWh)) | \(line.basis) |")
        }
        let op = card.operational
        lines += [
            "| energy: total | \(energy(card.energy.totalKWh)) | |",
            "| CO2e operational, location-based | \(mass(op.locationKg)) | \(number(op.intensityGramsPerKWh.central)) g/kWh, \(op.intensityBasis.rawValue) |",
            "| CO2e operational, market-based | \(mass(op.marketKg)) | \(number(op.market.coveredShare * 100)) % PPA/GoO |",
            "| CO2e embodied | \(mass(card.embodied.totalKg)) | \(number(card.embodied.amortisedShare.central)) GPU-lifetimes amortised |",
            "| **CO2e footprint** (location + embodied) | **\(mass(card.footprintKg))** | |",
            "| water on site | \(litres(card.water.onSiteLitres)) | \(card.water.onSiteBasis.rawValue) |",
            "| water off site (electricity) | \(litres(card.water.offSiteLitres)) | \(card.water.offSiteBasis.rawValue) |",
            "| SCI (ISO/IEC 21031) | \(mass(card.sci.kgPerUnit)) per \(card.sci.unit.name) | (E·I + M) / R, R = \(number(card.sci.unit.count)) |",
        ]
        if let shift = card.shift {
            lines.append("| carbon-aware start: \(number(shift.hours)) h later than requested | \(mass(Estimate(exactly: shift.savedKg))) saved | "
                + "already in the operational CO2e; same power at the requested hours' intensities |")
        }
        if let heat = card.heatReuse {
            lines.append("| beside, not netted: heat to district heating | \(number(heat.heatDeliveredMWh)) MWh | "
                + "\(number(heat.share * 100)) % of the site's IT energy |")
            lines.append("| beside, not netted: CO2e displaced by that heat | \(mass(Estimate(exactly: heat.displacedKg))) | "
                + "\(number(heat.displacedHeatGramsPerKWh)) g/kWh heat, net of heat-pump electricity |")
        }
        lines += ["", "Embodied assumptions:", ""]
        let a = card.embodied.assumptions
        for (name, value) in [("GPU manufacturing, kg", a.gpuManufacturingKg), ("server manufacturing, kg", a.serverManufacturingKg),
                              ("network share", a.networkShare), ("transport share", a.transportShare),
                              ("end-of-life share", a.endOfLifeShare), ("lifetime, years", a.lifetimeYears),
                              ("utilisation", a.utilisation)] {
            lines.append("- \(name): \(number(value.estimate.central))\(range(value.estimate, scale: 1)) — \(value.source)")
        }
        lines += ["", "```yaml", huggingFace(card), "```", ""]
        return lines.joined(separator: "\n")
    }

    /// The `co2_eq_emissions` block of a model card's YAML metadata: operational, location-based CO2e
    /// within the stated boundary, in grams (embodied is on the card, not in this field).
    public static func huggingFace(_ card: CarbonCard) -> String {
        func quoted(_ text: String) -> String { "\"\(text.replacingOccurrences(of: "\"", with: "'"))\"" }
        let grams = (card.operational.locationKg.central * 1000).rounded()
        return [
            "co2_eq_emissions:",
            "  emissions: \(grams.isFinite ? String(Int64(grams)) : "0")",
            "  source: \(quoted("\(card.job.source); operational location-based CO2e, boundary \(card.energy.boundary.rawValue); embodied \(number(card.embodied.totalKg.central)) kg not included"))",
            "  training_type: \(quoted(card.job.trainingType))",
            "  geographical_location: \(quoted(card.job.location))",
            "  hardware_used: \(quoted(card.job.hardware))",
        ].joined(separator: "\n")
    }
}
