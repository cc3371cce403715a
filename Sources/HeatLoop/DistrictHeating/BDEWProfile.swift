import Foundation

/// BDEW standard heat-load profile (SigLinDe sigmoid), reproducing demandlib 0.2.2
/// `bdew.HeatBuilding.get_bdew_profile` for the residential profiles EFH and MFH:
///
///     T_D    = mean of the 24 hourly outdoor temperatures of calendar day D                 (°C)
///     T_geo  = (T_D + 0.5 T_D−1 + 0.25 T_D−2 + 0.125 T_D−3) / 1.875    (days wrap around the year)
///     h(T)   = A / (1 + (B / (T − 40))^C) + D        (D = 0 without hot water)
///     Q_D,H  = Q_a · h(T_geo,D) · F_D · SF(H, interval(⌈T_geo,D⌉)) / Σ_D h(T_geo,D) · F_D    (J in hour H)
///
/// F_D (weekday factor) is 1 for EFH and MFH in demandlib's data, so weekdays and holidays do not
/// change these profiles. SF is the hour-of-day factor of one of ten 5 K classes of ⌈T_geo⌉
/// (≤ −15 → 1, −14…−10 → 2, …, 21…25 → 9, ≥ 26 → 10). Each SF column sums to 1 ± 3·10⁻⁴, so, as in
/// demandlib, the year sums to Q_a within 0.03 % rather than exactly.
///
/// Differences from demandlib, all outside its domain: demandlib raises for ⌈T_geo⌉ < −20 or > 40;
/// here the classes clamp (1 below, 10 above) and h → D for T_geo ≥ 40 °C (its limit from below).
///
/// Coefficients: `BDEWCoefficients` (demandlib 0.2.2 `bdew_data`, via `shared/reference/
/// district_heating/`). The sigmoid has all building classes 1…11 and both wind classes; the
/// reference data carries hour factors for EFH class 1 and MFH class 2 only, so every EFH class uses
/// the EFH class-1 hour factors and every MFH class the MFH class-2 ones. That is exactly demandlib
/// for EFH 1 and MFH 2 and an approximation for other classes if demandlib's hour factors differ by class.
public struct BDEWProfile: Sendable, Equatable {
    /// Residential BDEW profile types.
    public enum BuildingType: String, Sendable, CaseIterable {
        /// Einfamilienhaus: single-family houses.
        case singleFamily = "EFH"
        /// Mehrfamilienhaus: multi-family houses.
        case multiFamily = "MFH"
    }

    /// Why a profile was rejected.
    public enum Problem: Error, Sendable, Equatable {
        /// BDEW building classes are 1…11.
        case buildingClass(Int)
        /// The annual demand must be finite and ≥ 0.
        case annual(Double)
    }

    public let type: BuildingType
    /// BDEW building class (age/insulation class), 1…11.
    public let buildingClass: Int
    /// Windy site (`wind_class` 1 in demandlib).
    public let windy: Bool
    /// Hot water included (`ww_incl`): keeps the sigmoid's constant D.
    public let hotWater: Bool
    /// Annual heat demand.
    public let annual: Joules
    /// Sigmoid of this type, class and wind class, D already zeroed without hot water.
    public let sigmoid: BDEWSigmoid

    public init(type: BuildingType, buildingClass: Int, windy: Bool, hotWater: Bool, annual: Joules) throws(Problem) {
        guard (1...11).contains(buildingClass) else { throw .buildingClass(buildingClass) }
        guard annual.value.isFinite, annual.value >= 0 else { throw .annual(annual.value) }
        self.type = type
        self.buildingClass = buildingClass
        self.windy = windy
        self.hotWater = hotWater
        self.annual = annual
        var sigmoid = BDEWCoefficients.sigmoid[type == .singleFamily ? 0 : 1][windy ? 1 : 0][buildingClass - 1]
        if !hotWater { sigmoid.d = 0 }
        self.sigmoid = sigmoid
    }

    /// Hour-of-day factor SF for `hour` 0…23 and temperature class 1…10.
    public func hourFactor(hour: Int, temperatureClass: Int) -> Double {
        BDEWCoefficients.hourFactors[type == .singleFamily ? 0 : 1][hour * 10 + temperatureClass - 1]
    }

