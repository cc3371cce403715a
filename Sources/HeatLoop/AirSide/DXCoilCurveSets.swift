/// Named DX-coil curve sets, shipped as data with their source. Coefficients and table values are
/// those of the EnergyPlus example inputs (EnergyPlus `testfiles/`, BSD-style licence), as converted
/// to EnergyPlus 25.2 in `shared/energyplus/`.
extension DXCoilCurves {
    /// The CRAC of `1ZoneDataCenterCRAC_wPumpedDXCoolingCoil.idf` / `…_wApproachTemp.idf`, "set up to
    /// represent a Liebert DSE 125 with pumped refrigerant economizer" (rated 148.3 kW, SHR 0.83,
    /// COP 4.5669, 8.5 m³/s): CAPFT = table "Cool Cap Mod func of Temperature", CAPFFF = `HPACCoolCapFFF`,
    /// EIRFT = table "Liebert Econophase EIR Func T" (outdoor dry bulb only; it embeds the pumped
    /// economiser), EIRFFF = `HPACCOOLEIRFFF`, PLF = `HPACCOOLPLFFPLR`. (The IDF also defines a
    /// biquadratic "Liebert Econophase quadratic fit" that no object references.)
    public static let liebertDSE125 = DXCoilCurves(
        capacityFunctionOfTemperature: .table(.liebertDSE125Capacity),
        capacityFunctionOfFlow: QuadraticCurve(0.8, 0.2, 0.0, x: 0.5 ... 1.5),
        eirFunctionOfTemperature: .table(.liebertEconophaseEIR),
        eirFunctionOfFlow: QuadraticCurve(1.156, -0.1816, 0.0256, x: 0.5 ... 1.5),
        partLoadFraction: QuadraticCurve(0.85, 0.15, 0.0, x: 0 ... 1))

    /// The packaged DX coil of `2ZoneDataCenterHVAC_wEconomizer.idf` (`DXSysACCoolCapFT`,
    /// `DXSysACCoolCapFFF`, `DXSysACCoolEIRFT`, `DXSysACCoolEIRFFF`, `DXSysACCoolPLFFPLR`), the
    /// classic DOE-2 packaged-AC biquadratics (x = wet bulb 12.78…23.89 °C, y = outdoor 18…46.11 °C).
    public static let energyPlusPackagedAC = DXCoilCurves(
        capacityFunctionOfTemperature: .biquadratic(BiquadraticCurve(
            [0.766956, 0.0107756, -0.0000414703, 0.00134961, -0.000261144, 0.000457488],
            x: 12.77778 ... 23.88889, y: 18.0 ... 46.11111)),
        capacityFunctionOfFlow: QuadraticCurve(0.8, 0.2, 0.0, x: 0.5 ... 1.5),
        eirFunctionOfTemperature: .biquadratic(BiquadraticCurve(
            [0.297145, 0.0430933, -0.000748766, 0.00597727, 0.000482112, -0.000956448],
            x: 12.77778 ... 23.88889, y: 18.0 ... 46.11111)),
        eirFunctionOfFlow: QuadraticCurve(1.156, -0.1816, 0.0256, x: 0.5 ... 1.5),
        partLoadFraction: QuadraticCurve(0.85, 0.15, 0.0, x: 0 ... 1))
}

extension LookupTable2D {
    /// "Cool Cap Mod func of Temperature" (x = entering wet bulb 13…23.9 °C, y = outdoor dry bulb
    /// −10…46 °C), linear interpolation, constant extrapolation.
    public static let liebertDSE125Capacity = LookupTable2D(
        validX: [13.0, 17.0, 19.4444, 21.0, 23.9],
        y: [-10.0, 15.0, 18.0, 24.0, 30.0, 35.0, 38.0, 46.0],
        values: [
            1.00, 1.00, 1.00, 0.924738271, 0.883909339, 0.835522309, 0.800222635, 0.683109499,
            1.00, 1.00, 1.00, 1.00, 0.976933863, 0.937696593, 0.907886775, 0.805413255,
            1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 0.9718, 0.8782,
            1.00, 1.00, 1.00, 1.00, 1.00, 1.0385, 1.0142, 0.9264,
            1.00, 1.00, 1.00, 1.00, 1.00, 1.110828252, 1.090488436, 1.013268253,
        ],
        output: -.infinity ... .infinity)

    /// "Liebert Econophase EIR Func T" (x = entering wet bulb 12.7…23.8 °C, y = outdoor dry bulb
    /// −50…50 °C; identical rows, so it depends on outdoor dry bulb only), output 0.03…1.5.
    public static let liebertEconophaseEIR: LookupTable2D = {
        let row = [0.042, 0.042, 0.084, 0.084, 0.2269, 0.2395, 0.311, 0.3697, 0.4454, 0.5462, 0.6723, 0.7227,
                   0.7773, 0.8193, 0.895, 1.0, 1.5]
        return LookupTable2D(
            validX: [12.7, 23.8],
            y: [-50.0, -4.0, -1.2222, 1.5555, 4.3333, 7.1111, 9.8888, 12.6667, 15.4444, 18.222, 21.0, 23.77778,
                26.55556, 29.33333, 32.11111, 34.88889, 50.0],
            values: row + row, output: 0.03 ... 1.5)
    }()
}
