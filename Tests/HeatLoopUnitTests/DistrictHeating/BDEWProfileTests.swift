import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// demandlib's own example settings (shared/reference/district_heating/README.md).
private func efh(hotWater: Bool = true, annual: Joules = .megawattHours(8_760)) throws -> BDEWProfile {
    try BDEWProfile(type: .singleFamily, buildingClass: 1, windy: true, hotWater: hotWater, annual: annual)
}
private func mfh() throws -> BDEWProfile {
    try BDEWProfile(type: .multiFamily, buildingClass: 2, windy: false, hotWater: true, annual: .megawattHours(8_760))
}

/// A year of hourly temperatures (the weather file's hours): seasonal 8 ± 10 °C (coldest mid-January), ± 4 K daily swing (coldest at
/// 05:00), noise; some days go below −15 °C and above 26 °C so every temperature class is used.
private func seasonalYear(stepsPerHour: Int = 1) -> [Double] {
    var random = TestLCG(seed: 2_011)
    return (0..<(8_760 * stepsPerHour)).map { step in
        let hour = Double(step) / Double(stepsPerHour)
        let day = hour / 24
        return 8 - 14 * cos(2 * Double.pi * (day - 15) / 365) - 4 * cos(2 * Double.pi * (hour - 5) / 24)
            + random.next(in: -3...3)
    }
}