    /// Temperature class 1…10 of an allocation temperature: 5 K bands of ⌈T_geo⌉, −14…−10 → 2,
    /// 21…25 → 9, clamped at 1 and 10.
    public static func temperatureClass(_ allocationTemperature: Double) -> Int {
        let ceiling = allocationTemperature.rounded(.up)
        return min(10, max(1, Int((ceiling / 5).rounded(.up)) + 4))
    }

    /// Mean of each calendar day's 24 hourly outdoor temperatures (°C), hour 0 being 00:00–01:00 of
    /// 1 January: demandlib's `temperature.resample("D").mean()`. A last, partial day is the mean of its hours.
    public static func dailyMeans(hourly: [Double]) -> [Double] {
        stride(from: 0, to: hourly.count, by: 24).map { start in
            let day = hourly[start..<min(start + 24, hourly.count)]
            return day.reduce(0, +) / Double(day.count)
        }
    }

    /// Geometric-series allocation temperature of each day; the first three days borrow the last days
    /// of the series (demandlib rolls the array).
    public static func allocationTemperatures(dailyMeans t: [Double]) -> [Double] {
        let n = t.count
        return t.indices.map { d in
            (t[d] + 0.5 * t[(d - 1 + 3 * n) % n] + 0.25 * t[(d - 2 + 3 * n) % n] + 0.125 * t[(d - 3 + 3 * n) % n]) / 1.875
        }
    }

    /// demandlib's hourly series as power, W (the hour's energy over 3600 s), from the weather file's
    /// hourly outdoor dry bulb (°C, value `i` the hour from `i` h to `i + 1` h after midnight of
    /// 1 January; an EPW row is the hour ending at its time stamp, so EPW row `i` is value `i`).
    public func hourly(outdoor: [Double]) -> [Double] {
        guard !outdoor.isEmpty else { return [] }
        let allocation = Self.allocationTemperatures(dailyMeans: Self.dailyMeans(hourly: outdoor))
        let h = allocation.map(sigmoid.value(at:))
        let total = h.reduce(0, +)
        guard total > 0 else { return [Double](repeating: 0, count: outdoor.count) }
        let classes = allocation.map(Self.temperatureClass)
        // Q_a/Σh spread over 3600 s: multiply by h_D · SF to get the hour's power.
        let scale = annual.value / (total * 3600)
        return outdoor.indices.map { hour in
            let day = hour / 24
            return scale * h[day] * hourFactor(hour: hour % 24, temperatureClass: classes[day])
        }
    }

    /// Demand power of each step, W: `hourly(outdoor:)` held over the steps of each hour, so every step
    /// length (1, 15, 60 min; `stepSeconds` divides an hour) carries demandlib's hourly energy exactly.
    /// `hourlyOutdoor` is the weather file's hourly dry bulb (not the steps' interpolated values: the
    /// day's mean, its temperature class and so every hour are demandlib's only from the 24 hours of the
    /// calendar day).
    public func series(hourlyOutdoor: [Double], stepSeconds: Double) -> [Double] {
        let hourly = hourly(outdoor: hourlyOutdoor)
        let perHour = max(1, Int((3600 / stepSeconds).rounded()))
        guard perHour > 1 else { return hourly }
        var steps = [Double](repeating: 0, count: hourly.count * perHour)
        for (hour, power) in hourly.enumerated() {
            for step in (hour * perHour)..<((hour + 1) * perHour) { steps[step] = power }
        }
        return steps
    }
}

/// SigLinDe sigmoid without its linear terms, as demandlib uses it: `h(T) = A/(1 + (B/(T − 40))^C) + D`
/// (T in °C, T₀ = 40 °C). Daily demand relative to the demand at about 8 °C.
public struct BDEWSigmoid: Sendable, Equatable {
    public var a: Double
    public var b: Double
    public var c: Double
    public var d: Double

    public init(a: Double, b: Double, c: Double, d: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// h at an allocation temperature (°C). At and above 40 °C the base `(B/(T − 40))` is not positive;
    /// the limit from below, D, is returned.
    public func value(at temperature: Double) -> Double {
        guard temperature < 40 else { return d }
        return a / (1 + pow(b / (temperature - 40), c)) + d
    }
}
