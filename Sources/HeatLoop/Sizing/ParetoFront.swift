/// Pareto-optimal points of a two-objective comparison: a point is on the front when no other point is
/// at least as good in both objectives and better in one. Points with a NaN coordinate are never on it;
/// identical points are both on it.
///
/// Cost: O(n log n): sort by the first objective (best first), then sweep keeping the best second
/// objective seen among strictly better first objectives (Kung, Luccio & Preparata 1975, two dimensions).
public enum ParetoFront {
    /// Whether each point `(x[i], y[i])` is on the front, with `xMaximised`/`yMaximised` saying which way
    /// each objective is better.
    public static func membership(x: [Double], y: [Double], xMaximised: Bool, yMaximised: Bool) -> [Bool] {
        precondition(x.count == y.count, "one y per x")
        // Work with "larger is better" in both coordinates.
        let xs = x.map { xMaximised ? $0 : -$0 }, ys = y.map { yMaximised ? $0 : -$0 }
        let order = x.indices.filter { !xs[$0].isNaN && !ys[$0].isNaN }
            .sorted { xs[$0] != xs[$1] ? xs[$0] > xs[$1] : ys[$0] > ys[$1] }
        var onFront = [Bool](repeating: false, count: x.count)
        var bestYOfBetterX: Double? = nil
        var groupStart = 0
        while groupStart < order.count {
            // Points sharing one x: only those with the group's best y can be on the front.
            var groupEnd = groupStart
            while groupEnd < order.count, xs[order[groupEnd]] == xs[order[groupStart]] { groupEnd += 1 }
            let groupBestY = ys[order[groupStart]]
            if bestYOfBetterX.map({ groupBestY > $0 }) ?? true {
                for index in order[groupStart..<groupEnd] where ys[index] == groupBestY { onFront[index] = true }
            }
            bestYOfBetterX = max(bestYOfBetterX ?? groupBestY, groupBestY)
            groupStart = groupEnd
        }
        return onFront
    }
}
