// Generated from EnergyPlus 25.2 `DataSets/Chillers.idf` and `DataSets/AirCooledChiller.idf` (the
// `Chiller:Electric:EIR` objects named below and their three curves, copied field by field; blank
// "Condenser Fan Power Ratio" fields take the IDD default 0). Chillers.idf: CoolTools project curves from
// manufacturer data 1991–2001; AirCooledChiller.idf: fits to manufacturers' catalogue data. Reference capacity
// and COP are the curves' calibration point, not necessarily an AHRI 550/590 rating.

extension ChillerCurveSet {
    /// Every curve set shipped with HeatLoop, in a stable order.
    public static let all: [ChillerCurveSet] = [
        ChillerCurveSet(
            slug: "carrier-19xr-vsd", energyPlusName: "ElectricEIRChiller Carrier 19XR 1586kW/5.53COP/VSD",
            source: "EnergyPlus 25.2 DataSets/Chillers.idf", compressor: .centrifugal, variableSpeed: true,
            curves: EIRChillerCurves(
                referenceCapacity: Watts(1586000.0), referenceCOP: 5.53,
                referenceChilledWaterLeaving: Celsius(8.89), referenceCondenserEntering: Celsius(26.67),
                capacityFunction: BiquadraticCurve([1.119233, 0.01130501, -0.0006423802, -0.005144512, -0.0003085995, 0.0007813582],
                x: 7.22 ... 12.78, y: 12.78 ... 26.67, output: -.infinity ... .infinity),
                eirFunctionOfTemperature: BiquadraticCurve([1.110611, -0.03795765, 0.0002851444, -0.004560404, 0.0004044229, 0.0001407332],
                x: 7.22 ... 12.78, y: 12.78 ... 26.67, output: -.infinity ... .infinity),
                eirFunctionOfPartLoad: QuadraticCurve(0.1996379, -0.1612021, 0.9608483, x: 0.19 ... 1.01, output: -.infinity ... .infinity),
                minimumPartLoadRatio: 0.19, maximumPartLoadRatio: 1.01, minimumUnloadingRatio: 0.19,
                condenser: .water, condenserFanPowerRatio: 0.0)),
        ChillerCurveSet(
            slug: "york-yk-vsd", energyPlusName: "ElectricEIRChiller York YK 2771kW/6.84COP/VSD",
            source: "EnergyPlus 25.2 DataSets/Chillers.idf", compressor: .centrifugal, variableSpeed: true,
            curves: EIRChillerCurves(
                referenceCapacity: Watts(2771100.0), referenceCOP: 6.84,
                referenceChilledWaterLeaving: Celsius(5.56), referenceCondenserEntering: Celsius(23.89),
                capacityFunction: BiquadraticCurve([0.7734286, 0.04848829, -0.001859209, 0.02611971, -0.001243562, 0.0007210181],
                x: 4.44 ... 8.89, y: 12.78 ... 29.44, output: -.infinity ... .infinity),
                eirFunctionOfTemperature: BiquadraticCurve([0.7203736, 0.0103046, -0.0007854237, -0.001206349, 0.000821006, -0.001455414],
                x: 4.44 ... 8.89, y: 12.78 ... 29.44, output: -.infinity ... .infinity),
                eirFunctionOfPartLoad: QuadraticCurve(0.08653354, 0.1737382, 0.7403679, x: 0.2 ... 1.02, output: -.infinity ... .infinity),
                minimumPartLoadRatio: 0.2, maximumPartLoadRatio: 1.02, minimumUnloadingRatio: 0.2,
                condenser: .water, condenserFanPowerRatio: 0.0)),
        ChillerCurveSet(
            slug: "york-yk-vanes", energyPlusName: "ElectricEIRChiller York YK 2237kW/6.41COP/Vanes",
            source: "EnergyPlus 25.2 DataSets/Chillers.idf", compressor: .centrifugal, variableSpeed: false,
            curves: EIRChillerCurves(
                referenceCapacity: Watts(2236600.0), referenceCOP: 6.41,
                referenceChilledWaterLeaving: Celsius(6.67), referenceCondenserEntering: Celsius(26.11),
                capacityFunction: BiquadraticCurve([0.689971, -0.001413334, -0.001109323, 0.0407812, -0.001785625, 0.002977821],
                x: 4.44 ... 8.89, y: 15.56 ... 29.44, output: -.infinity ... .infinity),
                eirFunctionOfTemperature: BiquadraticCurve([0.856795, 0.003354557, 0.001047901, -0.00521725, 0.000656531, -0.00136174],
                x: 4.44 ... 8.89, y: 15.56 ... 29.44, output: -.infinity ... .infinity),
                eirFunctionOfPartLoad: QuadraticCurve(0.2605354, 0.2125571, 0.5269144, x: 0.13 ... 1.01, output: -.infinity ... .infinity),
                minimumPartLoadRatio: 0.13, maximumPartLoadRatio: 1.01, minimumUnloadingRatio: 0.13,
                condenser: .water, condenserFanPowerRatio: 0.0)),
        ChillerCurveSet(
            slug: "trane-rthb-screw", energyPlusName: "ElectricEIRChiller Trane RTHB 1051kW/5.05COP/Valve",
            source: "EnergyPlus 25.2 DataSets/Chillers.idf", compressor: .screw, variableSpeed: false,
            curves: EIRChillerCurves(
                referenceCapacity: Watts(1051400.0), referenceCOP: 5.05,
                referenceChilledWaterLeaving: Celsius(6.67), referenceCondenserEntering: Celsius(29.44),
                capacityFunction: BiquadraticCurve([0.9482157, 0.03306737, -6.450072e-05, -0.003756522, -6.501672e-05, 2.517986e-15],
                x: 4.44 ... 8.89, y: 23.89 ... 35.0, output: -.infinity ... .infinity),
                eirFunctionOfTemperature: BiquadraticCurve([0.4904181, -0.005530317, 0.001209907, 0.009122333, 0.0005923591, -0.001469958],
                x: 4.44 ... 8.89, y: 23.89 ... 35.0, output: -.infinity ... .infinity),
                eirFunctionOfPartLoad: QuadraticCurve(0.2590465, 0.2148987, 0.5265039, x: 0.2 ... 1.01, output: -.infinity ... .infinity),
                minimumPartLoadRatio: 0.2, maximumPartLoadRatio: 1.01, minimumUnloadingRatio: 0.2,
                condenser: .water, condenserFanPowerRatio: 0.0)),
        ChillerCurveSet(
            slug: "york-ys-screw", energyPlusName: "ElectricEIRChiller York YS 781kW/5.42COP/Valve",
            source: "EnergyPlus 25.2 DataSets/Chillers.idf", compressor: .screw, variableSpeed: false,
            curves: EIRChillerCurves(
                referenceCapacity: Watts(780700.0), referenceCOP: 5.42,
                referenceChilledWaterLeaving: Celsius(6.67), referenceCondenserEntering: Celsius(29.44),
                capacityFunction: BiquadraticCurve([1.002148, 0.03300191, 0.000374167, -0.005925358, -2.599267e-05, -0.0002172126],
                x: 4.44 ... 8.89, y: 15.56 ... 35.0, output: -.infinity ... .infinity),
                eirFunctionOfTemperature: BiquadraticCurve([0.4475957, -0.01054652, 0.000712687, 0.01158632, 0.000515151, -0.0009831355],
                x: 4.44 ... 8.89, y: 15.56 ... 35.0, output: -.infinity ... .infinity),
                eirFunctionOfPartLoad: QuadraticCurve(0.2519108, 0.2756914, 0.4725826, x: 0.09 ... 1.01, output: -.infinity ... .infinity),
                minimumPartLoadRatio: 0.09, maximumPartLoadRatio: 1.01, minimumUnloadingRatio: 0.09,
                condenser: .water, condenserFanPowerRatio: 0.0)),
        ChillerCurveSet(
            slug: "carrier-30xa-screw", energyPlusName: "ElectricEIRChiller Carrier 30XA160 535.1kW/3.1COP",
            source: "EnergyPlus 25.2 DataSets/AirCooledChiller.idf", compressor: .screw, variableSpeed: false,
            curves: EIRChillerCurves(
                referenceCapacity: Watts(535100.0), referenceCOP: 3.1,
                referenceChilledWaterLeaving: Celsius(6.67), referenceCondenserEntering: Celsius(35.0),
                capacityFunction: BiquadraticCurve([0.992560665, 0.0372616968, -0.0003371518, -0.0039940719, -3.98884e-05, -0.0001498283],
                x: 4.44 ... 10.0, y: 29.44 ... 46.11, output: 0.8529 ... 1.1346),
                eirFunctionOfTemperature: BiquadraticCurve([0.2248925525, 0.0221113743, 0.0011241182, 0.0174209918, 0.0002488699, -0.0014237557],
                x: 4.44 ... 10.0, y: 29.44 ... 46.11, output: 0.861 ... 1.3832),
                eirFunctionOfPartLoad: QuadraticCurve(0.0, 1.0, 0.0, x: 0.15 ... 1.0, output: -.infinity ... .infinity),
                minimumPartLoadRatio: 0.1, maximumPartLoadRatio: 1.15, minimumUnloadingRatio: 0.1,
                condenser: .air, condenserFanPowerRatio: 0.0)),
        ChillerCurveSet(
            slug: "carrier-30rb-scroll", energyPlusName: "ElectricEIRChiller Carrier 30RB390 1325.8kW/2.8COP",
            source: "EnergyPlus 25.2 DataSets/AirCooledChiller.idf", compressor: .scroll, variableSpeed: false,
            curves: EIRChillerCurves(
                referenceCapacity: Watts(1325800.0), referenceCOP: 2.8,
                referenceChilledWaterLeaving: Celsius(6.67), referenceCondenserEntering: Celsius(35.0),
                capacityFunction: BiquadraticCurve([0.9061565538, 0.0623330771, -0.0006503808, -0.0014416333, -0.0001025746, -0.0004835891],
                x: 4.44 ... 15.56, y: 29.44 ... 48.89, output: 0.7545 ... 1.3619),
                eirFunctionOfTemperature: BiquadraticCurve([0.956167823, -0.0190268512, 0.0012528074, -0.0169835155, 0.0007174712, -0.0007448796],
                x: 4.44 ... 15.56, y: 29.44 ... 48.89, output: 0.7332 ... 1.6274),
                eirFunctionOfPartLoad: QuadraticCurve(0.0, 1.0, 0.0, x: 0.15 ... 1.0, output: -.infinity ... .infinity),
                minimumPartLoadRatio: 0.1, maximumPartLoadRatio: 1.15, minimumUnloadingRatio: 0.1,
                condenser: .air, condenserFanPowerRatio: 0.0)),
        ChillerCurveSet(
            slug: "trane-cgam-scroll", energyPlusName: "ElectricEIRChiller Trane CGAM40 114kW/2.93COP",
            source: "EnergyPlus 25.2 DataSets/AirCooledChiller.idf", compressor: .scroll, variableSpeed: false,
            curves: EIRChillerCurves(
                referenceCapacity: Watts(133992.0), referenceCOP: 2.93,
                referenceChilledWaterLeaving: Celsius(6.67), referenceCondenserEntering: Celsius(35.0),
                capacityFunction: BiquadraticCurve([0.9521612078, 0.0396960862, 0.000227784, 0.0013126911, -0.0001618249, -0.0002936359],
                x: 5.56 ... 10.0, y: 4.44 ... 46.11, output: 0.832 ... 1.3622),
                eirFunctionOfTemperature: BiquadraticCurve([0.6538319925, -0.0139255898, 0.0005507112, -0.0001426351, 0.0004491154, -0.0005350036],
                x: 5.56 ... 10.0, y: 4.44 ... 46.11, output: 0.5393 ... 1.4233),
                eirFunctionOfPartLoad: QuadraticCurve(0.0255, 0.856, 0.1226, x: 0.25 ... 1.0, output: -.infinity ... .infinity),
                minimumPartLoadRatio: 0.15, maximumPartLoadRatio: 1.0, minimumUnloadingRatio: 0.25,
                condenser: .air, condenserFanPowerRatio: 0.0)),
    ]
}
