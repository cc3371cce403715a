/// A measured time series at a regular interval, resampled onto the simulation steps by exact interval
/// averaging: a cluster's utilisation or power (telemetry replayed, DESIGN §3.2), an hourly grid carbon
/// intensity (§3.7), a heat-demand profile (§3.5) or an electricity price (§3.8). The file format and the reader are in
/// `HeatLoopFiles/TraceReader.swift` and `Sites/traces/README.md`.
///
/// **Samples.** Sample `i` holds `values[i]` over `[start + i·interval, start + (i+1)·interval)`, in
/// seconds of the simulated year (0 = 1 January 00:00, local standard time of the weather file; the year
/// has Y = 365 days). The trace covers `L = n·interval` seconds (`n = values.count`).
///
/// **Placement on the year** (time of year `t` ∈ [0, Y)):
/// - every sample sits at its own time of year; a trace that runs past 31 December continues at
///   1 January of the same simulated year (it wraps around the year end);
/// - the rest of the year repeats the trace with its period `L`, copies counting back from its first
///   sample, so a one-week trace repeats week after week with its weekly pattern in step all year (its
///   weekdays are those of the dates it was recorded on: the simulated year's when the years match). The
///   copies are cut short where they meet the year's start, or, for a trace that wraps, the end of its
///   wrapped part;
/// - samples more than Y after the first are not used (`TraceReader` rejects such traces).
///
/// In formulas, with `s = start mod Y` and the seam `σ = min(s, max(0, s + L − Y))` (0 unless the trace
/// wraps): `τ = t − s + (t < σ ? Y : 0)` and the value is `values[⌊(τ mod L) / interval⌋]` (mod ≥ 0).
///
/// **Step means.** Step `k` covers `[k·Δt, (k+1)·Δt)`; its mean is the overlap-weighted mean
///
///     ū_k = (1/Δt) · Σ_i v_i · |sample_i ∩ step_k|
///
/// whether samples are shorter than steps (many per step), as long, or longer (a step straddling two
/// hourly samples gets their weighted mean). Energy is conserved: `Σ_k ū_k·Δt = ∫_year v dt`, which is
/// `Σ_i v_i·interval` for a trace of exactly one year. With whole-second `start` and `interval` (all the
/// reader produces) every boundary is an exact double, so the overlaps are exact.
///
/// Cost: one sweep over the sample pieces and the steps, O(Y/interval + steps), no allocation beyond the
/// output arrays.
public struct RegularTrace: Sendable, Equatable {
    /// What the values are.
    public enum Quantity: Sendable, Equatable {
        /// Cluster utilisation, 0…1 (the cluster's node power curve turns it into power).
        case utilization
        /// Cluster electrical power, kW.
        case powerKilowatts
        /// Grid carbon intensity, g CO2/kWh.
        case gramsPerKilowattHour
        /// Heat power, MW (a district-heating demand profile).
        case megawatts
        /// Electricity price, €/MWh (may be negative, as day-ahead prices are at times).
        case eurosPerMegawattHour
    }

    /// Shortest interval accepted, s (the sweep costs O(Y/interval)); shorter or non-finite intervals give
    /// all-zero series. Trace files have whole-second timestamps, so the reader's intervals are ≥ 1 s.
    public static let minimumInterval = 1.0

    /// The clock a trace file's times are on (its time column's name says which).
    public enum Clock: String, Sendable, Equatable {
        /// `time`: local standard time of the weather file (no daylight saving), as EPW rows are.
        case localStandard = "time"
        /// `time_utc`: UTC, as market prices and grid-carbon data usually are.
        case utc = "time_utc"
    }

    public var quantity: Quantity
    /// The clock `start` is on; the simulation runs on local standard time (`onLocalStandardTime`).
    public var clock: Clock = .localStandard
    /// Seconds between samples; sample `i` covers `[start + i·interval, start + (i+1)·interval)`.
    public var interval: Double
    /// Seconds since the simulated year's start: the time of year of the first sample (any value; taken
    /// modulo the 365-day year).
    public var start: Double
    /// One value per sample: utilisation 0…1 or power in kW, as `quantity` says.
    public var values: [Double]

    public init(quantity: Quantity, interval: Double, start: Double, values: [Double], clock: Clock = .localStandard) {
        self.quantity = quantity
        self.interval = interval
        self.start = start
        self.values = values
        self.clock = clock
    }

