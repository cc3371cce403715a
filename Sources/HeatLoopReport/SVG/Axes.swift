extension SVGCanvas {
    /// The y axis on the left: a gridline and label per tick, and `title` (with its unit) rotated along it.
    public mutating func drawLeftAxis(_ scale: LinearScale, ticks: [AxisTick], area: PlotArea, title: String,
                                      gridlines: Bool = true) {
        for tick in ticks {
            let y = scale.position(tick.value)
            guard y.isFinite, y >= area.top - 0.5, y <= area.bottom + 0.5 else { continue }
            if gridlines {
                line(from: ChartPoint(x: area.left, y: y), to: ChartPoint(x: area.right, y: y), color: Palette.grid)
            } else {
                line(from: ChartPoint(x: area.left - 4, y: y), to: ChartPoint(x: area.left, y: y), color: Palette.axis)
            }
            text(tick.label, at: ChartPoint(x: area.left - 6, y: y + 4), size: ChartFrame.tickFontSize, anchor: .end,
                 color: Palette.axis)
        }
        line(from: ChartPoint(x: area.left, y: area.top), to: ChartPoint(x: area.left, y: area.bottom), color: Palette.axis)
        text(title, at: ChartPoint(x: 14, y: area.top + area.height / 2), size: ChartFrame.titleFontSize, anchor: .middle,
             rotation: -90)
    }

    /// The x axis at the bottom: a tick and label per tick (labels that would overlap are thinned out,
    /// keeping every second, fourth, …), optional vertical gridlines, and `title` below.
    public mutating func drawBottomAxis(_ scale: LinearScale, ticks: [AxisTick], area: PlotArea, title: String,
                                        gridlines: Bool = false) {
        let visible = ticks.filter { tick in
            let x = scale.position(tick.value)
            return x.isFinite && x >= area.left - 0.5 && x <= area.right + 0.5
        }
        let stride = Self.labelStride(visible.map { scale.position($0.value) }, labels: visible.map(\.label))
        for (index, tick) in visible.enumerated() {
            let x = scale.position(tick.value)
            if gridlines {
                line(from: ChartPoint(x: x, y: area.top), to: ChartPoint(x: x, y: area.bottom), color: Palette.grid)
            }
            line(from: ChartPoint(x: x, y: area.bottom), to: ChartPoint(x: x, y: area.bottom + 4), color: Palette.axis)
            if index % stride == 0 {
                // A label at the drawing's edge is aligned inwards rather than cut off.
                let half = TextMetrics.width(tick.label, size: ChartFrame.tickFontSize) / 2
                let anchor: TextAnchor = x + half > width - 2 ? .end : x - half < 2 ? .start : .middle
                text(tick.label, at: ChartPoint(x: x, y: area.bottom + 16), size: ChartFrame.tickFontSize, anchor: anchor,
                     color: Palette.axis)
            }
        }
        line(from: ChartPoint(x: area.left, y: area.bottom), to: ChartPoint(x: area.right, y: area.bottom), color: Palette.axis)
        text(title, at: ChartPoint(x: area.left + area.width / 2, y: area.bottom + 34), size: ChartFrame.titleFontSize,
             anchor: .middle)
    }

    /// Every how many labels to write so that neighbours do not overlap (1 = all).
    static func labelStride(_ positions: [Double], labels: [String]) -> Int {
        guard positions.count > 1 else { return 1 }
        let spacing = abs(positions[1] - positions[0])
        let widest = labels.map { TextMetrics.width($0, size: ChartFrame.tickFontSize) }.max() ?? 0
        guard spacing > 0 else { return 1 }
        var stride = 1
        while Double(stride) * spacing < widest + 6 && stride < positions.count { stride *= 2 }
        return stride
    }
}