@Suite("District-heating demand (BDEW / demandlib)")
struct BDEWProfileTests {
    @Test("coefficients: demandlib's example profiles come out of the shipped table")
    func coefficients() throws {
        // README table: EFH class 1 windy A 3.2279446, B −37.4214800, C 6.2222288, D 0.0828441;
        // MFH class 2 not windy A 2.4207684, B −34.7277917, C 5.7668252, D 0.1326318.
        #expect(try efh().sigmoid == BDEWSigmoid(a: 3.2279446, b: -37.42148, c: 6.2222288, d: 0.0828441))
        #expect(try mfh().sigmoid == BDEWSigmoid(a: 2.4207684, b: -34.7277917, c: 5.7668252, d: 0.1326318))
        #expect(try efh(hotWater: false).sigmoid.d == 0)
        // Every row of the reference sigmoid table is reachable, value for value.
        let table = try ReferenceCSV("district_heating/bdew_shlp_sigmoid_EFH_MFH.csv")
        #expect(table.rows.count == 44)
        for row in table.records {
            let profile = try BDEWProfile(
                type: try #require(BDEWProfile.BuildingType(rawValue: row["shlp_type"] ?? "")),
                buildingClass: try #require(row["building_class"].flatMap(Int.init)),
                windy: row["wind_impact"] == "1", hotWater: true, annual: .megawattHours(1))
            let expected = BDEWSigmoid(a: Double(row["parameter_a"]!)!, b: Double(row["parameter_b"]!)!,
                                       c: Double(row["parameter_c"]!)!, d: Double(row["parameter_d"]!)!)
            #expect(profile.sigmoid == expected)
        }
        #expect(throws: BDEWProfile.Problem.buildingClass(12)) {
            try BDEWProfile(type: .singleFamily, buildingClass: 12, windy: false, hotWater: true, annual: .megawattHours(1))
        }
    }

    @Test("hour factors follow the reference table")
    func hourFactors() throws {
        let table = try ReferenceCSV("district_heating/bdew_shlp_hour_factors_EFH1_MFH2.csv")
        #expect(table.rows.count == 48)
        let profiles = [try efh(), try mfh()]
        for row in table.records {
            let profile = profiles[row["shlp_type"] == "EFH" ? 0 : 1]
            let hour = try #require(row["hour_of_day"].flatMap(Int.init)) - 1
            for interval in 1...10 {
                let value = try #require(row[String(format: "temp_intervall_%02d", interval)].flatMap(Double.init))
                #expect(profile.hourFactor(hour: hour, temperatureClass: interval) == value)
            }
        }
    }

    @Test("temperature classes of ⌈T_geo⌉ as in demandlib")
    func temperatureClasses() {
        let cases: [(Double, Int)] = [(-25, 1), (-15, 1), (-15.5, 1), (-14.9, 2), (-10, 2), (-9.99, 3), (0, 4),
                                      (0.01, 5), (5, 5), (5.2, 6), (15, 7), (20, 8), (25, 9), (25.1, 10), (39, 10)]
        for (temperature, expected) in cases {
            #expect(BDEWProfile.temperatureClass(temperature) == expected, "T_geo \(temperature)")
        }
    }

    @Test("geometric-series temperature wraps around the year like np.roll")
    func allocationTemperature() {
        // Days 0, 10, 20, −10 °C: day 0 = (0 + 0.5·(−10) + 0.25·20 + 0.125·10)/1.875 = 0.6667.
        let t = BDEWProfile.allocationTemperatures(dailyMeans: [0, 10, 20, -10])
        let expected = [1.25 / 1.875, 10 / 1.875, 23.75 / 1.875, 2.5 / 1.875]
        #expect(zip(t, expected).allSatisfy { $0.isApproximatelyEqual(to: $1, relativeTolerance: 1e-14) })
        // Calendar days of 24 hours; a last, partial day is the mean of its hours.
        let hours = (0..<24).map { Double($0) } + (0..<24).map { Double($0) + 100 } + [7, 9]
        #expect(BDEWProfile.dailyMeans(hourly: hours) == [11.5, 111.5, 8])
    }

    @Test("hand example: four days, two hours checked")
    func handExample() throws {
        // Daily constant 0, 10, 20, −10 °C, held over 15-min steps; EFH class 1 windy, 96 MWh = 3.456e11 J over 4 days.
        // T_geo = 0.6667, 5.3333, 12.6667, 1.3333 °C → classes 5, 6, 7, 5.
        // h = A/(1 + (B/(T − 40))^C) + D = 1.94502761383, 1.31994293323, 0.483265834660, 1.86061138718; Σ 5.60884776890.
        // Day 1, 06:00–07:00 (hour_of_day 7), SF(7, class 6) = 0.0623:
        //   P = 3.456e11 · 1.31994293323 · 0.0623 / (5.60884776890 · 3600 s) = 1 407 475.29980 W.
        // Day 3, 00:00–01:00 (hour_of_day 1), SF(1, class 5) = 0.0227:
        //   P = 3.456e11 · 1.86061138718 · 0.0227 / (5.60884776890 · 3600 s) = 722 901.476740 W.
        let outdoor = [0.0, 10, 20, -10].flatMap { [Double](repeating: $0, count: 24) }
        let profile = try efh(annual: .megawattHours(96))
        let series = profile.series(hourlyOutdoor: outdoor, stepSeconds: 900)
        #expect(series.count == 384)
        for quarter in 0..<4 {
            #expect(series[96 + 6 * 4 + quarter].isApproximatelyEqual(to: 1_407_475.2998, relativeTolerance: 1e-9))
            #expect(series[3 * 96 + quarter].isApproximatelyEqual(to: 722_901.47674, relativeTolerance: 1e-9))
        }
        #expect(profile.sigmoid.value(at: 5 + 1.0 / 3).isApproximatelyEqual(to: 1.31994293323, relativeTolerance: 1e-10))
    }

    @Test("a year sums to the annual demand within the hour-factor tolerance", arguments: [true, false])
    func annualSum(singleFamily: Bool) throws {
        let profile = singleFamily ? try efh() : try mfh()
        let series = profile.series(hourlyOutdoor: seasonalYear(), stepSeconds: 900)
        #expect(series.count == 35_040)
        let total = series.reduce(0, +) * 900
        // Σ SF per day is 1 ± 3e-4 (the table's rounding: EFH columns 0.9997…1.0002, MFH 0.9998…1.0002),
        // so demandlib's year is Q_a within 0.03 %, not exactly; this year: EFH +0.0103 %, MFH +0.0079 %.
        #expect(total.isApproximatelyEqual(to: profile.annual.value, relativeTolerance: 3e-4))
        #expect(abs(total / profile.annual.value - 1 - (singleFamily ? 1.03e-4 : 0.79e-4)) < 0.01e-4, "\(total / profile.annual.value - 1)")
        #expect(series.allSatisfy { $0 > 0 })
    }

    @Test("daily energy follows the sigmoid; colder days get more heat")
    func dailyShape() throws {
        let profile = try efh()
        let outdoor = seasonalYear()
        let series = profile.series(hourlyOutdoor: outdoor, stepSeconds: 900)
        let allocation = BDEWProfile.allocationTemperatures(dailyMeans: BDEWProfile.dailyMeans(hourly: outdoor))
        let h = allocation.map(profile.sigmoid.value(at:))
        let totalH = h.reduce(0, +)
        for day in [0, 20, 100, 200, 300, 364] {
            let energy = series[(day * 96)..<((day + 1) * 96)].reduce(0, +) * 900
            let hourSum = (0..<24).map { profile.hourFactor(hour: $0, temperatureClass: BDEWProfile.temperatureClass(allocation[day])) }
                .reduce(0, +)
            // E_D = Q_a · h_D · Σ_H SF / Σ h.
            #expect(energy.isApproximatelyEqual(to: profile.annual.value * h[day] * hourSum / totalH, relativeTolerance: 1e-12))
        }
        let coldest = try #require(allocation.indices.min { allocation[$0] < allocation[$1] })
        let warmest = try #require(allocation.indices.max { allocation[$0] < allocation[$1] })
        func dayEnergy(_ day: Int) -> Double { series[(day * 96)..<((day + 1) * 96)].reduce(0, +) }
        #expect(dayEnergy(coldest) > 5 * dayEnergy(warmest))
        // Without hot water the summer share falls (D = 0) and the winter share rises.
        let dry = try efh(hotWater: false).series(hourlyOutdoor: outdoor, stepSeconds: 900)
        #expect(dry[(warmest * 96)..<((warmest + 1) * 96)].reduce(0, +) < dayEnergy(warmest))
        #expect(dry[(coldest * 96)..<((coldest + 1) * 96)].reduce(0, +) > dayEnergy(coldest))
    }

    @Test("1-, 15- and 60-min steps hold each hour of demandlib's hourly series", arguments: [1, 15, 60])
    func stepLength(minutes: Int) throws {
        let hourly = seasonalYear()
        let profile = try mfh()
        let byHour = profile.hourly(outdoor: hourly)
        let steps = profile.series(hourlyOutdoor: hourly, stepSeconds: Double(minutes) * 60)
        let perHour = 60 / minutes
        #expect(byHour.count == 8_760)
        #expect(steps.count == 8_760 * perHour)
        for hour in 0..<8_760 {
            #expect(steps[(hour * perHour)..<((hour + 1) * perHour)].allSatisfy { $0 == byHour[hour] })
        }
    }

    @Test("outside demandlib's domain: classes clamp and h → D at 40 °C")
    func extremes() throws {
        let sigmoid = try efh().sigmoid
        #expect(sigmoid.value(at: 40) == sigmoid.d)
        #expect(sigmoid.value(at: 45) == sigmoid.d)
        #expect(sigmoid.value(at: 39.9) > sigmoid.d && sigmoid.value(at: 39.9) - sigmoid.d < 1e-6)
        let series = try efh().series(hourlyOutdoor: [Double](repeating: -35, count: 24), stepSeconds: 900)
        #expect(series.allSatisfy { $0.isFinite })
        #expect((series.reduce(0, +) * 900).isApproximatelyEqual(to: 8_760 * 3.6e9, relativeTolerance: 3e-4))
    }

    @Test("through HeatDemand.bdew")
    func throughHeatDemand() throws {
        let profile = try efh()
        let outdoor = seasonalYear()
        let direct = profile.series(hourlyOutdoor: outdoor, stepSeconds: 900)
        let viaEnum = HeatDemand.bdew(profile).series(
            hourlyOutdoor: outdoor, dailyMeanOutdoor: [Double](repeating: 0, count: 35_040),
            calendar: SimulationCalendar(year: 2025, stepMinutes: 15))
        #expect(direct == viaEnum)
    }
}
