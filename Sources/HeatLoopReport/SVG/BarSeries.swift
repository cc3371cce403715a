/// One named, coloured set of bar values, one value per category (a layer of a stacked bar chart, or
/// the bars at one position of every group of a grouped bar chart).
public struct BarSeries: Sendable {
    public var name: String
    public var color: String
    public var values: [Double]
    public init(name: String, color: String, values: [Double]) {
        self.name = name
        self.color = color
        self.values = values
    }
}