    /// The trace on the local standard time of a weather file `utcOffsetMinutes` ahead of UTC (Chicago −360):
    /// a UTC trace's samples move by the offset (`t_local = t_UTC + offset`, so 06:00 UTC is Chicago's
    /// 00:00); a local trace is unchanged. The year wraps as for any trace. (A UTC trace from a leap year
    /// loses its UTC 29 February in the reader; the local hours around it are then off by the offset, at
    /// most one day per leap year.)
    public func onLocalStandardTime(utcOffsetMinutes: Int) -> RegularTrace {
        guard clock == .utc else { return self }
        var local = self
        local.clock = .localStandard
        local.start = start + Double(utcOffsetMinutes * 60)
        return local
    }

    /// Exact interval averages of the trace on the simulation steps (`calendar.stepCount` values, in the
    /// unit of `values`). The trace is tiled periodically to fill the year when it is shorter, and wraps
    /// around the year end (see `RegularTrace`).
    public func stepMeans(calendar: SimulationCalendar) -> [Double] {
        guard calendar.stepMinutes > 0 else { return [] }
        let stepLength = Double(calendar.stepMinutes) * 60
        var means = [Double](repeating: 0, count: calendar.stepCount)
        // Weights as fractions of the step: a step inside one sample gets exactly that sample's value.
        sweep(stepCount: means.count, stepLength: stepLength) { step, value, overlap in
            means[step] += value * (overlap / stepLength)
        }
        return means
    }

    /// The largest sample value overlapping each step (for `it/power_peak`): a sample counts when it
    /// overlaps the step for a positive time, so one that merely ends at the step's start does not.
    public func stepPeaks(calendar: SimulationCalendar) -> [Double] {
        guard calendar.stepMinutes > 0 else { return [] }
        let stepLength = Double(calendar.stepMinutes) * 60
        var peaks = [Double](repeating: -.infinity, count: calendar.stepCount)
        sweep(stepCount: peaks.count, stepLength: stepLength) { step, value, _ in
            if value > peaks[step] { peaks[step] = value }
        }
        for step in peaks.indices where peaks[step] == -.infinity { peaks[step] = 0 }  // unusable trace
        return peaks
    }

    // MARK: - Sweep

    /// Calls `visit(step, value, overlap)` for every piece of the year on which both the step and the
    /// sample are constant, in time order, with `overlap > 0` seconds. Visits nothing when the trace is
    /// unusable (no values, interval below `minimumInterval`, or a trace length that is not finite).
    @inline(__always)
    private func sweep(stepCount: Int, stepLength: Double, _ visit: (Int, Double, Double) -> Void) {
        guard !values.isEmpty, interval >= Self.minimumInterval, (Double(values.count) * interval).isFinite,
              stepCount > 0 else { return }
        let year = Double(stepCount) * stepLength
        var offset = start.isFinite ? start.truncatingRemainder(dividingBy: year) : 0
        if offset < 0 { offset += year }
        let period = Double(values.count) * interval
        // Time of year t ∈ [0, seam) is the wrapped part, τ = t − offset + Y; the rest is τ = t − offset
        // (negative before the first sample: the copies counting back).
        let seam = min(offset, max(0, offset + period - year))
        if seam > 0 {
            pass(from: 0, to: seam, tau: year - offset, stepCount: stepCount, stepLength: stepLength, visit)
        }
        pass(from: seam, to: year, tau: seam - offset, stepCount: stepCount, stepLength: stepLength, visit)
    }

    /// One sweep over times of year `[from, to)`, where `from` is trace time `tau` (seconds after the first
    /// sample; negative in the copies before it). Each iteration ends a sample, a step or the range, so
    /// it terminates after at most (samples + steps + 1) iterations.
    @inline(__always)
    private func pass(from: Double, to: Double, tau: Double, stepCount: Int, stepLength: Double,
                      _ visit: (Int, Double, Double) -> Void) {
        let count = values.count
        let period = Double(count) * interval
        let shift = from - tau  // time of year = τ + shift
        var tileStart = (tau / period).rounded(.down) * period
        var index = min(count - 1, max(0, Int(((tau - tileStart) / interval).rounded(.down))))
        // Sample ends are computed from the tile start (not accumulated), so no rounding drift.
        var sampleEnd = shift + (index == count - 1 ? tileStart + period : tileStart + Double(index + 1) * interval)
        var step = min(stepCount - 1, max(0, Int((from / stepLength).rounded(.down))))
        var stepEnd = Double(step + 1) * stepLength
        var position = from
        while position < to {
            let end = min(sampleEnd, stepEnd, to)
            if end > position {
                visit(step, values[index], end - position)
                position = end
            }
            if sampleEnd <= position {
                index += 1
                if index == count {
                    index = 0
                    tileStart += period
                }
                sampleEnd = shift + (index == count - 1 ? tileStart + period : tileStart + Double(index + 1) * interval)
            }
            if stepEnd <= position {
                step += 1
                if step == stepCount { return }
                stepEnd = Double(step + 1) * stepLength
            }
        }
    }
}
