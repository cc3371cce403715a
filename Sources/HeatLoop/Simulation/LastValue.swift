/// The last input and output of a pure function of one `Double`, owned by a loop over steps: when the input
/// repeats, the output is reused instead of evaluated again (identical, since the function is pure).
struct LastValue {
    private var input = Double.nan
    private var output = 0.0

    @inline(__always)
    mutating func callAsFunction(_ x: Double, _ function: (Double) -> Double) -> Double {
        if x != input {  // also true for NaN, which is never cached
            input = x
            output = function(x)
        }
        return output
    }
}

