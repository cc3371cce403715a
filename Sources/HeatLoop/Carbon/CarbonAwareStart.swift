/// Carbon-aware scheduling of a flexible training job: among the whole-hour starts from the requested
/// start to the latest one that still finishes by the deadline, the start whose planned hours have the
/// lowest total grid intensity (ties: the earliest).
///
///     k* = argmin_k Σ_{h = r + k}^{r + k + L − 1} I_h,   0 ≤ k ≤ ⌊(deadline − wall − r) / 1 h⌋
///
/// `r`: requested start, `L` = ⌈wall / 1 h⌉ hours of planned wall time, `I_h` the hourly intensity (the
/// series tiled over the year). Prefix sums make it O(hours). Failures are random and not planned for, so
/// a job with many interruptions can still end after its deadline; the job is shifted, not paused.
public enum CarbonAwareStart {
    /// The chosen start, s since the year's start (the requested one when nothing is cleaner or no later
    /// start meets the deadline).
    public static func bestStart(requested: Double, deadline: Double, wallTime: Double, hourly: [Double]) -> Double {
        guard !hourly.isEmpty, requested.isFinite, deadline.isFinite, wallTime.isFinite, wallTime > 0 else { return requested }
        let latest = deadline - wallTime
        guard latest >= requested + 3600 else { return requested }
        let candidates = Int(((latest - requested) / 3600).rounded(.down))
        let hours = Int((wallTime / 3600).rounded(.up))
        let first = Int((requested / 3600).rounded(.down))
        // Prefix sums over the hours the candidates can touch.
        var prefix = [0.0]
        prefix.reserveCapacity(candidates + hours + 1)
        for offset in 0..<(candidates + hours) {
            let index = ((first + offset) % hourly.count + hourly.count) % hourly.count
            prefix.append(prefix[offset] + hourly[index])
        }
        var best = 0, bestCost = prefix[hours]
        for k in 1...candidates {
            let cost = prefix[k + hours] - prefix[k]
            // Strictly cleaner by more than rounding: ties keep the earlier start.
            if cost < bestCost - 1e-9 * abs(bestCost) { (best, bestCost) = (k, cost) }
        }
        return requested + Double(best) * 3600
    }
}
