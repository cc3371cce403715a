/// The steps of a year that do not depend on the site's heat recovery, as one run made them, for runs of the
/// same site with another heat recovery to read instead of making them again (issue 18 item 6: the designs of
/// a sizing sweep, and a project's run after its baseline, share them).
///
/// A heat pump that takes its heat from the facility water changes only the liquid side: its loop's rejection
/// and supply temperature, the dispatch, the network's delivery. The IT power, the electrical chain, the air
/// side (CRAH fans, the chilled-water loop and its rejection, the hall's moisture) and the IT inlet's envelope
/// read none of them, so they are the same in every such run of the site, to the bit. A run reads these steps
/// only when the inputs of those stages (`SharedStepInputs`: weather, workloads, electrical chain, air side,
/// hall, envelopes) equal the ones they were made from; otherwise it makes its own, so reading them never
/// changes a result.
public final class SharedSteps: @unchecked Sendable {
    /// One `SharedStep` per step of the year, owned (and never changed) by the instance: a run reads them
    /// through this pointer, which stays valid while it holds the instance.
    let steps: UnsafeMutablePointer<SharedStep>
    let count: Int
    let inputs: SharedStepInputs

    /// Takes over `steps`, `count` initialised steps.
    init(steps: UnsafeMutablePointer<SharedStep>, count: Int, inputs: SharedStepInputs) {
        self.steps = steps
        self.count = count
        self.inputs = inputs
    }

    deinit {
        steps.deinitialize(count: count)
        steps.deallocate()
    }

    /// The memory the steps take, bytes.
    public var bytes: Int { Self.bytes(steps: count) }

    /// The memory `steps` shared steps take, bytes.
    public static func bytes(steps: Int) -> Int { steps * MemoryLayout<SharedStep>.stride }

    /// The most memory a run spends on recording its shared steps, bytes: a year of 15-min steps (≈ 14 MB);
    /// shorter steps are not recorded (a 1-min year's would take ≈ 200 MB).
    static let maximumBytes = 16 << 20
}

/// One step of the stages that do not depend on heat recovery: what they hand to the ones that do.
struct SharedStep: Sendable {
    var itPower: Double, itPeak: Double, liquidHeat: Double, nodeUtilization: Double, inletAir: Double
    var electrical: ElectricalStage
    /// The facility water's collection at the supply temperature the step began with: the liquid side's, read
    /// when a run's supply is that one (bit for bit), as it is whenever the loop held its setpoint.
    var liquidSupply: Double, liquid: LoopCollection?
    var air: AirSideStep
    var hall: HallHumidityStep
    var inlet: InletExcursions
}

/// What the stages of `SharedStep` read besides their own state: two runs with equal inputs make the same
/// shared steps. Arrays are compared by identity first (runs of a sweep share the weather's buffers).
struct SharedStepInputs: Sendable, Equatable {
    var stepSeconds: Double
    var dryBulb: [Double], wetBulb: [Double], humidityRatio: [Double]
    var utilization: [[Double]], meanPower: [[Double]], peakPower: [[Double]]
    var capture: [Double], nodes: [Double]
    var electrical: ElectricalChain
    var airSide: AirSide
    var hallHumidity: HallHumidity
    var recommended: ASHRAEAirEnvelope, allowable: ASHRAEAirEnvelope
}
